package dev.animetracker.search.query;

/** A tag attached to a torrent. */
public record TagView(String slug, String name) {}
