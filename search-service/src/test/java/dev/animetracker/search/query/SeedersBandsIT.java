package dev.animetracker.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.SearchTestSupport;
import dev.animetracker.search.api.SearchRequest;
import dev.animetracker.search.index.ReadModelWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Searches read band by band from the seeders-band indexes must give exactly what reading every
 * match would: the relevance window is the {@code relevance-window} best-seeded matches ranked by
 * {@code ts_rank}, then the rest by seeders; a best-seeded page is the seeders order; totals are
 * those counting reports. The expectations are computed here from all matches at once. A small
 * window (and cap) makes 150 torrents spread over every band enough to cross it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(
    properties = {
      "animetracker.search.relevance-window=" + SeedersBandsIT.WINDOW,
      "animetracker.search.count-cap=" + SeedersBandsIT.WINDOW
    })
class SeedersBandsIT extends SearchTestSupport {

  static final int WINDOW = 100;
  private static final int TORRENTS = 150;

  /** Values on, below and above every band bound, repeated so that ties need the id. */
  private static final int[] SEEDERS = {
    0, 0, 1, 1, 2, 3, 4, 7, 8, 9, 15, 16, 31, 32, 33, 63, 64, 127, 128, 200, 255, 256, 257, 5000
  };

  @Autowired SearchService searchService;
  @Autowired SearchProperties properties;
  @Autowired JdbcClient jdbc;

  private final String word = uniqueWord("band");
  private final String fewWord = uniqueWord("few");

  /** One match as counting every match sees it. */
  private record Match(long id, int seeders, float rank, long categoryId, List<String> tags) {}

  @BeforeAll
  void catalogue() {
    List<TorrentSnapshot> torrents = new ArrayList<>();
    for (int i = 0; i < TORRENTS; i++) {
      String extra = i % 7 == 0 ? " " + fewWord : "";
      // The word in the title, in a tag or only in the description: three ranks, many ties.
      TorrentSnapshot s =
          snapshot(
              "release " + (i % 3 == 0 ? word + " " : "") + i + extra,
              i % 2 == 0 ? ANIME : MANGA,
              tags(i),
              uniqueWord("up"));
      if (i % 3 == 2) {
        s = with(s, s.title(), "mentions " + word, s.size(), s.createdAt(), 1);
      }
      torrents.add(s);
    }
    index(torrents.toArray(TorrentSnapshot[]::new));
    List<ReadModelWriter.Stats> stats = new ArrayList<>();
    for (int i = 0; i < TORRENTS; i++) {
      // A spread that is not the id order, so that seeders order and id order differ.
      int seeders = SEEDERS[(i * 7) % SEEDERS.length];
      stats.add(
          new ReadModelWriter.Stats(torrents.get(i).infoHash(), seeders, 0, 0, Instant.now()));
    }
    writer.stats(stats);
  }

  /** The word as a tag for a third; tags of several words, with a number, for others. */
  private List<String> tags(int i) {
    List<String> tags = new ArrayList<>();
    if (i % 3 == 1) {
      tags.add(word);
    }
    if (i % 4 == 0) {
      tags.add("Slice of Life");
    }
    if (i % 5 == 0) {
      tags.add("Season 02");
    }
    return tags;
  }

  @Test
  void everyBandHasAnIndexWithExactlyItsCondition() {
    for (int band = 0; band < SearchRepository.SEEDER_BANDS.size(); band++) {
      String index = "torrent_doc_tsv_s" + SearchRepository.SEEDER_BANDS.get(band);
      String predicate =
          jdbc.sql(
                  "select pg_get_expr(i.indpred, i.indrelid) from pg_index i"
                      + " where i.indexrelid = cast(:index as regclass)")
              .param("index", index)
              .query(String.class)
              .single();
      // pg_get_expr writes "(live AND (seeders >= 8) AND (seeders < 16))".
      String expected =
          "(live AND "
              + String.join(
                  " AND ",
                  List.of(SearchRepository.bandCondition(band).split(" and ")).stream()
                      .map(part -> "(" + part.replace("d.", "") + ")")
                      .toList())
              + ")";
      assertThat(predicate).as(index).isEqualTo(expected);
    }
  }

  @Test
  void relevanceRanksTheBestSeededWindowThenFollowsBySeeders() {
    List<Match> matches = matches(word, m -> true);
    assertThat(matches).hasSize(TORRENTS);
    List<Long> expected = relevanceOrder(matches);
    List<Long> paged = new ArrayList<>();
    for (int page = 0; page < 4; page++) {
      SearchResult result = find("q", word, "size", "40", "page", "" + page);
      // 150 matches: full pages report the cap, the last one (120..149) its own end.
      assertThat(result.total()).as("page %d", page).isEqualTo(page < 3 ? WINDOW : TORRENTS);
      result.items().forEach(hit -> paged.add(hit.id()));
    }
    assertThat(paged).isEqualTo(expected);
    // A page inside the window and one only in the tail agree with the same order.
    assertThat(ids(find("q", word, "size", "7", "page", "3"))).isEqualTo(expected.subList(21, 28));
    assertThat(ids(find("q", word, "size", "10", "page", "12")))
        .isEqualTo(expected.subList(120, 130));
  }

  @Test
  void bestSeededPagesFollowTheSeedersOrder() {
    List<Long> expected = matches(word, m -> true).stream().map(Match::id).toList();
    List<Long> paged = new ArrayList<>();
    for (int page = 0; page < 4; page++) {
      SearchResult result = find("q", word, "sort", "seeders", "size", "40", "page", "" + page);
      assertThat(result.total()).as("page %d", page).isEqualTo(page < 3 ? WINDOW : TORRENTS);
      result.items().forEach(hit -> paged.add(hit.id()));
    }
    assertThat(paged).isEqualTo(expected);
  }

