package dev.animetracker.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class SearchQueryTests {

  @Test
  void repeatedAndCommaSeparatedListsAreSplitTrimmedAndDeduplicated() {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    params.add("category", "anime-eng, -music-ost");
    params.add("category", "anime-eng");
    params.add("tag", " 1080p ,, hevc");
    params.add("tag", "");
    SearchQuery query = SearchQuery.from(params);
    assertThat(query.categories()).containsExactly("anime-eng", "-music-ost");
    assertThat(query.tags()).containsExactly("1080p", "hevc");
  }

  @Test
  void blankValuesCountAsAbsentAndUnknownParametersAreIgnored() {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    params.add("q", "   ");
    params.add("minSize", "");
    params.add("page", "3");
    params.add("lang", "en");
    SearchQuery query = SearchQuery.from(params);
    assertThat(query.q()).isNull();
    assertThat(query.minSize()).isNull();
    assertThat(query.isEmpty()).isTrue();
    assertThat(query.parameters()).isEmpty();
  }

  @Test
  void parametersComeInAStableOrderWithRepeatedNames() {
    SearchQuery query =
        new SearchQuery(
            " frieren ",
            List.of("tv", "-manga"),
            List.of("1080p"),
            "erin",
            "1GiB",
            null,
            "2024-01-01",
            null,
            "2",
            "seeders",
            "asc",
            new SearchQuery.ReleaseFilters(
                "SubsPlease", "1080p", null, null, "5", "", "en", "0", null));
    assertThat(query.parameters())
        .containsExactly(
            Map.entry("q", "frieren"),
            Map.entry("category", "tv"),
            Map.entry("category", "-manga"),
            Map.entry("tag", "1080p"),
            Map.entry("uploader", "erin"),
            Map.entry("minSize", "1GiB"),
            Map.entry("from", "2024-01-01"),
            Map.entry("minSeeders", "2"),
            Map.entry("sort", "seeders"),
            Map.entry("order", "asc"),
            Map.entry("group", "SubsPlease"),
            Map.entry("resolution", "1080p"),
            Map.entry("episode", "5"),
            Map.entry("subs", "en"));
    assertThat(query.hasAdvancedFilters()).isTrue();
    assertThat(SearchQuery.NONE.withCategories(List.of()).parameters()).isEmpty();
    assertThat(
            SearchQuery.from(
                    new org.springframework.util.LinkedMultiValueMap<>(
                        Map.of("filter", List.of("2"), "batch", List.of("true"))))
                .parameters())
        .containsExactly(Map.entry("batch", "true"), Map.entry("filter", "2"));
    assertThat(query.withSort(null, null).parameters())
        .doesNotContain(Map.entry("sort", "seeders"), Map.entry("order", "asc"));
  }
}
