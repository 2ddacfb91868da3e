package dev.animetracker.search.query;

import java.util.List;

/**
 * Counts of the release fields over the matching torrents, the most frequent first. Counted over at
 * most {@code facet-candidates} (SearchProperties) matches, so on a larger result they are a
 * sample's counts (exact when the search matches fewer).
 */
public record Facets(
    List<Count> group,
    List<Count> resolution,
    List<Count> source,
    List<Count> subs,
    List<Count> batch,
    List<SeriesCount> series) {

  /** One value and how many matches have it. */
  public record Count(String value, long count) {}

  /** One series (by slug, with its title) and how many matches belong to it. */
  public record SeriesCount(String slug, String title, long count) {}

  /** No counts. */
  public static final Facets EMPTY =
      new Facets(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
}
