package dev.animetracker.notification.inbox;

import java.util.List;

/**
 * A page of a user's inbox, newest first.
 *
 * @param total entries matching the filter
 * @param unread unread entries of the user (whatever the filter)
 */
public record InboxPage(
    List<NotificationView> items, int page, int size, long total, long unread) {}
