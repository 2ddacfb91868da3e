package dev.animetracker.search.api;

import dev.animetracker.common.i18n.Language;
import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.query.SearchResult;
import dev.animetracker.search.query.SearchService;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search}: see docs/search-service.md for the parameters and query syntax. */
@RestController
class SearchController {

  private final SearchService search;
  private final SearchProperties properties;
  private final MagnetLinks magnets;

  SearchController(SearchService search, SearchProperties properties, MagnetLinks magnets) {
    this.search = search;
    this.properties = properties;
    this.magnets = magnets;
  }

  @GetMapping("/api/search")
  SearchPage search(
      @RequestParam MultiValueMap<String, String> params,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false)
          @Nullable String acceptLanguage) {
    SearchRequest.Parsed request = SearchRequest.parse(params, properties);
    Language language = Language.fromAcceptLanguage(acceptLanguage);
    SearchResult result = search.search(request.criteria());
    return new SearchPage(
        result.items().stream().map(hit -> SearchPage.Item.of(hit, language, magnets)).toList(),
        request.page(),
        request.size(),
        result.total(),
        // The first page only: paging on does not change the counts, and each costs a query.
        request.page() == 0 ? search.facets(request.criteria()) : null);
  }
}
