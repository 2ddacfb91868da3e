package dev.animetracker.gateway.ratelimit;

import dev.animetracker.gateway.problem.GatewayException;
import dev.animetracker.gateway.ratelimit.AuthRateLimiter.Decision;
import dev.animetracker.gateway.ratelimit.AuthRateLimiter.Limit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rate limits of the JSON authentication API: POST /api/auth/login (per IP and per login),
 * /api/auth/register (per IP), /api/auth/password-reset and /api/auth/verify-email/resend (per IP
 * and per e-mail: each mails a link). The body is read once to find the login or e-mail and
 * replayed to the service unchanged. Paths are matched in their {@link CanonicalPath canonical
 * form}, so no spelling of these paths escapes its limit.
 */
@Component
class AuthRateLimitWebFilter implements WebFilter, Ordered {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final AuthRateLimiter limiter;

  private final ClientIpResolver clientIp;

  AuthRateLimitWebFilter(AuthRateLimiter limiter, ClientIpResolver clientIp) {
    this.limiter = limiter;
    this.clientIp = clientIp;
  }

  @Override
  public int getOrder() {
    // After security (-100) and the size limit (-90): bodies here are small and tokens checked.
    return -80;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    if (!HttpMethod.POST.equals(request.getMethod())) {
      return chain.filter(exchange);
    }
    String path = CanonicalPath.of(request.getPath().pathWithinApplication().value());
    String ip = clientIp.resolve(exchange);
    return switch (path) {
      case "/api/auth/register" ->
          enforce(limiter.check(Limit.REGISTER_IP, ip)).then(chain.filter(exchange));
      case "/api/auth/login" ->
          withBody(
              exchange,
              chain,
              field ->
                  checks(
                      limiter.check(Limit.LOGIN_IP, ip),
                      field == null ? null : limiter.check(Limit.LOGIN_ACCOUNT, field)),
              "login");
      case "/api/auth/password-reset" ->
          withBody(
              exchange,
              chain,
              field ->
                  checks(
                      limiter.check(Limit.RESET_IP, ip),
                      field == null ? null : limiter.check(Limit.RESET_EMAIL, field)),
              "email");
      case "/api/auth/verify-email/resend" ->
          withBody(
              exchange,
              chain,
              field ->
                  checks(
                      limiter.check(Limit.RESEND_IP, ip),
                      field == null ? null : limiter.check(Limit.RESEND_EMAIL, field)),
              "email");
      default -> chain.filter(exchange);
    };
  }

  private Mono<Decision> checks(Mono<Decision> first, Mono<Decision> second) {
    List<Mono<Decision>> all = new ArrayList<>();
    all.add(first);
    if (second != null) {
      all.add(second);
    }
    return limiter.checkAll(all);
  }

  private Mono<Void> withBody(
      ServerWebExchange exchange,
      WebFilterChain chain,
      Function<String, Mono<Decision>> checks,
      String field) {
    return DataBufferUtils.join(exchange.getRequest().getBody())
        .map(
            buffer -> {
              byte[] bytes = new byte[buffer.readableByteCount()];
              buffer.read(bytes);
              DataBufferUtils.release(buffer);
              return bytes;
            })
        .defaultIfEmpty(new byte[0])
        .flatMap(
            bytes ->
                enforce(checks.apply(fieldOf(bytes, field)))
                    .then(
                        chain.filter(exchange.mutate().request(replay(exchange, bytes)).build())));
  }

  private static String fieldOf(byte[] body, String field) {
    if (body.length == 0) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(body).get(field);
      return node != null && node.isString() && !node.asString().isBlank()
          ? node.asString().trim()
          : null;
    } catch (RuntimeException malformed) {
      // The service answers malformed JSON itself; only the IP limit applies.
      return null;
    }
  }

  private static ServerHttpRequest replay(ServerWebExchange exchange, byte[] bytes) {
    return new ServerHttpRequestDecorator(exchange.getRequest()) {
      @Override
      public Flux<DataBuffer> getBody() {
        return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
      }
    };
  }

  static Mono<Void> enforce(Mono<Decision> decision) {
    return decision.flatMap(
        result -> {
          if (result.allowed()) {
            return Mono.empty();
          }
          HttpHeaders headers = new HttpHeaders();
          headers.set(HttpHeaders.RETRY_AFTER, Long.toString(result.retryAfterSeconds()));
          return Mono.error(
              new GatewayException(
                  HttpStatus.TOO_MANY_REQUESTS,
                  "rate-limited",
                  "Too many attempts; try again in " + result.retryAfterSeconds() + " seconds.",
                  headers));
        });
  }
}
