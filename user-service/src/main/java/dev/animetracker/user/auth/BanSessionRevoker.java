package dev.animetracker.user.auth;

import dev.animetracker.user.account.AccountBanned;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends every refresh token family of a banned account once the ban is committed. A refresh racing
 * the ban is refused anyway: {@link AuthService#refresh} checks the ban on every rotation.
 */
@Component
class BanSessionRevoker {

  private final RefreshTokens refreshTokens;

  BanSessionRevoker(RefreshTokens refreshTokens) {
    this.refreshTokens = refreshTokens;
  }

  @TransactionalEventListener
  void onBanned(AccountBanned banned) {
    refreshTokens.revokeAll(banned.userId());
  }
}
