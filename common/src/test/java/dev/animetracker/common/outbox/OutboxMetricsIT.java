package dev.animetracker.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.testsupport.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The outbox gauges read the shared table: backlog and the oldest pending event's age. */
@SpringBootTest(
    properties = {
      "spring.flyway.locations=classpath:db/common",
      // No relay: the rows written here must stay pending.
      "animetracker.outbox.enabled=false"
    })
class OutboxMetricsIT {

  @SpringBootApplication
  static class App {}

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_common_metrics");
    Infrastructure.registerKafka(registry);
  }

  @Autowired JdbcClient jdbc;

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
  private final MeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void emptyOutbox() {
    jdbc.sql("delete from outbox_event").update();
    new OutboxMetrics(jdbc, clock).bindTo(registry);
  }

  @Test
  void pendingEventsAndTheOldestAgeAreReportedPublishedOnesAreNot() {
    assertThat(gauge(OutboxMetrics.PENDING)).isZero();
    assertThat(gauge(OutboxMetrics.OLDEST_AGE)).isZero();

    insert(Duration.ofMinutes(10), false);
    insert(Duration.ofMinutes(2), false);
    insert(Duration.ofHours(3), true);
    clock.advance(OutboxMetrics.CACHE);

    assertThat(gauge(OutboxMetrics.PENDING)).isEqualTo(2.0);
    assertThat(gauge(OutboxMetrics.OLDEST_AGE)).isBetween(599.0, 660.0);
  }

  @Test
  void oneQueryServesAScrapeUntilTheCacheExpires() {
    assertThat(gauge(OutboxMetrics.PENDING)).isZero();
    insert(Duration.ofMinutes(1), false);

    assertThat(gauge(OutboxMetrics.PENDING)).as("within the cache period").isZero();
    clock.advance(OutboxMetrics.CACHE);
    assertThat(gauge(OutboxMetrics.PENDING)).isEqualTo(1.0);
  }

  private double gauge(String name) {
    return registry.get(name).gauge().value();
  }

  private void insert(Duration age, boolean published) {
    jdbc.sql(
            """
            insert into outbox_event (event_id, topic, event_key, event_type, envelope, created_at,
                                      published_at)
            values (:id, 'metrics-test', 'k', 'test.event', '{}', now() - :age * interval '1 second',
                    case when :published then now() end)
            """)
        .param("id", UUID.randomUUID())
        .param("age", age.toSeconds())
        .param("published", published)
        .update();
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
