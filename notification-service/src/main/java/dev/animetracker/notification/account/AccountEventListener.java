package dev.animetracker.notification.account;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.consume.Received;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.user.UserEvent;
import dev.animetracker.notification.mail.MailQueue;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns account events into queued mail. The record's offset is committed only after this method
 * returns, i.e. after the mail row is committed, so no mail is lost; a redelivered event is
 * recognised by its id and changes nothing. Unreadable records are skipped by the shared error
 * handler (see {@link PoisonEventException}); anything else (database down) is retried.
 */
@Component
class AccountEventListener {

  private static final Logger log = LoggerFactory.getLogger(AccountEventListener.class);

  private final AccountMails accountMails;
  private final MailQueue mailQueue;
  private final JsonMapper mapper;

  AccountEventListener(AccountMails accountMails, MailQueue mailQueue, JsonMapper mapper) {
    this.accountMails = accountMails;
    this.mailQueue = mailQueue;
    this.mapper = mapper;
  }

  @KafkaListener(topics = Topics.USER_EVENTS)
  void onUserEvent(ConsumerRecord<String, String> record) {
    Optional<Received<UserEvent>> decoded = EventRecords.decode(record, UserEvent.class, mapper);
    if (decoded.isEmpty()) {
      log.debug("No mail for the event at offset {}", record.offset());
      return;
    }
    Received<UserEvent> received = decoded.get();
    accountMails
        .forEvent(received.event())
        .ifPresentOrElse(
            mail -> mailQueue.enqueue(received.id(), mail),
            () -> log.debug("No mail for {} event {}", received.type(), received.id()));
  }
}
