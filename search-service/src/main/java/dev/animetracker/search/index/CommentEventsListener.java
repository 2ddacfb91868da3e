package dev.animetracker.search.index;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.consume.Received;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.comment.CommentCreated;
import dev.animetracker.common.event.comment.CommentDeleted;
import dev.animetracker.common.event.comment.CommentEvent;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Comment counts from {@code comment-events}: each event carries the torrent's new total, applied
 * only when the event occurred after the last applied one.
 */
@Component
class CommentEventsListener {

  private static final Logger log = LoggerFactory.getLogger(CommentEventsListener.class);

  private final ReadModelWriter writer;
  private final JsonMapper mapper;

  CommentEventsListener(ReadModelWriter writer, JsonMapper mapper) {
    this.writer = writer;
    this.mapper = mapper;
  }

  @KafkaListener(topics = Topics.COMMENT_EVENTS)
  void onCommentEvent(ConsumerRecord<String, String> record) {
    EventRecords.decode(record, CommentEvent.class, mapper)
        .map(CommentEventsListener::count)
        .ifPresentOrElse(
            count -> writer.comments(List.of(count)),
            () -> log.debug("Ignoring event at offset {}", record.offset()));
  }

  private static ReadModelWriter.Comments count(Received<CommentEvent> received) {
    return switch (received.event()) {
      case CommentCreated created ->
          new ReadModelWriter.Comments(
              created.torrentId(), created.commentCount(), occurredAt(received));
      case CommentDeleted deleted ->
          new ReadModelWriter.Comments(
              deleted.torrentId(), deleted.commentCount(), occurredAt(received));
    };
  }

  /** Counts are ordered by the envelope's time; without it the event cannot be placed. */
  private static Instant occurredAt(Received<CommentEvent> received) {
    if (received.occurredAt() == null) {
      throw new PoisonEventException(
          received.type() + " event " + received.id() + " without occurredAt", null);
    }
    return received.occurredAt();
  }
}
