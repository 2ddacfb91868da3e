package dev.animetracker.gateway.ui.search;

import dev.animetracker.gateway.catalog.CatalogDtos.Tag;
import dev.animetracker.gateway.search.SearchDtos.Hit;
import dev.animetracker.gateway.search.SearchQuery;
import dev.animetracker.gateway.ui.support.FormErrors;
import dev.animetracker.gateway.ui.support.Listing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The start page's search for the templates: the form's values, the result table and every link
 * that changes the search (sort headers, category and tag badges, removing a filter). Links keep
 * all other parameters and drop {@code page}, so a changed search starts on its first page.
 *
 * @param query what was asked
 * @param categories the category filter's choices
 * @param tags tag suggestions
 * @param listing the results, {@code null} when there are none to show (unavailable, invalid)
 * @param unavailable whether search-service did not answer
 * @param errors the refused parameters' messages, by parameter name
 * @param errorMessages all messages of a refused search, for the summary next to the form
 */
public record SearchView(
    SearchQuery query,
    List<CategoryOption> categories,
    List<Tag> tags,
    @Nullable Listing<Hit> listing,
    boolean unavailable,
    FormErrors errors,
    List<String> errorMessages) {

  /** The sort keys search-service knows; the table's headers use some of them. */
  static final Set<String> SORTS =
      Set.of(
          "relevance", "created", "seeders", "leechers", "downloads", "completed", "size", "title");

  private static final Set<String> ADVANCED =
      Set.of("uploader", "minSize", "maxSize", "from", "to", "minSeeders");

  /**
   * A choice of the category filter.
   *
   * @param slug the category
   * @param label its name in the page language
   */
  public record CategoryOption(String slug, String label) {}

  // --- the form ---

  /** The category the select shows: the first one asked for ({@code -slug} when excluded). */
  public String selectedCategory() {
    return query.categories().isEmpty() ? "" : query.categories().getFirst();
  }

  /** Categories beyond the first (from a shared URL), kept as hidden fields. */
  public List<String> extraCategories() {
    List<String> all = query.categories();
    return all.size() <= 1 ? List.of() : all.subList(1, all.size());
  }

  /** Whether the select offers the selected value (else it is added as an option of its own). */
  public boolean offersSelectedCategory() {
    String selected = selectedCategory();
    String slug = selected.startsWith("-") ? selected.substring(1) : selected;
    return selected.isEmpty() || categories.stream().anyMatch(c -> c.slug().equals(slug));
  }

  public String tagsText() {
    return String.join(", ", query.tags());
  }

  /** The advanced panel starts open when one of its filters is set or refused. */
  public boolean advancedOpen() {
    return query.hasAdvancedFilters() || ADVANCED.stream().anyMatch(errors::has);
  }

  /** A category's name in the page language (its slug when unknown), without the minus. */
  public String categoryLabel(String value) {
    String slug = excluded(value) ? value.substring(1) : value;
    return categories.stream()
        .filter(c -> c.slug().equals(slug))
        .map(CategoryOption::label)
        .findFirst()
        .orElse(slug);
  }

  public boolean excluded(String categoryValue) {
    return categoryValue.startsWith("-") && categoryValue.length() > 1;
  }

  /** A tag's name (its slug when it is not among the suggestions). */
  public String tagLabel(String slug) {
    return tags.stream()
        .filter(t -> t.slug().equals(slug))
        .map(Tag::name)
        .filter(name -> name != null && !name.isBlank())
        .findFirst()
        .orElse(slug);
  }

  public boolean invalid() {
    return !errorMessages.isEmpty();
  }

  /** Whether anything narrows or orders the result (else it is just the newest torrents). */
  public boolean filtered() {
    return !query.isEmpty();
  }

  /** Whether filters (not only text or sort) are set: the "remove filter" badges. */
  public boolean hasFilterBadges() {
    return !query.categories().isEmpty()
        || !query.tags().isEmpty()
        || query.release().series() != null;
  }

  /**
   * The title of the series the search is narrowed to, as the results name it (its slug when none
   * of them does); {@code null} when no series is asked for.
   */
  public @Nullable String seriesLabel() {
    String slug = query.release().series();
    if (slug == null) {
      return null;
    }
    if (listing != null) {
      for (Hit hit : listing.items()) {
        if (hit.series() != null && hit.series().slug().equalsIgnoreCase(slug)) {
          return hit.series().title();
        }
      }
    }
    return slug;
  }

  public String withoutSeriesUrl() {
    return url(query.withRelease("series", null));
  }

  // --- sorting ---

  /** The order in force: the asked one, else relevance with text, else newest first. */
  public String sort() {
    String asked = query.sort() == null ? null : query.sort().toLowerCase(Locale.ROOT);
    if (asked != null && SORTS.contains(asked)) {
      return asked;
    }
    return query.q() != null ? "relevance" : "created";
  }

  /** The direction in force: the asked one, else the sort's natural one. */
  public String order() {
    String asked = query.order() == null ? null : query.order().toLowerCase(Locale.ROOT);
    if ("asc".equals(asked) || "desc".equals(asked)) {
      return asked;
    }
    return naturalOrder(sort());
  }

  /**
   * The header link of a column: the current sort flips its direction, another one starts in its
   * natural direction (A→Z for titles, largest first for the rest).
   */
  public String sortUrl(String field) {
    String next =
        field.equals(sort()) ? ("desc".equals(order()) ? "asc" : "desc") : naturalOrder(field);
    return url(query.withSort(field, next));
  }

  /** {@code asc}/{@code desc} for the column the table is sorted by, else {@code null}. */
  public @Nullable String direction(String field) {
    return field.equals(sort()) ? order() : null;
  }

  /** The {@code aria-sort} value of a header. */
  public @Nullable String ariaSort(String field) {
    String direction = direction(field);
    if (direction == null) {
      return null;
    }
    return "asc".equals(direction) ? "ascending" : "descending";
  }

  /** With search text, another sort can be undone: back to best matches first. */
  public boolean offersRelevance() {
    return query.q() != null && !"relevance".equals(sort());
  }

  public String relevanceUrl() {
    return url(query.withSort(null, null));
  }

  // --- filter links ---

  /** Only this category (a row's category badge). */
  public String categoryUrl(String slug) {
    return url(query.withCategories(List.of(slug)));
  }

  /** This tag as well (a row's tag badge). */
  public String tagUrl(String slug) {
    if (query.tags().contains(slug)) {
      return url(query);
    }
    List<String> tagsToo = new ArrayList<>(query.tags());
    tagsToo.add(slug);
    return url(query.withTags(tagsToo));
  }

  /** Only matches with this value of a release field (a facet link). */
  public String facetUrl(String name, String value) {
    return url(query.withRelease(name, value));
  }

  public String withoutCategoryUrl(String value) {
    return url(query.withCategories(without(query.categories(), value)));
  }

  public String withoutTagUrl(String slug) {
    return url(query.withTags(without(query.tags(), slug)));
  }

  /**
   * This search as an RSS feed (docs/feeds.md: {@code /rss} reads the same parameters), for the
   * page's feed link and its {@code <link rel="alternate">}. Without the chosen order: a feed
   * reader wants the newest first, which is the feed's default.
   */
  public String rssUrl() {
    return url("/rss", query.withSort(null, null));
  }

  /** The address of a search (first page), parameters strictly encoded. */
  static String url(SearchQuery query) {
    return url("/", query);
  }

  private static String url(String path, SearchQuery query) {
    UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
    Map<String, Object> values = new HashMap<>();
    List<Map.Entry<String, String>> parameters = query.parameters();
    for (int i = 0; i < parameters.size(); i++) {
      builder.queryParam(parameters.get(i).getKey(), "{v" + i + "}");
      values.put("v" + i, parameters.get(i).getValue());
    }
    return builder.encode().buildAndExpand(values).toUriString();
  }

  private static String naturalOrder(String field) {
    return "title".equals(field) ? "asc" : "desc";
  }

  private static List<String> without(List<String> values, String value) {
    return values.stream().filter(v -> !v.equals(value)).toList();
  }
}
