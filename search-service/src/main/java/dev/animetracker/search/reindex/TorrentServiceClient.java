package dev.animetracker.search.reindex;

import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.SeriesRef;
import dev.animetracker.common.event.torrent.TagRef;
import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.common.user.ServiceTokens;
import dev.animetracker.search.SearchProperties;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Reads torrent-service's {@code GET /internal/torrents/snapshots} and {@code GET /internal/series}
 * pages.
 */
@Component
class TorrentServiceClient {

  /**
   * One live torrent as torrent-service lists it; the release fields read as null/false from a
   * torrent-service that does not list them yet.
   */
  record Item(
      long torrentId,
      String infoHash,
      @Nullable String infoHashV2,
      String title,
      @Nullable String description,
      CategoryRef category,
      @Nullable List<TagRef> tags,
      long size,
      int fileCount,
      long uploaderId,
      String uploaderUsername,
      Instant createdAt,
      @Nullable Instant updatedAt,
      long version,
      long seeders,
      long leechers,
      long completed,
      @Nullable Instant statsObservedAt,
      long downloads,
      long commentCount,
      @Nullable ParsedRelease release,
      @Nullable Boolean trusted,
      @Nullable Boolean remake,
      @Nullable Boolean complete,
      @Nullable SeriesRef series) {}

  /** One series as torrent-service lists it. */
  record Series(
      String slug,
      String title,
      @Nullable List<String> alternativeTitles,
      long version,
      Instant updatedAt) {}

  /** A page of series, by slug; {@code nextAfter} is null after the last one. */
  record SeriesPage(@Nullable List<Series> items, @Nullable String nextAfter) {}

  /** A page; {@code nextAfterId} is null after the last one. */
  record Page(@Nullable List<Item> items, Instant asOf, @Nullable Long nextAfterId) {}

  private final RestClient client;

  TorrentServiceClient(
      SearchProperties properties, ServiceTokens serviceTokens, RestClient.Builder restClients) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(properties.connectTimeout());
    requests.setReadTimeout(properties.readTimeout());
    this.client =
        restClients
            .clone()
            .baseUrl(properties.torrentServiceUrl().toString())
            .requestFactory(requests)
            .requestInterceptor(serviceTokens)
            .build();
  }

  Page page(long afterId, int limit) {
    Page page =
        client
            .get()
            .uri("/internal/torrents/snapshots?afterId={afterId}&limit={limit}", afterId, limit)
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .body(Page.class);
    if (page == null || page.asOf() == null) {
      throw new IllegalStateException("torrent-service answered an empty snapshot page");
    }
    return page;
  }

  /** The series after {@code afterSlug} (from the first when null), at most {@code limit}. */
  SeriesPage series(@Nullable String afterSlug, int limit) {
    SeriesPage page =
        client
            .get()
            .uri(
                afterSlug == null
                    ? "/internal/series?limit={limit}"
                    : "/internal/series?after={after}&limit={limit}",
                afterSlug == null ? new Object[] {limit} : new Object[] {afterSlug, limit})
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .body(SeriesPage.class);
    if (page == null) {
      throw new IllegalStateException("torrent-service answered an empty series page");
    }
    return page;
  }
}
