package dev.animetracker.common.event.torrent;

/**
 * A series as a torrent's snapshot carries it: enough to link and filter without a lookup.
 *
 * @param slug the series' address ({@code /series/{slug}}); never changes once given
 * @param title its main title, as the series page heads it
 */
public record SeriesRef(String slug, String title) {}
