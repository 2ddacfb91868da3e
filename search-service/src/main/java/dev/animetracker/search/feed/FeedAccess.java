package dev.animetracker.search.feed;

import dev.animetracker.common.user.ApiKeys;
import dev.animetracker.common.user.UserServiceUnavailableException;
import dev.animetracker.common.web.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may read a feed: everyone (the site is public), but a feed asked for with an {@code apikey}
 * must name a valid key, because its links will carry that key. A wrong key is refused instead of
 * silently handing out links that cannot download.
 */
@Component
class FeedAccess {

  private final ApiKeys apiKeys;

  FeedAccess(ApiKeys apiKeys) {
    this.apiKeys = apiKeys;
  }

  /**
   * The key to put into RSS links, or null without one.
   *
   * @throws DomainException 403 {@code invalid-api-key}, 503 {@code user-service-unavailable}
   */
  @Nullable String rssKey(@Nullable String key) {
    if (key == null) {
      return null;
    }
    try {
      if (apiKeys.owner(key).isEmpty()) {
        throw new DomainException(
            HttpStatus.FORBIDDEN,
            "invalid-api-key",
            "This apikey is not valid (it may have been replaced). Copy the current feed address"
                + " from your profile, or leave apikey out for a feed without personal download"
                + " links.");
      }
    } catch (UserServiceUnavailableException e) {
      throw new DomainException(
          HttpStatus.SERVICE_UNAVAILABLE, "user-service-unavailable", e.getMessage());
    }
    return key;
  }

  /**
   * The key to put into Torznab links, or null without one.
   *
   * @throws TorznabException 100 for a wrong key, 900 when it cannot be checked
   */
  @Nullable String torznabKey(@Nullable String key) {
    if (key == null) {
      return null;
    }
    try {
      if (apiKeys.owner(key).isEmpty()) {
        throw new TorznabException(
            TorznabError.INCORRECT_CREDENTIALS,
            "the apikey is not valid; copy the current one from your profile");
      }
    } catch (UserServiceUnavailableException e) {
      throw new TorznabException(TorznabError.UNKNOWN, e.getMessage());
    }
    return key;
  }
}
