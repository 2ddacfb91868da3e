package dev.animetracker.notification.opsstats;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * notification-service's part of the moderators' stats page: the mail queue now and mails per UTC
 * day.
 *
 * @param pending mails waiting to be sent (due or backing off)
 * @param oldestPending when the oldest of them was queued; null when none waits
 * @param perDay one entry per day of the window, oldest first
 */
public record MailStats(
    int days,
    LocalDate first,
    LocalDate last,
    long pending,
    @Nullable Instant oldestPending,
    List<Day> perDay) {

  /** Mails queued, sent and given up on one UTC day. */
  public record Day(LocalDate day, long queued, long sent, long failed) {}
}
