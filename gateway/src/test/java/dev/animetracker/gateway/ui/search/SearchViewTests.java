package dev.animetracker.gateway.ui.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.search.SearchQuery;
import dev.animetracker.gateway.ui.search.SearchView.CategoryOption;
import dev.animetracker.gateway.ui.support.FormErrors;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class SearchViewTests {

  @Test
  void headerOfTheCurrentSortFlipsItsOrderOthersStartInTheirNaturalOrder() {
    SearchView view = view(query("frieren", "seeders", "desc"));
    assertThat(view.sortUrl("seeders")).isEqualTo("/?q=frieren&sort=seeders&order=asc");
    assertThat(view.sortUrl("leechers")).isEqualTo("/?q=frieren&sort=leechers&order=desc");
    assertThat(view.sortUrl("title")).isEqualTo("/?q=frieren&sort=title&order=asc");
    assertThat(view.direction("seeders")).isEqualTo("desc");
    assertThat(view.ariaSort("seeders")).isEqualTo("descending");
    assertThat(view.direction("size")).isNull();
    assertThat(view.offersRelevance()).isTrue();
    assertThat(view.relevanceUrl()).isEqualTo("/?q=frieren");
  }

  @Test
  void withoutAChosenSortTextMeansRelevanceAndNoTextMeansNewestFirst() {
    assertThat(view(query("frieren", null, null)).sort()).isEqualTo("relevance");
    assertThat(view(query("frieren", null, null)).offersRelevance()).isFalse();
    SearchView browse = view(SearchQuery.NONE);
    assertThat(browse.sort()).isEqualTo("created");
    assertThat(browse.order()).isEqualTo("desc");
    assertThat(browse.sortUrl("created")).isEqualTo("/?sort=created&order=asc");
    // Only the order given: the sort's natural one is not assumed to be asked for.
    assertThat(view(query(null, "title", null)).order()).isEqualTo("asc");
    assertThat(view(query(null, "Title", "DESC")).direction("title")).isEqualTo("desc");
  }

  @Test
  void linksEncodeValuesStrictly() {
    SearchView view = view(query("a&b=c +1#x", null, null));
    assertThat(view.sortUrl("size")).isEqualTo("/?q=a%26b%3Dc%20%2B1%23x&sort=size&order=desc");
  }

  @Test
  void categoryAndTagBadgesNarrowTheSearchAndFilterBadgesRemoveOneValue() {
    SearchQuery query =
        new SearchQuery(
            "x",
            List.of("tv", "-manga"),
            List.of("1080p"),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            SearchQuery.ReleaseFilters.NONE);
    SearchView view = view(query);
    assertThat(view.categoryUrl("movie")).isEqualTo("/?q=x&category=movie&tag=1080p");
    assertThat(view.tagUrl("hevc"))
        .isEqualTo("/?q=x&category=tv&category=-manga&tag=1080p&tag=hevc");
    assertThat(view.tagUrl("1080p")).isEqualTo("/?q=x&category=tv&category=-manga&tag=1080p");
    assertThat(view.withoutCategoryUrl("-manga")).isEqualTo("/?q=x&category=tv&tag=1080p");
    assertThat(view.withoutTagUrl("1080p")).isEqualTo("/?q=x&category=tv&category=-manga");
    assertThat(view.selectedCategory()).isEqualTo("tv");
    assertThat(view.extraCategories()).containsExactly("-manga");
    assertThat(view.categoryLabel("-manga")).isEqualTo("Манга");
    assertThat(view.excluded("-manga")).isTrue();
    assertThat(view.excluded("-")).isFalse();
    assertThat(view.offersSelectedCategory()).isTrue();
    assertThat(view(query.withCategories(List.of("-gone"))).offersSelectedCategory()).isFalse();
  }

  private static SearchQuery query(
      @Nullable String q, @Nullable String sort, @Nullable String order) {
    return new SearchQuery(
        q,
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        sort,
        order,
        SearchQuery.ReleaseFilters.NONE);
  }

  private static SearchView view(SearchQuery query) {
    return new SearchView(
        query,
        List.of(new CategoryOption("tv", "Сериал"), new CategoryOption("manga", "Манга")),
        List.of(),
        null,
        false,
        new FormErrors(),
        List.of());
  }
}
