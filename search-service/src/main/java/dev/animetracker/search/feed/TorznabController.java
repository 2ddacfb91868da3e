package dev.animetracker.search.feed;

import dev.animetracker.common.web.DomainException;
import dev.animetracker.common.web.FieldProblem;
import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.api.SearchRequest;
import dev.animetracker.search.query.CategoryView;
import dev.animetracker.search.query.ReleaseFilter;
import dev.animetracker.search.query.SearchCriteria;
import dev.animetracker.search.query.SearchResult;
import dev.animetracker.search.query.SearchService;
import dev.animetracker.search.query.SortField;
import dev.animetracker.search.query.SortOrder;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /torznab/api}: the Torznab/Newznab API Sonarr, Radarr and Prowlarr use ({@code
 * t=caps|search|tvsearch}). Searching needs no key (the site is public), but only results asked for
 * with a valid {@code apikey} carry download links that work without a login. Errors are Newznab
 * {@code <error>} documents with HTTP 200, as the spec and its clients expect.
 */
@RestController
class TorznabController {

  private static final Logger log = LoggerFactory.getLogger(TorznabController.class);

  static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");
  static final MediaType XML = MediaType.parseMediaType("application/xml;charset=UTF-8");

  /** Functions of the Newznab spec we do not offer (203); anything else is unknown (202). */
  private static final Set<String> NOT_AVAILABLE =
      Set.of(
          "movie",
          "music",
          "audio",
          "book",
          "details",
          "getnfo",
          "get",
          "register",
          "cart-add",
          "cart-del",
          "comments",
          "comments-add",
          "user");

  private final SearchService search;
  private final TorznabWriter writer;
  private final FeedLinks links;
  private final FeedAccess access;
  private final int maxQueryLength;

  TorznabController(
      SearchService search,
      TorznabWriter writer,
      FeedLinks links,
      FeedAccess access,
      SearchProperties properties) {
    this.search = search;
    this.writer = writer;
    this.links = links;
    this.access = access;
    this.maxQueryLength = properties.maxQueryLength();
  }

  @GetMapping("/torznab/api")
  ResponseEntity<byte[]> api(HttpServletRequest request) {
    String function = FeedRequests.text(request, "t");
    if (function == null) {
      throw new TorznabException(TorznabError.MISSING_PARAMETER, "t");
    }
    function = function.toLowerCase(Locale.ROOT);
    String output = FeedRequests.text(request, "o");
    if (output != null && !"xml".equalsIgnoreCase(output)) {
      throw new TorznabException(TorznabError.INCORRECT_PARAMETER, "o (only xml is offered)");
    }
    boolean tv = "tvsearch".equals(function);
    if (!"caps".equals(function) && !"search".equals(function) && !tv) {
      throw NOT_AVAILABLE.contains(function)
          ? new TorznabException(TorznabError.FUNCTION_NOT_AVAILABLE, function)
          : new TorznabException(TorznabError.NO_SUCH_FUNCTION, function);
    }
    String apiKey = access.torznabKey(FeedRequests.text(request, "apikey"));
    if ("caps".equals(function)) {
      return ResponseEntity.ok().contentType(XML).body(writer.caps(search.categories()));
    }
    return ResponseEntity.ok().contentType(RSS).body(writer.results(find(request, tv), apiKey));
  }

  private TorznabWriter.Page find(HttpServletRequest request, boolean tv) {
    String query = FeedRequests.text(request, "q");
    if (query != null && query.codePointCount(0, query.length()) > maxQueryLength) {
      throw new TorznabException(
          TorznabError.INCORRECT_PARAMETER, "q is longer than " + maxQueryLength + " characters");
    }
    int limit = integer(request, "limit", TorznabWriter.DEFAULT_LIMIT, 1, Integer.MAX_VALUE);
    // Newznab lets a client ask for more than the announced maximum; it gets the maximum.
    limit = Math.min(limit, TorznabWriter.MAX_LIMIT);
    int offset = integer(request, "offset", 0, 0, 1_000_000);
    Integer season = tv ? optionalInteger(request, "season") : null;
    Integer episode = tv ? optionalInteger(request, "ep") : null;
    String self = FeedRequests.selfUrl(links, request, "/torznab/api");
    List<FieldProblem> seriesErrors = new ArrayList<>();
    String series = SearchRequest.seriesSlug(FeedRequests.text(request, "series"), seriesErrors);
    if (!seriesErrors.isEmpty()) {
      throw new TorznabException(
          TorznabError.INCORRECT_PARAMETER, "series " + seriesErrors.getFirst().message());
    }

    List<String> categories = List.of();
    List<String> requested = FeedRequests.list(request, "cat");
    if (!requested.isEmpty()) {
      List<Integer> ids = new ArrayList<>();
      for (String id : requested) {
        Long number = FeedRequests.number(id);
        if (number == null || number < 0 || number > Integer.MAX_VALUE) {
          throw new TorznabException(
              TorznabError.INCORRECT_PARAMETER, "cat must be a comma-separated list of ids");
        }
        ids.add(number.intValue());
      }
      List<CategoryView> known = search.categories();
      categories = TorznabCategories.slugs(ids, known);
      if (categories.isEmpty()) {
        // Only categories we do not have: no match, as the spec says, not "everything".
        return new TorznabWriter.Page(self, List.of(), offset, 0);
      }
    }
    SearchResult result =
        search.search(
            new SearchCriteria(
                query,
                categories,
                List.of(),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                season,
                episode,
                ReleaseFilter.NONE.withSeries(series),
                SortField.CREATED,
                SortOrder.DESC,
                offset,
                limit));
    return new TorznabWriter.Page(self, result.items(), offset, result.total());
  }

  @ExceptionHandler(TorznabException.class)
  ResponseEntity<byte[]> torznabError(TorznabException exception) {
    return ResponseEntity.ok()
        .contentType(XML)
        .body(writer.error(exception.error(), exception.getMessage()));
  }

  /**
   * The query layer refuses bad input with a {@link DomainException}; Torznab clients only read
   * {@code <error>}, so they get it as one (4xx as 201 incorrect parameter).
   */
  @ExceptionHandler(DomainException.class)
  ResponseEntity<byte[]> domainError(DomainException exception) {
    TorznabError error =
        exception.status().is4xxClientError()
            ? TorznabError.INCORRECT_PARAMETER
            : TorznabError.UNKNOWN;
    if (error == TorznabError.UNKNOWN) {
      log.warn("Torznab request failed: {}", exception.getMessage());
    }
    return ResponseEntity.ok()
        .contentType(XML)
        .body(writer.error(error, error.describe(exception.getMessage())));
  }

  private static int integer(
      HttpServletRequest request, String name, int fallback, int min, int max) {
    String value = FeedRequests.text(request, name);
    if (value == null) {
      return fallback;
    }
    Long number = FeedRequests.number(value);
    if (number == null || number < min || number > max) {
      throw new TorznabException(
          TorznabError.INCORRECT_PARAMETER,
          name + " must be a whole number" + (min > 0 ? " from " + min : " of at least " + min));
    }
    return number.intValue();
  }

  private static @Nullable Integer optionalInteger(HttpServletRequest request, String name) {
    String value = FeedRequests.text(request, name);
    if (value == null) {
      return null;
    }
    Long number = FeedRequests.number(value);
    if (number == null || number < 0 || number > 100_000) {
      throw new TorznabException(
          TorznabError.INCORRECT_PARAMETER, name + " must be a whole number");
    }
    return number.intValue();
  }
}
