package dev.animetracker.gateway.security;

import dev.animetracker.common.session.SessionState;
import dev.animetracker.gateway.problem.GatewayException;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs after the token's signature and expiry were checked and before the request is routed: a
 * banned user's state-changing request is answered {@code 403 banned} (problem+json, or the error
 * page for the web UI); a token issued before the user's last session-version bump (logout,
 * password reset, role change, ban) is answered {@code 401 invalid-token}, as an expired one would
 * be. Requests without a user's token pass untouched.
 */
class SessionStateWebFilter implements WebFilter {

  private static final Set<HttpMethod> SAFE_METHODS =
      Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

  private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9/_-]+");

  private final SessionStateCache states;

  SessionStateWebFilter(SessionStateCache states) {
    this.states = states;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(JwtAuthenticationToken.class::isInstance)
        .cast(JwtAuthenticationToken.class)
        .flatMap(authentication -> check(exchange, authentication))
        .then(Mono.defer(() -> chain.filter(exchange)));
  }

  private Mono<Void> check(ServerWebExchange exchange, JwtAuthenticationToken authentication) {
    OptionalLong userId = SessionTokens.userId(authentication.getToken());
    if (userId.isEmpty()) {
      return Mono.empty();
    }
    long tokenVersion = SessionTokens.version(authentication.getToken());
    return states
        .state(userId.getAsLong())
        .flatMap(
            state -> {
              if (state.bannedAt(states.now()) && refusedWhenBanned(exchange)) {
                return Mono.error(banned(state));
              }
              if (state.revokes(tokenVersion)) {
                return Mono.error(revoked());
              }
              return Mono.empty();
            });
  }

  /**
   * Whether a banned user may not make this request: everything that changes state, except ending
   * or starting a session (logging out must stay possible; login answers {@code banned} itself).
   */
  static boolean refusedWhenBanned(ServerWebExchange exchange) {
    if (SAFE_METHODS.contains(exchange.getRequest().getMethod())) {
      return false;
    }
    String path = exchange.getRequest().getPath().pathWithinApplication().value();
    // Only a plain spelling is exempt: no encoding, dot segments or doubled slashes that routing
    // might resolve to something else.
    if (!PLAIN_PATH.matcher(path).matches() || path.contains("//")) {
      return true;
    }
    return !(path.equals("/login") || path.equals("/logout") || path.startsWith("/api/auth/"));
  }

  static GatewayException banned(SessionState state) {
    return new GatewayException(
        HttpStatus.FORBIDDEN,
        "banned",
        state.bannedUntil() == null
            ? "This account is banned."
            : "This account is banned until " + state.bannedUntil() + ".");
  }

  private static GatewayException revoked() {
    HttpHeaders headers = new HttpHeaders();
    headers.set(
        HttpHeaders.WWW_AUTHENTICATE,
        "Bearer error=\"invalid_token\", error_description=\"The session of this access token"
            + " has ended\"");
    return new GatewayException(
        HttpStatus.UNAUTHORIZED,
        "invalid-token",
        "The session of this access token has ended; log in again or refresh it.",
        headers);
  }
}
