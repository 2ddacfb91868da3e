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
 * Opaque refresh tokens kept in Redis, only as SHA-256 hashes:
 *
 * <ul>
 *   <li>{@code <prefix>rt:<hash>} — hash {userId, familyId, state (active|rotated)}, with TTL;
 *   <li>{@code <prefix>rtf:<familyId>} — set of the token hashes of one login (a family);
 *   <li>{@code <prefix>rtu:<userId>} — set of the user's families.
 * </ul>
 *
 * Rotation checks and marks a token in one Lua script, so two concurrent refreshes of the same
 * token cannot both succeed; presenting a rotated token again is reuse and revokes its family.
 */
@Component
public class RefreshTokens {

  /** Outcome of {@link #rotate}. */
  public sealed interface Rotation {
    /** The token was active and is now rotated. */
    record Rotated(long userId, String familyId) implements Rotation {}

    /** The token had been rotated before: someone replayed it. Its family is revoked. */
    record Reused(long userId, String familyId) implements Rotation {}

    /** Unknown, expired or revoked. */
    record Invalid() implements Rotation {}
  }

  private static final RedisScript<Long> STORE =
      RedisScript.of(
          """
          local prefix, hash, userId, familyId, ttl, isNew = ARGV[1], ARGV[2], ARGV[3], ARGV[4], tonumber(ARGV[5]), ARGV[6]
          local familyKey = prefix .. 'rtf:' .. familyId
          if isNew == '0' and redis.call('EXISTS', familyKey) == 0 then
            return 0
          end
          local tokenKey = prefix .. 'rt:' .. hash
          redis.call('HSET', tokenKey, 'userId', userId, 'familyId', familyId, 'state', 'active')
          redis.call('EXPIRE', tokenKey, ttl)
          redis.call('SADD', familyKey, hash)
          redis.call('EXPIRE', familyKey, ttl)
          local userKey = prefix .. 'rtu:' .. userId
          redis.call('SADD', userKey, familyId)
          redis.call('EXPIRE', userKey, ttl)
          return 1
          """,
          Long.class);

  @SuppressWarnings("rawtypes")
  private static final RedisScript<List> ROTATE =
      RedisScript.of(
          """
          local tokenKey = ARGV[1] .. 'rt:' .. ARGV[2]
          local values = redis.call('HMGET', tokenKey, 'userId', 'familyId', 'state')
          if not values[1] then
            return {'invalid'}
          end
          if values[3] == 'active' then
            redis.call('HSET', tokenKey, 'state', 'rotated')
            return {'rotated', values[1], values[2]}
          end
          return {'reused', values[1], values[2]}
          """,
          List.class);

  private static final String REVOKE_FAMILY_LUA =
      """
      local function revokeFamily(prefix, userId, familyId)
        local familyKey = prefix .. 'rtf:' .. familyId
        for _, hash in ipairs(redis.call('SMEMBERS', familyKey)) do
          redis.call('DEL', prefix .. 'rt:' .. hash)
        end
        redis.call('DEL', familyKey)
        redis.call('SREM', prefix .. 'rtu:' .. userId, familyId)
      end
      """;

  private static final RedisScript<Long> REVOKE_BY_TOKEN =
      RedisScript.of(
          REVOKE_FAMILY_LUA
              + """
              local values = redis.call('HMGET', ARGV[1] .. 'rt:' .. ARGV[2], 'userId', 'familyId')
              if not values[1] then
                return 0
              end
              revokeFamily(ARGV[1], values[1], values[2])
              return tonumber(values[1])
              """,
          Long.class);

  private static final RedisScript<Long> REVOKE_FAMILY =
      RedisScript.of(
          REVOKE_FAMILY_LUA
              + """
              revokeFamily(ARGV[1], ARGV[2], ARGV[3])
              return 1
              """,
          Long.class);

  private static final RedisScript<Long> REVOKE_USER =
      RedisScript.of(
          REVOKE_FAMILY_LUA
              + """
              local userKey = ARGV[1] .. 'rtu:' .. ARGV[2]
              local families = redis.call('SMEMBERS', userKey)
              for _, familyId in ipairs(families) do
                revokeFamily(ARGV[1], ARGV[2], familyId)
              end
              redis.call('DEL', userKey)
              return #families
              """,
          Long.class);

  private final StringRedisTemplate redis;
  private final String prefix;
  private final long ttlSeconds;

  public RefreshTokens(StringRedisTemplate redis, UsersProperties properties) {
    this.redis = redis;
    this.prefix = properties.redisKeyPrefix();
    this.ttlSeconds = properties.refreshTokenTtl().toSeconds();
  }

  /** Starts a new family (a login) and returns its first token. */
  public String issueNewFamily(long userId) {
    String token = SecureTokens.newToken();
    store(token, userId, UUID.randomUUID().toString(), true);
    return token;
  }

  /**
   * Adds a successor token to a family.
   *
   * @return the token, or {@code null} when the family was revoked meanwhile
   */
  public String issueInFamily(long userId, String familyId) {
    String token = SecureTokens.newToken();
    return store(token, userId, familyId, false) ? token : null;
  }

  private boolean store(String token, long userId, String familyId, boolean isNew) {
    Long stored =
        redis.execute(
            STORE,
            List.of(),
            prefix,
            SecureTokens.sha256(token),
            String.valueOf(userId),
            familyId,
            String.valueOf(ttlSeconds),
            isNew ? "1" : "0");
    return stored != null && stored == 1L;
  }

  /** Atomically checks the token and marks it rotated; a reused token revokes its family. */
  public Rotation rotate(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return new Rotation.Invalid();
    }
    List<?> result = redis.execute(ROTATE, List.of(), prefix, SecureTokens.sha256(token));
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
    if (token == null || token.isBlank() || token.length() > 200) {
      return OptionalLong.empty();
    }
    Long userId = redis.execute(REVOKE_BY_TOKEN, List.of(), prefix, SecureTokens.sha256(token));
    return userId == null || userId <= 0 ? OptionalLong.empty() : OptionalLong.of(userId);
  }

  /** Revokes one family. */
  public void revokeFamily(long userId, String familyId) {
    redis.execute(REVOKE_FAMILY, List.of(), prefix, String.valueOf(userId), familyId);
  }

  /** Revokes every session of the user (password changed). */
  public void revokeAll(long userId) {
    redis.execute(REVOKE_USER, List.of(), prefix, String.valueOf(userId));
  }
}
