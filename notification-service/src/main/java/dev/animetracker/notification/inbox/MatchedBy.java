package dev.animetracker.notification.inbox;

/**
 * Why a release was shown: one watch that matched it.
 *
 * @param kind {@code user}, {@code group}, {@code series} or {@code search}
 * @param label the uploader, group, series title or saved search name
 */
public record MatchedBy(String kind, String label) {}
