package dev.animetracker.search.query;

/** Direction of a {@link SortField}. */
public enum SortOrder {
  ASC,
  DESC
}
