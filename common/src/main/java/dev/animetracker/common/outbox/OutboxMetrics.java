package dev.animetracker.common.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox seen from outside: {@code outbox.pending} (events not yet acknowledged by Kafka) and
 * {@code outbox.oldest.age} (seconds the oldest of them has waited). A relay that is stuck shows as
 * a backlog that grows and an age that climbs, whichever instance of the service is scraped,
 * because both come from the shared table, not from one relay's memory.
 *
 * <p>One query (on the partial index of pending rows) serves both gauges and is reused for {@link
 * #CACHE}, so a scrape costs at most one round trip however many gauges it reads. When the database
 * cannot answer, the gauges read NaN (no sample) instead of failing the scrape.
 */
public class OutboxMetrics implements MeterBinder {

  /** Events written but not yet published. */
  public static final String PENDING = "outbox.pending";

  /** Age in seconds of the oldest unpublished event (0 when none waits). */
  public static final String OLDEST_AGE = "outbox.oldest.age";

  static final Duration CACHE = Duration.ofSeconds(5);

  private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);

  private record Snapshot(double pending, double oldestAgeSeconds, Instant takenAt) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private volatile Snapshot last = new Snapshot(Double.NaN, Double.NaN, Instant.EPOCH);

  public OutboxMetrics(JdbcClient jdbc) {
    this(jdbc, Clock.systemUTC());
  }

  OutboxMetrics(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder(PENDING, this, metrics -> metrics.snapshot().pending())
        .description("Outbox events not yet acknowledged by Kafka")
        .strongReference(true)
        .register(registry);
    Gauge.builder(OLDEST_AGE, this, metrics -> metrics.snapshot().oldestAgeSeconds())
        .description("Seconds the oldest unpublished outbox event has waited")
        .baseUnit("seconds")
        .strongReference(true)
        .register(registry);
  }

  private Snapshot snapshot() {
    Snapshot current = last;
    Instant now = clock.instant();
    if (Duration.between(current.takenAt(), now).compareTo(CACHE) < 0) {
      return current;
    }
    Snapshot fresh;
    try {
      fresh =
          jdbc.sql(
                  """
                  select count(*) as pending,
                         coalesce(extract(epoch from (now() - min(created_at))), 0) as age
                  from outbox_event where published_at is null
                  """)
              .query((rs, row) -> new Snapshot(rs.getLong("pending"), rs.getDouble("age"), now))
              .single();
    } catch (RuntimeException e) {
      log.debug("Outbox gauges unavailable: {}", e.getMessage());
      fresh = new Snapshot(Double.NaN, Double.NaN, now);
    }
    last = fresh;
    return fresh;
  }
}
