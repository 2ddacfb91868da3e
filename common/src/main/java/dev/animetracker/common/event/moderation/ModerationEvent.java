package dev.animetracker.common.event.moderation;

/**
 * Everything published on {@code moderation-events}: every moderator action (for the one audit log
 * torrent-service keeps) and the outcome of reports (for the reporters' notifications).
 */
public sealed interface ModerationEvent permits ModeratorActed, ReportResolved {}
