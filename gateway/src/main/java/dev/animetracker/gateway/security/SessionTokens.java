package dev.animetracker.gateway.security;

import dev.animetracker.common.session.SessionState;
import java.util.OptionalLong;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reading our claims from a validated access token. */
final class SessionTokens {

  private SessionTokens() {}

  /** The user id ({@code sub}), empty for a token that is not a user's. */
  static OptionalLong userId(Jwt jwt) {
    try {
      return OptionalLong.of(Long.parseLong(jwt.getSubject()));
    } catch (NumberFormatException | NullPointerException e) {
      return OptionalLong.empty();
    }
  }

  /** The session version ({@code ver}); tokens from before the claim existed count as 0. */
  static long version(Jwt jwt) {
    Object claim = jwt.getClaims().get(SessionState.VERSION_CLAIM);
    if (claim instanceof Number number) {
      return number.longValue();
    }
    if (claim instanceof String text) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException e) {
        return 0;
      }
    }
    return 0;
  }
}
