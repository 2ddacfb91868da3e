package dev.animetracker.common.event;

/** Looks up the {@link EventType} of payload classes. */
public final class EventTypes {

  private EventTypes() {}

  /** Reads the annotation of a payload class, failing loudly for a class that is not an event. */
  public static EventType of(Class<?> payloadClass) {
    EventType type = payloadClass.getAnnotation(EventType.class);
    if (type == null) {
      throw new IllegalArgumentException(
          payloadClass.getName() + " is not annotated with @EventType");
    }
    return type;
  }
}
