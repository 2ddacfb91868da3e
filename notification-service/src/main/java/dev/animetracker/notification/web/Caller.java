package dev.animetracker.notification.web;

import dev.animetracker.common.web.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The authenticated user of a request: the access token's {@code sub}. */
public record Caller(long id) {

  /**
   * The caller of the current request; 401 when there is none (the filter chain usually ends it).
   */
  public static Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      throw new DomainException(HttpStatus.UNAUTHORIZED, "unauthorized", "Log in to do this.");
    }
    try {
      return new Caller(Long.parseLong(token.getToken().getSubject()));
    } catch (NumberFormatException e) {
      throw new DomainException(
          HttpStatus.UNAUTHORIZED, "invalid-access-token", "The access token names no user.");
    }
  }
}
