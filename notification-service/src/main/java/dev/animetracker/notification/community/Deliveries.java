package dev.animetracker.notification.community;

import dev.animetracker.common.event.community.WatchRef;
import java.util.List;

/** The mail deliveries watches ask for, strongest first: instant, daily, none. */
final class Deliveries {

  static final String INSTANT = "instant";
  static final String DAILY = "daily";
  static final String NONE = "none";

  private Deliveries() {}

  /** The strongest delivery among the watches: it decides the mail of a release. */
  static String strongest(List<WatchRef> watches) {
    if (watches.stream().anyMatch(watch -> INSTANT.equals(watch.delivery()))) {
      return INSTANT;
    }
    if (watches.stream().anyMatch(watch -> DAILY.equals(watch.delivery()))) {
      return DAILY;
    }
    return NONE;
  }
}
