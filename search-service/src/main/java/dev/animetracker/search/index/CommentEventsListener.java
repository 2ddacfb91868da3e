package dev.animetracker.search.index;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.comment.CommentCreated;
import dev.animetracker.common.event.comment.CommentDeleted;
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
    EventEnvelope envelope = EventRecords.parse(record, mapper);
    long torrentId;
    long count;
    if (envelope.is(CommentCreated.class)) {
      CommentCreated created = EventRecords.payload(envelope, CommentCreated.class, mapper);
      torrentId = created.torrentId();
      count = created.commentCount();
    } else if (envelope.is(CommentDeleted.class)) {
      CommentDeleted deleted = EventRecords.payload(envelope, CommentDeleted.class, mapper);
      torrentId = deleted.torrentId();
      count = deleted.commentCount();
    } else {
      log.debug("Ignoring {} event {}", envelope.type(), envelope.id());
      return;
    }
    if (envelope.occurredAt() == null) {
      throw new PoisonEventException(
          envelope.type() + " event " + envelope.id() + " without occurredAt", null);
    }
    writer.comments(List.of(new ReadModelWriter.Comments(torrentId, count, envelope.occurredAt())));
  }
}
