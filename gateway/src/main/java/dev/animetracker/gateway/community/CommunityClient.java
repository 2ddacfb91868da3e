package dev.animetracker.gateway.community;

import dev.animetracker.gateway.GatewayProperties;
import dev.animetracker.gateway.community.CommunityDtos.Follow;
import dev.animetracker.gateway.community.CommunityDtos.FollowList;
import dev.animetracker.gateway.community.CommunityDtos.PersonalPage;
import dev.animetracker.gateway.community.CommunityDtos.Subscription;
import dev.animetracker.gateway.community.CommunityDtos.SubscriptionList;
import dev.animetracker.gateway.community.CommunityDtos.Unsubscribed;
import dev.animetracker.gateway.downstream.DownstreamCalls;
import dev.animetracker.gateway.downstream.DownstreamResult;
import java.util.Map;
import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The pages' way to search-service's follows, saved searches, bookmarks, feed and unsubscribe
 * links, behind the {@code search-service} circuit breaker (the one of those routes). Path values
 * go in as URI variables, so a hostile username or group stays one encoded segment.
 */
@Component
public class CommunityClient {

  private final WebClient web;

  private final DownstreamCalls calls;

  CommunityClient(
      GatewayProperties properties,
      ReactiveCircuitBreakerFactory<?, ?> breakers,
      WebClient.Builder webClients) {
    this.web =
        DownstreamCalls.lenientWebClient(
                webClients, properties.services().searchService(), properties.timeouts())
            .build();
    this.calls = new DownstreamCalls("search-service", breakers, CommunityClient.class);
  }

  public Mono<DownstreamResult<FollowList>> follows(String token) {
    return call(web.get().uri("/api/users/me/follows"), token, FollowList.class);
  }

  /**
   * Follows (or changes the delivery of) a user, group or series.
   *
   * @param kind {@code users}, {@code groups} or {@code series} (the path segment)
   */
  public Mono<DownstreamResult<Follow>> follow(
      String token, String kind, String target, String delivery) {
    return call(
        web.put()
            .uri("/api/users/me/follows/{kind}/{target}", kind, target)
            .bodyValue(Map.of("delivery", delivery)),
        token,
        Follow.class);
  }

  public Mono<DownstreamResult<Void>> unfollow(String token, String kind, String target) {
    return call(
        web.delete().uri("/api/users/me/follows/{kind}/{target}", kind, target), token, Void.class);
  }

  public Mono<DownstreamResult<SubscriptionList>> subscriptions(String token) {
    return call(web.get().uri("/api/users/me/subscriptions"), token, SubscriptionList.class);
  }

  /**
   * Saves a search: the set {@code /api/search} parameters plus {@code name} and {@code delivery}.
   */
  public Mono<DownstreamResult<Subscription>> subscribe(String token, Map<String, Object> body) {
    return call(
        web.post().uri("/api/users/me/subscriptions").bodyValue(body), token, Subscription.class);
  }

  public Mono<DownstreamResult<Subscription>> updateSubscription(
      String token, String id, Map<String, Object> changes) {
    return call(
        web.patch().uri("/api/users/me/subscriptions/{id}", id).bodyValue(changes),
        token,
        Subscription.class);
  }

  public Mono<DownstreamResult<Void>> deleteSubscription(String token, String id) {
    return call(web.delete().uri("/api/users/me/subscriptions/{id}", id), token, Void.class);
  }

  /** {@code Ok} when the torrent is bookmarked, {@code Failed} 404 when not. */
  public Mono<DownstreamResult<Void>> bookmarked(String token, long torrentId) {
    return call(web.get().uri("/api/users/me/bookmarks/{id}", torrentId), token, Void.class);
  }

  public Mono<DownstreamResult<Void>> bookmark(String token, long torrentId) {
    return call(web.put().uri("/api/users/me/bookmarks/{id}", torrentId), token, Void.class);
  }

  public Mono<DownstreamResult<Void>> unbookmark(String token, long torrentId) {
    return call(web.delete().uri("/api/users/me/bookmarks/{id}", torrentId), token, Void.class);
  }

  /** A newest-first page of bookmarks ({@code page} 0-based). */
  public Mono<DownstreamResult<PersonalPage>> bookmarks(
      String token, int page, int size, String lang) {
    return call(
        web.get()
            .uri(
                u ->
                    u.path("/api/users/me/bookmarks")
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build())
            .header(HttpHeaders.ACCEPT_LANGUAGE, lang),
        token,
        PersonalPage.class);
  }

  /** A newest-first page of the personal feed ({@code page} 0-based). */
  public Mono<DownstreamResult<PersonalPage>> feed(String token, int page, int size, String lang) {
    return call(
        web.get()
            .uri(
                u ->
                    u.path("/api/users/me/feed")
                        .queryParam("page", page)
                        .queryParam("size", size)
                        .build())
            .header(HttpHeaders.ACCEPT_LANGUAGE, lang),
        token,
        PersonalPage.class);
  }

  /** Opens an unsubscribe link's token (no login: the sealed token is the proof). */
  public Mono<DownstreamResult<Unsubscribed>> unsubscribe(long user, String sealed) {
    return calls.call(
        web.post().uri("/api/users/unsubscribe").bodyValue(Map.of("u", user, "t", sealed)),
        response -> response.bodyToMono(Unsubscribed.class));
  }

  private <T> Mono<DownstreamResult<T>> call(
      WebClient.RequestHeadersSpec<?> request, String token, Class<T> type) {
    return calls.call(
        request.headers(h -> h.setBearerAuth(token)),
        type == Void.class ? null : response -> response.bodyToMono(type));
  }
}
