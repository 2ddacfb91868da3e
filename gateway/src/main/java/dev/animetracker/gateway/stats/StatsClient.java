package dev.animetracker.gateway.stats;

import dev.animetracker.gateway.GatewayProperties;
import dev.animetracker.gateway.downstream.DownstreamCalls;
import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.stats.StatsDtos.MailStats;
import dev.animetracker.gateway.stats.StatsDtos.SearchStats;
import dev.animetracker.gateway.stats.StatsDtos.TorrentStats;
import java.net.URI;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The stats page's way to each service's moderator stats endpoint, behind that service's circuit
 * breaker, with the user's token (each service checks the role itself). A part that does not answer
 * within {@link StatsProperties#partTimeout()} is {@link DownstreamResult.Unavailable}.
 */
@Component
@EnableConfigurationProperties(StatsProperties.class)
public class StatsClient {

  private final Part torrents;

  private final Part search;

  private final Part notifications;

  private final StatsProperties properties;

  StatsClient(
      GatewayProperties gateway,
      StatsProperties properties,
      ReactiveCircuitBreakerFactory<?, ?> breakers,
      WebClient.Builder webClients) {
    this.properties = properties;
    GatewayProperties.Services services = gateway.services();
    this.torrents =
        new Part("torrent-service", services.torrentService(), gateway, breakers, webClients);
    this.search =
        new Part("search-service", services.searchService(), gateway, breakers, webClients);
    this.notifications =
        new Part(
            "notification-service", services.notificationService(), gateway, breakers, webClients);
  }

  /** {@code GET /api/moderation/stats/torrents} of torrent-service. */
  public Mono<DownstreamResult<TorrentStats>> torrents(String token, int days) {
    return get(torrents, "/api/moderation/stats/torrents", token, days, TorrentStats.class);
  }

  /** {@code GET /api/search/stats} of search-service. */
  public Mono<DownstreamResult<SearchStats>> searches(String token, int days) {
    return get(search, "/api/search/stats", token, days, SearchStats.class);
  }

  /** {@code GET /api/notifications/stats} of notification-service. */
  public Mono<DownstreamResult<MailStats>> mail(String token, int days) {
    return get(notifications, "/api/notifications/stats", token, days, MailStats.class);
  }

  private <T> Mono<DownstreamResult<T>> get(
      Part part, String path, String token, int days, Class<T> type) {
    return part.calls
        .call(
            part.web
                .get()
                .uri(u -> u.path(path).queryParam("days", days).build())
                .headers(h -> h.setBearerAuth(token)),
            response -> response.bodyToMono(type))
        .timeout(properties.partTimeout(), Mono.just(new DownstreamResult.Unavailable<>()));
  }

  /** One service's client and breaker. */
  private static final class Part {

    final WebClient web;

    final DownstreamCalls calls;

    Part(
        String service,
        URI baseUrl,
        GatewayProperties gateway,
        ReactiveCircuitBreakerFactory<?, ?> breakers,
        WebClient.Builder webClients) {
      // Boot's builder: observed, so the stats calls carry the page's trace.
      this.web = DownstreamCalls.lenientWebClient(webClients, baseUrl, gateway.timeouts()).build();
      this.calls = new DownstreamCalls(service, breakers, StatsClient.class);
    }
  }
}
