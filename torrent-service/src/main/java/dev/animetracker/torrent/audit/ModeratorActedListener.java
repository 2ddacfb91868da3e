package dev.animetracker.torrent.audit;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.moderation.ModerationEvent;
import dev.animetracker.common.event.moderation.ModeratorActed;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes user-service's {@code moderation.acted} (role, trust and ban decisions) into the
 * moderation log (group {@code torrent-service}). The event id is unique in the log, so a
 * redelivered event and two instances receiving it after a rebalance write one entry. {@code
 * report.resolved} (this service's own) is skipped: the resolution is logged when it happens.
 */
@Component
class ModeratorActedListener {

  private static final Logger log = LoggerFactory.getLogger(ModeratorActedListener.class);

  private final ModerationAudit audit;
  private final JsonMapper mapper;

  ModeratorActedListener(ModerationAudit audit, JsonMapper mapper) {
    this.audit = audit;
    this.mapper = mapper;
  }

  @KafkaListener(topics = Topics.MODERATION_EVENTS)
  void onModerationEvent(ConsumerRecord<String, String> record) {
    EventRecords.decode(record, ModerationEvent.class, mapper)
        .ifPresent(
            received -> {
              if (received.event() instanceof ModeratorActed acted
                  && !audit.recordReported(
                      received.id(),
                      acted.actorId(),
                      acted.actor(),
                      acted.action(),
                      acted.targetType(),
                      acted.target(),
                      acted.reason(),
                      acted.before(),
                      acted.after(),
                      acted.at())) {
                log.debug("moderation.acted {} already in the log", received.id());
              }
            });
  }
}