  @Test
  void filtersApplyInsideTheBands() {
    List<Match> seeded = matches(word, m -> m.seeders() >= 9);
    assertThat(ids(find("q", word, "minSeeders", "9", "size", "100")))
        .isEqualTo(relevanceOrder(seeded));
    assertThat(find("q", word, "minSeeders", "9", "size", "100").total()).isEqualTo(seeded.size());
    List<Match> manga = matches(word, m -> m.categoryId() == MANGA.id());
    assertThat(ids(find("q", word, "category", "manga", "size", "100")))
        .isEqualTo(relevanceOrder(manga));
    assertThat(ids(find("q", word, "category", "manga", "sort", "seeders", "size", "100")))
        .isEqualTo(manga.stream().map(Match::id).toList());
    // Tags narrow the text index by their words; the tag itself still decides.
    List<Match> tagged =
        matches(word, m -> m.tags().containsAll(List.of("slice-of-life", "season-02")));
    assertThat(tagged).isNotEmpty();
    assertThat(ids(find("q", word, "tag", "Slice of Life", "tag", "season-02", "size", "100")))
        .isEqualTo(relevanceOrder(tagged));
    List<Match> slice = matches(word, m -> m.tags().contains("slice-of-life"));
    assertThat(ids(find("q", word, "tag", "slice_of_life", "sort", "seeders", "size", "100")))
        .isEqualTo(slice.stream().map(Match::id).toList());
    // "Season 02" has the word 2 (leading zero dropped), which many titles have too.
    List<Match> season = matches(word, m -> m.tags().contains("season-02"));
    assertThat(find("q", word, "tag", "Season 02", "sort", "created", "size", "10").total())
        .isEqualTo(season.size());
  }

  @Test
  void theWindowTellsTheTotalWithoutCounting() {
    List<Match> few = matches(fewWord, m -> true);
    assertThat(few).hasSizeGreaterThan(10).hasSizeLessThan(WINDOW);
    SearchCriteria criteria = criteria("q", fewWord, "size", "10");
    SqlTrace.Traced<SearchResult> traced = SqlTrace.trace(() -> searchService.search(criteria));
    assertThat(traced.result().total()).isEqualTo(few.size());
    assertThat(ids(traced.result())).isEqualTo(relevanceOrder(few).subList(0, 10));
    assertThat(traced.statements()).as("no count statement").hasSize(1);
    // Past the last match: nothing to tell the total from, so it is counted.
    SqlTrace.Traced<SearchResult> beyond =
        SqlTrace.trace(() -> searchService.search(criteria("q", fewWord, "page", "5")));
    assertThat(beyond.result().items()).isEmpty();
    assertThat(beyond.result().total()).isEqualTo(few.size());
  }

  @Test
  void countingReadsTheBandsUpToTheCap() {
    // Sorted by date, a full page is counted: band by band, stopping at the cap.
    SqlTrace.Traced<SearchResult> capped =
        SqlTrace.trace(() -> searchService.search(criteria("q", word, "sort", "created")));
    assertThat(capped.statements()).hasSize(2);
    assertThat(capped.result().total()).isEqualTo(WINDOW);
    int seeded = matches(word, m -> m.seeders() >= 9).size();
    assertThat(seeded).isLessThan(WINDOW);
    assertThat(find("q", word, "sort", "created", "minSeeders", "9", "size", "10").total())
        .isEqualTo(seeded);
    int manga = matches(word, m -> m.categoryId() == MANGA.id()).size();
    assertThat(find("q", word, "sort", "size", "category", "manga", "size", "10").total())
        .isEqualTo(manga);
  }

  /** Every match of the word, best-seeded first (seeders desc, id desc), with its rank. */
  private List<Match> matches(String text, Predicate<Match> filter) {
    return jdbc
        .sql(
            "select id, seeders, ts_rank(tsv, cast(:q as tsquery), 1) as rank, category_id,"
                + " tag_slugs"
                + " from torrent_doc where live and tsv @@ cast(:q as tsquery)")
        .param("q", "'" + text + "':*")
        .query(
            (rs, n) ->
                new Match(
                    rs.getLong("id"),
                    rs.getInt("seeders"),
                    rs.getFloat("rank"),
                    rs.getLong("category_id"),
                    List.of((String[]) rs.getArray("tag_slugs").getArray())))
        .list()
        .stream()
        .filter(filter)
        .sorted(Comparator.comparingInt(Match::seeders).thenComparingLong(Match::id).reversed())
        .toList();
  }

  /** The documented order: the window ranked, ties by seeders then id; the rest as they are. */
  private static List<Long> relevanceOrder(List<Match> bySeeders) {
    int window = Math.min(WINDOW, bySeeders.size());
    List<Match> ranked = new ArrayList<>(bySeeders.subList(0, window));
    ranked.sort(
        Comparator.comparingDouble((Match m) -> m.rank())
            .thenComparingInt(Match::seeders)
            .thenComparingLong(Match::id)
            .reversed());
    List<Long> order = new ArrayList<>(ranked.stream().map(Match::id).toList());
    bySeeders.subList(window, bySeeders.size()).forEach(m -> order.add(m.id()));
    return order;
  }

  private SearchResult find(String... pairs) {
    return searchService.search(criteria(pairs));
  }

  private SearchCriteria criteria(String... pairs) {
    LinkedMultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.add(pairs[i], pairs[i + 1]);
    }
    return SearchRequest.parse(params, properties).criteria();
  }

  private static List<Long> ids(SearchResult result) {
    return result.items().stream().map(SearchHit::id).toList();
  }
}
