package dev.animetracker.search.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.api.SearchRequest;
import dev.animetracker.search.query.CompiledQuery;
import dev.animetracker.search.query.SearchCriteria;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** How a saved search is keyed for the matcher: by its rarest required condition. */
class SavedSearchTests {

  private static final SearchProperties PROPERTIES =
      new SearchProperties(
          URI.create("http://127.0.0.1:1"),
          List.of("http://t/announce"),
          500,
          Duration.ofSeconds(1),
          Duration.ofSeconds(1),
          300,
          50,
          100,
          1000,
          1000,
          3,
          Duration.ofSeconds(10),
          1000);

  private static SearchCriteria criteria(String... pairs) {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.add(pairs[i], pairs[i + 1]);
    }
    return SearchRequest.parse(params, PROPERTIES).criteria();
  }

  /** Counts from a table: the condition's value decides. */
  private static SavedSearch.Estimator counts(Map<String, Long> byValue) {
    return (condition, value) -> byValue.getOrDefault(String.valueOf(value), 1_000L);
  }

  @Test
  void theRarestClauseIsTheAnchor() {
    SavedSearch saved =
        SavedSearch.of(
            criteria("q", "sousou frieren 1080p"),
            true,
            counts(Map.of("'sousou':*", 50L, "'frieren':*", 40L, "'1080p'", 900L)));
    assertThat(saved.anchor()).containsExactly("p:frieren");
  }

  @Test
  void alternativesAreAllKeysOfTheirClause() {
    SavedSearch saved = SavedSearch.of(criteria("q", "frieren|bocchi"), true, counts(Map.of()));
    assertThat(saved.anchor()).containsExactly("p:frieren", "p:bocchi");
  }

  @Test
  void exactWordsAndShortPrefixes() {
    assertThat(SavedSearch.key(new CompiledQuery.Alternative("1080p", false))).isEqualTo("1080p");
    assertThat(SavedSearch.key(new CompiledQuery.Alternative("fri", true))).isEqualTo("p:fri");
    assertThat(SavedSearch.key(new CompiledQuery.Alternative("葬", true))).isNull();
    // A clause with an unkeyable alternative is no anchor; the filter is.
    SavedSearch saved =
        SavedSearch.of(criteria("q", "葬", "group", "SubsPlease"), true, counts(Map.of()));
    assertThat(saved.anchor()).containsExactly("@g:subsplease");
  }

  @Test
  void filtersAnchorAndNothingKeyableMeansEveryDocument() {
    assertThat(
            SavedSearch.of(
                    criteria("q", "frieren", "uploader", "Erai"),
                    true,
                    counts(Map.of("erai", 3L, "'frieren':*", 40L)))
                .anchor())
        .containsExactly("@u:erai");
    assertThat(SavedSearch.of(criteria("subs", "en"), true, counts(Map.of())).anchor())
        .containsExactly("@sub:en", "@sub:multi");
    assertThat(
            SavedSearch.of(criteria("q", "-raw", "batch", "true"), true, counts(Map.of())).anchor())
        .containsExactly(SavedSearch.ANY);
    // Unknown category slugs key nothing.
    assertThat(SavedSearch.of(criteria("category", "nope"), false, counts(Map.of())).anchor())
        .containsExactly(SavedSearch.ANY);
  }

  @Test
  void theSummaryNamesTheSetFields() {
    SavedSearch saved =
        SavedSearch.of(
            criteria("q", "frieren", "group", "SubsPlease", "season", "2"), true, counts(Map.of()));
    assertThat(saved.summary()).isEqualTo("frieren · SubsPlease · season: 2");
    assertThat(saved.query()).containsOnlyKeys("q", "group", "season");
  }
}
