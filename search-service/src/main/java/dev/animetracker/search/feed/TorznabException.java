package dev.animetracker.search.feed;

/** A Torznab request that gets an {@code <error>} document instead of results. */
class TorznabException extends RuntimeException {

  private final TorznabError error;

  TorznabException(TorznabError error, String detail) {
    super(error.describe(detail));
    this.error = error;
  }

  TorznabError error() {
    return error;
  }
}
