package dev.animetracker.search.feed;

import dev.animetracker.common.web.FieldProblem;
import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.api.InvalidSearchException;
import dev.animetracker.search.api.SearchRequest;
import dev.animetracker.search.query.SearchCriteria;
import dev.animetracker.search.query.SearchResult;
import dev.animetracker.search.query.SearchService;
import dev.animetracker.search.query.SortField;
import dev.animetracker.search.query.SortOrder;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /rss}: a search as a Nyaa-style RSS feed. It takes the filters of {@code /api/search}
 * (read by the same {@link SearchRequest}), but is newest first unless {@code sort} says otherwise,
 * pages are 1-based like Nyaa's ({@code page=1} is the first) and hold {@code limit} items (75 by
 * default, like Nyaa). With {@code apikey} the download links work without a login.
 */
@RestController
class RssController {

  static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

  static final int DEFAULT_LIMIT = 75;
  static final int MAX_LIMIT = 100;

  /** Deepest page: 10 000 pages of 100 reach the query layer's offset limit. */
  static final int MAX_PAGE = 10_000;

  /** Parameters that mean something else here than in {@code /api/search}, or nothing there. */
  private static final List<String> OWN_PARAMETERS =
      List.of("page", "limit", "size", "apikey", "magnets");

  private final SearchService search;
  private final RssWriter writer;
  private final FeedLinks links;
  private final FeedAccess access;
  private final SearchProperties properties;

  RssController(
      SearchService search,
      RssWriter writer,
      FeedLinks links,
      FeedAccess access,
      SearchProperties properties) {
    this.search = search;
    this.writer = writer;
    this.links = links;
    this.access = access;
    this.properties = properties;
  }

  @GetMapping("/rss")
  ResponseEntity<byte[]> rss(
      @RequestParam MultiValueMap<String, String> params, HttpServletRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    int limit = number(request, "limit", DEFAULT_LIMIT, MAX_LIMIT, errors);
    int page = number(request, "page", 1, MAX_PAGE, errors);
    boolean magnets = magnets(request, errors);
    MultiValueMap<String, String> filters = new LinkedMultiValueMap<>(params);
    OWN_PARAMETERS.forEach(filters::remove);
    SearchCriteria parsed = null;
    try {
      parsed = SearchRequest.parse(filters, properties).criteria();
    } catch (InvalidSearchException e) {
      errors.addAll(e.errors());
    }
    if (parsed == null || !errors.isEmpty()) {
      throw new InvalidSearchException(errors);
    }
    String apiKey = access.rssKey(FeedRequests.text(request, "apikey"));

    boolean sortGiven = FeedRequests.text(request, "sort") != null;
    boolean orderGiven = FeedRequests.text(request, "order") != null;
    SearchCriteria criteria =
        new SearchCriteria(
            parsed.query(),
            parsed.categories(),
            parsed.excludedCategories(),
            parsed.tags(),
            parsed.uploader(),
            parsed.minSize(),
            parsed.maxSize(),
            parsed.createdFrom(),
            parsed.createdTo(),
            parsed.minSeeders(),
            parsed.season(),
            parsed.episode(),
            parsed.release(),
            sortGiven ? parsed.sort() : SortField.CREATED,
            sortGiven || orderGiven ? parsed.order() : SortOrder.DESC,
            (page - 1) * limit,
            limit);
    SearchResult result = search.search(criteria);
    String term = criteria.query() == null ? "Home" : criteria.query();
    byte[] body =
        writer.write(
            new RssWriter.Channel(term, FeedRequests.selfUrl(links, request, "/rss")),
            result.items(),
            apiKey,
            magnets);
    return ResponseEntity.ok().contentType(RSS).body(body);
  }

  /**
   * {@code magnets}: present without a value (Nyaa's {@code &m}), true/1/yes on, false/0/no off.
   */
  private static boolean magnets(HttpServletRequest request, List<FieldProblem> errors) {
    String value = request.getParameter("magnets");
    if (value == null) {
      return false;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "", "true", "1", "yes", "on" -> true;
      case "false", "0", "no", "off" -> false;
      default -> {
        errors.add(new FieldProblem("magnets", "Pattern", "must be true or false"));
        yield false;
      }
    };
  }

  private static int number(
      HttpServletRequest request, String name, int fallback, int max, List<FieldProblem> errors) {
    String value = FeedRequests.text(request, name);
    if (value == null) {
      return fallback;
    }
    Long number = FeedRequests.number(value);
    if (number == null || number < 1 || number > max) {
      errors.add(new FieldProblem(name, "Range", "must be a whole number from 1 to " + max));
      return fallback;
    }
    return number.intValue();
  }
}
