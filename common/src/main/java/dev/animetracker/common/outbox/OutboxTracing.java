package dev.animetracker.common.outbox;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Carries a request's trace across the outbox: the W3C {@code traceparent} of the span that wrote
 * an event is stored with its row, and the relay sends the row inside a span continuing that trace,
 * so the Kafka template's observation writes the same trace id into the record's headers and the
 * consumers' spans and log lines join the request that caused the event. Without tracing (no {@link
 * Tracer} bean) it stores nothing and sends as before.
 */
public class OutboxTracing {

  static final String TRACEPARENT = "traceparent";

  /** Tracing switched off: rows carry no trace context. */
  public static final OutboxTracing NONE = new OutboxTracing(null, null);

  private final @Nullable Tracer tracer;
  private final @Nullable Propagator propagator;

  public OutboxTracing(@Nullable Tracer tracer, @Nullable Propagator propagator) {
    this.tracer = tracer;
    this.propagator = propagator;
  }

  /** The {@code traceparent} of the current span, or null outside a trace. */
  public @Nullable String currentTraceparent() {
    if (tracer == null || propagator == null) {
      return null;
    }
    TraceContext context = tracer.currentTraceContext().context();
    if (context == null) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    propagator.inject(context, carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /**
   * Runs {@code send} inside a span that continues the trace of {@code traceparent} (a new trace
   * when it is null or unreadable).
   */
  public <T> T continueTrace(@Nullable String traceparent, Supplier<T> send) {
    if (tracer == null || propagator == null) {
      return send.get();
    }
    Span.Builder builder =
        traceparent == null
            ? tracer.spanBuilder().setNoParent()
            : propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
    Span span = builder.name("outbox relay").kind(Span.Kind.PRODUCER).start();
    try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
      return send.get();
    } finally {
      span.end();
    }
  }
}
