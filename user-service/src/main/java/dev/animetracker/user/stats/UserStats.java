package dev.animetracker.user.stats;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.consume.ProcessedEvents;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentDeleted;
import dev.animetracker.common.event.torrent.TorrentDownloaded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies torrent events to the per-user counters: {@code torrent.created} counts an upload of the
 * uploader, {@code torrent.deleted} takes it back (never below zero), {@code torrent.downloaded}
 * counts a download of the downloading user. Each event counts once: its id is recorded in {@code
 * processed_event} in the same transaction as the counter change. Events of users that no longer
 * exist are ignored; other event types are ignored.
 */
@Service
public class UserStats {

  /** The {@code processed_event.consumer} name of the counters. */
  public static final String CONSUMER = "user-stats";

  private static final Logger log = LoggerFactory.getLogger(UserStats.class);

  private final ProcessedEvents processedEvents;
  private final JdbcClient jdbc;
  private final JsonMapper mapper;

  public UserStats(ProcessedEvents processedEvents, JdbcClient jdbc, JsonMapper mapper) {
    this.processedEvents = processedEvents;
    this.jdbc = jdbc;
    this.mapper = mapper;
  }

  /**
   * Applies one event, unless it was applied before.
   *
   * @return {@code true} if a counter of an existing user changed
   * @throws PoisonEventException if the payload of a counted type is unreadable
   */
  @Transactional
  public boolean apply(EventEnvelope envelope) {
    if (envelope.is(TorrentCreated.class)) {
      TorrentCreated event = EventRecords.payload(envelope, TorrentCreated.class, mapper);
      if (event.torrent() == null) {
        throw new PoisonEventException("torrent.created without torrent: " + envelope.id(), null);
      }
      return once(
          envelope,
          event.torrent().uploaderId(),
          "update users set upload_count = upload_count + 1, updated_at = now() where id = :id");
    }
    if (envelope.is(TorrentDeleted.class)) {
      TorrentDeleted event = EventRecords.payload(envelope, TorrentDeleted.class, mapper);
      return once(
          envelope,
          event.uploaderId(),
          """
          update users set upload_count = greatest(upload_count - 1, 0), updated_at = now()
          where id = :id
          """);
    }
    if (envelope.is(TorrentDownloaded.class)) {
      TorrentDownloaded event = EventRecords.payload(envelope, TorrentDownloaded.class, mapper);
      return once(
          envelope,
          event.userId(),
          "update users set download_count = download_count + 1, updated_at = now() where id = :id");
    }
    log.debug("Ignoring {} event {}", envelope.type(), envelope.id());
    return false;
  }

  private boolean once(EventEnvelope envelope, long userId, String update) {
    if (!processedEvents.firstTime(CONSUMER, envelope.id())) {
      log.debug("Event {} was already counted", envelope.id());
      return false;
    }
    int updated = jdbc.sql(update).param("id", userId).update();
    if (updated == 0) {
      log.debug("Ignoring {} event {} of unknown user {}", envelope.type(), envelope.id(), userId);
      return false;
    }
    return true;
  }
}
