package dev.animetracker.gateway.error;

import dev.animetracker.gateway.problem.Problems;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Where the routes' circuit breakers forward when a service is down, slow or open-circuited. */
@RestController
class FallbackController {

  private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

  private static final Map<String, String> NAMES =
      Map.of(
          "user-service", "The account service",
          "torrent-service", "The torrent catalogue service",
          "search-service", "The search service",
          "tracker-service", "The tracker service",
          "notification-service", "The notification service");

  @RequestMapping("/fallback/{service}")
  Mono<Void> fallback(@PathVariable String service, ServerWebExchange exchange) {
    Throwable cause =
        exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
    log.warn("{} unavailable: {}", service, cause == null ? "no cause" : cause.toString());
    String name = NAMES.getOrDefault(service, "A service");
    return Problems.write(
        exchange,
        HttpStatus.SERVICE_UNAVAILABLE,
        "service-unavailable",
        name + " is temporarily unavailable; please try again in a minute.");
  }
}
