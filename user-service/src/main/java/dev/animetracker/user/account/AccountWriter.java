package dev.animetracker.user.account;

import dev.animetracker.common.event.user.UserRegistered;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.user.UsersProperties;
import dev.animetracker.user.account.AccountExceptions.AccountTakenException;
import dev.animetracker.user.token.OneTimeTokens;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The transactional half of registration, apart from {@link AccountService} so the password is
 * hashed before the transaction starts: a call within one bean would not pass the transaction
 * proxy.
 */
@Component
class AccountWriter {

  private final UserRepository users;
  private final OneTimeTokens tokens;
  private final Outbox outbox;
  private final UsersProperties properties;

  AccountWriter(
      UserRepository users, OneTimeTokens tokens, Outbox outbox, UsersProperties properties) {
    this.users = users;
    this.tokens = tokens;
    this.outbox = outbox;
    this.properties = properties;
  }

  /** The inactive account, its verification token and {@code user.registered}, all or nothing. */
  @Transactional
  public User create(String username, String email, String passwordHash, String locale) {
    if (users.existsByUsernameIgnoreCase(username)) {
      throw AccountTakenException.username();
    }
    if (users.existsByEmailIgnoreCase(email)) {
      throw AccountTakenException.email();
    }
    User user = users.saveAndFlush(new User(username, email, passwordHash, locale));
    OneTimeTokens.Issued token =
        tokens.issue(
            OneTimeTokens.Kind.EMAIL_VERIFICATION, user.getId(), properties.verificationTokenTtl());
    outbox.publish(
        String.valueOf(user.getId()),
        new UserRegistered(
            user.getId(),
            user.getUsername(),
            user.getEmail(),
            user.getLocale(),
            token.sealed(),
            token.expiresAt()));
    return user;
  }
}
