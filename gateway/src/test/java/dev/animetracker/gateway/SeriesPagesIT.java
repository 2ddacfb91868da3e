package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.util.UriUtils;

/**
 * The series pages ({@code /series/{slug}}, {@code /series?q=}), the edit form, the browse page's
 * {@code series} filter and the {@code /api/series} route, against stub torrent- and
 * search-services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SeriesPagesIT {

  static final ServiceStubs stubs = new ServiceStubs();

  static final String SLUG = "sousou-no-frieren";

  static final String HOSTILE = "<script>alert(1)</script>";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    stubs.torrents.answer("GET /api/series/" + SLUG, r -> Answer.json(200, series(false)));
    stubs.torrents.answer("GET /api/categories", r -> Answer.json(200, "[]"));
    stubs.torrents.answer("GET /api/tags", r -> Answer.json(200, "[]"));
    client = stubs.client(port);
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  static String torrent(long id, String title, int seeders, boolean trusted, boolean remake) {
    return """
        {"id":%d,"title":"%s","category":{"slug":"anime-eng","name":"Аниме"},"size":1288490189,
         "createdAt":"2026-11-03T07:05:09Z","seeders":%d,"leechers":2,"completed":30,
         "downloads":4,"commentCount":0,
         "magnetUri":"magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef0123456%d",
         "trusted":%s,"remake":%s,"release":{"group":"SubsPlease"}}
        """
        .formatted(id, title, seeders, id % 10, trusted, remake);
  }

  /** A series as torrent-service answers it: a batch, episode 05 by two groups, and "other". */
  static String series(boolean canEdit) {
    return """
        {"slug":"%s","title":"Sousou no Frieren",
         "titles":{"romaji":"Sousou no Frieren","english":"%s",
                   "russian":"Провожающая в последний путь Фрирен","japanese":"葬送のフリーレン"},
         "synonyms":["Frieren"],"anilistId":154587,"malId":52991,"anidbId":null,
         "links":{"anilist":"https://anilist.co/anime/154587",
                  "myanimelist":"https://myanimelist.net/anime/52991","anidb":null},
         "releaseCount":5,"canEdit":%s,"updatedAt":"2026-11-03T07:05:09Z",
         "episodes":[
           {"label":"01–28","episodeFrom":1,"episodeTo":28,"batch":true,
            "groups":[{"group":"Judas","torrents":[%s]}]},
           {"label":"05","episodeFrom":5,"episodeTo":5,"batch":false,
            "groups":[{"group":"SubsPlease","torrents":[%s,%s]},
                      {"group":"%s","torrents":[%s]}]},
           {"label":"other","episodeFrom":null,"episodeTo":null,"batch":false,
            "groups":[{"group":null,"torrents":[%s]}]}]}
        """
        .formatted(
            SLUG,
            HOSTILE,
            canEdit,
            torrent(11, "[Judas] Sousou no Frieren S01 Batch", 90, false, false),
            torrent(21, "[SubsPlease] Sousou no Frieren - 05 (1080p)", 50, true, false),
            torrent(22, "[SubsPlease] Sousou no Frieren - 05 (720p)", 10, false, false),
            HOSTILE,
            torrent(23, HOSTILE + " - 05", 5, false, true),
            torrent(31, "Frieren OST", 1, false, false));
  }

  private static List<String> inOrder(String html, String regex) {
    List<String> found = new ArrayList<>();
    Matcher matcher = Pattern.compile(regex).matcher(html);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  /** The opening tag of a release's row. */
  private static String row(String html, long id) {
    Matcher matcher =
        Pattern.compile("<tr\\b[^>]*data-torrent-id=\"" + id + "\"[^>]*>").matcher(html);
    assertThat(matcher.find()).as("row of %d", id).isTrue();
    return matcher.group();
  }

  private String page(String uri, String token) {
    WebTestClient.RequestHeadersSpec<?> request = client.get().uri(uri);
    if (token != null) {
      request = request.cookie("AT", token);
    }
    return request
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  // --- the series page ---

  @Test
  void seriesPageShowsTitlesLinksAndReleasesByEpisodeThenGroupInRussian() {
    String html = page("/series/" + SLUG, null);
    assertThat(html)
        .contains("data-testid=\"series-title\">Sousou no Frieren<")
        .contains("Провожающая в последний путь Фрирен", "葬送のフリーレン", "Ромадзи", "Русское")
        .contains("href=\"https://anilist.co/anime/154587\"")
        .contains("href=\"https://myanimelist.net/anime/52991\"")
        .doesNotContain("series-link-anidb")
        .contains("href=\"/?series=sousou-no-frieren\"", "Все раздачи сериала (5)")
        .contains("Серия 05", "Пак, серии 01–28", "Без номера серии", "Группа не указана")
        .contains(
            "1,2\u00a0ГиБ",
            "Войдите, чтобы скачать",
            "/login?reason=download&amp;redirect=/torrents/")
        .contains("magnet:?xt=urn:btih:")
        .doesNotContain("series-edit-form");
    assertThat(inOrder(html, "rel=\"(noopener nofollow)\"")).hasSize(2);
    assertThat(inOrder(html, "data-label=\"([^\"]+)\"")).containsExactly("01–28", "05", "other");
    assertThat(inOrder(html, "data-torrent-id=\"(\\d+)\""))
        .containsExactly("11", "21", "22", "23", "31");
    assertThat(row(html, 21)).contains("table-success").doesNotContain("table-danger");
    assertThat(row(html, 23)).contains("table-danger");
    assertThat(row(html, 22)).doesNotContain("table-success", "table-danger");
  }

  @Test
  void hostileTitlesAreEscaped() {
    String html = page("/series/" + SLUG, null);
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(HOSTILE);
  }

  @Test
  void seriesPageInEnglishForwardsTheLanguage() {
    String html = page("/series/" + SLUG + "?lang=en", null);
    assertThat(html)
        .contains(
            "lang=\"en\"",
            "Episode 05",
            "Batch, episodes 01–28",
            "No episode number",
            "All 5 releases")
        .contains("Log in to download", "Also known as");
    assertThat(
            stubs
                .torrents
                .requestsTo("/api/series/" + SLUG)
                .getLast()
                .headers()
                .getFirst("Accept-Language"))
        .isEqualTo("en");
  }

  @Test
  void anUnknownOrMalformedSlugIsTheNotFoundPage() {
    stubs.torrents.answer(
        "GET /api/series/no-such-series",
        r -> Answer.problem(404, "series-not-found", ",\"detail\":\"There is no such series.\""));
    client
        .get()
        .uri("/series/no-such-series")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("Сериал не найден"));
    int before = stubs.torrents.requests().size();
    for (String bad : List.of("Bad Slug!", "a--b", "under_score", "<script>", "x".repeat(101))) {
      client
          .get()
          .uri("/series/{slug}", bad)
          .exchange()
          .expectStatus()
          .isNotFound()
          .expectBody(String.class)
          .value(html -> assertThat(html).contains("Сериал не найден"));
    }
    assertThat(stubs.torrents.requests().size()).as("never sent on").isEqualTo(before);
  }

  // --- the edit form ---

  @Test
  void theEditFormIsShownWhenTorrentServiceSaysTheViewerMayEdit() {
    stubs.torrents.answer("GET /api/series/" + SLUG, r -> Answer.json(200, series(true)));
    String token = stubs.token("uploader");
    String html = page("/series/" + SLUG, token);
    assertThat(html)
        .contains("action=\"/series/" + SLUG + "/edit\"")
        .contains("value=\"154587\"", "Frieren</textarea>");
    assertThat(
            stubs
                .torrents
                .requestsTo("/api/series/" + SLUG)
                .getLast()
                .headers()
                .getFirst("Authorization"))
        .isEqualTo("Bearer " + token);
  }

  @Test
  void editSendsEveryFieldAsJson() {
    stubs.torrents.answer("PATCH /api/series/" + SLUG, r -> Answer.json(200, series(true)));
    client
        .post()
        .uri("/series/" + SLUG + "/edit")
        .cookie("AT", stubs.token("uploader"))
        .cookie("XSRF-TOKEN", "tok")
        .body(
            BodyInserters.fromFormData("title", "  Sousou no Frieren  ")
                .with("romaji", "Sousou no Frieren")
                .with("english", "Frieren: Beyond Journey's End")
                .with("russian", "")
                .with("japanese", "葬送のフリーレン")
                .with("synonyms", "Frieren\r\n\r\n  Фрирен \nFrieren")
                .with("anilistId", "154587")
                .with("malId", "")
                .with("anidbId", "17617")
                .with("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/series/" + SLUG + "?updated");
    String body =
        stubs.torrents.requestsTo("/api/series/" + SLUG).stream()
            .filter(r -> r.method().equals("PATCH"))
            .toList()
            .getLast()
            .body();
    Map<String, Object> json = BrowserForms.json(body);
    assertThat(json)
        .containsEntry("title", "Sousou no Frieren")
        .containsEntry("synonyms", List.of("Frieren", "Фрирен"))
        .containsEntry("anilistId", 154587)
        .containsEntry("malId", null)
        .containsEntry("anidbId", 17617);
    @SuppressWarnings("unchecked")
    Map<String, Object> titles = (Map<String, Object>) json.get("titles");
    assertThat(titles)
        .containsEntry("romaji", "Sousou no Frieren")
        .containsEntry("english", "Frieren: Beyond Journey's End")
        .containsEntry("russian", null)
        .containsEntry("japanese", "葬送のフリーレン");
  }

  private String postEdit(String lang, String anilistId) {
    return client
        .post()
        .uri("/series/" + SLUG + "/edit" + (lang == null ? "" : "?lang=" + lang))
        .cookie("AT", stubs.token("uploader"))
        .cookie("XSRF-TOKEN", "tok")
        .body(
            BodyInserters.fromFormData("title", "Sousou no Frieren")
                .with("english", "x".repeat(301))
                .with("anilistId", anilistId)
                .with("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  @Test
  void fieldErrorsOfTorrentServiceAreShownInThePageLanguage() {
    stubs.torrents.answer("GET /api/series/" + SLUG, r -> Answer.json(200, series(true)));
    stubs.torrents.answer(
        "PATCH /api/series/" + SLUG,
        r ->
            Answer.problem(
                400,
                "validation-failed",
                ",\"errors\":[{\"field\":\"titles.english\",\"code\":\"Size\",\"message\":\"too"
                    + " long\"},{\"field\":\"anilistId\",\"code\":\"Range\",\"message\":\"out of"
                    + " range\"}]"));
    String russian = postEdit(null, "3000000000");
    assertThat(russian)
        .contains("data-testid=\"series-edit-english-error\">Недопустимая длина.<")
        .contains("data-testid=\"series-edit-anilistId-error\">Целое число от 1 до 2 000 000 000.<")
        .contains("value=\"3000000000\"");
    String english = postEdit("en", "3000000000");
    assertThat(english)
        .contains(
            "data-testid=\"series-edit-anilistId-error\">A whole number from 1 to 2,000,000,000.<");
  }

  @Test
  void anIdThatIsNoNumberIsRefusedBeforeTorrentServiceIsAsked() {
    stubs.torrents.answer("GET /api/series/" + SLUG, r -> Answer.json(200, series(true)));
    int patches = patches();
    assertThat(postEdit(null, "12; drop table series"))
        .contains("data-testid=\"series-edit-anilistId-error\">Введите целое число.<");
    assertThat(postEdit("en", "-5"))
        .contains("data-testid=\"series-edit-anilistId-error\">Enter a whole number.<");
    assertThat(patches()).isEqualTo(patches);
  }

  @Test
  void aTakenTitleAndAForbiddenEditAreTheFormMessage() {
    stubs.torrents.answer("GET /api/series/" + SLUG, r -> Answer.json(200, series(true)));
    stubs.torrents.answer(
        "PATCH /api/series/" + SLUG,
        r -> Answer.problem(409, "series-title-taken", ",\"detail\":\"taken by dungeon-meshi\""));
    client
        .post()
        .uri("/series/" + SLUG + "/edit")
        .cookie("AT", stubs.token("uploader"))
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromFormData("title", "Dungeon Meshi").with("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("Одно из этих названий уже принадлежит другому сериалу.")
                    .contains("value=\"Dungeon Meshi\""));
  }

  @Test
  void visitorsAreSentToLogInAndNothingIsSent() {
    int patches = patches();
    client
        .post()
        .uri("/series/" + SLUG + "/edit")
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromFormData("title", "x").with("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/login?redirect=/series/" + SLUG);
    assertThat(patches()).isEqualTo(patches);
  }

  private int patches() {
    return (int)
        stubs.torrents.requestsTo("/api/series/" + SLUG).stream()
            .filter(r -> r.method().equals("PATCH"))
            .count();
  }

  // --- the list ---

  @Test
  void seriesListSearchesAnyTitleAndEscapes() {
    stubs.torrents.answer(
        "GET /api/series",
        r ->
            Answer.json(
                200,
                """
                {"items":[{"slug":"sousou-no-frieren","title":"Sousou no Frieren",
                  "titles":{"romaji":null,"english":"%s","russian":"Фрирен","japanese":null},
                  "synonyms":[],"releaseCount":3,"updatedAt":"2026-11-03T07:05:09Z"}],
                 "page":0,"size":50,"total":1}
                """
                    .formatted(HOSTILE)));
    String html =
        client
            .get()
            .uri("/series?q={q}", "фрирен")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(html)
        .contains("href=\"/series/sousou-no-frieren\"", "Sousou no Frieren", "раздач: 3")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; · Фрирен")
        .doesNotContain(HOSTILE)
        .contains("value=\"фрирен\"");
    String query = stubs.torrents.requestsTo("/api/series").getLast().query();
    assertThat(UriUtils.decode(query, StandardCharsets.UTF_8)).contains("q=фрирен", "page=0");

    int before = stubs.torrents.requestsTo("/api/series").size();
    client
        .get()
        .uri("/series?q=" + "a".repeat(201))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("Не длиннее 200 символов."));
    assertThat(stubs.torrents.requestsTo("/api/series")).hasSize(before);
  }

  // --- browse and API ---

  @Test
  void browseForwardsTheSeriesFilterAndShowsItAsABadge() {
    stubs.search.answer(
        "GET /api/search",
        r ->
            Answer.json(
                200,
                """
                {"items":[{"id":21,"title":"[SubsPlease] Sousou no Frieren - 05 (1080p)",
                  "category":{"slug":"anime-eng","name":"Аниме"},"tags":[],
                  "uploader":{"id":1,"username":"u"},"size":1,"fileCount":1,
                  "createdAt":"2026-11-03T07:05:09Z","seeders":1,"leechers":0,"completed":0,
                  "downloads":0,"comments":0,"trusted":false,"remake":false,
                  "series":{"slug":"sousou-no-frieren","title":"Sousou no Frieren"}}],
                 "page":0,"size":50,"total":1,
                 "facets":{"group":[{"value":"SubsPlease","count":1}],"resolution":[],
                   "source":[],"subs":[],"batch":[],
                   "series":[{"slug":"sousou-no-frieren","title":"Sousou no Frieren","count":1}]}}
                """));
    String html = page("/?series=" + SLUG + "&q=frieren", null);
    String query =
        UriUtils.decode(
            stubs.search.requestsTo("/api/search").getLast().query(), StandardCharsets.UTF_8);
    assertThat(query).contains("series=" + SLUG, "q=frieren");
    assertThat(html)
        .contains("Сериал: Sousou no Frieren")
        .contains("name=\"series\" value=\"" + SLUG + "\"")
        .contains("href=\"/?q=frieren\"")
        .contains("href=\"/series/" + SLUG + "\"")
        .contains("href=\"/?q=frieren&amp;group=SubsPlease&amp;series=" + SLUG + "\"")
        .contains("data-facet=\"series\"");
  }

  @Test
  void theSeriesApiIsRoutedToTorrentService() {
    stubs.torrents.answer(
        "GET /api/series",
        r -> Answer.json(200, "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}"));
    client
        .get()
        .uri("/api/series?q=x")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("\"total\":0"));
    client
        .get()
        .uri("/api/series/" + SLUG)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("\"slug\":\"" + SLUG + "\""));
  }
}
