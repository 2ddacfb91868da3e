package dev.animetracker.common.event.comment;

/** Everything published on {@code comment-events}. */
public sealed interface CommentEvent permits CommentCreated, CommentDeleted {}
