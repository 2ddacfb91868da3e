package dev.animetracker.search.api;

import dev.animetracker.common.catalog.TagSlugs;
import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.common.web.FieldProblem;
import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.query.ReleaseFilter;
import dev.animetracker.search.query.SearchCriteria;
import dev.animetracker.search.query.SearchService;
import dev.animetracker.search.query.SortField;
import dev.animetracker.search.query.SortOrder;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * Reads the query parameters of {@code GET /api/search} into {@link SearchCriteria}, collecting
 * every bad field into one {@link InvalidSearchException}. Unknown parameters are ignored; of a
 * repeated single-valued parameter the first counts.
 */
public final class SearchRequest {

  /** Longest category slug, tag or username accepted. */
  public static final int MAX_NAME_LENGTH = 100;

  /** Most categories or tags in one search. */
  public static final int MAX_LIST = 20;

  private static final Pattern SIZE =
      Pattern.compile("(?i)\\s*(\\d+(?:[.,]\\d+)?)\\s*(b|[kmgtp]i?b?)?\\s*");
  private static final Map<String, BigDecimal> UNITS =
      Map.ofEntries(
          Map.entry("", BigDecimal.ONE),
          Map.entry("b", BigDecimal.ONE),
          Map.entry("k", BigDecimal.valueOf(1_000L)),
          Map.entry("kb", BigDecimal.valueOf(1_000L)),
          Map.entry("kib", BigDecimal.valueOf(1L << 10)),
          Map.entry("ki", BigDecimal.valueOf(1L << 10)),
          Map.entry("m", BigDecimal.valueOf(1_000_000L)),
          Map.entry("mb", BigDecimal.valueOf(1_000_000L)),
          Map.entry("mib", BigDecimal.valueOf(1L << 20)),
          Map.entry("mi", BigDecimal.valueOf(1L << 20)),
          Map.entry("g", BigDecimal.valueOf(1_000_000_000L)),
          Map.entry("gb", BigDecimal.valueOf(1_000_000_000L)),
          Map.entry("gib", BigDecimal.valueOf(1L << 30)),
          Map.entry("gi", BigDecimal.valueOf(1L << 30)),
          Map.entry("t", BigDecimal.valueOf(1_000_000_000_000L)),
          Map.entry("tb", BigDecimal.valueOf(1_000_000_000_000L)),
          Map.entry("tib", BigDecimal.valueOf(1L << 40)),
          Map.entry("ti", BigDecimal.valueOf(1L << 40)),
          Map.entry("p", BigDecimal.valueOf(1_000_000_000_000_000L)),
          Map.entry("pb", BigDecimal.valueOf(1_000_000_000_000_000L)),
          Map.entry("pib", BigDecimal.valueOf(1L << 50)),
          Map.entry("pi", BigDecimal.valueOf(1L << 50)));

  /** Highest season number accepted. */
  public static final int MAX_SEASON = 100;

  /** Highest episode number accepted (long-running series count past 1000). */
  public static final int MAX_EPISODE = 100_000;

  private static final Pattern RESOLUTION = Pattern.compile("(?i)(\\d{3,4})p?");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

  private SearchRequest() {}

  /** The release filters: {@code group, resolution, source, batch, subs, filter, series}. */
  private static ReleaseFilter release(
      MultiValueMap<String, String> params, List<FieldProblem> errors) {
    String group = first(params, "group");
    if (group != null) {
      group = group.replace("\u0000", "").strip();
      if (group.length() > MAX_NAME_LENGTH) {
        errors.add(
            new FieldProblem(
                "group",
                "Size",
                "must be at most " + MAX_NAME_LENGTH + " characters",
                Map.of("max", MAX_NAME_LENGTH)));
      }
      if (group.isEmpty()) {
        group = null;
      }
    }
    String resolution = blankToNull(first(params, "resolution"));
    if (resolution != null) {
      Matcher matcher = RESOLUTION.matcher(resolution);
      if (matcher.matches()) {
        resolution = Integer.parseInt(matcher.group(1)) + "p";
      } else {
        errors.add(new FieldProblem("resolution", "Pattern", "must be like 1080p or 720p"));
        resolution = null;
      }
    }
    String source = blankToNull(first(params, "source"));
    if (source != null) {
      source = source.toUpperCase(Locale.ROOT);
      if (!ParsedRelease.SOURCES.contains(source)) {
        errors.add(new FieldProblem("source", "Pattern", "must be one of BD, WEB, TV, DVD"));
        source = null;
      }
    }
    Boolean batch = null;
    String batchText = blankToNull(first(params, "batch"));
    if (batchText != null) {
      switch (batchText.toLowerCase(Locale.ROOT)) {
        case "true", "1" -> batch = true;
        case "false", "0" -> batch = false;
        default -> errors.add(new FieldProblem("batch", "Pattern", "must be true or false"));
      }
    }
    String subs = blankToNull(first(params, "subs"));
    if (subs != null) {
      subs = subs.toLowerCase(Locale.ROOT);
      if (!LANGUAGE.matcher(subs).matches() && !subs.equals(ParsedRelease.MULTIPLE_LANGUAGES)) {
        errors.add(
            new FieldProblem("subs", "Pattern", "must be an ISO 639-1 code such as en, or multi"));
        subs = null;
      }
    }
    Integer flags =
        integer(params, "filter", ReleaseFilter.ALL, ReleaseFilter.TRUSTED_ONLY, errors);
    String series = seriesSlug(first(params, "series"), errors);
    return new ReleaseFilter(
        group, resolution, source, batch, subs, flags == null ? ReleaseFilter.ALL : flags, series);
  }

