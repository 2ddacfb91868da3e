package dev.animetracker.search.query;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The text part of a search as {@link SearchService#search} evaluates it, for a saved search that
 * is evaluated later against single documents (search-service's release matching): the tsquery
 * literals are exactly those the search would put into its SQL.
 *
 * @param positive tsquery every matching document holds, or null
 * @param negative tsquery no matching document holds, or null
 * @param episodeMarkers title markers of season/episode for documents without a parsed release
 * @param hashLookup whether the text was an info hash or magnet link (one torrent, nothing to save)
 * @param requiredClauses each required clause on its own, as the alternatives' first tokens: a
 *     document matching the search holds one alternative of every clause
 */
public record CompiledQuery(
    @Nullable String positive,
    @Nullable String negative,
    @Nullable String episodeMarkers,
    boolean hashLookup,
    List<RequiredClause> requiredClauses) {

  /**
   * One required clause ({@code a|b}): the tsquery of the clause alone and, per alternative, the
   * first token and whether it also matches longer words.
   */
  public record RequiredClause(String tsquery, List<Alternative> alternatives) {}

  /** The first token of an alternative; {@code prefix} when it matches as a prefix. */
  public record Alternative(String token, boolean prefix) {}
}
