package dev.animetracker.notification.comment;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.Received;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.comment.CommentCreated;
import dev.animetracker.common.event.comment.CommentDeleted;
import dev.animetracker.common.event.comment.CommentEvent;
import dev.animetracker.common.user.UserContact;
import dev.animetracker.common.user.UserServiceClient;
import dev.animetracker.notification.mail.MailQueue;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mails the uploader about new comments on their torrents. The uploader's address, language and
 * preference come from user-service at the time of the event; if user-service cannot answer, the
 * exception reaches the shared error handler, which retries the event with backoff (the offset is
 * not committed), so no notification is lost. A 404 means the user is gone: no mail. The mail is
 * queued once per event id ({@link MailQueue#enqueue}), so a redelivered event sends nothing more.
 */
@Component
class CommentEventListener {

  private static final Logger log = LoggerFactory.getLogger(CommentEventListener.class);

  private final CommentMails commentMails;
  private final UserServiceClient users;
  private final MailQueue mailQueue;
  private final JsonMapper mapper;

  CommentEventListener(
      CommentMails commentMails, UserServiceClient users, MailQueue mailQueue, JsonMapper mapper) {
    this.commentMails = commentMails;
    this.users = users;
    this.mailQueue = mailQueue;
    this.mapper = mapper;
  }

  @KafkaListener(topics = Topics.COMMENT_EVENTS)
  void onCommentEvent(ConsumerRecord<String, String> record) {
    EventRecords.decode(record, CommentEvent.class, mapper).ifPresent(this::handle);
  }

  private void handle(Received<CommentEvent> received) {
    switch (received.event()) {
      case CommentCreated comment -> mailUploader(received.id(), comment);
      case CommentDeleted deleted ->
          log.debug("No mail for {} event {}", received.type(), received.id());
    }
  }

  private void mailUploader(UUID eventId, CommentCreated comment) {
    if (!CommentMails.concernsSomeoneElse(comment)) {
      log.debug("Comment {} is by the uploader; no mail", comment.commentId());
      return;
    }
    Optional<UserContact> uploader = users.contact(comment.torrentUploaderId());
    if (uploader.isEmpty()) {
      log.debug(
          "Uploader {} of torrent {} no longer exists; no mail for comment {}",
          comment.torrentUploaderId(),
          comment.torrentId(),
          comment.commentId());
      return;
    }
    commentMails
        .forUploader(comment, uploader.get())
        .ifPresentOrElse(
            mail -> mailQueue.enqueue(eventId, mail),
            () ->
                log.debug(
                    "Uploader {} does not get comment mail; none for comment {}",
                    comment.torrentUploaderId(),
                    comment.commentId()));
  }
}
