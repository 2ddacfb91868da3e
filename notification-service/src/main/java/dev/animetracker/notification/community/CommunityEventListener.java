package dev.animetracker.notification.community;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.Received;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.community.BookmarkCommented;
import dev.animetracker.common.event.community.CommunityEvent;
import dev.animetracker.common.event.community.ReleaseMatched;
import dev.animetracker.common.user.UserContact;
import dev.animetracker.common.user.UserServiceClient;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns {@code community-events} into inbox entries and mail. The contact (address, language,
 * preferences) is asked of user-service only when a mail may follow: for instant releases and
 * bookmarked comments (a daily release asks when its digest goes out). If user-service cannot
 * answer, the exception reaches the shared error handler, which retries the record with backoff
 * without committing its offset: nothing is lost. Unreadable records are poison (skipped).
 */
@Component
class CommunityEventListener {

  private final CommunityNotifications notifications;
  private final UserServiceClient users;
  private final JsonMapper mapper;

  CommunityEventListener(
      CommunityNotifications notifications, UserServiceClient users, JsonMapper mapper) {
    this.notifications = notifications;
    this.users = users;
    this.mapper = mapper;
  }

  @KafkaListener(topics = Topics.COMMUNITY_EVENTS)
  void onCommunityEvent(ConsumerRecord<String, String> record) {
    EventRecords.decode(record, CommunityEvent.class, mapper).ifPresent(this::handle);
  }

  private void handle(Received<CommunityEvent> received) {
    switch (received.event()) {
      case ReleaseMatched release -> {
        Optional<UserContact> contact =
            Deliveries.INSTANT.equals(Deliveries.strongest(release.matchedBy()))
                ? users.contact(release.userId())
                : Optional.empty();
        notifications.release(received.id(), release, contact);
      }
      case BookmarkCommented comment ->
          notifications.bookmarkComment(received.id(), comment, users.contact(comment.userId()));
    }
  }
}
