package dev.animetracker.search.watch;

import dev.animetracker.common.web.DomainException;
import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.web.Caller;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * Follows ({@code /api/users/me/follows/...}), saved searches ({@code /api/users/me/subscriptions})
 * and the one-click unsubscribe of release mails ({@code POST /api/users/unsubscribe}, no login:
 * the sealed token is the credential). docs/search-service.md.
 */
@RestController
class WatchController {

  private final WatchService watches;
  private final SearchProperties searchProperties;

  WatchController(WatchService watches, SearchProperties searchProperties) {
    this.watches = watches;
    this.searchProperties = searchProperties;
  }

  /** A follow as the API shows it. */
  record FollowView(
      long id, String kind, String target, String label, String delivery, Instant createdAt) {
    static FollowView of(Watch watch) {
      return new FollowView(
          watch.id(),
          watch.kind(),
          watch.target() == null ? "" : watch.target(),
          watch.label(),
          watch.delivery(),
          watch.createdAt());
    }
  }

  /** A saved search as the API shows it. */
  record SubscriptionView(
      long id, String name, Map<String, Object> query, String delivery, Instant createdAt) {
    static SubscriptionView of(Watch watch) {
      return new SubscriptionView(
          watch.id(),
          watch.label(),
          watch.query() == null ? Map.of() : watch.query(),
          watch.delivery(),
          watch.createdAt());
    }
  }

  /** A list answer. */
  record Items<T>(List<T> items) {}

  /** The optional body of a follow. */
  record FollowBody(@Nullable String delivery) {}

  /** The body of a saved-search change. */
  record SubscriptionChange(@Nullable String delivery, @Nullable String name) {}

  /** The body of an unsubscribe. */
  record Unsubscribe(@Nullable Long u, @Nullable String t) {}

  /** A watch turned off by an unsubscribe. */
  record Silenced(long id, String kind, String label) {}

  /** The answer of an unsubscribe. */
  record Unsubscribed(List<Silenced> watches) {}

  @PutMapping("/api/users/me/follows/users/{username}")
  FollowView followUser(
      @PathVariable String username, @RequestBody(required = false) @Nullable FollowBody body) {
    return follow(WatchService.FollowKind.USER, username, body);
  }

  @PutMapping("/api/users/me/follows/groups/{group}")
  FollowView followGroup(
      @PathVariable String group, @RequestBody(required = false) @Nullable FollowBody body) {
    return follow(WatchService.FollowKind.GROUP, group, body);
  }

  @PutMapping("/api/users/me/follows/series/{slug}")
  FollowView followSeries(
      @PathVariable String slug, @RequestBody(required = false) @Nullable FollowBody body) {
    return follow(WatchService.FollowKind.SERIES, slug, body);
  }

  @DeleteMapping("/api/users/me/follows/users/{username}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unfollowUser(@PathVariable String username) {
    watches.unfollow(Caller.current().id(), WatchService.FollowKind.USER, username);
  }

  @DeleteMapping("/api/users/me/follows/groups/{group}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unfollowGroup(@PathVariable String group) {
    watches.unfollow(Caller.current().id(), WatchService.FollowKind.GROUP, group);
  }

  @DeleteMapping("/api/users/me/follows/series/{slug}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unfollowSeries(@PathVariable String slug) {
    watches.unfollow(Caller.current().id(), WatchService.FollowKind.SERIES, slug);
  }

  @GetMapping("/api/users/me/follows")
  Items<FollowView> follows() {
    return new Items<>(
        watches.follows(Caller.current().id()).stream().map(FollowView::of).toList());
  }

  @PostMapping("/api/users/me/subscriptions")
  @ResponseStatus(HttpStatus.CREATED)
  SubscriptionView subscribe(@RequestBody(required = false) @Nullable JsonNode body) {
    long userId = Caller.current().id();
    SubscriptionRequest.Parsed request = SubscriptionRequest.parse(body, searchProperties);
    if (SubscriptionRequest.empty(request.criteria())) {
      throw new DomainException(
          HttpStatus.BAD_REQUEST,
          "empty-subscription",
          "A saved search needs at least one word or filter.");
    }
    return SubscriptionView.of(
        watches.save(userId, request.criteria(), request.name(), request.delivery()));
  }

  @GetMapping("/api/users/me/subscriptions")
  Items<SubscriptionView> subscriptions() {
    return new Items<>(
        watches.searches(Caller.current().id()).stream().map(SubscriptionView::of).toList());
  }

  @PatchMapping("/api/users/me/subscriptions/{id}")
  SubscriptionView changeSubscription(
      @PathVariable long id, @RequestBody(required = false) @Nullable SubscriptionChange body) {
    SubscriptionChange change = body == null ? new SubscriptionChange(null, null) : body;
    return SubscriptionView.of(
        watches.updateSearch(Caller.current().id(), id, change.delivery(), change.name()));
  }

  @DeleteMapping("/api/users/me/subscriptions/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void deleteSubscription(@PathVariable long id) {
    watches.deleteSearch(Caller.current().id(), id);
  }

  @PostMapping("/api/users/unsubscribe")
  Unsubscribed unsubscribe(@RequestBody(required = false) @Nullable Unsubscribe body) {
    if (body == null || body.u() == null || body.t() == null) {
      throw new DomainException(
          HttpStatus.BAD_REQUEST,
          "invalid-unsubscribe",
          "This unsubscribe link is not valid; change what you receive on your follows page.");
    }
    return new Unsubscribed(
        watches.unsubscribe(body.u(), body.t()).stream()
            .map(watch -> new Silenced(watch.id(), watch.kind(), watch.label()))
            .toList());
  }

  private FollowView follow(WatchService.FollowKind kind, String value, @Nullable FollowBody body) {
    return FollowView.of(
        watches.follow(Caller.current().id(), kind, value, body == null ? null : body.delivery()));
  }
}
