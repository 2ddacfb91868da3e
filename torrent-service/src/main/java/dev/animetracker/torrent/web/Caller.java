package dev.animetracker.torrent.web;

import dev.animetracker.common.web.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The authenticated user of a request, from the access token: {@code sub} (user id), {@code
 * preferred_username} and the moderator role.
 */
public record Caller(long id, String username, boolean moderator) {

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
    boolean moderator =
        token.getAuthorities().stream()
            .anyMatch(authority -> "ROLE_MODERATOR".equals(authority.getAuthority()));
    return new Caller(id, username == null ? "user" + id : username, moderator);
  }

  /**
   * The current request's access token as sent, for calls made on the caller's behalf (a ban at
   * user-service, which checks the role itself); 401 when there is none.
   */
  public static String currentToken() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof JwtAuthenticationToken token)) {
      throw new DomainException(HttpStatus.UNAUTHORIZED, "unauthorized", "Log in to do this.");
    }
    return token.getToken().getTokenValue();
  }

  /** Whether the current request carries a valid access token. */
  public static boolean authenticated() {
    return SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken;
  }

  /** Whether this caller may change something owned by {@code ownerId}. */
  public boolean mayModify(long ownerId) {
    return moderator || id == ownerId;
  }
}
