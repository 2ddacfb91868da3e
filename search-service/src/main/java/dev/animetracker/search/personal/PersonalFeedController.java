package dev.animetracker.search.personal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.animetracker.common.i18n.Language;
import dev.animetracker.search.api.MagnetLinks;
import dev.animetracker.search.api.SearchPage;
import dev.animetracker.search.web.Caller;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/users/me/feed}: see docs/search-service.md ({@code /rss/me} is in feed). */
@RestController
class PersonalFeedController {

  private final PersonalFeed feed;
  private final MagnetLinks magnets;

  PersonalFeedController(PersonalFeed feed, MagnetLinks magnets) {
    this.feed = feed;
    this.magnets = magnets;
  }

  /** A matched torrent: the item of {@code /api/search}, when and by what it matched. */
  record Item(
      @JsonUnwrapped SearchPage.Item torrent,
      Instant matchedAt,
      List<PersonalFeed.MatchedBy> matchedBy) {}

  /** A page of the feed. */
  record Page(List<Item> items, int page, int size, long total) {}

  @GetMapping("/api/users/me/feed")
  Page feed(
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false)
          @Nullable String acceptLanguage) {
    Paging paging = Paging.of(page, size);
    Language language = Language.fromAcceptLanguage(acceptLanguage);
    PersonalFeed.Page found = feed.page(Caller.current().id(), paging.offset(), paging.size());
    return new Page(
        found.entries().stream()
            .map(
                entry ->
                    new Item(
                        SearchPage.Item.of(entry.hit(), language, magnets),
                        entry.matchedAt(),
                        entry.matchedBy()))
            .toList(),
        paging.page(),
        paging.size(),
        found.total());
  }
}
