package dev.animetracker.tracker.protocol;

import java.util.List;

/**
 * The counts of each scraped info hash, in the order of the request (BEP 15 replies are
 * positional). A hash the tracker does not serve is reported with zeros.
 */
public record ScrapeResult(List<Entry> entries) {

  public ScrapeResult {
    entries = List.copyOf(entries);
  }

  /** The BEP 48 {@code complete} / {@code downloaded} / {@code incomplete} of one info hash. */
  public record Entry(InfoHash infoHash, int complete, long downloaded, int incomplete) {}
}
