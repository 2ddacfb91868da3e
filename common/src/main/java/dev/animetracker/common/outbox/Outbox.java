package dev.animetracker.common.outbox;

import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.EventTypes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes events into the service's {@code outbox_event} table inside the caller's transaction, so
 * an event exists exactly when the business change it describes was committed. {@link OutboxRelay}
 * delivers it to Kafka afterwards, however long Kafka is away.
 */
public class Outbox {

  private final JdbcClient jdbc;
  private final JsonMapper mapper;
  private final OutboxRelay relay;

  public Outbox(JdbcClient jdbc, JsonMapper mapper, OutboxRelay relay) {
    this.jdbc = jdbc;
    this.mapper = mapper;
    this.relay = relay;
  }

  /**
   * Records an event for publication once the surrounding transaction commits.
   *
   * @param key the aggregate key (Kafka record key)
   * @param payload a record annotated with {@link EventType}
   * @return the envelope that will be published
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public EventEnvelope publish(String key, Object payload) {
    EventEnvelope envelope = EventEnvelope.wrap(key, payload, mapper);
    jdbc.sql(
            """
            insert into outbox_event (event_id, topic, event_key, event_type, envelope, created_at)
            values (:id, :topic, :key, :type, :envelope, :createdAt)
            """)
        .param("id", envelope.id())
        .param("topic", EventTypes.of(payload.getClass()).topic())
        .param("key", key)
        .param("type", envelope.type())
        .param("envelope", mapper.writeValueAsString(envelope))
        .param("createdAt", java.sql.Timestamp.from(envelope.occurredAt()))
        .update();
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            relay.wakeUp();
          }
        });
    return envelope;
  }
}
