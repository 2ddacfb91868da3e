package dev.animetracker.common.event.community;

/**
 * Everything published on {@code community-events}, keyed by the user it concerns: search-service
 * matches new releases and comments against what users follow, saved or bookmarked, and
 * notification-service turns each match into an on-site notification and, if asked, a mail.
 */
public sealed interface CommunityEvent permits ReleaseMatched, BookmarkCommented {}
