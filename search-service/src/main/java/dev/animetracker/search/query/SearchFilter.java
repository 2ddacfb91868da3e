package dev.animetracker.search.query;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What restricts a search, resolved for SQL (category slugs turned into ids, text into tsquery
 * literals).
 *
 * @param positive tsquery every row must match, or null
 * @param negative tsquery no row may match, or null
 * @param categoryIds categories to include; null for all
 * @param episodeMarkers tsquery of the title markers for {@code season}/{@code episode}, for rows
 *     without a parsed release only
 */
record SearchFilter(
    @Nullable String positive,
    @Nullable String negative,
    ParsedQuery.@Nullable HashLookup hash,
    @Nullable List<Long> categoryIds,
    List<Long> excludedCategoryIds,
    List<String> tags,
    @Nullable String uploader,
    @Nullable Long minSize,
    @Nullable Long maxSize,
    @Nullable Instant createdFrom,
    @Nullable Instant createdTo,
    @Nullable Integer minSeeders,
    @Nullable Integer season,
    @Nullable Integer episode,
    @Nullable String episodeMarkers,
    ReleaseFilter release) {

  /** Whether only categories restrict the rows, so the per-category live counts give the total. */
  boolean onlyCategories() {
    return positive == null
        && negative == null
        && hash == null
        && tags.isEmpty()
        && uploader == null
        && minSize == null
        && maxSize == null
        && createdFrom == null
        && createdTo == null
        && minSeeders == null
        && season == null
        && episode == null
        && release.none();
  }

  SearchFilter withPositive(@Nullable String newPositive) {
    return new SearchFilter(
        newPositive,
        negative,
        hash,
        categoryIds,
        excludedCategoryIds,
        tags,
        uploader,
        minSize,
        maxSize,
        createdFrom,
        createdTo,
        minSeeders,
        season,
        episode,
        episodeMarkers,
        release);
  }
}
