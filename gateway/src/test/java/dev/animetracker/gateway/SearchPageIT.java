package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/** The start page (browse + search) against a stub search-service and torrent-service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SearchPageIT {

  static final ServiceStubs stubs = new ServiceStubs();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
    // Short, so the slow-service test does not wait ten seconds.
    registry.add("animetracker.gateway.timeouts.response", () -> "1s");
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    stubs.torrents.answer("GET /api/categories", r -> Answer.json(200, categories()));
    stubs.torrents.answer(
        "GET /api/tags",
        r ->
            Answer.json(
                200,
                "[{\"id\":1,\"slug\":\"1080p\",\"name\":\"1080p\",\"count\":7},"
                    + "{\"id\":2,\"slug\":\"hevc\",\"name\":\"HEVC\",\"count\":2}]"));
    stubs.search.answer(
        "GET /api/search", r -> Answer.json(200, results(2, hit(5, "Frieren S01 1080p"))));
    client = stubs.client(port);
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  // --- what is forwarded ---

  @Test
  void everyFilterSortAndPageIsForwardedWithTheLanguage() {
    client
        .get()
        .uri(
            "/?q={q}&category=anime-eng&category=-music-ost&tag={tags}&tag=1080p&uploader=erin"
                + "&minSize=1.5GiB&maxSize=4GiB&from=2024-01-01&to=2025-12-31&minSeeders=3"
                + "&sort=seeders&order=asc&page=3&lang=en",
            "frieren 1080p",
            "1080p, hevc")
        .exchange()
        .expectStatus()
        .isOk();
    StubServer.Recorded seen = stubs.search.requestsTo("/api/search").getLast();
    MultiValueMap<String, String> forwarded = decoded(seen.query());
    assertThat(forwarded.get("q")).containsExactly("frieren 1080p");
    assertThat(forwarded.get("category")).containsExactly("anime-eng", "-music-ost");
    assertThat(forwarded.get("tag")).containsExactly("1080p", "hevc");
    assertThat(forwarded.get("uploader")).containsExactly("erin");
    assertThat(forwarded.get("minSize")).containsExactly("1.5GiB");
    assertThat(forwarded.get("maxSize")).containsExactly("4GiB");
    assertThat(forwarded.get("from")).containsExactly("2024-01-01");
    assertThat(forwarded.get("to")).containsExactly("2025-12-31");
    assertThat(forwarded.get("minSeeders")).containsExactly("3");
    assertThat(forwarded.get("sort")).containsExactly("seeders");
    assertThat(forwarded.get("order")).containsExactly("asc");
    // The UI's ?page= is 1-based, the API's 0-based.
    assertThat(forwarded.get("page")).containsExactly("2");
    assertThat(forwarded.get("size")).containsExactly("50");
    assertThat(forwarded).doesNotContainKey("lang");
    assertThat(seen.headers().getFirst("Accept-Language")).isEqualTo("en");
  }

  @Test
  void releaseFiltersAreForwardedAndShownFilledIn() {
    String page =
        client
            .get()
            .uri(
                "/?group=SubsPlease&resolution=1080p&source=WEB&season=2&episode=5&batch=true"
                    + "&subs=en&filter=2")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    MultiValueMap<String, String> forwarded =
        decoded(stubs.search.requestsTo("/api/search").getLast().query());
    assertThat(forwarded.get("group")).containsExactly("SubsPlease");
    assertThat(forwarded.get("resolution")).containsExactly("1080p");
    assertThat(forwarded.get("source")).containsExactly("WEB");
    assertThat(forwarded.get("season")).containsExactly("2");
    assertThat(forwarded.get("episode")).containsExactly("5");
    assertThat(forwarded.get("batch")).containsExactly("true");
    assertThat(forwarded.get("subs")).containsExactly("en");
    assertThat(forwarded.get("filter")).containsExactly("2");
    assertThat(page)
        .containsPattern("id=\"search-group\"[^>]*value=\"SubsPlease\"")
        .containsPattern("<option value=\"2\"\\s+selected")
        .containsPattern("class=\"collapse show\"[^>]*id=\"search-advanced\"")
        .contains(">Показывать<", ">Только доверенные<");
  }

  @Test
  void theFooterAndActuatorInfoShowTheBuiltVersion() throws Exception {
    java.util.Properties build = new java.util.Properties();
    try (var in = getClass().getResourceAsStream("/META-INF/build-info.properties")) {
      assertThat(in).as("build-info.properties from the Maven build").isNotNull();
      build.load(in);
    }
    String version = build.getProperty("build.version");
    assertThat(version).isNotBlank();
    String page =
        client
            .get()
            .uri("/")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(page).contains("data-testid=\"version\">" + version + "</span>");
    client
        .get()
        .uri("/actuator/info")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.build.version")
        .isEqualTo(version);
  }

  @Test
  void plainStartPageAsksForTheFirstPageInRussianWithoutFilters() {
    client.get().uri("/").exchange().expectStatus().isOk();
    StubServer.Recorded seen = stubs.search.requestsTo("/api/search").getLast();
    MultiValueMap<String, String> forwarded = decoded(seen.query());
    assertThat(forwarded.keySet()).containsExactlyInAnyOrder("page", "size");
    assertThat(forwarded.getFirst("page")).isEqualTo("0");
    assertThat(seen.headers().getFirst("Accept-Language")).isEqualTo("ru");
  }

  @Test
  void searchTextWithUrlSyntaxReachesTheServiceIntact() {
    String hostile = "naruto & \"boruto\" +100% #1 a=b";
    client.get().uri("/?q={q}&tag={t}", hostile, "a&b").exchange().expectStatus().isOk();
    MultiValueMap<String, String> forwarded =
        decoded(stubs.search.requestsTo("/api/search").getLast().query());
    assertThat(forwarded.get("q")).containsExactly(hostile);
    assertThat(forwarded.get("tag")).containsExactly("a&b");
    assertThat(forwarded.keySet()).doesNotContain("b");
  }

  // --- the table ---

  @Test
  void trustedRowsAreGreenAndRemakesRedAsOnNyaa() {
    stubs.search.answer(
        "GET /api/search",
        r ->
            Answer.json(
                200,
                results(
                    3,
                    flagged(hit(5, "Trusted release"), "\"trusted\":true,\"remake\":false"),
                    flagged(hit(6, "Remade release"), "\"trusted\":true,\"remake\":true"),
                    hit(7, "Plain release"))));
    String html =
        client
            .get()
            .uri("/")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(html)
        .containsPattern("data-torrent-id=\"5\"[^>]*class=\"table-success\"")
        .containsPattern("data-torrent-id=\"6\"[^>]*class=\"table-danger\"")
        .doesNotContainPattern("data-torrent-id=\"7\"[^>]*class=\"table-")
        .contains("title=\"Доверенный релизер\"", "title=\"Ремейк чужого релиза\"");
  }

  @Test
  void facetCountsAreLinksThatNarrowTheSearch() {
    stubs.search.answer(
        "GET /api/search",
        r ->
            Answer.json(
                200,
                "{\"items\":["
                    + hit(5, "Frieren")
                    + "],\"page\":0,\"size\":50,\"total\":1,\"facets\":{\"group\":"
                    + "[{\"value\":\"SubsPlease\",\"count\":7}],\"resolution\":[],"
                    + "\"source\":[],\"subs\":[],\"batch\":[{\"value\":\"true\",\"count\":2}]}}"));
    String html =
        client
            .get()
            .uri("/?q=frieren")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(html)
        .contains("href=\"/?q=frieren&amp;group=SubsPlease\"", "SubsPlease · 7")
        .contains("href=\"/?q=frieren&amp;batch=true\"", "Только паки · 2")
        .doesNotContain("data-facet=\"resolution\"");
  }

  private static String flagged(String hit, String flags) {
    return hit.substring(0, hit.length() - 1) + "," + flags + "}";
  }

  @Test
  void tableShowsCountsLinksAndBadgesInRussian() {
    stubs.search.answer(
        "GET /api/search",
        r ->
            Answer.json(
                200,
                results(
                    2, hit(5, "Frieren S01 1080p", 12, 3, 40, 2), hit(6, "Mushishi", 0, 7, 1, 0))));
    client
        .get()
        .uri("/?q=frieren")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html -> {
              assertThat(html)
                  .contains("lang=\"ru\"", "data-testid=\"search-form\"", "data-testid=\"listing\"")
                  .contains("Сиды", "Личи", "Найдено: 2")
                  .contains("value=\"frieren\"");
              String first = row(html, 5);
              assertThat(first)
                  .contains("href=\"/torrents/5\"", ">Frieren S01 1080p<")
                  .containsPattern("listing-seeders\"[^>]*>12<")
                  .containsPattern("listing-leechers\"[^>]*>3<")
                  .containsPattern("listing-completed\"[^>]*>40<")
                  .containsPattern("(?s)data-testid=\"listing-comments\">.*<span>2</span>")
                  .contains("href=\"/torrents/5#comments\"")
                  .contains("1,5\u00a0ГиБ", "2025-03-05 14:03")
                  .contains("href=\"magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567\"")
                  // Anonymous: the download icon leads to a login that says why, then the torrent.
                  .contains("data-testid=\"listing-download-login\"")
                  .contains("href=\"/login?reason=download&amp;redirect=/torrents/5\"")
                  .doesNotContain("/api/torrents/5/download")
                  // The category badge filters by it, the tag badge adds the tag; q is kept.
                  .contains("href=\"/?q=frieren&amp;category=anime-eng\"", "Аниме: английский")
                  .contains("href=\"/?q=frieren&amp;tag=1080p\"");
              String second = row(html, 6);
              assertThat(second)
                  .containsPattern("listing-seeders\"[^>]*>0<")
                  .containsPattern("listing-leechers\"[^>]*>7<")
                  .doesNotContain("listing-comments");
              // Counts above zero in the theme's green/red, a zero plain (issue 14).
              assertThat(first).contains("class=\"col-count text-end count-seeders fw-semibold\"");
              assertThat(first).contains("class=\"col-count text-end count-leechers fw-semibold\"");
              assertThat(second).contains("class=\"col-count text-end count-zero\"");
            });
  }

  @Test
  void loggedInUsersGetTheDownloadLink() {
    client
        .get()
        .uri("/?lang=en")
        .cookie("AT", stubs.token("viewer"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(row(html, 5))
                    .contains("data-testid=\"listing-download\"")
                    .contains("href=\"/api/torrents/5/download\"")
                    .doesNotContain("listing-download-login"));
  }

  @Test
  void hostileTitlesTagsAndQueriesAreEscaped() {
    stubs.search.answer(
        "GET /api/search",
        r ->
            Answer.json(
                200,
                results(1, hit(9, "<script>alert(1)</script>", 1, 1, 1, 0))
                    .replace("\"name\":\"1080p\"", "\"name\":\"<img src=x onerror=alert(2)>\"")
                    .replace(
                        "magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567",
                        "javascript:alert(3)")));
    client
        .get()
        .uri("/?q={q}", "\"><script>alert(4)</script>")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .contains("&lt;img src=x onerror=alert(2)&gt;")
                    .contains("value=\"&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;\"")
                    .doesNotContain("<script>alert", "<img src=x", "javascript:alert(3)"));
  }

  @Test
  void sortHeadersFlipTheCurrentOrderKeepFiltersAndDropThePage() {
    client
        .get()
        .uri("/?q=frieren&category=anime-eng&sort=seeders&order=desc&page=2")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html -> {
              String seeders = element(html, "sort-seeders");
              assertThat(seeders)
                  .contains(
                      "href=\"/?q=frieren&amp;category=anime-eng&amp;sort=seeders&amp;order=asc\"")
                  .contains("data-sort-direction=\"desc\"");
              assertThat(html)
                  .containsPattern("aria-sort=\"descending\"[^>]*data-testid=\"header-seeders\"");
              assertThat(element(html, "sort-size"))
                  .contains(
                      "href=\"/?q=frieren&amp;category=anime-eng&amp;sort=size&amp;order=desc\"")
                  .doesNotContain("data-sort-direction");
              assertThat(element(html, "sort-title")).contains("sort=title&amp;order=asc\"");
              assertThat(element(html, "sort-created")).contains("sort=created&amp;order=desc\"");
              // With search text, a chosen order can go back to relevance.
              assertThat(element(html, "sort-relevance"))
                  .contains("href=\"/?q=frieren&amp;category=anime-eng\"");
              // A new search from the form keeps the order.
              assertThat(html)
                  .contains("name=\"sort\" value=\"seeders\"", "name=\"order\" value=\"desc\"");
            });

    client
        .get()
        .uri("/?sort=title&order=asc")
        .exchange()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(element(html, "sort-title"))
                    .contains("href=\"/?sort=title&amp;order=desc\"")
                    .contains("data-sort-direction=\"asc\""));
  }

  @Test
  void withoutSortTheArrowFollowsTheServiceDefault() {
    client
        .get()
        .uri("/")
        .exchange()
        .expectBody(String.class)
        .value(
            html -> {
              // Newest first without search text...
              assertThat(element(html, "sort-created"))
                  .contains("data-sort-direction=\"desc\"")
                  .contains("href=\"/?sort=created&amp;order=asc\"");
              assertThat(html).doesNotContain("data-testid=\"sort-relevance\"");
            });
    client
        .get()
        .uri("/?q=frieren")
        .exchange()
        .expectBody(String.class)
        // ...best matches first with it: no column is marked.
        .value(html -> assertThat(html).doesNotContain("data-sort-direction"));
  }

  @Test
  void pagerLinksKeepTheSearchAndTheTotalIsShown() {
    stubs.search.answer(
        "GET /api/search", r -> Answer.json(200, results(120, hit(5, "Frieren S01 1080p"))));
    client
        .get()
        .uri("/?q=frieren&tag=1080p&sort=size&order=asc&page=2&lang=en")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html -> {
              String base = "/?q=frieren&amp;tag=1080p&amp;sort=size&amp;order=asc&amp;page=";
              assertThat(element(html, "page-prev")).contains("href=\"" + base + "1\"");
              assertThat(element(html, "page-next")).contains("href=\"" + base + "3\"");
              assertThat(element(html, "page-3")).contains("href=\"" + base + "3\"");
              assertThat(element(html, "page-2")).contains("aria-current=\"page\"");
              assertThat(html).contains("data-testid=\"pager\"").doesNotContain("page-4\"");
              assertThat(element(html, "search-total")).isNotNull();
              assertThat(html).contains("120 found");
            });
    assertThat(decoded(stubs.search.requestsTo("/api/search").getLast().query()).getFirst("page"))
        .isEqualTo("1");
  }

  @Test
  void emptyResultSaysNothingWasFound() {
    stubs.search.answer("GET /api/search", r -> Answer.json(200, results(0)));
    client
        .get()
        .uri("/?q=nothing-like-this&lang=en")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("data-testid=\"search-empty\"", "Nothing found.")
                    .contains("0 found")
                    .doesNotContain("data-testid=\"listing-row\"", "data-testid=\"pager\""));
  }

  // --- the form ---

  @Test
  void formOffersCategoriesToIncludeOrExcludeAndSuggestsTags() {
    client
        .get()
        .uri("/?category=-music-ost&category=manga&tag=hevc&lang=en")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html -> {
              assertThat(html)
                  .contains("<option value=\"anime-eng\">Anime: English-translated</option>")
                  .contains(
                      "<option value=\"-anime-eng\">Except Anime: English-translated</option>")
                  .containsPattern(
                      "<option value=\"-music-ost\"\\s+selected=\"selected\">Except Music and OST<")
                  // The second category survives a new search from the form.
                  .contains("type=\"hidden\" name=\"category\" value=\"manga\"")
                  .contains("<option value=\"hevc\">HEVC</option>")
                  .containsPattern("data-testid=\"search-tag\"")
                  .contains("value=\"hevc\"");
              assertThat(html)
                  .containsPattern(
                      "href=\"/\\?category=manga&amp;tag=hevc\"[^>]*data-value=\"-music-ost\"");
              assertThat(html)
                  .containsPattern(
                      "href=\"/\\?category=-music-ost&amp;category=manga\"[^>]*data-value=\"hevc\"");
              // No advanced filter set: the panel starts closed.
              assertThat(element(html, "search-advanced")).doesNotContain("show");
            });
    assertThat(
            stubs
                .torrents
                .requestsTo("/api/categories")
                .getLast()
                .headers()
                .getFirst("Accept-Language"))
        .isEqualTo("en");
  }

  @Test
  void advancedFiltersKeepTheirValuesAndOpenThePanel() {
    client
        .get()
        .uri("/?uploader=erin&minSize=700MiB&from=2024-01-01&minSeeders=2")
        .exchange()
        .expectBody(String.class)
        .value(
            html -> {
              assertThat(element(html, "search-advanced")).contains("show");
              assertThat(element(html, "search-uploader")).contains("value=\"erin\"");
              assertThat(element(html, "search-minSize")).contains("value=\"700MiB\"");
              assertThat(element(html, "search-from"))
                  .contains("type=\"date\"", "value=\"2024-01-01\"");
              assertThat(element(html, "search-minSeeders"))
                  .contains("type=\"number\"", "value=\"2\"");
            });
  }

  // --- failures ---

  @Test
  void refusedParametersAreExplainedNextToTheForm() {
    stubs.search.answer(
        "GET /api/search",
        r ->
            Answer.problem(
                400,
                "validation-failed",
                ",\"detail\":\"Some fields are invalid.\","
                    + "\"errors\":{\"minSize\":\"not a size: lots\"}"));
    client
        .get()
        .uri("/?minSize=lots&lang=en")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody(String.class)
        .value(
            html -> {
              assertThat(element(html, "search-error")).isNotNull();
              assertThat(html)
                  .contains("Please check the search:", "Size from: Enter a number of bytes")
                  .doesNotContain("not a size")
                  .contains("data-testid=\"search-form\"")
                  .doesNotContain("data-testid=\"listing\"");
              assertThat(element(html, "search-minSize"))
                  .contains("is-invalid", "value=\"lots\"", "aria-invalid=\"true\"");
              assertThat(element(html, "search-minSize-error")).isNotNull();
              assertThat(html).contains("Enter a number of bytes or a number with a unit");
              assertThat(element(html, "search-advanced")).contains("show");
            });

    // The list shape of our validation problems, in Russian.
    stubs.search.answer(
        "GET /api/search",
        r ->
            Answer.problem(
                400,
                "validation-failed",
                ",\"errors\":[{\"field\":\"sort\",\"code\":\"invalid\",\"message\":\"unknown\"}]"));
    client
        .get()
        .uri("/?sort=nonsense")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("Проверьте параметры поиска:", "Сортировка: Такой сортировки нет.")
                    .doesNotContain("Exception", "unknown"));
  }

  @Test
  void downSearchServiceLeavesANoticeAndTheFormWorks() {
    stubs.search.answer(
        "GET /api/search",
        r -> new Answer(503, "application/problem+json", "{\"status\":503,\"trace\":\"boom\"}"));
    client
        .get()
        .uri("/?q=frieren&lang=en")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains(
                        "data-testid=\"search-unavailable\"", "Search is temporarily unavailable")
                    .contains("data-testid=\"search-form\"", "value=\"frieren\"")
                    .doesNotContain("data-testid=\"listing-row\"", "boom"));
  }

  @Test
  void slowSearchServiceTimesOutIntoTheNotice() {
    stubs.search.answer(
        "GET /api/search",
        r -> Answer.json(200, results(1, hit(5, "Too late"))).after(Duration.ofSeconds(4)));
    long start = System.nanoTime();
    client
        .get()
        .uri("/")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("data-testid=\"search-unavailable\"")
                    .doesNotContain("Too late"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  // --- helpers ---

  /** The query string as the service decodes it. */
  private static MultiValueMap<String, String> decoded(String query) {
    MultiValueMap<String, String> raw =
        UriComponentsBuilder.fromUriString("/?" + query).build().getQueryParams();
    MultiValueMap<String, String> values = new LinkedMultiValueMap<>();
    raw.forEach(
        (name, list) ->
            list.forEach(
                value ->
                    values.add(
                        name,
                        value == null ? "" : UriUtils.decode(value, StandardCharsets.UTF_8))));
    return values;
  }

  /** The start tag of the element with this test id. */
  private static String element(String html, String testId) {
    Matcher matcher =
        Pattern.compile("<[a-z]+\\b[^>]*data-testid=\"" + Pattern.quote(testId) + "\"[^>]*>")
            .matcher(html);
    assertThat(matcher.find()).as("element %s in the page", testId).isTrue();
    return matcher.group();
  }

  /** The table row of one torrent. */
  private static String row(String html, long id) {
    Matcher matcher =
        Pattern.compile("(?s)<tr[^>]*data-torrent-id=\"" + id + "\"[^>]*>.*?</tr>").matcher(html);
    assertThat(matcher.find()).as("row of torrent %s", id).isTrue();
    return matcher.group();
  }

  private static String categories() {
    return "[{\"id\":1,\"slug\":\"anime-eng\",\"name\":\"x\",\"nameRu\":\"Аниме: английский перевод\","
        + "\"nameEn\":\"Anime: English-translated\",\"torrentCount\":3},"
        + "{\"id\":2,\"slug\":\"music-ost\",\"name\":\"x\",\"nameRu\":\"Музыка и саундтреки\","
        + "\"nameEn\":\"Music and OST\",\"torrentCount\":0},"
        + "{\"id\":3,\"slug\":\"manga\",\"name\":\"x\",\"nameRu\":\"Манга\",\"nameEn\":\"Manga\","
        + "\"torrentCount\":0}]";
  }

  private static String hit(long id, String title) {
    return hit(id, title, 12, 3, 40, 2);
  }

  private static String hit(
      long id, String title, long seeders, long leechers, long completed, long comments) {
    String escaped = title.replace("\\", "\\\\").replace("\"", "\\\"");
    return "{\"id\":"
        + id
        + ",\"title\":\""
        + escaped
        + "\",\"category\":{\"slug\":\"anime-eng\",\"name\":\"Аниме: английский перевод\"},"
        + "\"tags\":[{\"slug\":\"1080p\",\"name\":\"1080p\"}],"
        + "\"uploader\":{\"id\":42,\"username\":\"uploader\"},"
        + "\"infoHash\":\"0123456789abcdef0123456789abcdef01234567\",\"infoHashV2\":null,"
        + "\"size\":1610612736,\"fileCount\":4,\"createdAt\":\"2025-03-05T14:03:00Z\","
        + "\"seeders\":"
        + seeders
        + ",\"leechers\":"
        + leechers
        + ",\"completed\":"
        + completed
        + ",\"downloads\":55,\"comments\":"
        + comments
        + ",\"magnetUri\":\"magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567\"}";
  }

  private static String results(long total, String... hits) {
    return "{\"items\":["
        + String.join(",", List.of(hits))
        + "],\"page\":0,\"size\":50,\"total\":"
        + total
        + "}";
  }
}
