package dev.animetracker.gateway.security;

import dev.animetracker.gateway.account.UserServiceClient;
import dev.animetracker.gateway.account.UserServiceDtos.TokenPair;
import dev.animetracker.gateway.account.UserServiceResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Turns a browser session into a Bearer request before Spring Security looks at it: a valid {@code
 * AT} cookie becomes {@code Authorization: Bearer}; a missing or expired one is renewed from {@code
 * RT} through user-service (new cookies are set); a failed renewal clears both. Requests that carry
 * their own Authorization header are left alone.
 */
@Component
class SessionCookieWebFilter implements WebFilter, Ordered {

  private static final Logger log = LoggerFactory.getLogger(SessionCookieWebFilter.class);

  private final ReactiveJwtDecoder decoder;

  private final UserServiceClient users;

  private final SessionCookies cookies;

  SessionCookieWebFilter(
      ReactiveJwtDecoder decoder, UserServiceClient users, SessionCookies cookies) {
    this.decoder = decoder;
    this.users = users;
    this.cookies = cookies;
  }

  @Override
  public int getOrder() {
    // Before Spring Security's WebFilterChainProxy (-100).
    return -150;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
      return chain.filter(exchange);
    }
    String access = SessionCookies.value(exchange, SessionCookies.ACCESS);
    String refresh = SessionCookies.value(exchange, SessionCookies.REFRESH);
    if (access == null && refresh == null) {
      return chain.filter(exchange);
    }
    Mono<String> valid =
        access == null
            ? Mono.empty()
            : decoder
                .decode(access)
                .map(jwt -> access)
                .onErrorResume(JwtException.class, error -> Mono.empty());
    return valid
        .map(token -> withBearer(exchange, token))
        .switchIfEmpty(Mono.defer(() -> renew(exchange, refresh)))
        .flatMap(chain::filter);
  }

  private Mono<ServerWebExchange> renew(ServerWebExchange exchange, String refresh) {
    if (refresh == null) {
      cookies.clear(exchange);
      return Mono.just(exchange);
    }
    return users
        .refresh(refresh)
        .map(
            result ->
                switch (result) {
                  case UserServiceResult.Ok<TokenPair>(TokenPair tokens) when tokens != null -> {
                    cookies.write(exchange, tokens);
                    yield withBearer(exchange, tokens.accessToken());
                  }
                  case UserServiceResult.Unavailable<TokenPair> unavailable -> {
                    // Keep RT: it may still be good once user-service is back.
                    log.debug("Session refresh skipped: user-service unavailable");
                    yield exchange;
                  }
                  default -> {
                    cookies.clear(exchange);
                    yield exchange;
                  }
                });
  }

  private static ServerWebExchange withBearer(ServerWebExchange exchange, String token) {
    ServerWebExchange mutated =
        exchange.mutate().request(request -> request.headers(h -> h.setBearerAuth(token))).build();
    mutated.getAttributes().put(SessionCookies.FROM_COOKIE_ATTR, Boolean.TRUE);
    return mutated;
  }
}
