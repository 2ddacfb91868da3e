package dev.animetracker.gateway.security;

import dev.animetracker.gateway.account.UserServiceClient;
import dev.animetracker.gateway.account.UserServiceDtos.TokenPair;
import dev.animetracker.gateway.downstream.DownstreamResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
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
import reactor.core.scheduler.Schedulers;

/**
 * Turns a browser session into a Bearer request before Spring Security looks at it: a valid {@code
 * AT} cookie becomes {@code Authorization: Bearer}; a missing or expired one is renewed from {@code
 * RT} through user-service (new cookies are set); a failed renewal clears both. Requests that carry
 * their own Authorization header, and static resources, are left alone.
 *
 * <p>Refresh tokens are single-use (user-service treats a second use as theft and revokes the whole
 * session), but a browser whose access token just expired sends several requests at once. So one
 * renewal per refresh token is made and its result shared, for {@link #SHARED_FOR}, by every
 * request that presents the same refresh token.
 */
@Component
class SessionCookieWebFilter implements WebFilter, Ordered {

  private static final Logger log = LoggerFactory.getLogger(SessionCookieWebFilter.class);

  static final Duration SHARED_FOR = Duration.ofSeconds(30);

  private static final List<String> STATIC_PREFIXES =
      List.of("/webjars/", "/css/", "/js/", "/img/", "/favicon", "/actuator/");

  private final ReactiveJwtDecoder decoder;

  private final ConcurrentMap<String, Mono<DownstreamResult<TokenPair>>> renewals =
      new ConcurrentHashMap<>();

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
    String path = exchange.getRequest().getPath().value();
    if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
        || STATIC_PREFIXES.stream().anyMatch(path::startsWith)) {
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
    return renewOnce(refresh)
        .map(
            result ->
                switch (result) {
                  case DownstreamResult.Ok<TokenPair>(TokenPair tokens) when tokens != null -> {
                    cookies.write(exchange, tokens);
                    yield withBearer(exchange, tokens.accessToken());
                  }
                  case DownstreamResult.Unavailable<TokenPair> unavailable -> {
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

  /**
   * The shared renewal for this refresh token: started by the first request, reused by the rest.
   */
  private Mono<DownstreamResult<TokenPair>> renewOnce(String refresh) {
    String key = SessionCookies.fingerprint(refresh);
    return renewals.computeIfAbsent(
        key,
        k -> {
          Mono<DownstreamResult<TokenPair>> shared =
              users
                  .refresh(refresh)
                  .doOnNext(
                      result -> {
                        // An outage answer must not be replayed: try again on the next request.
                        long keep =
                            result instanceof DownstreamResult.Unavailable<TokenPair>
                                ? 0
                                : SHARED_FOR.toMillis();
                        Schedulers.parallel()
                            .schedule(() -> renewals.remove(k), keep, TimeUnit.MILLISECONDS);
                      })
                  .doOnError(error -> renewals.remove(k))
                  .cache();
          return shared;
        });
  }

  private static ServerWebExchange withBearer(ServerWebExchange exchange, String token) {
    ServerWebExchange mutated =
        exchange.mutate().request(request -> request.headers(h -> h.setBearerAuth(token))).build();
    mutated.getAttributes().put(SessionCookies.FROM_COOKIE_ATTR, Boolean.TRUE);
    return mutated;
  }
}
