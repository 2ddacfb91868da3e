package dev.animetracker.common.consume;

import dev.animetracker.common.event.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading Kafka records as events, the same way in every listener: whatever can never be read
 * becomes a {@link PoisonEventException}, which the shared error handler logs and skips.
 */
public final class EventRecords {

  private EventRecords() {}

  /** The envelope of a record; poison if it is empty, not JSON, or lacks id or type. */
  public static EventEnvelope parse(ConsumerRecord<String, String> record, JsonMapper mapper) {
    if (record.value() == null) {
      throw new PoisonEventException("Empty record at offset " + record.offset(), null);
    }
    EventEnvelope envelope;
    try {
      envelope = EventEnvelope.parse(record.value(), mapper);
    } catch (JacksonException e) {
      throw new PoisonEventException("Unreadable event at offset " + record.offset(), e);
    }
    if (envelope == null || envelope.id() == null || envelope.type() == null) {
      throw new PoisonEventException("Event without id or type at offset " + record.offset(), null);
    }
    return envelope;
  }

  /** The payload as the given record type; poison if it is missing or unreadable. */
  public static <T> T payload(EventEnvelope envelope, Class<T> type, JsonMapper mapper) {
    if (envelope.payload() == null || !envelope.payload().isObject()) {
      throw new PoisonEventException(
          envelope.type() + " event " + envelope.id() + " without a payload", null);
    }
    try {
      return envelope.payloadAs(type, mapper);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new PoisonEventException(
          "Unreadable " + envelope.type() + " payload of event " + envelope.id(), e);
    }
  }
}
