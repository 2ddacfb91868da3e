package dev.animetracker.search.api;

import dev.animetracker.common.torrent.MagnetUri;
import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.query.SearchHit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Magnet URIs of search hits, in the site's one format ({@link MagnetUri}) with the configured
 * announce URLs.
 */
@Component
public class MagnetLinks {

  private final List<String> trackers;

  public MagnetLinks(SearchProperties properties) {
    this.trackers = List.copyOf(properties.announceUrls());
  }

  public String magnet(SearchHit hit) {
    return magnet(hit.infoHash(), hit.infoHashV2(), hit.title(), trackers);
  }

  /**
   * The magnet of a torrent by its tracker key and v2 hash. A v2-only torrent's tracker key is its
   * truncated v2 hash, which is no v1 hash: such a magnet has only the btmh.
   */
  public static String magnet(
      String infoHash, @Nullable String infoHashV2, String title, List<String> trackers) {
    boolean v2Only = infoHashV2 != null && infoHashV2.startsWith(infoHash);
    return MagnetUri.of(v2Only ? null : infoHash, infoHashV2, title, trackers);
  }
}
