package dev.animetracker.notification.inbox;

/** The number of unread inbox entries of the caller (the navbar bell). */
public record UnreadCount(long unread) {}
