package dev.animetracker.gateway.notification;

import dev.animetracker.gateway.GatewayProperties;
import dev.animetracker.gateway.downstream.DownstreamCalls;
import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.notification.NotificationDtos.NotificationPage;
import dev.animetracker.gateway.notification.NotificationDtos.Unread;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The pages' way to notification-service's inbox, behind the {@code notification-service} circuit
 * breaker.
 */
@Component
public class NotificationClient {

  /**
   * The navbar bell is on every page, so it may not hold one up: past this it is left out (the page
   * renders without a badge).
   */
  static final Duration BELL_TIMEOUT = Duration.ofMillis(800);

  private final WebClient web;

  private final DownstreamCalls calls;

  NotificationClient(
      GatewayProperties properties,
      ReactiveCircuitBreakerFactory<?, ?> breakers,
      WebClient.Builder webClients) {
    this.web =
        DownstreamCalls.lenientWebClient(
                webClients, properties.services().notificationService(), properties.timeouts())
            .build();
    this.calls = new DownstreamCalls("notification-service", breakers, NotificationClient.class);
  }

  /** A newest-first page ({@code page} 0-based), optionally only the unread ones. */
  public Mono<DownstreamResult<NotificationPage>> list(
      String token, int page, int size, boolean unreadOnly) {
    return calls.call(
        web.get()
            .uri(
                u -> {
                  u.path("/api/users/me/notifications")
                      .queryParam("page", page)
                      .queryParam("size", size);
                  if (unreadOnly) {
                    u.queryParam("unread", true);
                  }
                  return u.build();
                })
            .headers(h -> h.setBearerAuth(token)),
        response -> response.bodyToMono(NotificationPage.class));
  }

  /**
   * The unread count for the bell, or empty when notification-service does not answer in {@link
   * #BELL_TIMEOUT} (or at all): never an error.
   */
  public Mono<Long> unread(String token) {
    return calls
        .call(
            web.get()
                .uri("/api/users/me/notifications/unread")
                .headers(h -> h.setBearerAuth(token)),
            response -> response.bodyToMono(Unread.class))
        .timeout(BELL_TIMEOUT)
        .onErrorResume(error -> Mono.empty())
        .flatMap(
            result ->
                result instanceof DownstreamResult.Ok<Unread>(Unread value) && value != null
                    ? Mono.just(value.unread())
                    : Mono.empty());
  }

  /** Marks the given ids read (other users' ids are ignored by the service). */
  public Mono<DownstreamResult<Unread>> markRead(String token, List<String> ids) {
    return markRead(token, Map.of("ids", ids));
  }

  public Mono<DownstreamResult<Unread>> markAllRead(String token) {
    return markRead(token, Map.of("all", true));
  }

  private Mono<DownstreamResult<Unread>> markRead(String token, Map<String, Object> body) {
    return calls.call(
        web.post()
            .uri("/api/users/me/notifications/read")
            .headers(h -> h.setBearerAuth(token))
            .bodyValue(body),
        response -> response.bodyToMono(Unread.class));
  }
}
