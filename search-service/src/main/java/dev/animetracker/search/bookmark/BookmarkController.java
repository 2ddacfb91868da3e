package dev.animetracker.search.bookmark;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.animetracker.common.i18n.Language;
import dev.animetracker.common.web.DomainException;
import dev.animetracker.search.api.MagnetLinks;
import dev.animetracker.search.api.SearchPage;
import dev.animetracker.search.personal.Paging;
import dev.animetracker.search.query.SearchHit;
import dev.animetracker.search.query.SearchService;
import dev.animetracker.search.web.Caller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/users/me/bookmarks}: see docs/search-service.md. */
@RestController
class BookmarkController {

  private final BookmarkService bookmarks;
  private final SearchService search;
  private final MagnetLinks magnets;

  BookmarkController(BookmarkService bookmarks, SearchService search, MagnetLinks magnets) {
    this.bookmarks = bookmarks;
    this.search = search;
    this.magnets = magnets;
  }

  /** A bookmarked torrent: the item of {@code /api/search} and when it was bookmarked. */
  record Item(@JsonUnwrapped SearchPage.Item torrent, Instant bookmarkedAt) {}

  /** A page of bookmarks. */
  record Page(List<Item> items, int page, int size, long total) {}

  /** The answer for the torrent page's button. */
  record State(boolean bookmarked) {}

  @PutMapping("/api/users/me/bookmarks/{torrentId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void add(@PathVariable long torrentId) {
    bookmarks.add(Caller.current().id(), torrentId);
  }

  @DeleteMapping("/api/users/me/bookmarks/{torrentId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void remove(@PathVariable long torrentId) {
    bookmarks.remove(Caller.current().id(), torrentId);
  }

  @GetMapping("/api/users/me/bookmarks/{torrentId}")
  State state(@PathVariable long torrentId) {
    if (!bookmarks.has(Caller.current().id(), torrentId)) {
      throw new DomainException(
          HttpStatus.NOT_FOUND, "bookmark-not-found", "You have not bookmarked this torrent.");
    }
    return new State(true);
  }

  @GetMapping("/api/users/me/bookmarks")
  Page page(
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false)
          @Nullable String acceptLanguage) {
    Paging paging = Paging.of(page, size);
    BookmarkService.Page found =
        bookmarks.page(Caller.current().id(), paging.offset(), paging.size());
    Language language = Language.fromAcceptLanguage(acceptLanguage);
    Map<Long, SearchHit> hits =
        search
            .hits(found.entries().stream().map(BookmarkRepository.Entry::torrentId).toList())
            .stream()
            .collect(Collectors.toMap(SearchHit::id, Function.identity()));
    List<Item> items = new ArrayList<>();
    for (BookmarkRepository.Entry entry : found.entries()) {
      SearchHit hit = hits.get(entry.torrentId());
      if (hit != null) {
        items.add(new Item(SearchPage.Item.of(hit, language, magnets), entry.bookmarkedAt()));
      }
    }
    return new Page(items, paging.page(), paging.size(), found.total());
  }
}
