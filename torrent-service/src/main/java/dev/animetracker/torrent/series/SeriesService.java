package dev.animetracker.torrent.series;

import dev.animetracker.common.i18n.Language;
import dev.animetracker.common.web.DomainException;
import dev.animetracker.torrent.catalog.Tag;
import dev.animetracker.torrent.core.TorrentRepository;
import dev.animetracker.torrent.core.TorrentRow;
import dev.animetracker.torrent.listing.TorrentViews;
import dev.animetracker.torrent.quota.WriteQuotas;
import dev.animetracker.torrent.web.Caller;
import dev.animetracker.torrent.web.Problems;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Reading and editing series. Who may edit one: a moderator, the user who made it, and every
 * uploader of one of its live torrents (they know the show). Each write locks the row, replaces its
 * match keys (409 when another series holds one of its titles) and publishes {@code series.updated}
 * in one transaction.
 */
@Service
class SeriesService {

  static final int DEFAULT_PAGE_SIZE = 20;
  static final int MAX_PAGE_SIZE = 100;
  static final int MAX_PAGE = 100_000;
  static final int MAX_QUERY = 200;
  static final int MAX_INTERNAL_LIMIT = 1000;

  /** Most torrents a series page groups (the best seeded; a long show's page stays bounded). */
  static final int MAX_RELEASES = 2000;

  private final SeriesRepository series;
  private final SeriesMatcher matcher;
  private final TorrentRepository torrents;
  private final TorrentViews views;
  private final WriteQuotas quotas;

  SeriesService(
      SeriesRepository series,
      SeriesMatcher matcher,
      TorrentRepository torrents,
      TorrentViews views,
      WriteQuotas quotas) {
    this.quotas = quotas;
    this.series = series;
    this.matcher = matcher;
    this.torrents = torrents;
    this.views = views;
  }

  static DomainException notFound() {
    return new DomainException(
        HttpStatus.NOT_FOUND, "series-not-found", "There is no such series.");
  }

  @Transactional(readOnly = true)
  public SeriesView get(String slug, @Nullable Caller caller, Language language) {
    Series found = series.bySlug(normalSlug(slug)).orElseThrow(SeriesService::notFound);
    return view(found, caller, language);
  }

  /**
   * {@code POST /api/series}: a new series with these titles and ids; 429 {@code
   * series-quota-exceeded} past the account's limit.
   */
  @Transactional
  public SeriesView create(Caller caller, JsonNode body, Language language) {
    SeriesRequest request = SeriesRequest.read(body, true);
    // Counted like uploads: squatting titles with empty series must cost something.
    quotas.consume(caller, WriteQuotas.Kind.SERIES);
    long id = series.nextId();
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Series draft = request.create(id, "", now, caller.id());
    claimKeys(draft);
    Series created = matcher.insert(draft);
    matcher.announce(created);
    return view(created, caller, language);
  }

  /** {@code PATCH /api/series/{slug}}; a body that changes nothing changes no version. */
  @Transactional
  public SeriesView update(Caller caller, String slug, JsonNode body, Language language) {
    SeriesRequest request = SeriesRequest.read(body, false);
    Series current = series.bySlugForUpdate(normalSlug(slug)).orElseThrow(SeriesService::notFound);
    if (!mayEdit(caller, current)) {
      throw Problems.forbidden(
          "Only a moderator or an uploader of one of its releases may change this series.");
    }
    Series wanted = request.applyTo(current);
    if (wanted.equals(current)) {
      return view(current, caller, language);
    }
    if (!wanted.keys().equals(current.keys())) {
      series.releaseKeys(current.id());
      claimKeys(wanted);
    }
    Series updated = series.update(wanted, Instant.now().truncatedTo(ChronoUnit.MICROS));
    matcher.announce(updated);
    return view(updated, caller, language);
  }

