package dev.animetracker.gateway.security;

import dev.animetracker.gateway.GatewayProperties;
import dev.animetracker.gateway.account.UserServiceClient;
import dev.animetracker.gateway.account.UserServiceDtos.TokenPair;
import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.problem.GatewayException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
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
import reactor.core.scheduler.Schedulers;

/**
 * Turns a browser session into a Bearer request before Spring Security looks at it: a valid {@code
 * AT} cookie becomes {@code Authorization: Bearer}; a missing, expired or revoked one (its session
 * version is behind the user's, see {@link SessionStateCache}) is renewed from {@code RT} through
 * user-service (new cookies are set); a failed renewal clears both, and a renewal refused because
 * the account is banned answers a state-changing request {@code 403 banned}. Requests that carry
 * their own Authorization header, and static resources, are left alone.
 *
 * <p>Refresh tokens are single-use (user-service treats a second use as theft and revokes the whole
 * session), but a browser whose access token just expired sends several requests at once. So the
 * requests that present one refresh token while its renewal is <em>in flight</em> share that
 * renewal. Once it has completed the new pair is handed to nobody else: a later presenter of the
 * same refresh token within {@code refresh-replay-window} (a straggler of the same browser, or
 * someone replaying a stolen cookie) continues as an anonymous request, without new cookies and
 * without asking user-service (which would end the legitimate session as stolen). After the window
 * the token goes to user-service again, which detects the reuse.
 */
@Component
class SessionCookieWebFilter implements WebFilter, Ordered {

  private static final Logger log = LoggerFactory.getLogger(SessionCookieWebFilter.class);

  private static final List<String> STATIC_PREFIXES =
      List.of("/webjars/", "/css/", "/js/", "/img/", "/favicon", "/actuator/");

  /** The answer for a refresh token this gateway rotated a moment ago. */
  private static final DownstreamResult<TokenPair> REPLAYED =
      new DownstreamResult.Failed<>(401, "refresh-replayed", "", List.of(), Map.of());

  private final ReactiveJwtDecoder decoder;

  private final ConcurrentMap<String, Mono<DownstreamResult<TokenPair>>> inFlight =
      new ConcurrentHashMap<>();

  private final ConcurrentMap<String, Instant> rotated = new ConcurrentHashMap<>();

  private final UserServiceClient users;

  private final SessionCookies cookies;

  private final SessionStateCache states;

  private final Duration replayWindow;

  SessionCookieWebFilter(
      ReactiveJwtDecoder decoder,
      UserServiceClient users,
      SessionCookies cookies,
      SessionStateCache states,
      GatewayProperties properties) {
    this.decoder = decoder;
    this.users = users;
    this.cookies = cookies;
    this.states = states;
    this.replayWindow = properties.sessions().refreshReplayWindow();
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
                  case DownstreamResult.Failed<TokenPair> failed when failed == REPLAYED -> {
                    // The browser holds the new cookies already (or a thief holds this one).
                    log.debug("Refresh token presented again right after its rotation");
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

  /**
   * The renewal for this refresh token: started by the first request, shared by those arriving
   * while it runs, refused to everyone after it completed (for the replay window).
   */
  private Mono<DownstreamResult<TokenPair>> renewOnce(String refresh) {
    String key = SessionCookies.fingerprint(refresh);
    Instant rotatedUntil = rotated.get(key);
    if (rotatedUntil != null && Instant.now().isBefore(rotatedUntil)) {
      return Mono.just(REPLAYED);
    }
    return inFlight.computeIfAbsent(
        key,
        k ->
            users
                .refresh(refresh)
                .doOnNext(
                    result -> {
                      if (result instanceof DownstreamResult.Ok<TokenPair>) {
                        // Recorded before the in-flight entry goes, so no presenter slips between.
                        rotated.put(k, Instant.now().plus(replayWindow));
                        Schedulers.parallel()
                            .schedule(
                                () -> rotated.remove(k),
                                replayWindow.toMillis(),
                                TimeUnit.MILLISECONDS);
                      }
                    })
                .doFinally(signal -> inFlight.remove(k))
                .cache());
  }

  private static ServerWebExchange withBearer(ServerWebExchange exchange, String token) {
    ServerWebExchange mutated =
        exchange.mutate().request(request -> request.headers(h -> h.setBearerAuth(token))).build();
    mutated.getAttributes().put(SessionCookies.FROM_COOKIE_ATTR, Boolean.TRUE);
    return mutated;
  }
}
