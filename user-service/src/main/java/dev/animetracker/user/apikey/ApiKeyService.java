package dev.animetracker.user.apikey;

import dev.animetracker.user.account.AccountExceptions.UserNotFoundException;
import dev.animetracker.user.account.User;
import dev.animetracker.user.account.UserRepository;
import dev.animetracker.user.token.SecureTokens;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API keys (feeds, Torznab, tracker passkeys): 32 random bytes as hex. Only the SHA-256 of
 * a key is stored, so the key exists in clear text once, in the answer to the request that made it;
 * afterwards the owner can only learn whether there is a key and since when.
 */
@Service
class ApiKeyService {

  /**
   * Whether the user has a key and when it was made; {@code apiKey} only in the answer that made
   * the first key.
   */
  record KeyStatus(boolean exists, @Nullable Instant createdAt, @Nullable String apiKey) {}

  private final JdbcClient jdbc;
  private final UserRepository users;

  ApiKeyService(JdbcClient jdbc, UserRepository users) {
    this.jdbc = jdbc;
    this.users = users;
  }

  /**
   * The key's status, making the first key when there is none: clients written for the contract's
   * {@code GET → {apiKey}} keep working for a new account, and the key is still shown only once.
   */
  @Transactional
  public KeyStatus statusMakingTheFirstKey(long userId) {
    String key = SecureTokens.newHexKey();
    int made =
        jdbc.sql(
                """
                update users set api_key_hash = :hash, api_key_created_at = now(), updated_at = now()
                where id = :id and api_key_hash is null
                """)
            .param("hash", SecureTokens.sha256(key))
            .param("id", userId)
            .update();
    KeyStatus status = status(userId);
    return made == 1 ? new KeyStatus(true, status.createdAt(), key) : status;
  }

  private KeyStatus status(long userId) {
    return jdbc.sql("select api_key_hash, api_key_created_at from users where id = :id")
        .param("id", userId)
        .query(
            (row, n) ->
                new KeyStatus(
                    row.getString("api_key_hash") != null,
                    Optional.ofNullable(row.getTimestamp("api_key_created_at"))
                        .map(Timestamp::toInstant)
                        .orElse(null),
                    null))
        .optional()
        .orElseThrow(UserNotFoundException::new);
  }

  /** Makes a new key (the first or a replacement; the old one stops working) and returns it. */
  @Transactional
  public String rotate(long userId) {
    String key = SecureTokens.newHexKey();
    int updated =
        jdbc.sql(
                """
                update users set api_key_hash = :hash, api_key_created_at = now(), updated_at = now()
                where id = :id
                """)
            .param("hash", SecureTokens.sha256(key))
            .param("id", userId)
            .update();
    if (updated == 0) {
      throw new UserNotFoundException();
    }
    return key;
  }

  @Transactional(readOnly = true)
  public Optional<User> findByKey(String key) {
    if (key == null || key.length() != 64) {
      return Optional.empty();
    }
    return users.findByApiKeyHash(SecureTokens.sha256(key));
  }
}
