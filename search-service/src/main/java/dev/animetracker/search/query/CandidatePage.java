package dev.animetracker.search.query;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A page taken from the first {@code candidateLimit} matches in seeders order (the relevance
 * window, or the matches read for a best-seeded page).
 *
 * @param candidates how many matches the candidate set held; -1 when the page was empty, so the
 *     statement returned no row to tell it
 */
record CandidatePage(List<SearchHit> items, long candidates, int candidateLimit) {

  /**
   * The total as {@link SearchRepository#count} would report it with this cap, when the candidates
   * tell it: fewer than the limit means every match was a candidate; a full candidate set of at
   * least the cap means at least the cap matched. Null when only counting can tell.
   */
  @Nullable Long total(int cap) {
    if (candidates < 0) {
      return null;
    }
    if (candidates < candidateLimit) {
      return Math.min(candidates, cap);
    }
    return candidateLimit >= cap ? (long) cap : null;
  }
}
