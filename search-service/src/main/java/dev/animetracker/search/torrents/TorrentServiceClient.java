package dev.animetracker.search.torrents;

import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.SeriesRef;
import dev.animetracker.common.event.torrent.TagRef;
import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.common.user.ServiceTokens;
import dev.animetracker.search.SearchProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Reads torrent-service's {@code GET /internal/torrents/snapshots} and {@code GET /internal/series}
 * pages: whole pages for a rebuild, and one torrent when a user acts on a torrent this index has
 * not heard of yet.
 */
@Component
public class TorrentServiceClient {

  /**
   * One live torrent as torrent-service lists it; the release fields read as null/false from a
   * torrent-service that does not list them yet.
   */
  public record Item(
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
  public record Series(
      String slug,
      String title,
      @Nullable List<String> alternativeTitles,
      long version,
      Instant updatedAt) {}

  /** A page of series, by slug; {@code nextAfter} is null after the last one. */
  public record SeriesPage(@Nullable List<Series> items, @Nullable String nextAfter) {}

  /** A page; {@code nextAfterId} is null after the last one. */
  public record Page(@Nullable List<Item> items, Instant asOf, @Nullable Long nextAfterId) {}

  private final RestClient client;
  private final RestClient interactive;

  TorrentServiceClient(SearchProperties properties, ServiceTokens serviceTokens) {
    this.client = client(properties, serviceTokens, properties.readTimeout());
    // A user is waiting on this one: no 30 s page timeout.
    this.interactive = client(properties, serviceTokens, properties.connectTimeout());
  }

  private static RestClient client(
      SearchProperties properties, ServiceTokens serviceTokens, Duration readTimeout) {
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(properties.connectTimeout());
    requests.setReadTimeout(readTimeout);
    return RestClient.builder()
        .baseUrl(properties.torrentServiceUrl().toString())
        .requestFactory(requests)
        .requestInterceptor(serviceTokens)
        .build();
  }

  /**
   * Whether torrent-service lists {@code torrentId} as a live torrent: the snapshot page starting
   * just before it holds it first.
   *
   * @throws org.springframework.web.client.RestClientException when torrent-service cannot say
   */
  public boolean listed(long torrentId) {
    if (torrentId < 1) {
      return false;
    }
    Page page =
        interactive
            .get()
            .uri("/internal/torrents/snapshots?afterId={afterId}&limit=1", torrentId - 1)
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .body(Page.class);
    return page != null
        && page.items() != null
        && !page.items().isEmpty()
        && page.items().getFirst().torrentId() == torrentId;
  }

  /** A page of live torrents after {@code afterId}, in id order, at most {@code limit}. */
  public Page page(long afterId, int limit) {
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
  public SeriesPage series(@Nullable String afterSlug, int limit) {
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
