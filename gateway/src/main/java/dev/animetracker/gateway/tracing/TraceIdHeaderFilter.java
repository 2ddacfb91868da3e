package dev.animetracker.gateway.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Names the trace of every response in {@code X-Trace-Id} (pages, API, redirects, errors and the
 * gateway's own 4xx/5xx alike), so a user's report or a browser's network tab leads to the log
 * lines and spans of that request in every service it touched. The id is the one of the server
 * observation around the exchange, which is also the parent of the calls to the services.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class TraceIdHeaderFilter implements WebFilter {

  public static final String HEADER = "X-Trace-Id";

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              String traceId = traceId(exchange);
              if (traceId != null) {
                exchange.getResponse().getHeaders().set(HEADER, traceId);
              }
              return Mono.empty();
            });
    return chain.filter(exchange);
  }

  /** The trace id of the exchange's server observation, or null when tracing is off. */
  public static @Nullable String traceId(ServerWebExchange exchange) {
    ServerRequestObservationContext context =
        ServerRequestObservationContext.findCurrent(exchange.getAttributes()).orElse(null);
    if (context == null) {
      return null;
    }
    TracingContext tracing = context.get(TracingContext.class);
    Span span = tracing == null ? null : tracing.getSpan();
    if (span == null || span.isNoop()) {
      return null;
    }
    String traceId = span.context().traceId();
    return traceId.isEmpty() ? null : traceId;
  }
}
