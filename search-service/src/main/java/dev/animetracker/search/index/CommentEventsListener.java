package dev.animetracker.search.index;

import dev.animetracker.common.consume.EventRecords;
import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.consume.Received;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.comment.CommentCreated;
import dev.animetracker.common.event.comment.CommentDeleted;
import dev.animetracker.common.event.comment.CommentEvent;
import dev.animetracker.search.bookmark.BookmarkService;
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
 * only when the event occurred after the last applied one; a new comment is also announced to the
 * torrent's bookmarkers ({@link BookmarkService#commented}).
 */
@Component
class CommentEventsListener {

  private static final Logger log = LoggerFactory.getLogger(CommentEventsListener.class);

  private final ReadModelWriter writer;
  private final BookmarkService bookmarks;
  private final JsonMapper mapper;

  CommentEventsListener(ReadModelWriter writer, BookmarkService bookmarks, JsonMapper mapper) {
    this.writer = writer;
    this.bookmarks = bookmarks;
    this.mapper = mapper;
  }

  @KafkaListener(topics = Topics.COMMENT_EVENTS)
  void onCommentEvent(ConsumerRecord<String, String> record) {
    EventRecords.decode(record, CommentEvent.class, mapper)
        .ifPresentOrElse(
            received -> {
              writer.comments(List.of(count(received)));
              // Bookmarkers hear of new comments (once per event: ProcessedEvents).
              if (received.event() instanceof CommentCreated created) {
                bookmarks.commented(received.id(), created);
              }
            },
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
