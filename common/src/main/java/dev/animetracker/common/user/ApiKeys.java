package dev.animetracker.common.user;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Resolves personal API keys (feeds, Torznab, downloads without a token) to their active owner
 * through user-service. Malformed keys are refused without asking. With {@link
 * UserServiceProperties#keyCacheTtl()} above zero, valid keys are remembered for that long in a
 * bounded LRU cache (search-service: feed readers poll every few minutes); unknown keys never are,
 * so a key created a moment ago works at once. With zero (torrent-service) every call asks, so a
 * rotated key stops downloading at once.
 */
public class ApiKeys {

  /** user-service issues 32 random bytes as lower-case hex; nothing else can be a key. */
  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

  private record Cached(KeyOwner owner, Instant expires) {}

  private final UserServiceClient client;
  private final UserServiceProperties settings;
  private final Clock clock;
  private final Map<String, Cached> cache;

  public ApiKeys(UserServiceClient client, UserServiceProperties settings, Clock clock) {
    this.client = client;
    this.settings = settings;
    this.clock = clock;
    int maxSize = settings.keyCacheSize();
    this.cache =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > maxSize;
          }
        };
  }

  /** Whether the text has the shape of a key at all. */
  public static boolean wellFormed(@Nullable String key) {
    return key != null && KEY.matcher(key).matches();
  }

  /**
   * The active account owning this key.
   *
   * @return empty for a malformed or unknown key, or one of an inactive (or banned) account
   * @throws UserServiceUnavailableException when user-service cannot answer
   */
  public Optional<KeyOwner> owner(@Nullable String key) {
    return lookup(key).filter(KeyOwner::active);
  }

  /**
   * The account owning this key, active or not, so a caller can tell a banned account (403) from an
   * unknown key (401) with one lookup. Only active owners are cached.
   *
   * @return empty for a malformed or unknown key
   * @throws UserServiceUnavailableException when user-service cannot answer
   */
  public Optional<KeyOwner> lookup(@Nullable String key) {
    if (!wellFormed(key)) {
      return Optional.empty();
    }
    if (!settings.cachesKeys()) {
      return client.keyOwner(key);
    }
    Instant now = clock.instant();
    synchronized (cache) {
      Cached cached = cache.get(key);
      if (cached != null && now.isBefore(cached.expires())) {
        return Optional.of(cached.owner());
      }
      cache.remove(key);
    }
    Optional<KeyOwner> owner = client.keyOwner(key);
    owner
        .filter(KeyOwner::active)
        .ifPresent(
            found -> {
              synchronized (cache) {
                cache.put(key, new Cached(found, now.plus(settings.keyCacheTtl())));
              }
            });
    return owner;
  }
}
