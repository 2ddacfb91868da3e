package dev.animetracker.user.reset;

import dev.animetracker.common.event.user.PasswordChanged;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.user.account.User;
import dev.animetracker.user.account.UserRepository;
import dev.animetracker.user.auth.RefreshTokens;
import dev.animetracker.user.session.SessionStates;
import dev.animetracker.user.token.InvalidTokenException;
import dev.animetracker.user.token.OneTimeTokens;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional half of a reset confirmation, apart from {@link PasswordResetService} so the
 * new password is hashed before the transaction starts: a call within one bean would not pass the
 * transaction proxy.
 */
@Component
class PasswordResetWriter {

  private final UserRepository users;
  private final OneTimeTokens tokens;
  private final Outbox outbox;
  private final RefreshTokens refreshTokens;
  private final SessionStates sessionStates;

  PasswordResetWriter(
      UserRepository users,
      OneTimeTokens tokens,
      Outbox outbox,
      RefreshTokens refreshTokens,
      SessionStates sessionStates) {
    this.sessionStates = sessionStates;
    this.users = users;
    this.tokens = tokens;
    this.outbox = outbox;
    this.refreshTokens = refreshTokens;
  }

  /** Redeems the token and stores the already hashed password, ending every session. */
  @Transactional
  public void setPassword(String token, String passwordHash) {
    long userId =
        tokens
            .redeem(OneTimeTokens.Kind.PASSWORD_RESET, token)
            .orElseThrow(InvalidTokenException::new);
    User user = users.findForUpdate(userId).orElseThrow(InvalidTokenException::new);
    user.setPasswordHash(passwordHash);
    user.endSessions();
    sessionStates.publishAfterCommit(userId, user.sessionState());
    user.setActive(true);
    tokens.invalidateAll(OneTimeTokens.Kind.PASSWORD_RESET, userId);
    outbox.publish(
        String.valueOf(userId),
        new PasswordChanged(userId, user.getUsername(), user.getEmail(), user.getLocale()));
    // Sessions opened before the commit must not survive it: revoke now and again after.
    refreshTokens.revokeAll(userId);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            refreshTokens.revokeAll(userId);
          }
        });
  }
}
