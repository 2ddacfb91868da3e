package dev.animetracker.gateway.ui.support;

import org.jspecify.annotations.Nullable;

/**
 * The navbar bell: the unread notification count, or none when it is unknown (a visitor, or
 * notification-service did not answer in time).
 *
 * @param unread the count, {@code null} when unknown
 */
public record Bell(@Nullable Long unread) {

  public static final Bell NONE = new Bell(null);

  /** Whether to show a count at all. */
  public boolean shown() {
    return unread != null;
  }

  /** The badge text: the count, {@code 99+} beyond 99. */
  public String badge() {
    return unread == null ? "" : unread > 99 ? "99+" : Long.toString(unread);
  }
}
