package dev.animetracker.search.index;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.tracker.SwarmStats;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeders, leechers and completed from {@code tracker-stats}; the newest observation wins. Stats
 * may arrive before the torrent's {@code torrent.created} (another topic): they wait on an
 * invisible row keyed by the info hash.
 */
@Component
class TrackerStatsListener {

  private static final Logger log = LoggerFactory.getLogger(TrackerStatsListener.class);

  private final ReadModelWriter writer;
  private final JsonMapper mapper;

  TrackerStatsListener(ReadModelWriter writer, JsonMapper mapper) {
    this.writer = writer;
    this.mapper = mapper;
  }

  @KafkaListener(topics = Topics.TRACKER_STATS)
  void onTrackerStats(ConsumerRecord<String, String> record) {
    EventEnvelope envelope = EventRecords.parse(record, mapper);
    if (!envelope.is(SwarmStats.class)) {
      log.debug("Ignoring {} event {}", envelope.type(), envelope.id());
      return;
    }
    SwarmStats stats = EventRecords.payload(envelope, SwarmStats.class, mapper);
    if (stats.observedAt() == null) {
      throw new PoisonEventException(
          "tracker.stats event " + envelope.id() + " without observedAt", null);
    }
    writer.stats(
        List.of(
            new ReadModelWriter.Stats(
                InfoHashes.require(stats.infoHash(), envelope),
                stats.seeders(),
                stats.leechers(),
                stats.completed(),
                stats.observedAt())));
  }
}
