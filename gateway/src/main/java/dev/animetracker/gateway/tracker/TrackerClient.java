package dev.animetracker.gateway.tracker;

import dev.animetracker.gateway.GatewayProperties;
import dev.animetracker.gateway.downstream.DownstreamCalls;
import dev.animetracker.gateway.downstream.DownstreamResult;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** The moderators' peers page's way to tracker-service's management API. */
@Component
public class TrackerClient {

  private static final ParameterizedTypeReference<List<Peer>> PEERS =
      new ParameterizedTypeReference<>() {};

  private final WebClient web;

  private final DownstreamCalls calls;

  TrackerClient(
      GatewayProperties properties,
      ReactiveCircuitBreakerFactory<?, ?> breakers,
      WebClient.Builder webClients) {
    this.web =
        DownstreamCalls.lenientWebClient(
                webClients, properties.services().trackerService(), properties.timeouts())
            .build();
    this.calls = new DownstreamCalls("tracker-service", breakers, TrackerClient.class);
  }

  /** One peer of a swarm, newest announce first. */
  public record Peer(
      @Nullable String peerId,
      @Nullable String peerIdHex,
      @Nullable String ip,
      int port,
      long uploaded,
      long downloaded,
      long left,
      boolean seeder,
      boolean completed,
      @Nullable Instant lastAnnounce) {}

  /** The swarm of a torrent (tracker-service allows moderators only). */
  public Mono<DownstreamResult<List<Peer>>> peers(String token, String infoHash) {
    return calls.call(
        web.get()
            .uri("/api/tracker/torrents/{hash}/peers", infoHash)
            .headers(h -> h.setBearerAuth(token)),
        response -> response.bodyToMono(PEERS));
  }
}
