package dev.animetracker.gateway.security;

import dev.animetracker.gateway.account.UserServiceClient;
import dev.animetracker.gateway.account.UserServiceDtos.TokenPair;
import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.problem.GatewayException;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Turns a browser session into a Bearer request before Spring Security looks at it: a valid {@code
 * AT} cookie becomes {@code Authorization: Bearer}; a missing, expired or revoked one (its session
 * version is behind the user's, see {@link SessionStateCache}) is renewed from {@code RT} through
 * user-service (new cookies are set); a failed renewal clears both, and a renewal refused because
 * the account is banned answers a state-changing request {@code 403 banned}. Requests that carry
 * their own Authorization header, and static resources, are left alone.
 *
 * <p>A browser whose access token just expired sends several requests at once, possibly to
 * different gateway instances. Correctness does not depend on this instance: user-service answers a
 * refresh token presented again within its grace window after the rotation with another pair of the
 * same session (and treats later reuse as theft), whichever instance asks. The requests that
 * present one refresh token here while its renewal is <em>in flight</em> merely share that renewal,
 * which saves user-service the calls and the browser a flurry of cookie pairs.
 */
@Component
class SessionCookieWebFilter implements WebFilter, Ordered {

  private static final Logger log = LoggerFactory.getLogger(SessionCookieWebFilter.class);

  private static final List<String> STATIC_PREFIXES =
      List.of("/webjars/", "/css/", "/js/", "/img/", "/favicon", "/actuator/");

  private final ReactiveJwtDecoder decoder;

  private final ConcurrentMap<String, Mono<DownstreamResult<TokenPair>>> inFlight =
      new ConcurrentHashMap<>();

  private final UserServiceClient users;

  private final SessionCookies cookies;

  private final SessionStateCache states;

  SessionCookieWebFilter(
      ReactiveJwtDecoder decoder,
      UserServiceClient users,
      SessionCookies cookies,
      SessionStateCache states) {
    this.decoder = decoder;
    this.users = users;
    this.cookies = cookies;
    this.states = states;
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
                .filterWhen(this::current)
                .map(jwt -> access)
                .onErrorResume(JwtException.class, error -> Mono.empty());
    return valid
        .map(token -> withBearer(exchange, token))
        .switchIfEmpty(Mono.defer(() -> renew(exchange, refresh)))
        .flatMap(chain::filter);
  }

  /** Whether the token's session version is still the user's (else it is renewed). */
  private Mono<Boolean> current(Jwt jwt) {
    OptionalLong userId = SessionTokens.userId(jwt);
    if (userId.isEmpty()) {
      return Mono.just(true);
    }
    long version = SessionTokens.version(jwt);
    return states.state(userId.getAsLong()).map(state -> !state.revokes(version));
  }

  private Mono<ServerWebExchange> renew(ServerWebExchange exchange, String refresh) {
    if (refresh == null) {
      cookies.clear(exchange);
      return Mono.just(exchange);
    }
    return renewOnce(refresh)
        .flatMap(
            result ->
                switch (result) {
                  case DownstreamResult.Ok<TokenPair>(TokenPair tokens) when tokens != null -> {
                    cookies.write(exchange, tokens);
                    yield Mono.just(withBearer(exchange, tokens.accessToken()));
                  }
                  case DownstreamResult.Unavailable<TokenPair> unavailable -> {
                    // Keep RT: it may still be good once user-service is back.
                    log.debug("Session refresh skipped: user-service unavailable");
                    yield Mono.just(exchange);
                  }
                  case DownstreamResult.Failed<TokenPair> failed
                      when "banned".equals(failed.code()) -> {
                    cookies.clear(exchange);
                    yield !SessionStateWebFilter.refusedWhenBanned(exchange)
                        ? Mono.just(exchange)
                        : Mono.error(
                            new GatewayException(HttpStatus.FORBIDDEN, "banned", failed.detail()));
                  }
                  default -> {
                    cookies.clear(exchange);
                    yield Mono.just(exchange);
                  }
                });
  }

  /** The renewal for this refresh token: started by the first request, shared while it runs. */
  private Mono<DownstreamResult<TokenPair>> renewOnce(String refresh) {
    return inFlight.computeIfAbsent(
        SessionCookies.fingerprint(refresh),
        key -> users.refresh(refresh).doFinally(signal -> inFlight.remove(key)).cache());
  }

  private static ServerWebExchange withBearer(ServerWebExchange exchange, String token) {
    ServerWebExchange mutated =
        exchange.mutate().request(request -> request.headers(h -> h.setBearerAuth(token))).build();
    mutated.getAttributes().put(SessionCookies.FROM_COOKIE_ATTR, Boolean.TRUE);
    return mutated;
  }
}
