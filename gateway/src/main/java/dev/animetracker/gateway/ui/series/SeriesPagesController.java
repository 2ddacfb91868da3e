package dev.animetracker.gateway.ui.series;

import dev.animetracker.gateway.catalog.CatalogDtos.Series;
import dev.animetracker.gateway.catalog.CatalogDtos.SeriesPage;
import dev.animetracker.gateway.catalog.CatalogDtos.SeriesSummary;
import dev.animetracker.gateway.catalog.CatalogDtos.SeriesTitles;
import dev.animetracker.gateway.catalog.TorrentServiceClient;
import dev.animetracker.gateway.community.CommunityClient;
import dev.animetracker.gateway.community.CommunityDtos.FollowList;
import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.problem.GatewayException;
import dev.animetracker.gateway.ui.series.SeriesForms.SeriesEditForm;
import dev.animetracker.gateway.ui.support.FormErrors;
import dev.animetracker.gateway.ui.support.Forms;
import dev.animetracker.gateway.ui.support.Listing;
import dev.animetracker.gateway.ui.support.PageErrors;
import dev.animetracker.gateway.ui.support.UiContext;
import dev.animetracker.gateway.ui.support.UiMessages;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The series pages, through torrent-service: {@code /series?q=} (a list with a search box, {@value
 * #PAGE_SIZE} a page) and {@code /series/{slug}} (titles, links out, releases by episode and group,
 * and the edit form for those torrent-service lets edit).
 */
@Controller
class SeriesPagesController {

  static final int PAGE_SIZE = 50;

  /** Longest search text sent on: torrent-service refuses longer ones. */
  static final int MAX_QUERY = 200;

  /** torrent-service's slugs; anything else names no series and is not sent on. */
  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private static final int MAX_SLUG = 100;

  /** A number of more digits is no id torrent-service takes; refused here as not a number. */
  private static final Pattern ID = Pattern.compile("\\d{1,12}");

  private static final List<String> LANGUAGES = List.of("romaji", "english", "russian", "japanese");

  private static final List<String> IDS = List.of("anilistId", "malId", "anidbId");

  private static final Set<String> EDIT_FIELDS =
      Set.of(
          "title",
          "titles.romaji",
          "titles.english",
          "titles.russian",
          "titles.japanese",
          "synonyms",
          "anilistId",
          "malId",
          "anidbId");

  private final TorrentServiceClient torrents;

  private final CommunityClient community;

  private final UiMessages messages;

  SeriesPagesController(
      TorrentServiceClient torrents, CommunityClient community, UiMessages messages) {
    this.torrents = torrents;
    this.community = community;
    this.messages = messages;
  }

  @GetMapping("/series")
  Mono<String> list(Model model, ServerWebExchange exchange) {
    String rawQuery = exchange.getRequest().getQueryParams().getFirst("q");
    String q = rawQuery == null || rawQuery.isBlank() ? null : rawQuery.strip();
    String rawPage = exchange.getRequest().getQueryParams().getFirst("page");
    int number = Listing.page(rawPage == null ? "1" : rawPage);
    String lang = UiContext.lang(exchange);
    Locale locale = UiContext.locale(exchange);
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("listing", null);
    model.addAttribute("unavailable", false);
    model.addAttribute("queryError", null);
    if (q != null && q.codePointCount(0, q.length()) > MAX_QUERY) {
      model.addAttribute("queryError", messages.text("series.list.tooLong", locale, MAX_QUERY));
      exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
      return Mono.just("series-list");
    }
    String baseUrl =
        q == null
            ? "/series"
            : UriComponentsBuilder.fromPath("/series")
                .queryParam("q", "{q}")
                .encode()
                .buildAndExpand(Map.of("q", q))
                .toUriString();
    return torrents
        .seriesList(q, number - 1, PAGE_SIZE, lang)
        .map(
            result -> {
              switch (result) {
                case DownstreamResult.Ok<SeriesPage>(SeriesPage page) when page != null ->
                    model.addAttribute(
                        "listing",
                        Listing.<SeriesSummary>of(
                            page.itemList(), page.total(), number, PAGE_SIZE, baseUrl));
                case DownstreamResult.Failed<SeriesPage> failed -> {
                  FormErrors errors = messages.fromCatalogProblem(failed, Set.of("q"), locale);
                  String message = errors.field("q");
                  model.addAttribute("queryError", message != null ? message : errors.getGlobal());
                  exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                }
                default -> model.addAttribute("unavailable", true);
              }
              return "series-list";
            });
  }

  @GetMapping("/series/{slug}")
  Mono<String> series(@PathVariable String slug, Model model, ServerWebExchange exchange) {
    return render(parseSlug(slug), model, exchange);
  }

  @PostMapping("/series/{slug}/edit")
  Mono<String> edit(
      @PathVariable String slug,
      @ModelAttribute SeriesEditForm form,
      Model model,
      ServerWebExchange exchange) {
    String series = parseSlug(slug);
    Locale locale = UiContext.locale(exchange);
    Map<String, String> values = new LinkedHashMap<>();
    values.put("title", Forms.trimmed(form.title()));
    values.put("romaji", Forms.trimmed(form.romaji()));
    values.put("english", Forms.trimmed(form.english()));
    values.put("russian", Forms.trimmed(form.russian()));
    values.put("japanese", Forms.trimmed(form.japanese()));
    values.put("synonyms", Forms.raw(form.synonyms()).strip());
    values.put("anilistId", Forms.trimmed(form.anilistId()));
    values.put("malId", Forms.trimmed(form.malId()));
    values.put("anidbId", Forms.trimmed(form.anidbId()));
    model.addAttribute("editValues", values);
    model.addAttribute("editOpen", true);

    FormErrors local = new FormErrors();
    Map<String, @Nullable Object> changes = changes(values, local, locale);
    if (local.any()) {
      model.addAttribute("editErrors", local);
      exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
      return render(series, model, exchange);
    }
    return UiContext.accessToken(exchange)
        .flatMap(
            token ->
                torrents
                    .updateSeries(token, series, changes, UiContext.lang(exchange))
                    .flatMap(
                        result ->
                            switch (result) {
                              case DownstreamResult.Ok<Series> ok ->
                                  Mono.just("redirect:/series/" + series + "?updated");
                              case DownstreamResult.Failed<Series> failed ->
                                  editFailure(failed, series, model, exchange);
                              case DownstreamResult.Unavailable<Series> down ->
                                  Mono.error(PageErrors.catalogUnavailable());
                            }))
        .switchIfEmpty(Mono.fromSupplier(() -> loginRedirect(series)));
  }

  /**
   * The PATCH body: every field of the form (a blank one clears it, the service refuses a blank
   * main title); ids that are not numbers are refused here, with the service's message codes.
   */
  private Map<String, @Nullable Object> changes(
      Map<String, String> values, FormErrors errors, Locale locale) {
    Map<String, @Nullable Object> changes = new LinkedHashMap<>();
    changes.put("title", values.get("title"));
    Map<String, @Nullable Object> titles = new LinkedHashMap<>();
    LANGUAGES.forEach(language -> titles.put(language, blankToNull(values.get(language))));
    changes.put("titles", titles);
    changes.put(
        "synonyms",
        Arrays.stream(values.get("synonyms").split("\\R"))
            .map(String::strip)
            .filter(line -> !line.isEmpty())
            .distinct()
            .toList());
    for (String field : IDS) {
      String value = values.get(field);
      if (value.isEmpty()) {
        changes.put(field, null);
      } else if (ID.matcher(value).matches()) {
        changes.put(field, Long.parseLong(value));
      } else {
        errors.reject(field, messages.fieldMessage(field, "Type", locale));
      }
    }
    return changes;
  }

  private Mono<String> editFailure(
      DownstreamResult.Failed<?> failed, String slug, Model model, ServerWebExchange exchange) {
    if (failed.status() == 401) {
      return Mono.just(loginRedirect(slug));
    }
    if (failed.status() == 404) {
      return Mono.error(seriesNotFound());
    }
    model.addAttribute(
        "editErrors", messages.fromCatalogProblem(failed, EDIT_FIELDS, UiContext.locale(exchange)));
    exchange.getResponse().setRawStatusCode(failed.status());
    return render(slug, model, exchange);
  }

  private Mono<String> render(String slug, Model model, ServerWebExchange exchange) {
    String lang = UiContext.lang(exchange);
    return UiContext.accessToken(exchange)
        .map(Optional::of)
        .defaultIfEmpty(Optional.empty())
        .flatMap(
            token ->
                Mono.zip(
                    torrents.series(slug, token.orElse(null), lang),
                    token
                        .map(community::follows)
                        .orElse(Mono.just(new DownstreamResult.Ok<>(new FollowList(List.of()))))))
        .map(
            loaded -> {
              DownstreamResult<Series> result = loaded.getT1();
              Series series =
                  switch (result) {
                    case DownstreamResult.Ok<Series>(Series value) when value != null -> value;
                    case DownstreamResult.Failed<Series> failed
                        when failed.status() == 404 || failed.status() == 400 ->
                        throw seriesNotFound();
                    default -> throw PageErrors.catalogUnavailable();
                  };
              Map<String, Object> attributes = model.asMap();
              model.addAttribute("series", series);
              model.addAttribute(
                  "following",
                  loaded
                      .getT2()
                      .orElse(new FollowList(List.of()))
                      .follows("series", series.slug()));
              model.addAttribute("browseUrl", "/?series=" + series.slug());
              attributes.putIfAbsent("editErrors", new FormErrors());
              attributes.putIfAbsent("editOpen", false);
              if (!attributes.containsKey("editValues")) {
                model.addAttribute("editValues", values(series));
              }
              return "series";
            });
  }

  /** The edit form's values of a series as it is. */
  private static Map<String, String> values(Series series) {
    SeriesTitles titles = series.titleSet();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("title", series.title());
    values.put("romaji", orEmpty(titles.romaji()));
    values.put("english", orEmpty(titles.english()));
    values.put("russian", orEmpty(titles.russian()));
    values.put("japanese", orEmpty(titles.japanese()));
    values.put("synonyms", String.join("\n", series.synonymList()));
    values.put("anilistId", series.anilistId() == null ? "" : series.anilistId().toString());
    values.put("malId", series.malId() == null ? "" : series.malId().toString());
    values.put("anidbId", series.anidbId() == null ? "" : series.anidbId().toString());
    return values;
  }

  static String loginRedirect(String slug) {
    return "redirect:/login?redirect=/series/" + slug;
  }

  /** The slug as torrent-service writes them (lower case); anything else is the not-found page. */
  static String parseSlug(String raw) {
    String slug = raw.strip().toLowerCase(Locale.ROOT);
    if (slug.length() > MAX_SLUG || !SLUG.matcher(slug).matches()) {
      throw seriesNotFound();
    }
    return slug;
  }

  private static GatewayException seriesNotFound() {
    return new GatewayException(
        HttpStatus.NOT_FOUND, "series-not-found", "There is no such series.");
  }

  private static String orEmpty(@Nullable String value) {
    return value == null ? "" : value;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
