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
  private final OutboxTracing tracing;

  public Outbox(JdbcClient jdbc, JsonMapper mapper, OutboxRelay relay, OutboxTracing tracing) {
    this.jdbc = jdbc;
    this.mapper = mapper;
    this.relay = relay;
    this.tracing = tracing;
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
            insert into outbox_event
                (event_id, topic, event_key, event_type, envelope, created_at, traceparent)
            values (:id, :topic, :key, :type, :envelope, :createdAt, :traceparent)
            """)
        .param("id", envelope.id())
        .param("topic", EventTypes.of(payload.getClass()).topic())
        .param("key", key)
        .param("type", envelope.type())
        .param("envelope", mapper.writeValueAsString(envelope))
        .param("createdAt", java.sql.Timestamp.from(envelope.occurredAt()))
        .param("traceparent", tracing.currentTraceparent())
        .update();
    wakeRelayAfterCommit();
    return envelope;
  }

  /** An event to publish with its aggregate key (see {@link #publishAll}). */
  public record Keyed(String key, Object payload) {}

  /**
   * Records many events at once, in their order, with one statement: for a change that fans out to
   * many recipients (search-service's release matches), where an insert per event would cost more
   * than the change itself.
   *
   * @return the envelopes that will be published, in the same order
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public java.util.List<EventEnvelope> publishAll(java.util.List<Keyed> events) {
    if (events.isEmpty()) {
      return java.util.List.of();
    }
    java.util.List<EventEnvelope> envelopes = new java.util.ArrayList<>(events.size());
    int size = events.size();
    java.util.UUID[] ids = new java.util.UUID[size];
    String[] topics = new String[size];
    String[] keys = new String[size];
    String[] types = new String[size];
    String[] bodies = new String[size];
    java.sql.Timestamp[] times = new java.sql.Timestamp[size];
    for (int i = 0; i < size; i++) {
      Keyed event = events.get(i);
      EventEnvelope envelope = EventEnvelope.wrap(event.key(), event.payload(), mapper);
      envelopes.add(envelope);
      ids[i] = envelope.id();
      topics[i] = EventTypes.of(event.payload().getClass()).topic();
      keys[i] = event.key();
      types[i] = envelope.type();
      bodies[i] = mapper.writeValueAsString(envelope);
      times[i] = java.sql.Timestamp.from(envelope.occurredAt());
    }
    jdbc.sql(
            """
            insert into outbox_event
                (event_id, topic, event_key, event_type, envelope, created_at, traceparent)
            select e.id, e.topic, e.key, e.type, e.envelope, e.created_at, :traceparent
            from unnest(cast(:ids as uuid[]), cast(:topics as text[]), cast(:keys as text[]),
                cast(:types as text[]), cast(:envelopes as text[]),
                cast(:createdAt as timestamptz[]))
                with ordinality as e(id, topic, key, type, envelope, created_at, position)
            order by e.position
            """)
        .param("ids", ids)
        .param("topics", topics)
        .param("keys", keys)
        .param("types", types)
        .param("envelopes", bodies)
        .param("createdAt", times)
        .param("traceparent", tracing.currentTraceparent())
        .update();
    wakeRelayAfterCommit();
    return envelopes;
  }

  private void wakeRelayAfterCommit() {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            relay.wakeUp();
          }
        });
  }
}
