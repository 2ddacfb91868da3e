package dev.animetracker.common.torrent;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The site's magnet URIs, one format for every service that shows them (torrent pages, search
 * results, feeds): {@code
 * magnet:?xt=urn:btih:<v1>&xt=urn:btmh:1220<v2>&dn=<title>&tr=<tracker>...}, each {@code xt} only
 * when the torrent has that version.
 */
public final class MagnetUri {

  private MagnetUri() {}

  /**
   * @param v1 the v1 info hash (40 hex), or null for a v2-only torrent
   * @param v2 the v2 info hash (64 hex), or null for a v1-only torrent
   */
  public static String of(
      @Nullable String v1, @Nullable String v2, String title, List<String> trackers) {
    StringBuilder uri = new StringBuilder("magnet:?");
    String separator = "";
    if (v1 != null) {
      uri.append("xt=urn:btih:").append(v1);
      separator = "&";
    }
    if (v2 != null) {
      uri.append(separator).append("xt=urn:btmh:1220").append(v2);
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
