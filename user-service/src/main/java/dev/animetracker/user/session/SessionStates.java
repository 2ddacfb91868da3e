package dev.animetracker.user.session;

import dev.animetracker.common.session.SessionState;
import dev.animetracker.user.UsersProperties;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Mirrors a user's session version and ban (the {@code users} row is the truth) into the Redis hash
 * the gateway checks on every authenticated request. Written after the commit, so a rolled-back
 * change never reaches the gateway; the write only moves forward (a lower version than the stored
 * one is ignored), so two after-commit writes arriving out of order cannot undo a revocation.
 */
@Component
public class SessionStates {

  private static final RedisScript<Long> WRITE =
      RedisScript.of(
          """
          local stored = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '-1')
          local version = tonumber(ARGV[2])
          if version < stored then
            return 0
          end
          redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
          if ARGV[4] == '' then
            redis.call('HDEL', KEYS[1], ARGV[3])
          else
            redis.call('HSET', KEYS[1], ARGV[3], ARGV[4])
          end
          return 1
          """,
          Long.class);

  private final StringRedisTemplate redis;
  private final String prefix;

  SessionStates(StringRedisTemplate redis, UsersProperties properties) {
    this.redis = redis;
    this.prefix = properties.sessionStateKeyPrefix();
  }

  /**
   * Writes the state once the current transaction commits (at once without a transaction). A
   * failing write after the commit surfaces to the caller, whose request can simply be repeated:
   * every write carries the whole state.
   */
  public void publishAfterCommit(long userId, SessionState state) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      publish(userId, state);
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            publish(userId, state);
          }
        });
  }

  /** Writes the state now. */
  public void publish(long userId, SessionState state) {
    String bannedUntil = state.toHash().getOrDefault(SessionState.BANNED_UNTIL_FIELD, "");
    redis.execute(
        WRITE,
        List.of(SessionState.key(prefix, userId)),
        SessionState.VERSION_FIELD,
        Long.toString(state.version()),
        SessionState.BANNED_UNTIL_FIELD,
        bannedUntil);
  }

  /** The stored state (tests and diagnostics). */
  public SessionState read(long userId) {
    List<Object> fields =
        redis
            .opsForHash()
            .multiGet(
                SessionState.key(prefix, userId),
                List.of(SessionState.VERSION_FIELD, SessionState.BANNED_UNTIL_FIELD));
    return SessionState.fromFields(
        fields.get(0) == null ? null : fields.get(0).toString(),
        fields.get(1) == null ? null : fields.get(1).toString());
  }
}
