package dev.animetracker.search.api;

import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.query.SearchHit;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Magnet URIs written like torrent-service writes them: {@code xt=urn:btih:<v1>} and/or {@code
 * xt=urn:btmh:1220<v2>}, {@code dn} = title, one {@code tr} per configured announce URL.
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
    StringBuilder uri = new StringBuilder("magnet:?");
    String separator = "";
    if (!v2Only) {
      uri.append("xt=urn:btih:").append(infoHash);
      separator = "&";
    }
    if (infoHashV2 != null) {
      uri.append(separator).append("xt=urn:btmh:1220").append(infoHashV2);
    }
    uri.append("&dn=").append(encode(title));
    for (String tracker : trackers) {
      uri.append("&tr=").append(encode(tracker));
    }
    return uri.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
