package dev.animetracker.torrent.user;

import dev.animetracker.common.user.ApiKeys;
import dev.animetracker.common.user.KeyOwner;
import dev.animetracker.common.user.UserServiceClientConfiguration;
import dev.animetracker.common.user.UserServiceUnavailableException;
import dev.animetracker.common.web.DomainException;
import dev.animetracker.torrent.web.Caller;
import java.util.Optional;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Turns a personal API key (feeds, Torznab) into the caller it belongs to, through common's
 * user-service client. Not cached ({@code animetracker.user-service.key-cache-ttl} stays 0): a
 * rotated key must stop downloading at once, and one lookup per .torrent is cheap.
 */
@Component
@Import(UserServiceClientConfiguration.class)
public class ApiKeyUsers {

  private final ApiKeys apiKeys;

  ApiKeyUsers(ApiKeys apiKeys) {
    this.apiKeys = apiKeys;
  }

  /**
   * The caller owning this key.
   *
   * @throws DomainException 401 {@code invalid-api-key} for an unknown, malformed or inactive
   *     account's key; 403 {@code banned} for a banned account's; 503 {@code
   *     user-service-unavailable} when user-service cannot answer
   */
  public Caller caller(String apiKey) {
    KeyOwner owner;
    try {
      Optional<KeyOwner> found = apiKeys.lookup(apiKey);
      if (found.isPresent() && found.get().banned()) {
        throw new DomainException(HttpStatus.FORBIDDEN, "banned", "This account is banned.");
      }
      owner =
          found
              .filter(KeyOwner::active)
              .orElseThrow(
                  () ->
                      new DomainException(
                          HttpStatus.UNAUTHORIZED,
                          "invalid-api-key",
                          "This API key is not valid (it may have been replaced); copy the current"
                              + " one from your profile."));
    } catch (UserServiceUnavailableException e) {
      throw new DomainException(
          HttpStatus.SERVICE_UNAVAILABLE, "user-service-unavailable", e.getMessage());
    }
    return new Caller(owner.id(), owner.username(), owner.moderator());
  }
}
