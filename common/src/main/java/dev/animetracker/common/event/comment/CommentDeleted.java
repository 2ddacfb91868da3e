package dev.animetracker.common.event.comment;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;

/** A comment was deleted by its author or a moderator; {@code commentCount} is the new total. */
@EventType(value = "comment.deleted", topic = Topics.COMMENT_EVENTS)
public record CommentDeleted(
    long commentId, long torrentId, long deletedBy, Instant deletedAt, long commentCount)
    implements CommentEvent {}