  /** The list, most recently updated first, or the series with a title holding {@code q}. */
  @Transactional(readOnly = true)
  public SeriesView.Page list(
      @Nullable String q, @Nullable String pageParam, @Nullable String sizeParam) {
    Problems.Errors errors = new Problems.Errors();
    int page = parseInt(pageParam, 0);
    if (page < 0 || page > MAX_PAGE) {
      errors.add("page", "Range", "page must be a number from 0 (the first page).");
    }
    int size = parseInt(sizeParam, DEFAULT_PAGE_SIZE);
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add("size", "Range", "size must be a number from 1 to " + MAX_PAGE_SIZE + ".");
    }
    if (q != null && q.length() > MAX_QUERY) {
      errors.add("q", "Size", "q is longer than " + MAX_QUERY + " characters.");
    }
    errors.throwIfAny();
    String key = q == null ? null : SeriesTitles.key(q);
    if (key != null && key.isEmpty()) {
      key = null;
    }
    List<Series> found = series.search(key, page, size);
    Map<Long, Long> counts = series.releaseCounts(found.stream().map(Series::id).toList());
    List<SeriesView.Summary> items =
        found.stream()
            .map(
                s ->
                    new SeriesView.Summary(
                        s.slug(),
                        s.title(),
                        s.titles(),
                        s.synonyms(),
                        counts.getOrDefault(s.id(), 0L),
                        s.updatedAt()))
            .toList();
    return new SeriesView.Page(items, page, size, series.count(key));
  }

  /** The internal listing in slug order, for search-service's reindex. */
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public SeriesView.InternalPage internal(@Nullable String after, int limit) {
    List<SeriesView.Internal> items =
        series.after(after == null ? "" : after, limit).stream()
            .map(
                s ->
                    new SeriesView.Internal(
                        s.slug(), s.title(), s.alternativeTitles(), s.version(), s.updatedAt()))
            .toList();
    return new SeriesView.InternalPage(items, items.size() < limit ? null : items.getLast().slug());
  }

  /**
   * Claims every key of {@code wanted}: 409 naming a title another series holds. In key order, so
   * two edits claiming the same keys wait for each other instead of deadlocking.
   */
  private void claimKeys(Series wanted) {
    List<String> titles = new ArrayList<>();
    titles.add(wanted.title());
    titles.addAll(wanted.alternativeTitles());
    SortedMap<String, String> keys = new TreeMap<>();
    titles.forEach(title -> keys.putIfAbsent(SeriesTitles.key(title), title));
    keys.remove("");
    keys.forEach(
        (key, title) -> {
          if (series.claimKey(key, wanted.id())) {
            return;
          }
          String owner =
              series.idByKey(key).flatMap(series::byId).map(Series::slug).orElse("another series");
          throw new DomainException(
              HttpStatus.CONFLICT,
              "series-title-taken",
              "Another series (" + owner + ") already has the title \"" + clip(title) + "\".",
              Map.of("series", owner, "title", title));
        });
  }

  private boolean mayEdit(@Nullable Caller caller, Series target) {
    if (caller == null) {
      return false;
    }
    return caller.moderator()
        || (target.createdBy() != null && target.createdBy() == caller.id())
        || series.isUploaderOf(target.id(), caller.id());
  }

  private SeriesView view(Series s, @Nullable Caller caller, Language language) {
    List<TorrentRow> rows = torrents.ofSeries(s.id(), MAX_RELEASES);
    Map<Long, List<Tag>> tags = torrents.tags(rows.stream().map(TorrentRow::id).toList());
    List<SeriesView.Episode> episodes =
        SeriesEpisodes.of(
            rows, row -> views.item(row, tags.getOrDefault(row.id(), List.of()), language));
    long releaseCount =
        rows.size() < MAX_RELEASES
            ? rows.size()
            : series.releaseCounts(List.of(s.id())).getOrDefault(s.id(), 0L);
    return new SeriesView(
        s.slug(),
        s.title(),
        s.titles(),
        s.synonyms(),
        s.anilistId(),
        s.malId(),
        s.anidbId(),
        SeriesView.Links.of(s),
        releaseCount,
        mayEdit(caller, s),
        s.version(),
        s.createdAt(),
        s.updatedAt(),
        episodes);
  }

  /** A slug from a path as stored (lower case); anything unlike a slug finds nothing. */
  private static String normalSlug(String slug) {
    String lower = slug.strip().toLowerCase(Locale.ROOT);
    return lower.length() <= SeriesMatcher.MAX_NAMED_SLUG
            && SeriesTitles.SLUG.matcher(lower).matches()
        ? lower
        : "";
  }

  private static int parseInt(@Nullable String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String clip(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
