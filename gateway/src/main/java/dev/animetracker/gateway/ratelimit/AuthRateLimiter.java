package dev.animetracker.gateway.ratelimit;

import dev.animetracker.gateway.GatewayProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.support.ConfigurationService;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Per-minute limits of the authentication endpoints (API and web forms), kept in Redis by Spring
 * Cloud Gateway's {@link RedisRateLimiter}. A limit of N per minute is a token bucket of N requests
 * that refills one request every 60/N seconds. Redis trouble lets requests through.
 */
@Component
public class AuthRateLimiter {

  /** The limited actions and what their keys are made of. */
  public enum Limit {
    LOGIN_IP,
    LOGIN_ACCOUNT,
    REGISTER_IP,
    RESET_IP,
    RESET_EMAIL,
    RESEND_IP,
    RESEND_EMAIL,
    MEDIA_IP;

    /** Whether the key is a client address (then IPv6 clients count per /64). */
    boolean byAddress() {
      return this == LOGIN_IP
          || this == REGISTER_IP
          || this == RESET_IP
          || this == RESEND_IP
          || this == MEDIA_IP;
    }
  }

  /**
   * The outcome of a check.
   *
   * @param retryAfterSeconds when a denied client may try again
   */
  public record Decision(boolean allowed, long retryAfterSeconds) {}

  private static final int TOKENS_PER_REQUEST = 60;

  private final RedisRateLimiter limiter;

  private final GatewayProperties.RateLimit limits;

  private final Map<Limit, Counter> rejected = new EnumMap<>(Limit.class);

  AuthRateLimiter(
      ReactiveStringRedisTemplate redis,
      @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME) RedisScript<List<Long>> script,
      ConfigurationService configurationService,
      GatewayProperties properties,
      MeterRegistry meters) {
    this.limits = properties.rateLimit();
    this.limiter = new RedisRateLimiter(redis, script, configurationService);
    this.limiter.setIncludeHeaders(false);
    for (Limit limit : Limit.values()) {
      rejected.put(
          limit,
          Counter.builder("gateway.ratelimit.rejected")
              .description("Requests refused with 429 by a rate limit")
              .tag("limit", limit.name().toLowerCase(Locale.ROOT))
              .register(meters));
      int perMinute = perMinute(limit);
      limiter
          .getConfig()
          .put(
              routeId(limit),
              new RedisRateLimiter.Config()
                  .setReplenishRate(perMinute)
                  .setBurstCapacity((long) perMinute * TOKENS_PER_REQUEST)
                  .setRequestedTokens(TOKENS_PER_REQUEST));
    }
  }

  /** Checks (and counts) one attempt against every given key; denied if any is exhausted. */
  public Mono<Decision> check(Limit limit, String key) {
    String bucket = limit.byAddress() ? ClientIpResolver.bucketOf(key) : key;
    return limiter
        .isAllowed(routeId(limit), bucket.toLowerCase(Locale.ROOT))
        .map(
            response -> {
              if (!response.isAllowed()) {
                rejected.get(limit).increment();
              }
              return new Decision(response.isAllowed(), (long) Math.ceil(60.0 / perMinute(limit)));
            });
  }

  /** Checks several limits; all are counted, the first denial wins. */
  public Mono<Decision> checkAll(List<Mono<Decision>> checks) {
    return Flux.concat(checks)
        .collectList()
        .map(
            decisions ->
                decisions.stream()
                    .filter(decision -> !decision.allowed())
                    .findFirst()
                    .orElse(new Decision(true, 0)));
  }

  private String routeId(Limit limit) {
    return limits.keyPrefix() + "-" + limit.name().toLowerCase(Locale.ROOT);
  }

  private int perMinute(Limit limit) {
    return switch (limit) {
      case LOGIN_IP -> limits.loginPerIp();
      case LOGIN_ACCOUNT -> limits.loginPerAccount();
      case REGISTER_IP -> limits.registerPerIp();
      case RESET_IP -> limits.passwordResetPerIp();
      case RESET_EMAIL -> limits.passwordResetPerEmail();
      case RESEND_IP -> limits.verificationResendPerIp();
      case RESEND_EMAIL -> limits.verificationResendPerEmail();
      case MEDIA_IP -> limits.mediaPerIp();
    };
  }
}
