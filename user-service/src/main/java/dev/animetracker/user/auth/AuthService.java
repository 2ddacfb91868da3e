package dev.animetracker.user.auth;

import dev.animetracker.user.account.User;
import dev.animetracker.user.account.UserRepository;
import dev.animetracker.user.auth.RefreshTokens.Rotation;
import dev.animetracker.user.password.PasswordUpgrades;
import dev.animetracker.user.session.SessionStates;
import dev.animetracker.user.token.SecureTokens;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Login, refresh-token rotation and logout. */
@Service
class AuthService {

  private static final Logger log = LoggerFactory.getLogger(AuthService.class);

  /** A token response. */
  public record TokenPair(
      String accessToken, String refreshToken, String tokenType, long expiresIn) {}

  private final UserRepository users;
  private final PasswordEncoder passwordEncoder;
  private final AccessTokens accessTokens;
  private final RefreshTokens refreshTokens;
  private final PasswordUpgrades passwordUpgrades;
  private final SessionStates sessionStates;

  /** Verified against when the login is unknown, so both failures take the same time. */
  private final String dummyHash;

  AuthService(
      UserRepository users,
      PasswordEncoder passwordEncoder,
      AccessTokens accessTokens,
      RefreshTokens refreshTokens,
      PasswordUpgrades passwordUpgrades,
      SessionStates sessionStates) {
    this.passwordUpgrades = passwordUpgrades;
    this.sessionStates = sessionStates;
    this.users = users;
    this.passwordEncoder = passwordEncoder;
    this.accessTokens = accessTokens;
    this.refreshTokens = refreshTokens;
    this.dummyHash = passwordEncoder.encode(SecureTokens.newToken());
  }

  public TokenPair login(String login, String password) {
    Optional<User> found = users.findByLogin(login.trim());
    if (found.isEmpty()) {
      passwordEncoder.matches(password, dummyHash);
      throw AuthenticationFailedException.badCredentials();
    }
    User user = found.get();
    if (!passwordEncoder.matches(password, user.getPasswordHash())) {
      throw AuthenticationFailedException.badCredentials();
    }
    passwordUpgrades.upgradeIfWeaker(user.getId(), user.getPasswordHash(), password);
    if (!user.isActive()) {
      throw AuthenticationFailedException.emailNotVerified();
    }
    // Only after the password matched: the ban is nobody else's business.
    if (user.isBannedAt(Instant.now())) {
      throw AuthenticationFailedException.banned(user.getBannedUntil());
    }
    return pair(user, refreshTokens.issueNewFamily(user.getId()));
  }

  /**
   * Exchanges a refresh token for a new pair. The user is read again, so role changes apply and a
   * deactivated account loses its sessions.
   */
  public TokenPair refresh(String refreshToken) {
    Rotation rotation = refreshTokens.rotate(refreshToken);
    return switch (rotation) {
      case Rotation.Invalid invalid -> throw AuthenticationFailedException.invalidRefreshToken();
      case Rotation.Reused reused -> {
        log.warn(
            "Refresh token reuse for user {}; revoked session family {}",
            reused.userId(),
            reused.familyId());
        throw AuthenticationFailedException.refreshTokenReused();
      }
      case Rotation.Rotated rotated -> {
        Optional<User> user = users.findById(rotated.userId()).filter(User::isActive);
        if (user.isEmpty()) {
          refreshTokens.revokeFamily(rotated.userId(), rotated.familyId());
          throw AuthenticationFailedException.invalidRefreshToken();
        }
        if (user.get().isBannedAt(Instant.now())) {
          // The ban revoked every family already; this one was rotated in the same instant.
          refreshTokens.revokeFamily(rotated.userId(), rotated.familyId());
          throw AuthenticationFailedException.banned(user.get().getBannedUntil());
        }
        String next = refreshTokens.issueInFamily(rotated.userId(), rotated.familyId());
        if (next == null) {
          throw AuthenticationFailedException.invalidRefreshToken();
        }
        yield pair(user.get(), next);
      }
    };
  }

  /**
   * Ends the token's session and bumps the user's session version, so access tokens issued before
   * the logout stop working at the gateway at once instead of living out their 15 minutes. The
   * user's other sessions keep their refresh tokens and get a fresh access token on their next
   * refresh.
   */
  @Transactional
  public void logout(String refreshToken) {
    refreshTokens
        .revokeByToken(refreshToken)
        .ifPresent(
            userId ->
                users
                    .findForUpdate(userId)
                    .ifPresent(
                        user -> {
                          user.endSessions();
                          sessionStates.publishAfterCommit(userId, user.sessionState());
                        }));
  }

  private TokenPair pair(User user, String refreshToken) {
    return new TokenPair(
        accessTokens.issue(user), refreshToken, "Bearer", accessTokens.expiresInSeconds());
  }
}
