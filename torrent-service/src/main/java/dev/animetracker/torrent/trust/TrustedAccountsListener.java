package dev.animetracker.torrent.trust;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.Received;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.user.TrustedChanged;
import dev.animetracker.common.event.user.UserEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@link TrustedAccounts} from {@code user-events} (group {@code torrent-service}): only
 * {@code user.trusted-changed} matters here, every other user event is skipped. The offset is
 * committed after the write; unreadable records go to the shared error handler like elsewhere.
 */
@Component
class TrustedAccountsListener {

  private static final Logger log = LoggerFactory.getLogger(TrustedAccountsListener.class);

  private final TrustedAccounts accounts;
  private final JsonMapper mapper;

  TrustedAccountsListener(TrustedAccounts accounts, JsonMapper mapper) {
    this.accounts = accounts;
    this.mapper = mapper;
  }

  @KafkaListener(topics = Topics.USER_EVENTS)
  void onUserEvent(ConsumerRecord<String, String> record) {
    EventRecords.decode(record, UserEvent.class, mapper)
        .ifPresent(
            received -> {
              if (received.event() instanceof TrustedChanged changed) {
                apply(received, changed);
              }
            });
  }

  private void apply(Received<UserEvent> received, TrustedChanged changed) {
    if (!accounts.apply(
        changed.userId(), changed.username(), changed.trusted(), received.occurredAt())) {
      log.debug(
          "Trust of user {} at {} not applied (older)", changed.userId(), received.occurredAt());
    }
  }
}
