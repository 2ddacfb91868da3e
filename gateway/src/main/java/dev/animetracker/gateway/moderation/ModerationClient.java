package dev.animetracker.gateway.moderation;

import dev.animetracker.gateway.GatewayProperties;
import dev.animetracker.gateway.catalog.CatalogDtos.Category;
import dev.animetracker.gateway.downstream.DownstreamCalls;
import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.moderation.ModerationDtos.AuditPage;
import dev.animetracker.gateway.moderation.ModerationDtos.Report;
import dev.animetracker.gateway.moderation.ModerationDtos.ReportGroup;
import dev.animetracker.gateway.moderation.ModerationDtos.ReportPage;
import java.util.HashMap;
import java.util.Map;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;

/**
 * The pages' way to torrent-service's reports, moderation queue, audit log and category management,
 * behind the {@code torrent-service} circuit breaker. torrent-service decides who may; the gateway
 * forwards the user's token.
 */
@Component
public class ModerationClient {

  private final WebClient web;

  private final DownstreamCalls calls;

  ModerationClient(
      GatewayProperties properties,
      ReactiveCircuitBreakerFactory<?, ?> breakers,
      WebClient.Builder webClients) {
    this.web =
        DownstreamCalls.lenientWebClient(
                webClients, properties.services().torrentService(), properties.timeouts())
            .build();
    this.calls = new DownstreamCalls("torrent-service", breakers, ModerationClient.class);
  }

  /**
   * Reports a torrent or a comment.
   *
   * @param targets {@code torrents} or {@code comments} (the path segment)
   */
  public Mono<DownstreamResult<Report>> report(
      String token, String targets, long id, String reason, String text) {
    Map<String, Object> body = new HashMap<>();
    body.put("reason", reason);
    if (!text.isEmpty()) {
      body.put("text", text);
    }
    return call(
        web.post().uri("/api/{targets}/{id}/reports", targets, id).bodyValue(body),
        token,
        Report.class);
  }

  /** One page of the queue ({@code state} open|resolved, {@code page} 0-based). */
  public Mono<DownstreamResult<ReportPage>> queue(String token, String state, int page, int size) {
    return call(
        web.get()
            .uri(
                u ->
                    u.path("/api/moderation/reports")
                        .queryParam("state", state)
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build()),
        token,
        ReportPage.class);
  }

  /** Resolves a group: {@code action} dismiss|delete|remake|ban-uploader. */
  public Mono<DownstreamResult<ReportGroup>> resolve(
      String token, String id, Map<String, Object> body) {
    return call(
        web.post().uri("/api/moderation/reports/{id}/resolve", id).bodyValue(body),
        token,
        ReportGroup.class);
  }

  /** A newest-first page of the audit log, filtered by the non-empty values of {@code filters}. */
  public Mono<DownstreamResult<AuditPage>> audit(
      String token, Map<String, String> filters, int page, int size) {
    return call(
        web.get()
            .uri(
                u -> {
                  UriBuilder builder = u.path("/api/moderation/audit");
                  Map<String, Object> values = new HashMap<>();
                  filters.forEach(
                      (name, value) -> {
                        if (!value.isEmpty()) {
                          // As URI variables, so the values are encoded strictly.
                          builder.queryParam(name, "{" + name + "}");
                          values.put(name, value);
                        }
                      });
                  return builder.queryParam("page", page).queryParam("size", size).build(values);
                }),
        token,
        AuditPage.class);
  }

  public Mono<DownstreamResult<Category>> createCategory(String token, Map<String, Object> body) {
    return call(web.post().uri("/api/categories").bodyValue(body), token, Category.class);
  }

  public Mono<DownstreamResult<Category>> updateCategory(
      String token, String slug, Map<String, Object> body) {
    return call(
        web.patch().uri("/api/categories/{slug}", slug).bodyValue(body), token, Category.class);
  }

  private <T> Mono<DownstreamResult<T>> call(
      WebClient.RequestHeadersSpec<?> request, String token, Class<T> type) {
    return calls.call(
        request.headers(h -> h.setBearerAuth(token)), response -> response.bodyToMono(type));
  }
}
