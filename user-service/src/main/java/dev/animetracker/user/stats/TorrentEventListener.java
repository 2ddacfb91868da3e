package dev.animetracker.user.stats;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.event.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the upload and download counters of the profiles up to date from {@code torrent-events}
 * (group {@code spring.kafka.consumer.group-id}, {@code user-service}). The offset is committed
 * after this method returns, i.e. after the counter change and its {@code processed_event} row were
 * committed together; a redelivered event changes nothing. Unreadable records are skipped by the
 * shared error handler ({@link PoisonEventException}); other failures (database down) are retried.
 */
@Component
class TorrentEventListener {

  private final UserStats stats;
  private final JsonMapper mapper;

  TorrentEventListener(UserStats stats, JsonMapper mapper) {
    this.stats = stats;
    this.mapper = mapper;
  }

  @KafkaListener(topics = Topics.TORRENT_EVENTS)
  void onTorrentEvent(ConsumerRecord<String, String> record) {
    stats.apply(EventRecords.parse(record, mapper));
  }
}
