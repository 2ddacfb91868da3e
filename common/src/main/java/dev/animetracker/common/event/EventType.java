package dev.animetracker.common.event;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names an event payload record: its type on the wire, schema version and topic. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

  /** The dotted type name, e.g. {@code user.registered}. */
  String value();

  /** The payload schema version; bump only for incompatible changes. */
  int version() default 1;

  /** The topic the event is published on. */
  String topic();
}
