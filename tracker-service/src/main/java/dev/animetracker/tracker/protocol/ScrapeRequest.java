package dev.animetracker.tracker.protocol;

import java.util.List;

/**
 * A scrape of one or more info hashes (BEP 48 / BEP 15), in request order. Duplicates are kept: a
 * BEP 15 reply answers position by position.
 */
public record ScrapeRequest(List<InfoHash> infoHashes) {

  public ScrapeRequest {
    if (infoHashes.isEmpty()) {
      throw new IllegalArgumentException("a scrape names at least one info hash");
    }
    infoHashes = List.copyOf(infoHashes);
  }

  public static ScrapeRequest of(InfoHash... infoHashes) {
    return new ScrapeRequest(List.of(infoHashes));
  }
}
