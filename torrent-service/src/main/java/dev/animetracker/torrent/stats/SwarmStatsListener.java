package dev.animetracker.torrent.stats;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.tracker.SwarmStats;
import java.util.HexFormat;
import java.util.Locale;
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
    EventEnvelope envelope = EventRecords.parse(record, mapper);
    if (!envelope.is(SwarmStats.class)) {
      log.debug("Ignoring {} event {} on {}", envelope.type(), envelope.id(), record.topic());
      return;
    }
    SwarmStats stats = EventRecords.payload(envelope, SwarmStats.class, mapper);
    if (stats.infoHash() == null || stats.observedAt() == null) {
      throw new PoisonEventException(
          "tracker.stats event " + envelope.id() + " without infoHash or observedAt", null);
    }
    String infoHash = stats.infoHash().toLowerCase(Locale.ROOT);
    if (infoHash.length() != 40 || !infoHash.chars().allMatch(HexFormat::isHexDigit)) {
      throw new PoisonEventException(
          "tracker.stats event " + envelope.id() + " with a malformed infoHash", null);
    }
    SwarmStats normalized =
        new SwarmStats(
            infoHash, stats.seeders(), stats.leechers(), stats.completed(), stats.observedAt());
    if (!updater.apply(normalized)) {
      log.debug("Stats of {} at {} not applied (unknown or older)", infoHash, stats.observedAt());
    }
  }
}
