package dev.animetracker.user.stats;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.consume.ProcessedEvents;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.torrent.CategoryUpdated;
import dev.animetracker.common.event.torrent.SeriesUpdated;
import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentDeleted;
import dev.animetracker.common.event.torrent.TorrentDownloaded;
import dev.animetracker.common.event.torrent.TorrentEvent;
import dev.animetracker.common.event.torrent.TorrentUpdated;
import java.util.Optional;
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
   * @throws PoisonEventException if the payload of a torrent event is unreadable or invalid
   */
  @Transactional
  public boolean apply(EventEnvelope envelope) {
    Optional<TorrentEvent> decoded = EventRecords.decode(envelope, TorrentEvent.class, mapper);
    if (decoded.isEmpty()) {
      log.debug("Ignoring {} event {}", envelope.type(), envelope.id());
      return false;
    }
    return switch (decoded.get()) {
      case TorrentCreated created ->
          once(
              envelope,
              created.torrent().uploaderId(),
              "update users set upload_count = upload_count + 1, updated_at = now() where id = :id");
      case TorrentDeleted deleted ->
          once(
              envelope,
              deleted.uploaderId(),
              """
              update users set upload_count = greatest(upload_count - 1, 0), updated_at = now()
              where id = :id
              """);
      case TorrentDownloaded downloaded ->
          once(
              envelope,
              downloaded.userId(),
              "update users set download_count = download_count + 1, updated_at = now()"
                  + " where id = :id");
      case TorrentUpdated updated -> ignored(envelope);
      case CategoryUpdated renamed -> ignored(envelope);
      case SeriesUpdated series -> ignored(envelope);
    };
  }

  private static boolean ignored(EventEnvelope envelope) {
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
