package dev.animetracker.user.auth;

import dev.animetracker.user.UsersProperties;
import dev.animetracker.user.token.SecureTokens;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * Opaque refresh tokens kept in Redis, only as SHA-256 hashes. A token is {@code
 * <userId>.<random>}: the user id routes it to the user's keys, which all carry the hash tag {@code
 * {<userId>}} so that every script runs on one Redis Cluster slot:
 *
 * <ul>
 *   <li>{@code <prefix>rt:{<userId>}:<hash>} — hash {userId, familyId, state (active|rotated),
 *       rotatedAt (epoch ms)}, with TTL;
 *   <li>{@code <prefix>rtf:{<userId>}:<familyId>} — set of the token hashes of one login (a
 *       family);
 *   <li>{@code <prefix>rtu:{<userId>}} — set of the user's families.
 * </ul>
 *
 * Scripts get the user key and the token and family key prefixes as their keys and derive the
 * single keys (whose family ids they only learn inside) from them, in the same slot. Rotation
 * checks and marks a token in one Lua script, so it is atomic whichever instance runs it. A token
 * presented again within the grace window after its rotation (two gateways refreshing one browser
 * session at once) rotates again into the same family; later it is reuse and revokes its family.
 * Tokens of the layout before hash tags (no user id) are invalid: those sessions log in again.
 */
@Component
public class RefreshTokens {

  /** Outcome of {@link #rotate}. */
  public sealed interface Rotation {
    /** The token was active and is now rotated, or was rotated within the grace window. */
    record Rotated(long userId, String familyId) implements Rotation {}

    /** The token had been rotated before the grace window: someone replayed it. Revoked. */
    record Reused(long userId, String familyId) implements Rotation {}

    /** Unknown, expired or revoked. */
    record Invalid() implements Rotation {}
  }

  private static final RedisScript<Long> STORE =
      RedisScript.of(
          """
          local userKey, tokenKey, familyKey = KEYS[1], KEYS[2] .. ARGV[1], KEYS[3] .. ARGV[3]
          local userId, familyId, ttl, isNew = ARGV[2], ARGV[3], tonumber(ARGV[4]), ARGV[5]
          if isNew == '0' and redis.call('EXISTS', familyKey) == 0 then
            return 0
          end
          redis.call('HSET', tokenKey, 'userId', userId, 'familyId', familyId, 'state', 'active')
          redis.call('EXPIRE', tokenKey, ttl)
          redis.call('SADD', familyKey, ARGV[1])
          redis.call('EXPIRE', familyKey, ttl)
          redis.call('SADD', userKey, familyId)
          redis.call('EXPIRE', userKey, ttl)
          return 1
          """,
          Long.class);

  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> ROTATE =
      RedisScript.of(
          """
          local tokenKey = KEYS[2] .. ARGV[1]
          local values = redis.call('HMGET', tokenKey, 'userId', 'familyId', 'state', 'rotatedAt')
          if not values[1] then
            return {'invalid'}
          end
          local time = redis.call('TIME')
          local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
          if values[3] == 'active' then
            redis.call('HSET', tokenKey, 'state', 'rotated', 'rotatedAt', now)
            return {'rotated', values[1], values[2]}
          end
          if now - tonumber(values[4] or '0') < tonumber(ARGV[2]) then
            return {'rotated', values[1], values[2]}
          end
          return {'reused', values[1], values[2]}
          """,
          List.class);

  private static final String REVOKE_FAMILY_LUA =
      """
      local function revokeFamily(familyId)
        local familyKey = KEYS[3] .. familyId
        for _, hash in ipairs(redis.call('SMEMBERS', familyKey)) do
          redis.call('DEL', KEYS[2] .. hash)
        end
        redis.call('DEL', familyKey)
        redis.call('SREM', KEYS[1], familyId)
      end
      """;

  private static final RedisScript<Long> REVOKE_BY_TOKEN =
      RedisScript.of(
          REVOKE_FAMILY_LUA
              + """
              local values = redis.call('HMGET', KEYS[2] .. ARGV[1], 'userId', 'familyId')
              if not values[1] then
                return 0
              end
              revokeFamily(values[2])
              return tonumber(values[1])
              """,
          Long.class);

