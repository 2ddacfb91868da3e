package dev.animetracker.common.consume;

import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.EventTypes;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading Kafka records as events, the same way in every listener: whatever can never be read
 * becomes a {@link PoisonEventException}, which the shared error handler logs and skips.
 *
 * <p>Listeners call {@link #decode(ConsumerRecord, Class, JsonMapper)} with their sealed family
 * (e.g. {@code TorrentEvent.class}) and {@code switch} over the result: record → envelope → typed
 * payload, once, here. Types outside the family are empty (forward compatible: a newer producer's
 * types are ignored); a payload that is missing, unreadable or breaks its record's invariants
 * (compact constructor) is poison.
 */
public final class EventRecords {

  /** Per sealed family: its members by {@code @EventType} name. */
  private static final ClassValue<Map<String, Class<?>>> MEMBERS =
      new ClassValue<>() {
        @Override
        protected Map<String, Class<?>> computeValue(Class<?> family) {
          if (!family.isSealed()) {
            throw new IllegalArgumentException(family.getName() + " is not a sealed event family");
          }
          return Arrays.stream(family.getPermittedSubclasses())
              .collect(
                  Collectors.toUnmodifiableMap(
                      member -> EventTypes.of(member).value(), Function.identity()));
        }
      };

  private EventRecords() {}

  /**
   * Decodes a record into a member of the sealed family.
   *
   * @return empty for an event type outside the family (ignored by the caller)
   * @throws PoisonEventException if the record is no envelope, or the payload of a member type is
   *     missing, unreadable or invalid
   */
  public static <E> Optional<Received<E>> decode(
      ConsumerRecord<String, String> record, Class<E> family, JsonMapper mapper) {
    EventEnvelope envelope = parse(record, mapper);
    return decode(envelope, family, mapper).map(event -> new Received<>(envelope, event));
  }

  /**
   * Decodes the payload of a parsed envelope into a member of the sealed family.
   *
   * @return empty for an event type outside the family
   * @throws PoisonEventException if the payload of a member type is missing, unreadable or invalid
   */
  public static <E> Optional<E> decode(EventEnvelope envelope, Class<E> family, JsonMapper mapper) {
    Class<?> member = MEMBERS.get(family).get(envelope.type());
    if (member == null) {
      return Optional.empty();
    }
    return Optional.of(family.cast(readPayload(envelope, member, mapper)));
  }

  /** The members of a sealed event family by their type name. */
  public static Map<String, Class<?>> members(Class<?> family) {
    return MEMBERS.get(family);
  }

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

  private static <T> T readPayload(EventEnvelope envelope, Class<T> type, JsonMapper mapper) {
    if (envelope.payload() == null || !envelope.payload().isObject()) {
      throw new PoisonEventException(
          envelope.type() + " event " + envelope.id() + " without a payload", null);
    }
    try {
      return envelope.payloadAs(type, mapper);
    } catch (JacksonException | IllegalArgumentException e) {
      throw new PoisonEventException(
          "Unreadable " + envelope.type() + " payload of event " + envelope.id() + reason(e), e);
    }
  }

  /** The broken invariant, if a payload constructor refused the values. */
  private static String reason(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
        return ": " + cause.getMessage();
      }
    }
    return "";
  }
}
