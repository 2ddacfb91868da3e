package dev.animetracker.search.index;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.consume.Received;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.torrent.CategoryUpdated;
import dev.animetracker.common.event.torrent.SeriesUpdated;
import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentDeleted;
import dev.animetracker.common.event.torrent.TorrentDownloaded;
import dev.animetracker.common.event.torrent.TorrentEvent;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.event.torrent.TorrentUpdated;
import dev.animetracker.common.torrent.InfoHashes;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the read model's torrents in step with {@code torrent-events} (group {@code
 * spring.kafka.consumer.group-id}, {@code search-service}): created and updated snapshots,
 * removals, download totals and series titles. The offset is committed after the write; the version
 * rules of {@link ReadModelWriter} make redelivery and reordering harmless. Unreadable events,
 * payloads that break their records' invariants (hash format) and snapshots without title, category
 * or creation time are skipped by the shared error handler ({@link PoisonEventException}); other
 * failures (database down) are retried.
 */
@Component
class TorrentEventsListener {

  private static final Logger log = LoggerFactory.getLogger(TorrentEventsListener.class);

  private final ReadModelWriter writer;
  private final ReleaseIndexing releases;
  private final JsonMapper mapper;

  TorrentEventsListener(ReadModelWriter writer, ReleaseIndexing releases, JsonMapper mapper) {
    this.writer = writer;
    this.releases = releases;
    this.mapper = mapper;
  }

  @KafkaListener(topics = Topics.TORRENT_EVENTS)
  void onTorrentEvent(ConsumerRecord<String, String> record) {
    EventRecords.decode(record, TorrentEvent.class, mapper)
        .ifPresentOrElse(
            received -> apply(received),
            () -> log.debug("Ignoring event at offset {}", record.offset()));
  }

  private void apply(Received<TorrentEvent> received) {
    switch (received.event()) {
      case TorrentCreated created -> snapshot(received, created.torrent(), true);
      case TorrentUpdated updated -> snapshot(received, updated.torrent(), false);
      case TorrentDeleted deleted ->
          releases.deleted(
              new ReadModelWriter.Tombstone(
                  lowerCase(deleted.infoHash()),
                  deleted.torrentId(),
                  InfoHashes.optionalV2(deleted.infoHashV2(), "infoHashV2"),
                  deleted.version()));
      case CategoryUpdated renamed ->
          writer.categoryRenamed(renamed.category(), renamed.updatedAt());
      case SeriesUpdated series -> {
        int refreshed =
            writer.series(
                series.series(), series.alternativeTitles(), series.version(), series.updatedAt());
        if (refreshed < 0) {
          log.debug(
              "Series {} v{} not applied (not newer)", series.series().slug(), series.version());
        }
      }
      case TorrentDownloaded downloaded ->
          writer.downloads(
              List.of(
                  new ReadModelWriter.Downloads(
                      lowerCase(downloaded.infoHash()), downloaded.downloads())));
    }
  }

  private void snapshot(
      Received<TorrentEvent> received, TorrentSnapshot snapshot, boolean created) {
    // The record checks the hashes; a listing also needs these (the tracker does not).
    if (snapshot.title() == null
        || snapshot.category() == null
        || snapshot.createdAt() == null
        || (snapshot.series() != null
            && (snapshot.series().slug() == null || snapshot.series().title() == null))) {
      throw new PoisonEventException(
          received.type() + " event " + received.id() + " without a complete torrent", null);
    }
    if (!releases.snapshot(snapshot, created)) {
      log.debug(
          "Snapshot {} v{} not applied (not newer)", snapshot.torrentId(), snapshot.version());
    }
  }

  /** The read model keys rows by lower-case hashes; the record already checked the format. */
  private static String lowerCase(String infoHash) {
    return InfoHashes.requireV1(infoHash, "infoHash");
  }
}