  private static final RedisScript<Long> REVOKE_FAMILY =
      RedisScript.of(
          REVOKE_FAMILY_LUA
              + """
              revokeFamily(ARGV[1])
              return 1
              """,
          Long.class);

  private static final RedisScript<Long> REVOKE_USER =
      RedisScript.of(
          REVOKE_FAMILY_LUA
              + """
              local families = redis.call('SMEMBERS', KEYS[1])
              for _, familyId in ipairs(families) do
                revokeFamily(familyId)
              end
              redis.call('DEL', KEYS[1])
              return #families
              """,
          Long.class);

  private final StringRedisTemplate redis;
  private final String prefix;
  private final long ttlSeconds;
  private final long graceMillis;

  public RefreshTokens(StringRedisTemplate redis, UsersProperties properties) {
    this.redis = redis;
    this.prefix = properties.redisKeyPrefix();
    this.ttlSeconds = properties.refreshTokenTtl().toSeconds();
    this.graceMillis = properties.refreshReuseGrace().toMillis();
  }

  /** The user key, token key prefix and family key prefix of a user: every script's keys. */
  private List<String> keys(long userId) {
    String tag = "{" + userId + "}";
    return List.of(prefix + "rtu:" + tag, prefix + "rt:" + tag + ":", prefix + "rtf:" + tag + ":");
  }

  /** The user id a token is routed by, or empty for a malformed (or pre-hash-tag) token. */
  private static OptionalLong userOf(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return OptionalLong.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 1 || dot > 19) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(token, 0, dot, 10));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** Starts a new family (a login) and returns its first token. */
  public String issueNewFamily(long userId) {
    String token = userId + "." + SecureTokens.newToken();
    store(token, userId, UUID.randomUUID().toString(), true);
    return token;
  }

  /**
   * Adds a successor token to a family.
   *
   * @return the token, or {@code null} when the family was revoked meanwhile
   */
  public String issueInFamily(long userId, String familyId) {
    String token = userId + "." + SecureTokens.newToken();
    return store(token, userId, familyId, false) ? token : null;
  }

  private boolean store(String token, long userId, String familyId, boolean isNew) {
    Long stored =
        redis.execute(
            STORE,
            keys(userId),
            SecureTokens.sha256(token),
            String.valueOf(userId),
            familyId,
            String.valueOf(ttlSeconds),
            isNew ? "1" : "0");
    return stored != null && stored == 1L;
  }

  /**
   * Atomically checks the token and marks it rotated; a token rotated before the grace window is
   * reuse and revokes its family.
   */
  public Rotation rotate(String token) {
    OptionalLong user = userOf(token);
    if (user.isEmpty()) {
      return new Rotation.Invalid();
    }
    List<?> result =
        redis.execute(
            ROTATE,
            keys(user.getAsLong()),
            SecureTokens.sha256(token),
            String.valueOf(graceMillis));
    if (result == null || result.isEmpty() || "invalid".equals(result.get(0))) {
      return new Rotation.Invalid();
    }
    long userId = Long.parseLong(String.valueOf(result.get(1)));
    String familyId = String.valueOf(result.get(2));
    if ("rotated".equals(result.get(0))) {
      return new Rotation.Rotated(userId, familyId);
    }
    revokeFamily(userId, familyId);
    return new Rotation.Reused(userId, familyId);
  }

  /**
   * Revokes the family of this token (logout); unknown tokens are ignored.
   *
   * @return the id of the token's user, empty for an unknown token
   */
  public OptionalLong revokeByToken(String token) {
    OptionalLong user = userOf(token);
    if (user.isEmpty()) {
      return OptionalLong.empty();
    }
    Long userId =
        redis.execute(REVOKE_BY_TOKEN, keys(user.getAsLong()), SecureTokens.sha256(token));
    return userId == null || userId <= 0 ? OptionalLong.empty() : OptionalLong.of(userId);
  }

  /** Revokes one family. */
  public void revokeFamily(long userId, String familyId) {
    redis.execute(REVOKE_FAMILY, keys(userId), familyId);
  }

  /** Revokes every session of the user (password changed). */
  public void revokeAll(long userId) {
    redis.execute(REVOKE_USER, keys(userId));
  }
}
