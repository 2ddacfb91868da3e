package dev.animetracker.search.query;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Parsed, validated search parameters (what /api/search, /rss and /torznab all feed into).
 *
 * @param query raw user text; operators are parsed inside the query layer
 * @param categories category slugs to include (empty = all)
 * @param excludedCategories category slugs to exclude ("-slug" in the API)
 * @param tags tag slugs, all required
 * @param uploader uploader username
 * @param minSize minimum size in bytes
 * @param maxSize maximum size in bytes
 * @param season season wanted (a season pack of it, or any of its episodes); null for any
 * @param episode episode wanted (a single episode, or a batch or range containing it); null for any
 * @param release restrictions by the other release fields and flags
 */
public record SearchCriteria(
    @Nullable String query,
    List<String> categories,
    List<String> excludedCategories,
    List<String> tags,
    @Nullable String uploader,
    @Nullable Long minSize,
    @Nullable Long maxSize,
    @Nullable Instant createdFrom,
    @Nullable Instant createdTo,
    @Nullable Integer minSeeders,
    @Nullable Integer season,
    @Nullable Integer episode,
    ReleaseFilter release,
    SortField sort,
    SortOrder order,
    int offset,
    int limit) {}
