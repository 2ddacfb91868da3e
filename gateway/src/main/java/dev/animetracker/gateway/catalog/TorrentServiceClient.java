package dev.animetracker.gateway.catalog;

import dev.animetracker.gateway.GatewayProperties;
import dev.animetracker.gateway.catalog.CatalogDtos.Category;
import dev.animetracker.gateway.catalog.CatalogDtos.Comment;
import dev.animetracker.gateway.catalog.CatalogDtos.Created;
import dev.animetracker.gateway.catalog.CatalogDtos.Series;
import dev.animetracker.gateway.catalog.CatalogDtos.SeriesPage;
import dev.animetracker.gateway.catalog.CatalogDtos.Tag;
import dev.animetracker.gateway.catalog.CatalogDtos.Torrent;
import dev.animetracker.gateway.catalog.CatalogDtos.TorrentPage;
import dev.animetracker.gateway.downstream.DownstreamCalls;
import dev.animetracker.gateway.downstream.DownstreamResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClientRequest;

/**
 * The web UI's way to torrent-service, behind the {@code torrent-service} circuit breaker: a down
 * service yields {@link DownstreamResult.Unavailable}, never an error.
 */
@Component
public class TorrentServiceClient {

  private static final ParameterizedTypeReference<List<Category>> CATEGORIES =
      new ParameterizedTypeReference<>() {};

  private static final ParameterizedTypeReference<List<Comment>> COMMENTS =
      new ParameterizedTypeReference<>() {};

  private static final ParameterizedTypeReference<List<Tag>> TAGS =
      new ParameterizedTypeReference<>() {};

  private final WebClient web;

  private final DownstreamCalls calls;

  private final Duration uploadTimeout;

  TorrentServiceClient(
      GatewayProperties properties,
      ReactiveCircuitBreakerFactory<?, ?> breakers,
      WebClient.Builder webClients) {
    this.web =
        DownstreamCalls.lenientWebClient(
                webClients, properties.services().torrentService(), properties.timeouts())
            .build();
    this.calls = new DownstreamCalls("torrent-service", breakers, TorrentServiceClient.class);
    this.uploadTimeout = properties.timeouts().uploadResponse();
  }

  /** A newest-first page of torrents, optionally of one uploader or category. */
  public Mono<DownstreamResult<TorrentPage>> list(
      int page, int size, @Nullable String uploader, @Nullable String category, String lang) {
    return call(
        web.get()
            .uri(
                uri -> {
                  UriBuilder builder =
                      uri.path("/api/torrents").queryParam("page", page).queryParam("size", size);
                  if (uploader != null) {
                    builder.queryParam("uploader", "{uploader}");
                  }
                  if (category != null) {
                    builder.queryParam("category", "{category}");
                  }
                  return builder.build(
                      Map.of(
                          "uploader", uploader == null ? "" : uploader,
                          "category", category == null ? "" : category));
                })
            .header(HttpHeaders.ACCEPT_LANGUAGE, lang),
        response -> response.bodyToMono(TorrentPage.class));
  }

  public Mono<DownstreamResult<Torrent>> torrent(long id, String lang) {
    return call(
        web.get().uri("/api/torrents/{id}", id).header(HttpHeaders.ACCEPT_LANGUAGE, lang),
        response -> response.bodyToMono(Torrent.class));
  }

  public Mono<DownstreamResult<List<Comment>>> comments(long torrentId) {
    return call(
        web.get().uri("/api/torrents/{id}/comments", torrentId),
        response -> response.bodyToMono(COMMENTS));
  }

  public Mono<DownstreamResult<List<Category>>> categories(String lang) {
    return call(
        web.get().uri("/api/categories").header(HttpHeaders.ACCEPT_LANGUAGE, lang),
        response -> response.bodyToMono(CATEGORIES));
  }

  /** The most used tags (the service's default limit), for suggestions. */
  public Mono<DownstreamResult<List<Tag>>> tags() {
    return call(web.get().uri("/api/tags"), response -> response.bodyToMono(TAGS));
  }

