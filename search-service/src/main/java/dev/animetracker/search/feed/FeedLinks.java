package dev.animetracker.search.feed;

import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.api.MagnetLinks;
import dev.animetracker.search.query.SearchHit;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** The public URLs a feed item points to, all under {@code PUBLIC_BASE_URL}. */
@Component
class FeedLinks {

  private final String base;
  private final List<String> trackers;

  @Autowired
  FeedLinks(FeedProperties feed, SearchProperties search) {
    this(feed.baseUrl(), search.announceUrls());
  }

  FeedLinks(String baseUrl, List<String> announceUrls) {
    this.base = baseUrl;
    this.trackers = announceUrls.stream().map(String::strip).filter(url -> !url.isEmpty()).toList();
  }

  /** The site's home page. */
  String home() {
    return base + "/";
  }

  /** An absolute URL of a path on the site ({@code path} starts with a slash). */
  String site(String path) {
    return base + path;
  }

  /** The torrent's page on the site. */
  String page(long id) {
    return base + "/torrents/" + id;
  }

  /**
   * The .torrent download; with an API key it works without a login (and counts for the key's
   * owner), without one the reader must be logged in.
   */
  String download(long id, @Nullable String apiKey) {
    String url = base + "/api/torrents/" + id + "/download";
    return apiKey == null ? url : url + "?apikey=" + encode(apiKey);
  }

  /** The magnet URI, written like torrent-service and {@code /api/search} write it. */
  String magnet(SearchHit hit) {
    return MagnetLinks.magnet(hit.infoHash(), hit.infoHashV2(), hit.title(), trackers);
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
