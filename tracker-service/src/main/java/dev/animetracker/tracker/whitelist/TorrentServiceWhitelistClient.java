package dev.animetracker.tracker.whitelist;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Client of torrent-service's internal {@code GET /internal/torrents/whitelist}: the hashes of
 * every live torrent, as torrent-service stores them (hex, v1 and/or v2).
 */
class TorrentServiceWhitelistClient {

  static final String PATH = "/internal/torrents/whitelist";

  /** One live torrent; either hash may be missing (v2-only or v1-only torrents). */
  record Entry(@Nullable String infoHash, @Nullable String infoHashV2) {}

  private final RestClient client;

  /**
   * @param serviceTokens puts the tracker's service token on the call, which the endpoint needs
   */
  TorrentServiceWhitelistClient(URI torrentServiceUrl, ClientHttpRequestInterceptor serviceTokens) {
    SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
    factory.setConnectTimeout(Duration.ofSeconds(2));
    factory.setReadTimeout(Duration.ofSeconds(10));
    this.client =
        RestClient.builder()
            .baseUrl(torrentServiceUrl.toString())
            .requestFactory(factory)
            .requestInterceptor(serviceTokens)
            .build();
  }

  /**
   * The live torrents.
   *
   * @throws RuntimeException when torrent-service is unreachable or answers with an error
   */
  List<Entry> fetch() {
    List<Entry> entries =
        client.get().uri(PATH).retrieve().body(new ParameterizedTypeReference<List<Entry>>() {});
    return entries == null ? List.of() : entries;
  }
}
