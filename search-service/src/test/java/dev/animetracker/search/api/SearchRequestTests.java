package dev.animetracker.search.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.common.web.FieldProblem;
import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.query.SearchCriteria;
import dev.animetracker.search.query.SortField;
import dev.animetracker.search.query.SortOrder;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

class SearchRequestTests {

  static final SearchProperties PROPERTIES =
      new SearchProperties(
          URI.create("http://127.0.0.1:8082"),
          List.of("http://t/announce"),
          500,
          Duration.ofSeconds(2),
          Duration.ofSeconds(30),
          300,
          50,
          100,
          1_000,
          1000,
          3,
          Duration.ofSeconds(10),
          1000);

  private static SearchRequest.Parsed parse(String... pairs) {
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      params.add(pairs[i], pairs[i + 1]);
    }
    return SearchRequest.parse(params, PROPERTIES);
  }

  private static List<String> badFields(String... pairs) {
    try {
      parse(pairs);
    } catch (InvalidSearchException e) {
      return e.errors().stream().map(FieldProblem::field).toList();
    }
    return List.of();
  }

  @Test
  void lengthLimitsTravelAsArgsSoTheSiteCanSayThemInItsLanguage() {
    assertThatThrownBy(() -> parse("q", "x".repeat(301), "group", "g".repeat(500)))
        .isInstanceOfSatisfying(
            InvalidSearchException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldProblem::field, FieldProblem::code, p -> p.args().get("max"))
                    .contains(
                        org.assertj.core.groups.Tuple.tuple("q", "Size", 300),
                        org.assertj.core.groups.Tuple.tuple(
                            "group", "Size", SearchRequest.MAX_NAME_LENGTH)));
  }

  @Test
  void defaultsFollowTheContract() {
    SearchCriteria none = parse().criteria();
    assertThat(none.sort()).isEqualTo(SortField.CREATED);
    assertThat(none.order()).isEqualTo(SortOrder.DESC);
    assertThat(none.limit()).isEqualTo(50);
    assertThat(none.offset()).isZero();
    SearchCriteria text = parse("q", "frieren", "page", "2", "size", "10").criteria();
    assertThat(text.sort()).isEqualTo(SortField.RELEVANCE);
    assertThat(text.offset()).isEqualTo(20);
    assertThat(parse("sort", "title").criteria().order()).isEqualTo(SortOrder.ASC);
    assertThat(parse("sort", "SEEDERS", "order", "Asc").criteria().order())
        .isEqualTo(SortOrder.ASC);
  }

  @Test
  void listsRepeatOrUseCommasAndDashExcludes() {
    SearchCriteria c =
        parse(
                "category",
                "anime-eng,-manga",
                "category",
                "music-ost",
                "tag",
                "Fantasy, Slice of Life")
            .criteria();
    assertThat(c.categories()).containsExactly("anime-eng", "music-ost");
    assertThat(c.excludedCategories()).containsExactly("manga");
    assertThat(c.tags()).containsExactly("fantasy", "slice-of-life");
  }

  @Test
  void sizesDatesAndSeeders() {
    SearchCriteria c =
        parse(
                "minSize", "700MB",
                "maxSize", "1.5GiB",
                "from", "2024-05-01",
                "to", "2024-05-31",
                "minSeeders", "3")
            .criteria();
    assertThat(c.minSize()).isEqualTo(700_000_000L);
    assertThat(c.maxSize()).isEqualTo(1_610_612_736L);
    assertThat(c.createdFrom()).isEqualTo(Instant.parse("2024-05-01T00:00:00Z"));
    assertThat(c.createdTo()).isEqualTo(Instant.parse("2024-05-31T23:59:59.999999Z"));
    assertThat(c.minSeeders()).isEqualTo(3);
    assertThat(SearchRequest.parseSize("12345")).isEqualTo(12345L);
    assertThat(parse("from", "2024-05-01T10:00:00Z").criteria().createdFrom())
        .isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
  }

  @Test
  void everyBadFieldIsReported() {
    assertThat(badFields("sort", "name", "order", "up", "page", "-1", "size", "101"))
        .containsExactly("sort", "order", "size", "page");
    assertThat(badFields("size", "0")).containsExactly("size");
    assertThat(badFields("minSize", "big", "maxSize", "-5")).containsExactly("minSize", "maxSize");
    assertThat(badFields("minSize", "2GB", "maxSize", "1GB")).containsExactly("maxSize");
    assertThat(badFields("from", "yesterday", "to", "2024-13-01")).containsExactly("from", "to");
    assertThat(badFields("minSeeders", "x")).containsExactly("minSeeders");
    assertThat(badFields("q", "x".repeat(301))).containsExactly("q");
    assertThat(badFields("page", "99999999999")).containsExactly("page");
    assertThat(badFields("page", "100000", "size", "100")).containsExactly("page");
    assertThat(badFields("category", "c".repeat(5000))).containsExactly("category");
    assertThat(badFields("minSize", "1e999")).containsExactly("minSize");
  }

  @Test
  void nulBytesAreStripped() {
    assertThat(parse("q", "fri\u0000eren").criteria().query()).isEqualTo("frieren");
    assertThat(parse("q", "\u0000").criteria().query()).isNull();
  }

  @Test
  void badInputIsAProblemNotACrash() {
    assertThatThrownBy(() -> parse("size", "abc"))
        .isInstanceOf(InvalidSearchException.class)
        .hasMessageContaining("size");
  }
}
