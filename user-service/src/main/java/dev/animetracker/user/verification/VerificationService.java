package dev.animetracker.user.verification;

import dev.animetracker.common.event.user.UserVerified;
import dev.animetracker.common.event.user.VerificationRequested;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.user.UsersProperties;
import dev.animetracker.user.account.User;
import dev.animetracker.user.account.UserRepository;
import dev.animetracker.user.token.InvalidTokenException;
import dev.animetracker.user.token.OneTimeTokens;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** E-mail verification: redeeming the mailed token activates the account. */
@Service
class VerificationService {

  private final UserRepository users;
  private final OneTimeTokens tokens;
  private final Outbox outbox;
  private final UsersProperties properties;

  VerificationService(
      UserRepository users, OneTimeTokens tokens, Outbox outbox, UsersProperties properties) {
    this.users = users;
    this.tokens = tokens;
    this.outbox = outbox;
    this.properties = properties;
  }

  @Transactional
  public void verify(String token) {
    long userId =
        tokens
            .redeem(OneTimeTokens.Kind.EMAIL_VERIFICATION, token)
            .orElseThrow(InvalidTokenException::new);
    User user = users.findById(userId).orElseThrow(InvalidTokenException::new);
    if (!user.isActive()) {
      user.setActive(true);
      outbox.publish(String.valueOf(userId), new UserVerified(userId, user.getUsername()));
    }
  }

  /**
   * Mails a fresh link to an existing, still inactive account unless the mail throttle holds it
   * back; silently does nothing otherwise, so the answer is the same in every case.
   */
  @Transactional
  public void resend(String email) {
    users
        .findByEmailIgnoreCase(email)
        .filter(user -> !user.isActive())
        .ifPresent(
            user ->
                tokens
                    .issueThrottled(
                        OneTimeTokens.Kind.EMAIL_VERIFICATION,
                        user.getId(),
                        properties.verificationTokenTtl(),
                        properties.mailThrottle())
                    .ifPresent(token -> publish(user, token)));
  }

  private void publish(User user, OneTimeTokens.Issued token) {
    outbox.publish(
        String.valueOf(user.getId()),
        new VerificationRequested(
            user.getId(),
            user.getUsername(),
            user.getEmail(),
            user.getLocale(),
            token.sealed(),
            token.expiresAt()));
  }
}
