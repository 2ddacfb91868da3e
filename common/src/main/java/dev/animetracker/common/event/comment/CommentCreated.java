package dev.animetracker.common.event.comment;

import dev.animetracker.common.event.EventType;
import dev.animetracker.common.event.Topics;
import java.time.Instant;

/**
 * A comment was posted; {@code commentCount} is the torrent's new total. Keyed by torrent id.
 * notification-service mails the uploader (unless they opted out or wrote the comment themselves).
 */
@EventType(value = "comment.created", topic = Topics.COMMENT_EVENTS)
public record CommentCreated(
    long commentId,
    long torrentId,
    String torrentTitle,
    long torrentUploaderId,
    long authorId,
    String authorUsername,
    String text,
    Instant createdAt,
    long commentCount)
    implements CommentEvent {}
