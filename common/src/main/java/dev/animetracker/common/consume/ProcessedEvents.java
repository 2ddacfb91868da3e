package dev.animetracker.common.consume;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Remembers which events a consumer has applied, in the consumer's own database and transaction, so
 * a redelivered event (Kafka is at-least-once, the outbox may repeat) changes nothing the second
 * time.
 */
public class ProcessedEvents {

  private final JdbcClient jdbc;

  public ProcessedEvents(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Marks the event as processed by this consumer.
   *
   * @return {@code true} the first time, {@code false} for a repeat (the caller then does nothing)
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean firstTime(String consumer, UUID eventId) {
    return jdbc.sql(
                """
                insert into processed_event (consumer, event_id) values (:consumer, :eventId)
                on conflict do nothing
                """)
            .param("consumer", consumer)
            .param("eventId", eventId)
            .update()
        == 1;
  }
}
