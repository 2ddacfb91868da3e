package dev.animetracker.user.account;

import dev.animetracker.common.event.user.ModeratorChanged;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.user.account.AccountExceptions.AccountTakenException;
import dev.animetracker.user.account.AccountExceptions.CannotDemoteSelfException;
import dev.animetracker.user.account.AccountExceptions.NotModeratorException;
import dev.animetracker.user.account.AccountExceptions.UserNotFoundException;
import java.util.Locale;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registration, profiles and the moderator role. */
@Service
class AccountService {

  private final UserRepository users;
  private final AccountWriter writer;
  private final PasswordEncoder passwordEncoder;
  private final Outbox outbox;

  AccountService(
      UserRepository users, AccountWriter writer, PasswordEncoder passwordEncoder, Outbox outbox) {
    this.users = users;
    this.writer = writer;
    this.passwordEncoder = passwordEncoder;
    this.outbox = outbox;
  }

  /**
   * Creates an inactive account, a verification token and the {@code user.registered} event in one
   * transaction ({@link AccountWriter}). The password is hashed before the transaction starts
   * (Argon2 is deliberately slow).
   */
  public User register(String username, String email, String password, String locale) {
    // Cheap checks first: a taken name or address must not cost an Argon2 hash.
    if (users.existsByUsernameIgnoreCase(username)) {
      throw AccountTakenException.username();
    }
    if (users.existsByEmailIgnoreCase(email)) {
      throw AccountTakenException.email();
    }
    String hash = passwordEncoder.encode(password);
    try {
      return writer.create(username, email, hash, locale);
    } catch (DataIntegrityViolationException e) {
      // Two registrations raced past the checks above; the unique indexes decided.
      throw takenFrom(e);
    }
  }

  static RuntimeException takenFrom(DataIntegrityViolationException e) {
    String message = String.valueOf(e.getMostSpecificCause().getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("users_username_lower_key")) {
      return AccountTakenException.username();
    }
    if (message.contains("users_email_lower_key")) {
      return AccountTakenException.email();
    }
    return e;
  }

  @Transactional(readOnly = true)
  public User byId(long id) {
    return users.findById(id).orElseThrow(UserNotFoundException::new);
  }

  @Transactional(readOnly = true)
  public User byUsername(String username) {
    return users.findByUsernameIgnoreCase(username).orElseThrow(UserNotFoundException::new);
  }

  /**
   * Grants or withdraws the moderator role. The actor's role is re-checked in the database (the
   * token may be up to 15 minutes old); nobody can demote themselves, so there is always a
   * moderator left who can act.
   */
  @Transactional
  public User setModerator(long actorId, String username, boolean moderator) {
    User actor =
        users.findById(actorId).filter(User::isModerator).orElseThrow(NotModeratorException::new);
    User target = users.findByUsernameIgnoreCase(username).orElseThrow(UserNotFoundException::new);
    if (target.getId().equals(actor.getId()) && !moderator) {
      throw new CannotDemoteSelfException();
    }
    if (target.isModerator() != moderator) {
      target.setModerator(moderator);
      outbox.publish(
          String.valueOf(target.getId()),
          new ModeratorChanged(
              target.getId(), target.getUsername(), moderator, actor.getUsername()));
    }
    return target;
  }
}
