package dev.animetracker.gateway.ui.search;

import dev.animetracker.gateway.catalog.CatalogDtos.Tag;
import dev.animetracker.gateway.catalog.TorrentServiceClient;
import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.search.SearchDtos.Hit;
import dev.animetracker.gateway.search.SearchDtos.SearchPage;
import dev.animetracker.gateway.search.SearchQuery;
import dev.animetracker.gateway.search.SearchServiceClient;
import dev.animetracker.gateway.ui.search.SearchView.CategoryOption;
import dev.animetracker.gateway.ui.support.FormErrors;
import dev.animetracker.gateway.ui.support.Listing;
import dev.animetracker.gateway.ui.support.UiContext;
import dev.animetracker.gateway.ui.support.UiMessages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The start page: browse and search through search-service, {@value #PAGE_SIZE} a page ({@code
 * ?page=} is 1-based, the API's 0-based). Every filter is a GET parameter of the same name as in
 * {@code /api/search}. The page always renders: a down search-service leaves a notice instead of
 * the table, a refused query its messages next to the form (status 400).
 */
@Controller
class SearchController {

  static final int PAGE_SIZE = 50;

  private final SearchServiceClient search;

  private final TorrentServiceClient torrents;

  private final UiMessages messages;

  SearchController(SearchServiceClient search, TorrentServiceClient torrents, UiMessages messages) {
    this.search = search;
    this.torrents = torrents;
    this.messages = messages;
  }

  @GetMapping("/")
  Mono<String> home(Model model, ServerWebExchange exchange) {
    MultiValueMap<String, String> params = exchange.getRequest().getQueryParams();
    SearchQuery query = SearchQuery.from(params);
    String rawPage = params.getFirst("page");
    int number = Listing.page(rawPage == null ? "1" : rawPage);
    String lang = UiContext.lang(exchange);
    Locale locale = UiContext.locale(exchange);
    return Mono.zip(
            search.search(query, number - 1, PAGE_SIZE, lang),
            torrents.categories(lang),
            torrents.tags())
        .map(
            results -> {
              List<CategoryOption> categories =
                  results.getT2().orElse(List.of()).stream()
                      .map(c -> new CategoryOption(c.slug(), c.label(lang)))
                      .toList();
              List<Tag> tags = results.getT3().orElse(List.of());
              FormErrors errors = new FormErrors();
              List<String> errorMessages = new ArrayList<>();
              Listing<Hit> listing = null;
              boolean unavailable = false;
              switch (results.getT1()) {
                case DownstreamResult.Ok<SearchPage>(SearchPage page) when page != null -> {
                  listing =
                      Listing.of(
                          page.itemList(), page.total(), number, PAGE_SIZE, SearchView.url(query));
                  model.addAttribute("facets", page.facets());
                }
                case DownstreamResult.Failed<SearchPage> failed -> {
                  refused(failed, errors, errorMessages, locale);
                  exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                }
                // No answer (or an empty one): the page still renders, with a notice.
                default -> unavailable = true;
              }
              model.addAttribute("saveSearch", query.subscriptionParameters());
              model.addAttribute(
                  "search",
                  new SearchView(
                      query, categories, tags, listing, unavailable, errors, errorMessages));
              return "home";
            });
  }

  /**
   * Each refused parameter: the summary says which one and why ({@code search.field.<name>: hint}),
   * the field itself shows our hint on the expected format ({@code search.error.<name>}, else the
   * shared field message for the code). Only codes and args are read, never the service's English.
   */
  private void refused(
      DownstreamResult.Failed<?> failed,
      FormErrors errors,
      List<String> errorMessages,
      Locale locale) {
    String fallback = messages.text("search.error.default", locale);
    for (DownstreamResult.FieldError error : failed.errors()) {
      String hintKey = "search.error." + error.field();
      String hint = messages.has(hintKey, locale) ? messages.text(hintKey, locale) : null;
      String labelKey = "search.field." + error.field();
      String label =
          messages.has(labelKey, locale) ? messages.text(labelKey, locale) : error.field();
      String reason =
          hint != null
              ? hint
              : messages.fieldMessage(error.field(), error.code(), error.args(), locale);
      String summary = label + ": " + reason;
      errors.reject(error.field(), reason);
      if (!errorMessages.contains(summary)) {
        errorMessages.add(summary);
      }
    }
    if (errorMessages.isEmpty()) {
      errorMessages.add(
          messages.has("error.problem." + failed.code(), locale)
              ? messages.problemMessage(failed.code(), failed.args(), locale)
              : fallback);
    }
  }
}