  /**
   * A series slug as {@code series} gives it: lower-cased, at most {@link #MAX_NAME_LENGTH}
   * characters; blank means any series. Shared with the Torznab endpoint.
   */
  public static @Nullable String seriesSlug(@Nullable String raw, List<FieldProblem> errors) {
    String series = blankToNull(raw);
    if (series == null) {
      return null;
    }
    if (series.length() > MAX_NAME_LENGTH) {
      errors.add(
          new FieldProblem(
              "series",
              "Size",
              "must be at most " + MAX_NAME_LENGTH + " characters",
              Map.of("max", MAX_NAME_LENGTH)));
      return null;
    }
    return series.toLowerCase(Locale.ROOT);
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    if (text == null) {
      return null;
    }
    String value = text.replace("\u0000", "").strip();
    return value.isEmpty() ? null : value;
  }

  /** The page number and size a request asked for, next to its criteria. */
  public record Parsed(SearchCriteria criteria, int page, int size) {}

  public static Parsed parse(MultiValueMap<String, String> params, SearchProperties properties) {
    List<FieldProblem> errors = new ArrayList<>();

    String q = first(params, "q");
    if (q != null) {
      q = q.replace("\u0000", "").strip();
      if (q.codePointCount(0, q.length()) > properties.maxQueryLength()) {
        errors.add(
            new FieldProblem(
                "q",
                "Size",
                "must be at most " + properties.maxQueryLength() + " characters",
                Map.of("max", properties.maxQueryLength())));
      }
      if (q.isEmpty()) {
        q = null;
      }
    }

    List<String> categories = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (String value : list(params, "category", errors)) {
      if (value.startsWith("-")) {
        String slug = value.substring(1).strip();
        if (!slug.isEmpty()) {
          excluded.add(slug.toLowerCase(Locale.ROOT));
        }
      } else {
        categories.add(value.toLowerCase(Locale.ROOT));
      }
    }
    List<String> tags = new ArrayList<>();
    for (String value : list(params, "tag", errors)) {
      String slug = TagSlugs.slug(value);
      if (!slug.isEmpty() && !tags.contains(slug)) {
        tags.add(slug);
      }
    }

    String uploader = first(params, "uploader");
    if (uploader != null) {
      uploader = uploader.replace("\u0000", "").strip();
      if (uploader.length() > MAX_NAME_LENGTH) {
        errors.add(
            new FieldProblem(
                "uploader",
                "Size",
                "must be at most " + MAX_NAME_LENGTH + " characters",
                Map.of("max", MAX_NAME_LENGTH)));
      }
      if (uploader.isEmpty()) {
        uploader = null;
      }
    }

    Long minSize = size(params, "minSize", errors);
    Long maxSize = size(params, "maxSize", errors);
    if (minSize != null && maxSize != null && minSize > maxSize) {
      errors.add(new FieldProblem("maxSize", "Range", "must not be below minSize"));
    }
    Instant from = date(params, "from", false, errors);
    Instant to = date(params, "to", true, errors);
    if (from != null && to != null && from.isAfter(to)) {
      errors.add(new FieldProblem("to", "Range", "must not be before from"));
    }
    Integer minSeeders = integer(params, "minSeeders", 0, Integer.MAX_VALUE, errors);

    SortField sort = null;
    String sortText = first(params, "sort");
    if (sortText != null && !sortText.isBlank()) {
      try {
        sort = SortField.valueOf(sortText.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(
            new FieldProblem(
                "sort",
                "Pattern",
                "must be one of relevance, created, seeders, leechers, downloads, completed,"
                    + " size, title"));
      }
    }
    SortOrder order = null;
    String orderText = first(params, "order");
    if (orderText != null && !orderText.isBlank()) {
      String normalized = orderText.strip().toLowerCase(Locale.ROOT);
      if (normalized.equals("asc")) {
        order = SortOrder.ASC;
      } else if (normalized.equals("desc")) {
        order = SortOrder.DESC;
      } else {
        errors.add(new FieldProblem("order", "Pattern", "must be asc or desc"));
      }
    }

    Integer season = integer(params, "season", 0, MAX_SEASON, errors);
    Integer episode = integer(params, "episode", 0, MAX_EPISODE, errors);
    ReleaseFilter release = release(params, errors);

    Integer size = integer(params, "size", 1, properties.maxPageSize(), errors);
    int pageSize = size == null ? properties.defaultPageSize() : size;
    Integer page = integer(params, "page", 0, Integer.MAX_VALUE, errors);
    int pageNumber = page == null ? 0 : page;
    if ((long) pageNumber * pageSize > SearchService.MAX_OFFSET) {
      errors.add(
          new FieldProblem(
              "page",
              "Max",
              "page × size must be at most " + SearchService.MAX_OFFSET,
              Map.of("max", SearchService.MAX_OFFSET)));
    }

    if (!errors.isEmpty()) {
      throw new InvalidSearchException(errors);
    }
    if (sort == null) {
      sort = q != null ? SortField.RELEVANCE : SortField.CREATED;
    }
    if (order == null) {
      order = sort == SortField.TITLE ? SortOrder.ASC : SortOrder.DESC;
    }
    SearchCriteria criteria =
        new SearchCriteria(
            q,
            List.copyOf(categories),
            List.copyOf(excluded),
            List.copyOf(tags),
            uploader,
            minSize,
            maxSize,
            from,
            to,
            minSeeders,
            season,
            episode,
            release,
            sort,
            order,
            pageNumber * pageSize,
            pageSize);
    return new Parsed(criteria, pageNumber, pageSize);
  }

  /**
   * A size in bytes: a plain number, or with a unit ({@code 700MB}, {@code 1.5GiB}, {@code 2g};
   * decimal kB/MB/GB/TB, binary KiB/MiB/GiB/TiB).
   *
   * @throws IllegalArgumentException if it is not a size
   */
  public static long parseSize(String text) {
    Matcher matcher = SIZE.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException("not a size");
    }
    String unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase(Locale.ROOT);
    BigDecimal factor = UNITS.get(unit);
    if (factor == null) {
      throw new IllegalArgumentException("unknown unit");
    }
    BigDecimal bytes = new BigDecimal(matcher.group(1).replace(',', '.')).multiply(factor);
    if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
      throw new IllegalArgumentException("too large");
    }
    return bytes.longValue();
  }

  private static @Nullable String first(MultiValueMap<String, String> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  private static List<String> list(
      MultiValueMap<String, String> params, String name, List<FieldProblem> errors) {
    List<String> raw = params.get(name);
    if (raw == null) {
      return List.of();
    }
    Set<String> values = new LinkedHashSet<>();
    boolean tooLong = false;
    for (String item : raw) {
      if (item == null) {
        continue;
      }
      for (String part : item.replace("\u0000", "").split(",")) {
        String value = part.strip();
        if (value.length() > MAX_NAME_LENGTH) {
          tooLong = true;
        } else if (!value.isEmpty()) {
          values.add(value);
        }
      }
    }
    if (tooLong) {
      errors.add(
          new FieldProblem(
              name, "Size", "each value must be at most " + MAX_NAME_LENGTH + " characters"));
    }
    if (values.size() > MAX_LIST) {
      errors.add(new FieldProblem(name, "Size", "at most " + MAX_LIST + " values"));
    }
    return List.copyOf(values);
  }

  private static @Nullable Long size(
      MultiValueMap<String, String> params, String name, List<FieldProblem> errors) {
    String text = first(params, name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return parseSize(text);
    } catch (IllegalArgumentException | ArithmeticException e) {
      errors.add(
          new FieldProblem(
              name, "Pattern", "must be a size in bytes or with a unit, e.g. 700MB or 1.5GiB"));
      return null;
    }
  }

  private static @Nullable Instant date(
      MultiValueMap<String, String> params,
      String name,
      boolean endOfDay,
      List<FieldProblem> errors) {
    String text = first(params, name);
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip();
    try {
      if (value.length() <= 10) {
        LocalDate day = LocalDate.parse(value);
        Instant start = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        return endOfDay ? start.plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS) : start;
      }
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException | ArithmeticException e) {
      errors.add(
          new FieldProblem(
              name,
              "Pattern",
              "must be an ISO date (2024-05-01) or instant (2024-05-01T10:00:00Z)"));
      return null;
    }
  }

  private static @Nullable Integer integer(
      MultiValueMap<String, String> params,
      String name,
      int min,
      int max,
      List<FieldProblem> errors) {
    String text = first(params, name);
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      int value = Integer.parseInt(text.strip());
      if (value < min) {
        errors.add(new FieldProblem(name, "Min", "must be at least " + min));
        return null;
      }
      if (value > max) {
        errors.add(new FieldProblem(name, "Max", "must be at most " + max));
        return null;
      }
      return value;
    } catch (NumberFormatException e) {
      errors.add(new FieldProblem(name, "TypeMismatch", "must be a whole number"));
      return null;
    }
  }
}
