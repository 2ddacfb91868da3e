package dev.animetracker.gateway.management;

import dev.animetracker.common.security.ManagementProperties;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.IpAddressServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The actuator on the public port: health and info for everyone (probes, load balancers), every
 * other endpoint (Prometheus metrics, which name routes, users' traffic and internals) only for the
 * TCP peers of {@link ManagementProperties#networks()}; anyone else gets a 404 as if there were
 * nothing. A chain of its own, ahead of the site's, so the site's rules cannot open it by mistake.
 * Paths are matched the way the actuator's own handler mapping matches them (decoded, without
 * {@code ;} parameters), so no spelling reaches an endpoint this chain did not judge.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ManagementProperties.class)
class ManagementSecurity {

  private static final byte[] NOT_FOUND =
      "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"code\":\"not-found\"}"
          .getBytes(StandardCharsets.UTF_8);

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityWebFilterChain managementChain(ServerHttpSecurity http, ManagementProperties settings) {
    List<IpAddressServerWebExchangeMatcher> allowed =
        settings.networks().stream().map(IpAddressServerWebExchangeMatcher::new).toList();
    return http.securityMatcher(ServerWebExchangeMatchers.pathMatchers("/actuator", "/actuator/**"))
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers("/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .anyExchange()
                    .access(
                        (authentication, context) ->
                            fromAllowed(context.getExchange(), allowed)
                                .map(AuthorizationDecision::new)))
        .exceptionHandling(
            handling ->
                handling
                    .authenticationEntryPoint((exchange, denied) -> notFound(exchange))
                    .accessDeniedHandler((exchange, denied) -> notFound(exchange)))
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
        .build();
  }

  /** The TCP peer's address (the matcher never reads forwarded headers). */
  private static Mono<Boolean> fromAllowed(
      ServerWebExchange exchange, List<IpAddressServerWebExchangeMatcher> allowed) {
    return Flux.fromIterable(allowed)
        .concatMap(matcher -> matcher.matches(exchange))
        .any(ServerWebExchangeMatcher.MatchResult::isMatch);
  }

  private static Mono<Void> notFound(ServerWebExchange exchange) {
    exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
    exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return exchange
        .getResponse()
        .writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(NOT_FOUND)));
  }
}
