package dev.animetracker.torrent.stats;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.tracker.SwarmStats;
import dev.animetracker.common.event.tracker.TrackerEvent;
import dev.animetracker.common.torrent.InfoHashes;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps seeders, leechers and completed of the torrents up to date from {@code tracker-stats}
 * (group {@code spring.kafka.consumer.group-id}, {@code torrent-service}). The offset is committed
 * after the update; a redelivered or older observation changes nothing (see {@link
 * SwarmStatsUpdater}). Stats of unknown hashes (never uploaded, or not ours) are ignored;
 * unreadable records are skipped by the shared error handler ({@link PoisonEventException}); other
 * failures (database down) are retried.
 */
@Component
class SwarmStatsListener {

  private static final Logger log = LoggerFactory.getLogger(SwarmStatsListener.class);

  private final SwarmStatsUpdater updater;
  private final JsonMapper mapper;

  SwarmStatsListener(SwarmStatsUpdater updater, JsonMapper mapper) {
    this.updater = updater;
    this.mapper = mapper;
  }

  @KafkaListener(topics = Topics.TRACKER_STATS)
  void onTrackerStats(ConsumerRecord<String, String> record) {
    EventRecords.decode(record, TrackerEvent.class, mapper)
        .ifPresentOrElse(
            received -> {
              switch (received.event()) {
                case SwarmStats stats -> apply(stats);
              }
            },
            () -> log.debug("Ignoring event at offset {} on {}", record.offset(), record.topic()));
  }

  private void apply(SwarmStats stats) {
    // The record checked the hash's form; the table keeps it in lower case.
    String infoHash = InfoHashes.requireV1(stats.infoHash(), "infoHash");
    SwarmStats normalized =
        new SwarmStats(
            infoHash, stats.seeders(), stats.leechers(), stats.completed(), stats.observedAt());
    if (!updater.apply(normalized)) {
      log.debug("Stats of {} at {} not applied (unknown or older)", infoHash, stats.observedAt());
    }
  }
}
