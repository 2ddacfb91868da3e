package dev.animetracker.notification.report;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.Received;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.moderation.ModerationEvent;
import dev.animetracker.common.event.moderation.ModeratorActed;
import dev.animetracker.common.event.moderation.ReportResolved;
import dev.animetracker.common.user.UserServiceClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells reporters the outcome of their reports ({@code report.resolved} on {@code
 * moderation-events}; {@code moderation.acted} is for torrent-service's audit log and ignored).
 * user-service down → retried by the shared error handler, nothing lost; unreadable → poison.
 */
@Component
class ReportEventListener {

  private static final Logger log = LoggerFactory.getLogger(ReportEventListener.class);

  private final ReportNotifications notifications;
  private final UserServiceClient users;
  private final JsonMapper mapper;

  ReportEventListener(
      ReportNotifications notifications, UserServiceClient users, JsonMapper mapper) {
    this.notifications = notifications;
    this.users = users;
    this.mapper = mapper;
  }

  @KafkaListener(topics = Topics.MODERATION_EVENTS)
  void onModerationEvent(ConsumerRecord<String, String> record) {
    EventRecords.decode(record, ModerationEvent.class, mapper).ifPresent(this::handle);
  }

  private void handle(Received<ModerationEvent> received) {
    switch (received.event()) {
      case ReportResolved report ->
          notifications.resolved(received.id(), report, users.contact(report.reporterId()));
      case ModeratorActed acted -> log.debug("No notification for {}", received.type());
    }
  }
}
