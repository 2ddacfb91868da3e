package dev.animetracker.search.query;

/**
 * What a search can be ordered by; every order is made total with the torrent id as tie-breaker.
 */
public enum SortField {
  RELEVANCE,
  CREATED,
  SEEDERS,
  LEECHERS,
  DOWNLOADS,
  COMPLETED,
  SIZE,
  TITLE
}
