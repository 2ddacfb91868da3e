package dev.animetracker.common.event.torrent;

/** A tag as events carry it: the normalised slug and the display name. */
public record TagRef(String slug, String name) {}
