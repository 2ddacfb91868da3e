package dev.animetracker.search.feed;

import dev.animetracker.common.user.ApiKeys;
import dev.animetracker.common.user.KeyOwner;
import dev.animetracker.common.user.UserServiceUnavailableException;
import dev.animetracker.common.web.DomainException;
import dev.animetracker.search.personal.PersonalFeed;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /rss/me?apikey=}: the personal feed (releases matching the key owner's follows and
 * saved searches, newest match first) as the RSS of {@code /rss}, its links carrying the key. The
 * key is the only credential a feed reader has, so a missing or unknown one is a 401 and a banned
 * owner's a 403.
 */
@RestController
class PersonalRssController {

  /** Items in the feed (the newest matches). */
  static final int ITEMS = 75;

  private final PersonalFeed feed;
  private final RssWriter writer;
  private final FeedLinks links;
  private final ApiKeys apiKeys;

  PersonalRssController(PersonalFeed feed, RssWriter writer, FeedLinks links, ApiKeys apiKeys) {
    this.feed = feed;
    this.writer = writer;
    this.links = links;
    this.apiKeys = apiKeys;
  }

  @GetMapping("/rss/me")
  ResponseEntity<byte[]> rss(HttpServletRequest request) {
    String key = FeedRequests.text(request, "apikey");
    Optional<KeyOwner> owner;
    try {
      owner = key == null ? Optional.empty() : apiKeys.lookup(key);
    } catch (UserServiceUnavailableException e) {
      throw new DomainException(
          HttpStatus.SERVICE_UNAVAILABLE, "user-service-unavailable", e.getMessage());
    }
    if (owner.isEmpty()) {
      throw new DomainException(
          HttpStatus.UNAUTHORIZED,
          "invalid-api-key",
          "This feed needs your apikey; copy the feed address from your feed page.");
    }
    if (!owner.get().active()) {
      throw new DomainException(HttpStatus.FORBIDDEN, "banned", "This account is banned.");
    }
    PersonalFeed.Page page = feed.page(owner.get().id(), 0, ITEMS);
    byte[] body =
        writer.write(
            new RssWriter.Channel(
                "My feed (" + owner.get().username() + ")",
                FeedRequests.selfUrl(links, request, "/rss/me")),
            page.entries().stream().map(PersonalFeed.Entry::hit).toList(),
            key,
            false);
    return ResponseEntity.ok().contentType(RssController.RSS).body(body);
  }
}
