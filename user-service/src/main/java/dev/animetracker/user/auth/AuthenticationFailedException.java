package dev.animetracker.user.auth;

import dev.animetracker.common.web.DomainException;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Login or token refresh refused. */
class AuthenticationFailedException extends DomainException {

  private AuthenticationFailedException(HttpStatus status, String code, String detail) {
    super(status, code, detail);
  }

  private AuthenticationFailedException(
      HttpStatus status, String code, String detail, Map<String, Object> properties) {
    super(status, code, detail, properties);
  }

  /**
   * The account is banned; {@code bannedUntil} (ISO-8601) tells when it ends, absent for a ban
   * without an end.
   */
  public static AuthenticationFailedException banned(Instant until) {
    if (until == null) {
      return new AuthenticationFailedException(
          HttpStatus.FORBIDDEN, "banned", "This account is banned.");
    }
    return new AuthenticationFailedException(
        HttpStatus.FORBIDDEN,
        "banned",
        "This account is banned until " + until + ".",
        Map.of("bannedUntil", until.toString()));
  }

  /** Same answer for an unknown login and a wrong password. */
  public static AuthenticationFailedException badCredentials() {
    return new AuthenticationFailedException(
        HttpStatus.UNAUTHORIZED, "bad-credentials", "Wrong username, e-mail or password.");
  }

  public static AuthenticationFailedException emailNotVerified() {
    return new AuthenticationFailedException(
        HttpStatus.FORBIDDEN,
        "email-not-verified",
        "Confirm your e-mail address first; we sent you a link.");
  }

  public static AuthenticationFailedException invalidRefreshToken() {
    return new AuthenticationFailedException(
        HttpStatus.UNAUTHORIZED,
        "invalid-refresh-token",
        "The session has expired or was ended; please log in again.");
  }

  public static AuthenticationFailedException refreshTokenReused() {
    return new AuthenticationFailedException(
        HttpStatus.UNAUTHORIZED,
        "refresh-token-reused",
        "This session token was already used; for your safety the session was ended."
            + " Please log in again.");
  }
}
