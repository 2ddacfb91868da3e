package dev.animetracker.search.web;

import dev.animetracker.common.web.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The user of a request to {@code /api/users/me/**}, from the access token the gateway made of the
 * session: {@code sub} (user id) and {@code preferred_username}.
 */
public record Caller(long id, String username) {

  /**
   * The caller of the current request; 401 when there is none (the filter chain usually ends it).
   */
  public static Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      throw new DomainException(HttpStatus.UNAUTHORIZED, "unauthorized", "Log in to do this.");
    }
    long id;
    try {
      id = Long.parseLong(token.getToken().getSubject());
    } catch (NumberFormatException e) {
      throw new DomainException(
          HttpStatus.UNAUTHORIZED, "invalid-access-token", "The access token names no user.");
    }
    String username = token.getToken().getClaimAsString("preferred_username");
    return new Caller(id, username == null ? "" : username);
  }
}
