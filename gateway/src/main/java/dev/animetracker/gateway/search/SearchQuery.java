package dev.animetracker.gateway.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * What to search for, as the visitor asked: the same parameter names in the page's address and in
 * {@code GET /api/search}, so a search URL is shareable and forwarded as is. Values stay raw text;
 * search-service validates them (its 400 is shown next to the form).
 *
 * @param q the search text
 * @param categories category slugs; {@code -slug} excludes one
 * @param tags tag slugs, all required
 * @param uploader the uploader's username
 * @param minSize smallest size, bytes or with a unit ({@code 1.5GiB})
 * @param maxSize largest size
 * @param from created on or after (ISO date)
 * @param to created on or before (ISO date)
 * @param minSeeders fewest seeders
 * @param sort {@code relevance|created|seeders|leechers|downloads|completed|size|title}
 * @param order {@code asc|desc}
 */
public record SearchQuery(
    @Nullable String q,
    List<String> categories,
    List<String> tags,
    @Nullable String uploader,
    @Nullable String minSize,
    @Nullable String maxSize,
    @Nullable String from,
    @Nullable String to,
    @Nullable String minSeeders,
    @Nullable String sort,
    @Nullable String order,
    ReleaseFilters release) {

  /**
   * The release filters of {@code /api/search} (issue 12), as typed: search-service validates them.
   * {@code filter} is Nyaa's {@code f}: 0 all, 1 no remakes, 2 trusted only; {@code series} a
   * series slug (not a field of the advanced panel: set by a series page's link, shown as a badge).
   */
  public record ReleaseFilters(
      @Nullable String group,
      @Nullable String resolution,
      @Nullable String source,
      @Nullable String season,
      @Nullable String episode,
      @Nullable String batch,
      @Nullable String subs,
      @Nullable String filter,
      @Nullable String series) {

    public static final ReleaseFilters NONE =
        new ReleaseFilters(null, null, null, null, null, null, null, null, null);

    /** The parameter names, in the order they are sent. */
    public static final List<String> NAMES =
        List.of(
            "group",
            "resolution",
            "source",
            "season",
            "episode",
            "batch",
            "subs",
            "filter",
            "series");

    public ReleaseFilters {
      group = blankToNull(group);
      resolution = blankToNull(resolution);
      source = blankToNull(source);
      season = blankToNull(season);
      episode = blankToNull(episode);
      batch = blankToNull(batch);
      subs = blankToNull(subs);
      // "0" is "all": the same search as none, so it does not make the address differ.
      filter = "0".equals(blankToNull(filter)) ? null : blankToNull(filter);
      series = blankToNull(series);
    }

    static ReleaseFilters from(MultiValueMap<String, String> params) {
      return new ReleaseFilters(
          params.getFirst("group"),
          params.getFirst("resolution"),
          params.getFirst("source"),
          params.getFirst("season"),
          params.getFirst("episode"),
          params.getFirst("batch"),
          params.getFirst("subs"),
          params.getFirst("filter"),
          params.getFirst("series"));
    }

    List<@Nullable String> values() {
      return java.util.Arrays.asList(
          group, resolution, source, season, episode, batch, subs, filter, series);
    }

    /** Whether none of the advanced panel's release fields is set ({@code series} is not one). */
    boolean panelEmpty() {
      return values().subList(0, values().size() - 1).stream().allMatch(java.util.Objects::isNull);
    }
  }

  /** What a saved search leaves out: see {@link #subscriptionParameters()}. */
  private static final Set<String> NOT_SUBSCRIBED = Set.of("sort", "order", "from", "to");

  /** No search at all: the newest torrents. */
  public static final SearchQuery NONE =
      new SearchQuery(
          null,
          List.of(),
          List.of(),
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          ReleaseFilters.NONE);

  public SearchQuery {
    q = blankToNull(q);
    categories = List.copyOf(categories);
    tags = List.copyOf(tags);
    uploader = blankToNull(uploader);
    minSize = blankToNull(minSize);
    maxSize = blankToNull(maxSize);
    from = blankToNull(from);
    to = blankToNull(to);
    minSeeders = blankToNull(minSeeders);
    sort = blankToNull(sort);
    order = blankToNull(order);
    release = release == null ? ReleaseFilters.NONE : release;
  }

  /**
   * Reads a request's query parameters; {@code category} and {@code tag} may repeat and hold
   * comma-separated lists, other names (such as {@code page} or {@code lang}) are ignored.
   */
  public static SearchQuery from(MultiValueMap<String, String> params) {
    return new SearchQuery(
        params.getFirst("q"),
        list(params.get("category")),
        list(params.get("tag")),
        params.getFirst("uploader"),
        params.getFirst("minSize"),
        params.getFirst("maxSize"),
        params.getFirst("from"),
        params.getFirst("to"),
        params.getFirst("minSeeders"),
        params.getFirst("sort"),
        params.getFirst("order"),
        ReleaseFilters.from(params));
  }

  /** The non-empty parameters in a stable order, repeated names for the lists. */
  public List<Map.Entry<String, String>> parameters() {
    List<Map.Entry<String, String>> parameters = new ArrayList<>();
    add(parameters, "q", q);
    categories.forEach(category -> add(parameters, "category", category));
    tags.forEach(tag -> add(parameters, "tag", tag));
    add(parameters, "uploader", uploader);
    add(parameters, "minSize", minSize);
    add(parameters, "maxSize", maxSize);
    add(parameters, "from", from);
    add(parameters, "to", to);
    add(parameters, "minSeeders", minSeeders);
    add(parameters, "sort", sort);
    add(parameters, "order", order);
    List<@Nullable String> values = release.values();
    for (int i = 0; i < values.size(); i++) {
      add(parameters, ReleaseFilters.NAMES.get(i), values.get(i));
    }
    return parameters;
  }

  /**
   * The parameters a saved search keeps (issue 13): what narrows the result, without the order
   * ({@code sort}, {@code order}) and the date window ({@code from}, {@code to}), which mean
   * nothing for releases still to come.
   */
  public List<Map.Entry<String, String>> subscriptionParameters() {
    return parameters().stream().filter(p -> !NOT_SUBSCRIBED.contains(p.getKey())).toList();
  }

  /** Whether nothing narrows or orders the result (the plain start page). */
  public boolean isEmpty() {
    return parameters().isEmpty();
  }

  /** Whether one of the filters of the advanced panel is set. */
  public boolean hasAdvancedFilters() {
    return uploader != null
        || minSize != null
        || maxSize != null
        || from != null
        || to != null
        || minSeeders != null
        || !release.panelEmpty();
  }

  public SearchQuery withSort(@Nullable String newSort, @Nullable String newOrder) {
    return new SearchQuery(
        q,
        categories,
        tags,
        uploader,
        minSize,
        maxSize,
        from,
        to,
        minSeeders,
        newSort,
        newOrder,
        release);
  }

  public SearchQuery withCategories(List<String> newCategories) {
    return new SearchQuery(
        q,
        newCategories,
        tags,
        uploader,
        minSize,
        maxSize,
        from,
        to,
        minSeeders,
        sort,
        order,
        release);
  }

  /**
   * The same search narrowed to one value of a release filter ({@code group=SubsPlease}), or with
   * that filter removed ({@code null}).
   */
  public SearchQuery withRelease(String name, @Nullable String value) {
    ReleaseFilters r = release;
    ReleaseFilters narrowed =
        new ReleaseFilters(
            "group".equals(name) ? value : r.group(),
            "resolution".equals(name) ? value : r.resolution(),
            "source".equals(name) ? value : r.source(),
            "season".equals(name) ? value : r.season(),
            "episode".equals(name) ? value : r.episode(),
            "batch".equals(name) ? value : r.batch(),
            "subs".equals(name) ? value : r.subs(),
            "filter".equals(name) ? value : r.filter(),
            "series".equals(name) ? value : r.series());
    return new SearchQuery(
        q,
        categories,
        tags,
        uploader,
        minSize,
        maxSize,
        from,
        to,
        minSeeders,
        sort,
        order,
        narrowed);
  }

  public SearchQuery withTags(List<String> newTags) {
    return new SearchQuery(
        q,
        categories,
        newTags,
        uploader,
        minSize,
        maxSize,
        from,
        to,
        minSeeders,
        sort,
        order,
        release);
  }

  private static void add(
      List<Map.Entry<String, String>> parameters, String name, @Nullable String value) {
    if (value != null) {
      parameters.add(Map.entry(name, value));
    }
  }

  /** Splits repeated, comma-separated values; blanks and repeats are dropped, order is kept. */
  private static List<String> list(@Nullable List<String> raw) {
    if (raw == null) {
      return List.of();
    }
    Set<String> values = new LinkedHashSet<>();
    for (String item : raw) {
      if (item == null) {
        continue;
      }
      for (String part : item.split(",")) {
        String value = part.trim();
        if (!value.isEmpty()) {
          values.add(value);
        }
      }
    }
    return List.copyOf(values);
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }
}
