package dev.animetracker.gateway.routing;

import dev.animetracker.gateway.GatewayProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One circuit breaker per downstream service. Its time limiter sits a little above the route's
 * response timeout, so the HTTP client's timeout fires first and the limiter is only a backstop;
 * torrent-service gets the upload timeout because POST /api/torrents shares its breaker.
 */
@Configuration(proxyBeanMethods = false)
class CircuitBreakerConfig {

  private static final Duration MARGIN = Duration.ofSeconds(2);

  @Bean
  Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakers(
      GatewayProperties properties) {
    return factory -> {
      factory.configureDefault(id -> config(id, properties.timeouts().response().plus(MARGIN)));
      factory.configure(
          builder ->
              builder
                  .timeLimiterConfig(limiter(properties.timeouts().uploadResponse().plus(MARGIN)))
                  .circuitBreakerConfig(breaker()),
          "torrent-service");
    };
  }

  private static Resilience4JConfigBuilder.Resilience4JCircuitBreakerConfiguration config(
      String id, Duration timeout) {
    return new Resilience4JConfigBuilder(id)
        .timeLimiterConfig(limiter(timeout))
        .circuitBreakerConfig(breaker())
        .build();
  }

  private static TimeLimiterConfig limiter(Duration timeout) {
    return TimeLimiterConfig.custom().timeoutDuration(timeout).cancelRunningFuture(true).build();
  }

  private static io.github.resilience4j.circuitbreaker.CircuitBreakerConfig breaker() {
    return io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
        .slidingWindowType(SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(20)
        .minimumNumberOfCalls(10)
        .failureRateThreshold(50)
        .waitDurationInOpenState(Duration.ofSeconds(10))
        .permittedNumberOfCallsInHalfOpenState(3)
        .build();
  }
}
