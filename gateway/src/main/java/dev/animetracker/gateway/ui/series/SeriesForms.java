package dev.animetracker.gateway.ui.series;

import org.jspecify.annotations.Nullable;

/** The series page's forms, as posted. */
final class SeriesForms {

  private SeriesForms() {}

  /** The edit form: every field of {@code PATCH /api/series/{slug}}; synonyms one per line. */
  record SeriesEditForm(
      @Nullable String title,
      @Nullable String romaji,
      @Nullable String english,
      @Nullable String russian,
      @Nullable String japanese,
      @Nullable String synonyms,
      @Nullable String anilistId,
      @Nullable String malId,
      @Nullable String anidbId) {}
}
