package dev.animetracker.user.apikey;

import dev.animetracker.user.account.AccountExceptions.UserNotFoundException;
import dev.animetracker.user.account.User;
import dev.animetracker.user.account.UserRepository;
import dev.animetracker.user.token.SecureTokens;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API keys (feeds, Torznab, tracker passkeys): 32 random bytes as hex, created on first
 * request, rotated on demand.
 */
@Service
class ApiKeyService {

  private final JdbcClient jdbc;
  private final UserRepository users;

  ApiKeyService(JdbcClient jdbc, UserRepository users) {
    this.jdbc = jdbc;
    this.users = users;
  }

  /** The user's key, created if there is none yet (concurrent first calls agree on one key). */
  @Transactional
  public String getOrCreate(long userId) {
    jdbc.sql(
            "update users set api_key = :key, updated_at = now() where id = :id and api_key is null")
        .param("key", SecureTokens.newHexKey())
        .param("id", userId)
        .update();
    return currentKey(userId);
  }

  /** Replaces the key; the old one stops working immediately. */
  @Transactional
  public String rotate(long userId) {
    int updated =
        jdbc.sql("update users set api_key = :key, updated_at = now() where id = :id")
            .param("key", SecureTokens.newHexKey())
            .param("id", userId)
            .update();
    if (updated == 0) {
      throw new UserNotFoundException();
    }
    return currentKey(userId);
  }

  private String currentKey(long userId) {
    return jdbc.sql("select api_key from users where id = :id")
        .param("id", userId)
        .query(String.class)
        .optional()
        .orElseThrow(UserNotFoundException::new);
  }

  @Transactional(readOnly = true)
  public Optional<User> findByKey(String key) {
    if (key == null || key.length() != 64) {
      return Optional.empty();
    }
    return users.findByApiKey(key);
  }
}
