package dev.animetracker.search.query;

/** A category as the read model knows it, with both localized names. */
public record CategoryView(long id, String slug, String nameRu, String nameEn) {}
