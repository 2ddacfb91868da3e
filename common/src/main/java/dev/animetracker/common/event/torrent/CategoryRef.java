package dev.animetracker.common.event.torrent;

/** A category as events carry it: enough for a read model to show and filter without a lookup. */
public record CategoryRef(long id, String slug, String nameRu, String nameEn) {}
