package dev.animetracker.search.feed;

import java.util.List;

/** Feed settings for tests: a public base URL with a path prefix and a trailing slash. */
final class FeedTestSupport {

  static final String BASE = "https://tracker.example/at";

  private FeedTestSupport() {}

  static FeedProperties properties() {
    return new FeedProperties(BASE + "/", "AnimeTracker");
  }

  static FeedLinks links() {
    return new FeedLinks(
        properties().baseUrl(),
        List.of(
            "http://tracker.example:6969/announce", " udp://tracker.example:6969/announce ", ""));
  }
}
