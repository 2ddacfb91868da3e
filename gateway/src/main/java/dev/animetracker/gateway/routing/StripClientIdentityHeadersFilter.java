package dev.animetracker.gateway.routing;

import java.util.List;
import java.util.Locale;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Removes identity-looking headers a client could set (X-Forwarded-User, X-User-Id, X-Auth-*,
 * Remote-User, ...) before a request reaches a service: services trust only the verified token, and
 * nothing downstream should ever be tempted by such a header.
 */
@Component
class StripClientIdentityHeadersFilter implements GlobalFilter, Ordered {

  private static final List<String> PREFIXES =
      List.of("x-forwarded-user", "x-forwarded-email", "x-user", "x-auth", "x-remote-user");

  private static final List<String> NAMES = List.of("remote-user", "x-roles", "x-username");

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
    List<String> doomed =
        exchange.getRequest().getHeaders().headerNames().stream()
            .filter(StripClientIdentityHeadersFilter::identityHeader)
            .toList();
    if (doomed.isEmpty()) {
      return chain.filter(exchange);
    }
    return chain.filter(
        exchange
            .mutate()
            .request(request -> request.headers(headers -> doomed.forEach(headers::remove)))
            .build());
  }

  static boolean identityHeader(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return NAMES.contains(lower) || PREFIXES.stream().anyMatch(lower::startsWith);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
