package dev.animetracker.search.query;

import java.util.List;

/** One page of hits plus the number of matching torrents. */
public record SearchResult(List<SearchHit> items, long total) {}
