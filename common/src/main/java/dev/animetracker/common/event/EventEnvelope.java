package dev.animetracker.common.event;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The versioned wrapper of every event on Kafka. Consumers read only the payload fields they need
 * and ignore unknown ones, so payloads may only grow.
 *
 * @param id unique per event; consumers deduplicate on it
 * @param type dotted name such as {@code user.registered}
 * @param version payload schema version of that type
 * @param occurredAt when the business change was committed
 * @param key the aggregate key, also the Kafka record key (keeps one aggregate's events ordered)
 * @param payload the event body
 */
public record EventEnvelope(
    UUID id, String type, int version, Instant occurredAt, String key, JsonNode payload) {

  /** Wraps a payload record, taking type and version from its {@link EventType} annotation. */
  public static EventEnvelope wrap(String key, Object payload, JsonMapper mapper) {
    EventType eventType = EventTypes.of(payload.getClass());
    return new EventEnvelope(
        UUID.randomUUID(),
        eventType.value(),
        eventType.version(),
        Instant.now(),
        key,
        mapper.valueToTree(payload));
  }

  /** Reads the payload as the given record type. */
  public <T> T payloadAs(Class<T> type, JsonMapper mapper) {
    return mapper.treeToValue(payload, type);
  }

  /** Parses the JSON form of an envelope as read from Kafka or the outbox. */
  public static EventEnvelope parse(String json, JsonMapper mapper) {
    return mapper.readValue(json, EventEnvelope.class);
  }
}
