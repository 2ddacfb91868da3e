package dev.animetracker.user.apikey;

import dev.animetracker.user.account.AccountExceptions.UserNotFoundException;
import java.time.Instant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The user's own API key, and the internal lookup other services use to resolve one. */
@RestController
class ApiKeyController {

  record ApiKey(String apiKey) {}

  /** What a service needs to know about the owner of a key. */
  record KeyOwner(long id, String username, boolean moderator, boolean active, boolean banned) {}

  private final ApiKeyService apiKeys;

  ApiKeyController(ApiKeyService apiKeys) {
    this.apiKeys = apiKeys;
  }

  /**
   * Whether there is a key and since when. The key itself is stored only as a hash, so it is in the
   * answer once: here when this call made the first key, otherwise from {@link #rotate}.
   */
  @GetMapping("/api/users/me/api-key")
  ApiKeyService.KeyStatus get(@AuthenticationPrincipal Jwt jwt) {
    return apiKeys.statusMakingTheFirstKey(Long.parseLong(jwt.getSubject()));
  }

  /** Makes a new key (the first one too) and answers it: the only time it is shown. */
  @PostMapping("/api/users/me/api-key")
  ApiKey rotate(@AuthenticationPrincipal Jwt jwt) {
    return new ApiKey(apiKeys.rotate(Long.parseLong(jwt.getSubject())));
  }

  /**
   * Not routed by the gateway: for feeds and the tracker inside the network. The key is hashed
   * before the lookup.
   */
  @GetMapping("/internal/users/by-api-key/{key}")
  KeyOwner byKey(@PathVariable String key) {
    return apiKeys
        .findByKey(key)
        .map(
            user -> {
              // A banned account's key stops working too (uploads, feeds, downloads).
              boolean banned = user.isBannedAt(Instant.now());
              return new KeyOwner(
                  user.getId(),
                  user.getUsername(),
                  user.isModerator(),
                  user.isActive() && !banned,
                  banned);
            })
        .orElseThrow(UserNotFoundException::new);
  }
}
