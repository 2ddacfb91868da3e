package dev.animetracker.search.index;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.tracker.SwarmStats;
import dev.animetracker.common.event.tracker.TrackerEvent;
import dev.animetracker.common.torrent.InfoHashes;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Seeders, leechers and completed from {@code tracker-stats}: seeders and leechers of the newest
 * observation, completed never lowered (several tracker instances flush the same swarm). Stats may
 * arrive before the torrent's {@code torrent.created} (another topic): they wait on an invisible
 * row keyed by the info hash. A payload without a valid hash or {@code observedAt} is poison
 * ({@link SwarmStats} refuses it).
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
    EventRecords.decode(record, TrackerEvent.class, mapper)
        .ifPresentOrElse(
            received -> {
              switch (received.event()) {
                case SwarmStats stats ->
                    writer.stats(
                        List.of(
                            new ReadModelWriter.Stats(
                                InfoHashes.requireV1(stats.infoHash(), "infoHash"),
                                stats.seeders(),
                                stats.leechers(),
                                stats.completed(),
                                stats.observedAt())));
              }
            },
            () -> log.debug("Ignoring event at offset {}", record.offset()));
  }
}
