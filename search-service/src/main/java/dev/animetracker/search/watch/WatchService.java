package dev.animetracker.search.watch;

import dev.animetracker.common.event.community.WatchRef;
import dev.animetracker.common.mailtoken.MailTokenSealer;
import dev.animetracker.common.mailtoken.SealedTokenException;
import dev.animetracker.common.web.DomainException;
import dev.animetracker.common.web.FieldProblem;
import dev.animetracker.search.api.InvalidSearchException;
import dev.animetracker.search.query.SearchCriteria;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follows and saved searches of a user. Every change of a user's watches takes that user's advisory
 * lock first, so the cap of {@link WatchProperties#maxPerUser} holds with concurrent requests on
 * several instances; a repeated follow updates the one row (unique per user, kind and target).
 */
@Service
class WatchService {

  /** Longest group name accepted in a follow. */
  static final int MAX_GROUP_LENGTH = 100;

  /** Most watch ids one unsubscribe token may name. */
  static final int MAX_UNSUBSCRIBE_IDS = 1000;

  private final WatchRepository repository;
  private final UserDirectory users;
  private final WatchProperties properties;
  private final MailTokenSealer sealer;

  WatchService(
      WatchRepository repository,
      UserDirectory users,
      WatchProperties properties,
      MailTokenSealer sealer) {
    this.repository = repository;
    this.users = users;
    this.properties = properties;
    this.sealer = sealer;
  }

  /** A follow's kind, with the path value it is addressed by. */
  enum FollowKind {
    USER("user"),
    GROUP("group"),
    SERIES("series");

    final String kind;

    FollowKind(String kind) {
      this.kind = kind;
    }
  }

  @Transactional
  Watch follow(long userId, FollowKind kind, String value, @Nullable String delivery) {
    String chosen = delivery(delivery, "instant");
    Target target = target(userId, kind, value);
    repository.lockUser(userId);
    var existing = repository.follow(userId, kind.kind, target.key());
    if (existing.isPresent()) {
      return shown(repository.update(existing.get().id(), chosen, target.label()));
    }
    checkCap(userId);
    return shown(repository.insertFollow(userId, kind.kind, target.key(), target.label(), chosen));
  }

  @Transactional
  void unfollow(long userId, FollowKind kind, String value) {
    boolean deleted;
    if (kind == FollowKind.USER) {
      // By the name shown: no need to ask user-service for the id of someone already followed.
      deleted =
          repository
              .userFollowByName(userId, value.strip())
              .map(watch -> repository.delete(userId, watch.id()))
              .orElse(false);
    } else {
      String key = kind == FollowKind.GROUP ? group(value) : series(value);
      deleted = repository.deleteFollow(userId, kind.kind, key);
    }
    if (!deleted) {
      throw new DomainException(
          HttpStatus.NOT_FOUND, "follow-not-found", "You do not follow this " + kind.kind + ".");
    }
  }

  @Transactional(readOnly = true)
  List<Watch> follows(long userId) {
    return repository.list(userId, false).stream().map(WatchService::shown).toList();
  }

  @Transactional
  Watch save(
      long userId, SearchCriteria criteria, @Nullable String name, @Nullable String delivery) {
    String chosen = delivery(delivery, "daily");
    String label = name(name);
    SavedSearch saved =
        SavedSearch.of(
            criteria,
            criteria.categories().isEmpty() || repository.categoriesKnown(criteria.categories()),
            (condition, value) ->
                repository.estimate(condition, value, properties.anchorEstimateCap()));
    if (saved.text().hashLookup()) {
      throw new InvalidSearchException(
          List.of(
              new FieldProblem(
                  "q", "Pattern", "an info hash or magnet link finds one torrent; not savable")));
    }
    repository.lockUser(userId);
    checkCap(userId);
    return repository.insertSearch(userId, label == null ? saved.summary() : label, chosen, saved);
  }

  @Transactional(readOnly = true)
  List<Watch> searches(long userId) {
    return repository.list(userId, true);
  }

  @Transactional
  Watch updateSearch(long userId, long id, @Nullable String delivery, @Nullable String name) {
    repository.search(userId, id).orElseThrow(WatchService::subscriptionNotFound);
    return repository.update(id, delivery == null ? null : delivery(delivery, "daily"), name(name));
  }

  @Transactional
  void deleteSearch(long userId, long id) {
    repository.search(userId, id).orElseThrow(WatchService::subscriptionNotFound);
    repository.delete(userId, id);
  }

  /**
   * The one-click unsubscribe of a release mail: the token notification-service sealed for this
   * user (purpose {@code UNSUBSCRIBE}) names the watches that matched; those still belonging to the
   * user get delivery {@code none}. Repeating it changes nothing.
   */
  @Transactional
  List<Watch> unsubscribe(long userId, @Nullable String token) {
    String ids;
    try {
      ids = sealer.open(token, MailTokenSealer.Purpose.UNSUBSCRIBE, userId);
    } catch (SealedTokenException e) {
      throw invalidUnsubscribe();
    }
    Set<Long> watchIds = new LinkedHashSet<>();
    for (String part : ids.split(",", -1)) {
      try {
        watchIds.add(Long.parseLong(part.strip()));
      } catch (NumberFormatException e) {
        throw invalidUnsubscribe();
      }
    }
    if (watchIds.isEmpty() || watchIds.size() > MAX_UNSUBSCRIBE_IDS) {
      throw invalidUnsubscribe();
    }
    return repository.silence(userId, new ArrayList<>(watchIds)).stream()
        .map(WatchService::shown)
        .toList();
  }

  private static DomainException invalidUnsubscribe() {
    return new DomainException(
        HttpStatus.BAD_REQUEST,
        "invalid-unsubscribe",
        "This unsubscribe link is not valid; change what you receive on your follows page.");
  }

  private static DomainException subscriptionNotFound() {
    return new DomainException(
        HttpStatus.NOT_FOUND, "subscription-not-found", "No such saved search of yours.");
  }

  private record Target(String key, String label) {}

  private Target target(long userId, FollowKind kind, String value) {
    return switch (kind) {
      case USER -> {
        String name = value.strip();
        if (name.isEmpty() || name.length() > 32) {
          throw userNotFound();
        }
        UserDirectory.Profile profile =
            users.byUsername(name).orElseThrow(WatchService::userNotFound);
        if (profile.id() == userId) {
          throw new DomainException(
              HttpStatus.BAD_REQUEST, "cannot-follow-self", "You cannot follow yourself.");
        }
        yield new Target(Long.toString(profile.id()), profile.username());
      }
      case GROUP -> new Target(group(value), value.replace("\u0000", "").strip());
      case SERIES -> {
        String slug = series(value);
        String title =
            repository
                .seriesTitle(slug)
                .orElseThrow(
                    () ->
                        new DomainException(
                            HttpStatus.NOT_FOUND, "series-not-found", "No such series."));
        yield new Target(slug, title);
      }
    };
  }

  private static DomainException userNotFound() {
    return new DomainException(HttpStatus.NOT_FOUND, "user-not-found", "No such user.");
  }

  /** A group as the release columns hold it: lower case; 1–100 characters. */
  private static String group(String value) {
    String group = value.replace("\u0000", "").strip();
    if (group.isEmpty() || group.length() > MAX_GROUP_LENGTH) {
      throw new InvalidSearchException(
          List.of(
              new FieldProblem(
                  "group", "Size", "must be 1 to " + MAX_GROUP_LENGTH + " characters")));
    }
    return group.toLowerCase(Locale.ROOT);
  }

  private static String series(String value) {
    String slug = value.strip().toLowerCase(Locale.ROOT);
    if (slug.isEmpty() || slug.length() > 100) {
      throw new DomainException(HttpStatus.NOT_FOUND, "series-not-found", "No such series.");
    }
    return slug;
  }

  private static String delivery(@Nullable String delivery, String fallback) {
    if (delivery == null) {
      return fallback;
    }
    String value = delivery.strip().toLowerCase(Locale.ROOT);
    if (!WatchRef.DELIVERIES.contains(value)) {
      throw new InvalidSearchException(
          List.of(new FieldProblem("delivery", "Pattern", "must be instant, daily or none")));
    }
    return value;
  }

  private @Nullable String name(@Nullable String name) {
    if (name == null) {
      return null;
    }
    String value = name.replace("\u0000", "").strip();
    if (value.codePointCount(0, value.length()) > properties.maxNameLength()) {
      throw new InvalidSearchException(
          List.of(
              new FieldProblem(
                  "name",
                  "Size",
                  "must be at most " + properties.maxNameLength() + " characters")));
    }
    return value.isEmpty() ? null : value;
  }

  private void checkCap(long userId) {
    if (repository.count(userId) >= properties.maxPerUser()) {
      throw new DomainException(
          HttpStatus.CONFLICT,
          "too-many-watches",
          "You follow or save " + properties.maxPerUser() + " things already; remove some first.");
    }
  }

  /** A user follow is addressed (and shown) by the username, not the id stored to match by. */
  private static Watch shown(Watch watch) {
    return "user".equals(watch.kind())
        ? new Watch(
            watch.id(),
            watch.userId(),
            watch.kind(),
            watch.label(),
            watch.label(),
            watch.delivery(),
            watch.createdAt(),
            watch.query())
        : watch;
  }
}
