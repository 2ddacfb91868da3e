package dev.animetracker.search.query;

import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.opsstats.SearchVolume;
import dev.animetracker.search.text.SearchText;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Runs searches against the read model (for {@code /api/search}, RSS and Torznab alike).
 *
 * <p>Totals: a page that is not full tells the total by itself; a search without text or filters
 * other than categories reads the per-category live counts; a text search by relevance or seeders
 * takes it from the number of candidates it read when that tells (see {@link CandidatePage});
 * anything else is counted up to {@link SearchProperties#countCap()}. A search that finds nothing
 * is retried once with misspelt words replaced by similar known words.
 */
@Service
public class SearchService {

  /** Values per facet. */
  public static final int FACET_VALUES = 10;

  /** Offsets beyond this are clamped: nobody pages that deep, and it bounds the work. */
  public static final int MAX_OFFSET = 1_000_000;

  private final SearchRepository repository;
  private final SearchProperties properties;
  private final SearchVolume volume;
  private final Clock clock;
  private final Timer latency;
  private volatile CategoryCache categoryCache = new CategoryCache(List.of(), Instant.EPOCH);

  private record CategoryCache(List<CategoryView> categories, Instant loadedAt) {}

  SearchService(
      SearchRepository repository,
      SearchProperties properties,
      SearchVolume volume,
      MeterRegistry meters) {
    // Histogram buckets so dashboards and alerts can read percentiles across every instance.
    this.latency =
        Timer.builder("search.queries")
            .description("Searches answered (API, RSS, Torznab), with their latency")
            .publishPercentileHistogram()
            .register(meters);
    this.repository = repository;
    this.properties = properties;
    this.volume = volume;
    this.clock = Clock.systemUTC();
  }

  public SearchResult search(SearchCriteria c) {
    volume.count();
    return latency.record(() -> searchUntimed(c));
  }

  private SearchResult searchUntimed(SearchCriteria c) {
    int limit = Math.clamp(c.limit(), 1, properties.maxPageSize());
    int offset = Math.clamp(c.offset(), 0, MAX_OFFSET);
    ParsedQuery parsed = QueryParser.parse(c.query());

    List<Long> categoryIds = null;
    if (!c.categories().isEmpty()) {
      categoryIds = categoryIds(c.categories());
      if (categoryIds.isEmpty()) {
        return new SearchResult(List.of(), 0);
      }
    }
    List<Long> excluded =
        c.excludedCategories().isEmpty() ? List.of() : categoryIds(c.excludedCategories());
    String positive = parsed.positiveTsQuery(Map.of());
    SearchFilter filter = filter(c, parsed, positive, categoryIds, excluded);

    boolean byRelevance = c.sort() == SortField.RELEVANCE && positive != null;
    SearchResult result = run(filter, byRelevance, c.sort(), c.order(), offset, limit);
    if (result.total() == 0 && properties.corrections() > 0) {
      List<String> words = parsed.correctableWords();
      if (!words.isEmpty()) {
        Map<String, List<String>> corrections =
            repository.corrections(words, properties.corrections());
        if (!corrections.isEmpty()) {
          SearchFilter corrected = filter.withPositive(parsed.positiveTsQuery(corrections));
          result = run(corrected, byRelevance, c.sort(), c.order(), offset, limit);
        }
      }
    }
    return result;
  }

  /**
   * Facet counts of the release fields over the matches, at most {@link
   * SearchProperties#facetCandidates} of them.
   */
  public Facets facets(SearchCriteria c) {
    ParsedQuery parsed = QueryParser.parse(c.query());
    List<Long> categoryIds = null;
    if (!c.categories().isEmpty()) {
      categoryIds = categoryIds(c.categories());
      if (categoryIds.isEmpty()) {
        return Facets.EMPTY;
      }
    }
    List<Long> excluded =
        c.excludedCategories().isEmpty() ? List.of() : categoryIds(c.excludedCategories());
    SearchFilter filter =
        filter(c, parsed, parsed.positiveTsQuery(Map.of()), categoryIds, excluded);
    return repository.facets(filter, properties.facetCandidates(), FACET_VALUES);
  }

  /**
   * The text of a search compiled as {@link #search} compiles it (no typo corrections: those depend
   * on what the whole catalogue holds at query time), for evaluating it later against one document.
   */
  public static CompiledQuery compile(SearchCriteria c) {
    ParsedQuery parsed = QueryParser.parse(c.query());
    List<CompiledQuery.RequiredClause> required = new ArrayList<>();
    for (ParsedQuery.Clause clause : parsed.clauses()) {
      if (clause.negated()) {
        continue;
      }
      String tsquery = new ParsedQuery(List.of(clause), null).positiveTsQuery(Map.of());
      required.add(
          new CompiledQuery.RequiredClause(
              tsquery,
              clause.alternatives().stream()
                  .map(
                      term ->
                          new CompiledQuery.Alternative(
                              term.tokens().getFirst(), term.prefix() && term.tokens().size() == 1))
                  .toList()));
    }
    return new CompiledQuery(
        parsed.positiveTsQuery(Map.of()),
        parsed.negativeTsQuery(),
        episodeQuery(c.season(), c.episode()),
        parsed.hash() != null,
        List.copyOf(required));
  }

  /** The live torrents of these ids, in the order given (gone ones left out). */
  public List<SearchHit> hits(List<Long> ids) {
    return ids.isEmpty() ? List.of() : repository.hits(ids);
  }

  /** All categories known to the read model. */
  public List<CategoryView> categories() {
    CategoryCache cache = categoryCache;
    if (cache.loadedAt().plus(properties.categoryCacheTtl()).isBefore(clock.instant())) {
      cache = reloadCategories();
    }
    return cache.categories();
  }

  private SearchResult run(
      SearchFilter filter,
      boolean byRelevance,
      SortField sort,
      SortOrder order,
      int offset,
      int limit) {
    int cap = properties.countCap();
    List<SearchHit> items;
    @Nullable Long known = null;
    if (byRelevance) {
      CandidatePage page = relevancePage(filter, offset, limit);
      items = page.items();
      known = page.total(cap);
    } else if (sort == SortField.SEEDERS && order == SortOrder.DESC && filter.positive() != null) {
      // Read from the seeders bands like the relevance window: a walk of the seeders index that
      // filters on the text, or a visit to every match, costs far more for all but common words.
      CandidatePage page = repository.bestSeeded(filter, offset, limit, cap);
      items = page.items();
      known = page.total(cap);
    } else {
      SortField column = sort == SortField.RELEVANCE ? SortField.CREATED : sort;
      SortOrder direction = sort == SortField.RELEVANCE ? SortOrder.DESC : order;
      items = repository.page(filter, column, direction, offset, limit);
    }
    long total;
    if (!items.isEmpty() && items.size() < limit) {
      total = (long) offset + items.size();
    } else if (items.isEmpty() && offset == 0) {
      total = 0;
    } else if (known != null) {
      total = known;
    } else {
      total = repository.count(filter, cap);
    }
    return new SearchResult(items, total);
  }

  /**
   * The window of best-seeded matches ranked by relevance, then the remaining matches by seeders: a
   * position at or beyond the window is the same position of the seeders order.
   */
  private CandidatePage relevancePage(SearchFilter filter, int offset, int limit) {
    int window = properties.relevanceWindow();
    if (offset + limit <= window) {
      return repository.relevance(filter, window, offset, limit);
    }
    int cap = properties.countCap();
    if (offset >= window) {
      return repository.bestSeeded(filter, offset, limit, cap);
    }
    CandidatePage ranked = repository.relevance(filter, window, offset, window - offset);
    if (ranked.items().size() < window - offset) {
      return ranked;
    }
    CandidatePage rest = repository.bestSeeded(filter, window, offset + limit - window, cap);
    List<SearchHit> items = new ArrayList<>(ranked.items());
    items.addAll(rest.items());
    return new CandidatePage(items, rest.candidates(), rest.candidateLimit());
  }

  private List<Long> categoryIds(List<String> slugs) {
    List<Long> ids = resolve(categories(), slugs);
    if (ids.size() < slugs.size()) {
      // Perhaps a category that appeared since the cache was loaded.
      ids = resolve(reloadCategories().categories(), slugs);
    }
    return ids;
  }

  private static List<Long> resolve(List<CategoryView> categories, List<String> slugs) {
    List<Long> ids = new ArrayList<>();
    for (String slug : slugs) {
      for (CategoryView category : categories) {
        if (category.slug().equalsIgnoreCase(slug.strip()) && !ids.contains(category.id())) {
          ids.add(category.id());
        }
      }
    }
    return ids;
  }

  private CategoryCache reloadCategories() {
    CategoryCache cache = new CategoryCache(repository.categories(), clock.instant());
    categoryCache = cache;
    return cache;
  }

  /**
   * For rows indexed before release fields existed only (the read model has no release for them
   * until torrent-service's backfill reaches them): {@code S01E05}-style titles of that season and
   * episode, and for season 1 (or none) absolute numbering such as {@code - 05}; see {@link
   * SearchText#releaseMarkers}.
   */
  static @Nullable String episodeQuery(@Nullable Integer season, @Nullable Integer episode) {
    if (season == null && episode == null) {
      return null;
    }
    if (episode == null) {
      String query = ParsedQuery.lexeme(SearchText.seasonMarker(season), false);
      return season == 1 ? "( " + query + " | " + ParsedQuery.lexeme("ep.", true) + " )" : query;
    }
    if (season == null) {
      return ParsedQuery.lexeme(SearchText.episodeMarker(episode), false);
    }
    String query = ParsedQuery.lexeme(SearchText.seasonEpisodeMarker(season, episode), false);
    return season == 1
        ? "( "
            + query
            + " | "
            + ParsedQuery.lexeme(SearchText.absoluteMarker(episode), false)
            + " )"
        : query;
  }

  private static SearchFilter filter(
      SearchCriteria c,
      ParsedQuery parsed,
      String positive,
      List<Long> categoryIds,
      List<Long> excluded) {
    return new SearchFilter(
        positive,
        parsed.negativeTsQuery(),
        parsed.hash(),
        categoryIds,
        excluded,
        c.tags().stream().map(tag -> tag.toLowerCase(Locale.ROOT)).distinct().toList(),
        c.uploader() == null || c.uploader().isBlank() ? null : c.uploader().strip(),
        c.minSize(),
        c.maxSize(),
        c.createdFrom(),
        c.createdTo(),
        c.minSeeders(),
        c.season(),
        c.episode(),
        episodeQuery(c.season(), c.episode()),
        c.release());
  }
}
