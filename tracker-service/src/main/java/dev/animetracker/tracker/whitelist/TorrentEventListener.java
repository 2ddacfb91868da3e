package dev.animetracker.tracker.whitelist;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentDeleted;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.event.torrent.TorrentUpdated;
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
 * unreadable ones are skipped as {@link PoisonEventException}.
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
    apply(EventRecords.parse(record, mapper));
  }

  void apply(EventEnvelope envelope) {
    try {
      if (envelope.is(TorrentCreated.class)) {
        upsert(EventRecords.payload(envelope, TorrentCreated.class, mapper).torrent(), envelope);
      } else if (envelope.is(TorrentUpdated.class)) {
        upsert(EventRecords.payload(envelope, TorrentUpdated.class, mapper).torrent(), envelope);
      } else if (envelope.is(TorrentDeleted.class)) {
        TorrentDeleted deleted = EventRecords.payload(envelope, TorrentDeleted.class, mapper);
        if (whitelist.delete(
            InfoHashes.key(deleted.infoHash()),
            InfoHashes.truncatedV2(deleted.infoHashV2()),
            deleted.version())) {
          log.debug("Unregistered {} (version {})", deleted.infoHash(), deleted.version());
        }
      }
    } catch (IllegalArgumentException e) {
      throw new PoisonEventException(
          "Bad info hash in " + envelope.type() + " event " + envelope.id(), e);
    }
  }

  private void upsert(TorrentSnapshot torrent, EventEnvelope envelope) {
    if (torrent == null) {
      throw new PoisonEventException(
          envelope.type() + " event " + envelope.id() + " without a torrent", null);
    }
    if (whitelist.upsert(
        InfoHashes.key(torrent.infoHash()),
        InfoHashes.truncatedV2(torrent.infoHashV2()),
        torrent.version())) {
      log.debug("Registered {} (version {})", torrent.infoHash(), torrent.version());
    }
  }
}
