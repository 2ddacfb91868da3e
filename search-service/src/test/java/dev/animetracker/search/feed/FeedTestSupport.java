package dev.animetracker.search.feed;

import java.time.Duration;
import java.util.List;

/** Feed settings for tests: a public base URL with a path prefix and a trailing slash. */
final class FeedTestSupport {

  static final String BASE = "https://tracker.example/at";

  private FeedTestSupport() {}

  static FeedProperties properties(String userServiceUrl) {
    return new FeedProperties(
        BASE + "/",
        "AnimeTracker",
        new FeedProperties.UserService(
            userServiceUrl,
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(60),
            2));
  }

  static FeedProperties properties() {
    return properties("http://127.0.0.1:1");
  }

  static FeedLinks links() {
    return new FeedLinks(
        properties().baseUrl(),
        List.of(
            "http://tracker.example:6969/announce", " udp://tracker.example:6969/announce ", ""));
  }
}