  /** Forwards an upload form (the parts of a {@code MultipartBodyBuilder}). */
  public Mono<DownstreamResult<Created>> upload(
      String accessToken, MultiValueMap<String, HttpEntity<?>> parts, String lang) {
    return call(
        web.post()
            .uri("/api/torrents")
            .httpRequest(
                request -> {
                  HttpClientRequest reactor = request.getNativeRequest();
                  reactor.responseTimeout(uploadTimeout);
                })
            .headers(h -> bearer(h, accessToken, lang))
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(BodyInserters.fromMultipartData(parts)),
        response -> response.bodyToMono(Created.class));
  }

  /** The PATCH body as JSON: strings, booleans and the {@code release} object (null clears). */
  public Mono<DownstreamResult<Torrent>> update(
      String accessToken, long id, Map<String, @Nullable Object> changes, String lang) {
    return call(
        web.patch()
            .uri("/api/torrents/{id}", id)
            .headers(h -> bearer(h, accessToken, lang))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(changes),
        response -> response.bodyToMono(Torrent.class));
  }

  public Mono<DownstreamResult<Void>> delete(String accessToken, long id) {
    return call(
        web.delete().uri("/api/torrents/{id}", id).headers(h -> h.setBearerAuth(accessToken)),
        null);
  }

  public Mono<DownstreamResult<Comment>> addComment(
      String accessToken, long torrentId, String text) {
    return call(
        web.post()
            .uri("/api/torrents/{id}/comments", torrentId)
            .headers(h -> h.setBearerAuth(accessToken))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("text", text)),
        response -> response.bodyToMono(Comment.class));
  }

  public Mono<DownstreamResult<Comment>> editComment(
      String accessToken, long commentId, String text) {
    return call(
        web.patch()
            .uri("/api/comments/{id}", commentId)
            .headers(h -> h.setBearerAuth(accessToken))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("text", text)),
        response -> response.bodyToMono(Comment.class));
  }

  public Mono<DownstreamResult<Void>> deleteComment(String accessToken, long commentId) {
    return call(
        web.delete()
            .uri("/api/comments/{id}", commentId)
            .headers(h -> h.setBearerAuth(accessToken)),
        null);
  }

  /**
   * A series with its releases; with the viewer's token (null for visitors) so that {@code canEdit}
   * is theirs.
   */
  public Mono<DownstreamResult<Series>> series(
      String slug, @Nullable String accessToken, String lang) {
    return call(
        web.get()
            .uri("/api/series/{slug}", slug)
            .headers(
                h -> {
                  h.set(HttpHeaders.ACCEPT_LANGUAGE, lang);
                  if (accessToken != null) {
                    h.setBearerAuth(accessToken);
                  }
                }),
        response -> response.bodyToMono(Series.class));
  }

  /** A page of series matching {@code q} (any of their titles), or the latest updated. */
  public Mono<DownstreamResult<SeriesPage>> seriesList(
      @Nullable String q, int page, int size, String lang) {
    return call(
        web.get()
            .uri(
                uri -> {
                  UriBuilder builder =
                      uri.path("/api/series").queryParam("page", page).queryParam("size", size);
                  if (q != null) {
                    builder.queryParam("q", "{q}");
                  }
                  return builder.build(Map.of("q", q == null ? "" : q));
                })
            .header(HttpHeaders.ACCEPT_LANGUAGE, lang),
        response -> response.bodyToMono(SeriesPage.class));
  }

  /** {@code PATCH /api/series/{slug}}: the given keys replace, null clears. */
  public Mono<DownstreamResult<Series>> updateSeries(
      String accessToken, String slug, Map<String, @Nullable Object> changes, String lang) {
    return call(
        web.patch()
            .uri("/api/series/{slug}", slug)
            .headers(h -> bearer(h, accessToken, lang))
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(changes),
        response -> response.bodyToMono(Series.class));
  }

  private static void bearer(HttpHeaders headers, String accessToken, String lang) {
    headers.setBearerAuth(accessToken);
    headers.set(HttpHeaders.ACCEPT_LANGUAGE, lang);
  }

  private <T> Mono<DownstreamResult<T>> call(
      WebClient.RequestHeadersSpec<?> request, @Nullable Function<ClientResponse, Mono<T>> body) {
    return calls.call(request, body);
  }
}
