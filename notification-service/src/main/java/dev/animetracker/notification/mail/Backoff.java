package dev.animetracker.notification.mail;

import java.time.Duration;

/** Exponential backoff between delivery attempts: initial, 2x, 4x, ... capped at a maximum. */
public record Backoff(Duration initial, Duration max) {

  /**
   * The pause after the given number of failed attempts (1 = the first failure waits {@code
   * initial}).
   */
  public Duration after(int failedAttempts) {
    if (failedAttempts <= 1) {
      return min(initial, max);
    }
    int doublings = Math.min(failedAttempts - 1, 40);
    long millis = initial.toMillis();
    long capMillis = max.toMillis();
    for (int i = 0; i < doublings && millis < capMillis; i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, capMillis));
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
