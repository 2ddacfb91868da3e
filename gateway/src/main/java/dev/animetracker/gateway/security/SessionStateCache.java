package dev.animetracker.gateway.security;

import dev.animetracker.common.session.SessionState;
import dev.animetracker.gateway.GatewayProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The session state user-service keeps per user in Redis (one {@code HMGET} per user and {@code
 * state-cache-ttl}), shared by every gateway instance. Redis trouble reads as "nothing recorded"
 * and is not cached: bans and revocations then wait for the tokens to expire (at most the
 * access-token lifetime), while logins stay refused by user-service itself.
 */
@Component
class SessionStateCache {

  private static final Logger log = LoggerFactory.getLogger(SessionStateCache.class);

  private static final List<Object> FIELDS =
      List.of(SessionState.VERSION_FIELD, SessionState.BANNED_UNTIL_FIELD);

  private record Cached(SessionState state, Instant until) {}

  private final ReactiveStringRedisTemplate redis;
  private final String prefix;
  private final Duration ttl;
  private final int maxSize;
  private final Clock clock;
  private final ConcurrentMap<Long, Cached> cache = new ConcurrentHashMap<>();

  SessionStateCache(ReactiveStringRedisTemplate redis, GatewayProperties properties) {
    this.redis = redis;
    this.prefix = properties.sessions().keyPrefix();
    this.ttl = properties.sessions().stateCacheTtl();
    this.maxSize = properties.sessions().stateCacheSize();
    this.clock = Clock.systemUTC();
  }

  Instant now() {
    return clock.instant();
  }

  /** The user's state, from this gateway's short cache or Redis. */
  Mono<SessionState> state(long userId) {
    Instant now = clock.instant();
    Cached cached = cache.get(userId);
    if (cached != null && now.isBefore(cached.until())) {
      return Mono.just(cached.state());
    }
    return redis
        .<Object, Object>opsForHash()
        .multiGet(SessionState.key(prefix, userId), FIELDS)
        .map(
            values -> {
              SessionState state =
                  SessionState.fromFields(text(values.get(0)), text(values.get(1)));
              remember(userId, state, now);
              return state;
            })
        .onErrorResume(
            error -> {
              log.warn("Session state of user {} unreadable: {}", userId, error.toString());
              return Mono.just(SessionState.NONE);
            })
        .defaultIfEmpty(SessionState.NONE);
  }

  private void remember(long userId, SessionState state, Instant now) {
    if (ttl.isZero()) {
      return;
    }
    if (cache.size() >= maxSize) {
      // Crude but bounded: a full cache starts over rather than growing with every user seen.
      cache.clear();
    }
    cache.put(userId, new Cached(state, now.plus(ttl)));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
