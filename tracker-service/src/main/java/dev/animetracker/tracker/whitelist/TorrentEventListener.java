package dev.animetracker.tracker.whitelist;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.torrent.CategoryUpdated;
import dev.animetracker.common.event.torrent.SeriesUpdated;
import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentDeleted;
import dev.animetracker.common.event.torrent.TorrentDownloaded;
import dev.animetracker.common.event.torrent.TorrentEvent;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.event.torrent.TorrentUpdated;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds the {@link KafkaWhitelist} from {@code torrent-events}. Every tracker instance must see
 * every event, so each process joins a consumer group of its own ({@code tracker-<random uuid>})
 * and reads the topic from the earliest offset: a fresh instance replays the whole history (the
 * versions make that idempotent) on top of the bulk load. Unknown event types are ignored;
 * unreadable ones, and payloads with a malformed info hash (refused by the event records), are
 * skipped as {@link PoisonEventException}.
 */
@Component
class TorrentEventListener {

  private static final Logger log = LoggerFactory.getLogger(TorrentEventListener.class);

  static final String LISTENER_ID = "tracker-whitelist";

  private final KafkaWhitelist whitelist;
  private final JsonMapper mapper;

  TorrentEventListener(KafkaWhitelist whitelist, JsonMapper mapper) {
    this.whitelist = whitelist;
    this.mapper = mapper;
  }

  @KafkaListener(
      id = LISTENER_ID,
      topics = Topics.TORRENT_EVENTS,
      groupId = "${animetracker.tracker.whitelist-group:tracker-${random.uuid}}",
      idIsGroup = false,
      properties = {"auto.offset.reset=earliest", "enable.auto.commit=false"})
  void onTorrentEvent(ConsumerRecord<String, String> record) {
    EventRecords.decode(record, TorrentEvent.class, mapper)
        .ifPresent(received -> apply(received.type(), received.id(), received.event()));
  }

  private void apply(String type, UUID id, TorrentEvent event) {
    try {
      switch (event) {
        case TorrentCreated created -> upsert(created.torrent());
        case TorrentUpdated updated -> upsert(updated.torrent());
        case TorrentDeleted deleted -> {
          if (whitelist.delete(
              InfoHashes.key(deleted.infoHash()),
              InfoHashes.truncatedV2(deleted.infoHashV2()),
              deleted.version())) {
            log.debug("Unregistered {} (version {})", deleted.infoHash(), deleted.version());
          }
        }
        case TorrentDownloaded downloaded -> {
          // Downloads do not change what the tracker serves.
        }
        case CategoryUpdated renamed -> {
          // Neither do category names.
        }
        case SeriesUpdated series -> {
          // Nor series titles.
        }
      }
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException("Bad info hash in " + type + " event " + id, e);
    }
  }

  private void upsert(TorrentSnapshot torrent) {
    if (whitelist.upsert(
        InfoHashes.key(torrent.infoHash()),
        InfoHashes.truncatedV2(torrent.infoHashV2()),
        torrent.version())) {
      log.debug("Registered {} (version {})", torrent.infoHash(), torrent.version());
    }
  }
}
