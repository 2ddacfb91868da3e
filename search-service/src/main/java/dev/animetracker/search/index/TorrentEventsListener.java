package dev.animetracker.search.index;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.torrent.CategoryUpdated;
import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentDeleted;
import dev.animetracker.common.event.torrent.TorrentDownloaded;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.event.torrent.TorrentUpdated;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the read model's torrents in step with {@code torrent-events} (group {@code
 * spring.kafka.consumer.group-id}, {@code search-service}): created and updated snapshots, removals
 * and download totals. The offset is committed after the write; the version rules of {@link
 * ReadModelWriter} make redelivery and reordering harmless. Unreadable events are skipped by the
 * shared error handler ({@link PoisonEventException}); other failures (database down) are retried.
 */
@Component
class TorrentEventsListener {

  private static final Logger log = LoggerFactory.getLogger(TorrentEventsListener.class);

  private final ReadModelWriter writer;
  private final JsonMapper mapper;

  TorrentEventsListener(ReadModelWriter writer, JsonMapper mapper) {
    this.writer = writer;
    this.mapper = mapper;
  }

  @KafkaListener(topics = Topics.TORRENT_EVENTS)
  void onTorrentEvent(ConsumerRecord<String, String> record) {
    EventEnvelope envelope = EventRecords.parse(record, mapper);
    if (envelope.is(TorrentCreated.class)) {
      snapshot(envelope, EventRecords.payload(envelope, TorrentCreated.class, mapper).torrent());
    } else if (envelope.is(TorrentUpdated.class)) {
      snapshot(envelope, EventRecords.payload(envelope, TorrentUpdated.class, mapper).torrent());
    } else if (envelope.is(TorrentDeleted.class)) {
      TorrentDeleted deleted = EventRecords.payload(envelope, TorrentDeleted.class, mapper);
      String infoHash = InfoHashes.require(deleted.infoHash(), envelope);
      writer.tombstones(
          List.of(
              new ReadModelWriter.Tombstone(
                  infoHash,
                  deleted.torrentId(),
                  InfoHashes.optionalV2(deleted.infoHashV2(), envelope),
                  deleted.version())));
    } else if (envelope.is(CategoryUpdated.class)) {
      CategoryUpdated renamed = EventRecords.payload(envelope, CategoryUpdated.class, mapper);
      if (renamed.category() == null || renamed.updatedAt() == null) {
        throw new PoisonEventException(
            envelope.type() + " event " + envelope.id() + " without a category", null);
      }
      writer.categoryRenamed(renamed.category(), renamed.updatedAt());
    } else if (envelope.is(TorrentDownloaded.class)) {
      TorrentDownloaded downloaded =
          EventRecords.payload(envelope, TorrentDownloaded.class, mapper);
      writer.downloads(
          List.of(
              new ReadModelWriter.Downloads(
                  InfoHashes.require(downloaded.infoHash(), envelope), downloaded.downloads())));
    } else {
      log.debug("Ignoring {} event {}", envelope.type(), envelope.id());
    }
  }

  private void snapshot(EventEnvelope envelope, TorrentSnapshot snapshot) {
    if (snapshot == null
        || snapshot.title() == null
        || snapshot.category() == null
        || snapshot.createdAt() == null) {
      throw new PoisonEventException(
          envelope.type() + " event " + envelope.id() + " without a complete torrent", null);
    }
    InfoHashes.require(snapshot.infoHash(), envelope);
    InfoHashes.optionalV2(snapshot.infoHashV2(), envelope);
    if (writer.snapshots(List.of(snapshot)) == 0) {
      log.debug(
          "Snapshot {} v{} not applied (not newer)", snapshot.torrentId(), snapshot.version());
    }
  }
}
