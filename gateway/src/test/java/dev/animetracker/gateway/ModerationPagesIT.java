package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Issue 13's moderator pages against stub services: the report queue and its one-click actions, the
 * audit log with filters, categories, a torrent's peers and the moderator controls on a profile;
 * every one of them a 403 page for non-moderators and the login for visitors.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModerationPagesIT {

  static final ServiceStubs stubs = new ServiceStubs();

  static final String HASH = "0123456789abcdef0123456789abcdef01234567";

  static final String QUEUE =
      "{\"items\":[{\"id\":\"21\",\"targetType\":\"torrent\",\"targetId\":5,\"torrentId\":5,"
          + "\"target\":{\"title\":\"Fake Frieren\",\"uploader\":\"mallory\",\"deleted\":false},"
          + "\"reasons\":[{\"reason\":\"fake\",\"count\":2},{\"reason\":\"malware\",\"count\":1}],"
          + "\"reports\":[{\"id\":\"21\",\"reporter\":{\"id\":3,\"username\":\"alice\"},"
          + "\"reporterHistory\":{\"reports\":4,\"upheld\":3,\"dismissed\":1},\"reason\":\"fake\","
          + "\"text\":\"<script>alert(1)</script>\",\"createdAt\":\"2025-03-05T10:00:00Z\"}],"
          + "\"state\":\"open\",\"firstReportedAt\":\"2025-03-05T10:00:00Z\"},"
          + "{\"id\":\"30\",\"targetType\":\"comment\",\"targetId\":9,\"torrentId\":6,"
          + "\"target\":{\"title\":\"Other\",\"uploader\":\"spammer\",\"text\":\"buy now\","
          + "\"deleted\":false},\"reasons\":[{\"reason\":\"spam\",\"count\":1}],\"reports\":[],"
          + "\"state\":\"open\",\"firstReportedAt\":\"2025-03-06T10:00:00Z\"}],"
          + "\"page\":0,\"size\":20,\"total\":2}";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    client = stubs.client(port);
    stubs.torrents.answer("GET /api/moderation/reports", r -> Answer.json(200, QUEUE));
    stubs.torrents.answer(
        "GET /api/categories",
        r ->
            Answer.json(
                200,
                "[{\"id\":2,\"slug\":\"music\",\"name\":\"Музыка\",\"nameRu\":\"Музыка\","
                    + "\"nameEn\":\"Music\",\"torrentCount\":1,\"position\":2},"
                    + "{\"id\":1,\"slug\":\"tv\",\"name\":\"Сериалы\",\"nameRu\":\"Сериалы\","
                    + "\"nameEn\":\"TV\",\"torrentCount\":5,\"position\":1}]"));
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  // --- access ---

  @Test
  void nonModeratorsGetA403PageOnEveryModerationPageAndVisitorsTheLogin() {
    List<String> pages =
        List.of(
            "/moderation",
            "/moderation?state=resolved",
            "/moderation/audit",
            "/moderation/categories",
            "/torrents/5/peers");
    int calls = stubs.torrents.requests().size() + stubs.tracker.requests().size();
    for (String page : pages) {
      for (String lang : List.of("ru", "en")) {
        client
            .get()
            .uri(page + (page.contains("?") ? "&" : "?") + "lang=" + lang)
            .cookie("AT", stubs.token("alice"))
            .accept(MediaType.TEXT_HTML)
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectBody(String.class)
            .value(
                html ->
                    assertThat(html)
                        .as(page)
                        .contains(lang.equals("ru") ? "Доступ запрещён" : "Access denied"));
      }
      client
          .get()
          .uri(page)
          .exchange()
          .expectStatus()
          .is3xxRedirection()
          .expectHeader()
          .value(
              HttpHeaders.LOCATION,
              location -> assertThat(location).matches("/login\\?(reason=page&)?redirect=.+"));
    }
    // Posts too, and nothing reached a service.
    client
        .post()
        .uri("/moderation/reports/21/resolve")
        .cookie("AT", stubs.token("alice"))
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromFormData("action", "dismiss").with("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .isForbidden();
    assertThat(stubs.torrents.requests().size() + stubs.tracker.requests().size()).isEqualTo(calls);
    // The menu offers moderation to moderators only.
    assertThat(pageAs("/moderation/categories", stubs.moderatorToken("mod")))
        .contains("data-testid=\"nav-moderation\"");
  }

  // --- queue ---

  @Test
  void theQueueShowsGroupedReportsWithHistoryAndActionsInBothLanguages() {
    String mod = stubs.moderatorToken("mod");
    String ru = pageAs("/moderation", mod);
    assertThat(ru)
        .contains("Модерация: жалобы", "Fake Frieren", "Фейк × 2", "Вредоносное ПО × 1")
        .contains("жалоб: 4, подтверждено: 3, отклонено: 1", "alice", "mallory")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>alert(1)</script>")
        .contains("action=\"/moderation/reports/21/resolve\"", "value=\"ban-uploader\"")
        .contains("buy now");
    // A comment cannot be marked remake: no such button on its group.
    String commentGroup = ru.substring(ru.indexOf("data-id=\"30\""));
    assertThat(commentGroup).doesNotContain("value=\"remake\"");
    assertThat(stubs.torrents.requestsTo("/api/moderation/reports").getLast().query())
        .isEqualTo("state=open&page=0&size=20");
    assertThat(pageAs("/moderation?state=resolved&lang=en", mod))
        .contains("Moderation: reports", "Fake × 2", "Ban the author");
    assertThat(stubs.torrents.requestsTo("/api/moderation/reports").getLast().query())
        .isEqualTo("state=resolved&page=0&size=20");
  }

  @Test
  void oneClickResolvesWithNoteAndBanDaysAndRefusalsAreShownOnTheItem() {
    String mod = stubs.moderatorToken("mod");
    EntityExchangeResult<String> page = page("/moderation", mod);
    String csrf = BrowserForms.csrf(page, "/moderation/reports/21/resolve");
    stubs.torrents.answer(
        "POST /api/moderation/reports/21/resolve",
        r -> Answer.json(200, "{\"id\":\"21\",\"state\":\"resolved\"}"));
    post(
            "/moderation/reports/21/resolve",
            mod,
            csrf,
            Map.of("action", "ban-uploader", "note", "fake release", "banDays", "7"))
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/moderation?resolved=ban-uploader");
    StubServer.Recorded sent =
        stubs.torrents.requestsTo("/api/moderation/reports/21/resolve").getLast();
    assertThat(BrowserForms.json(sent.body()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("action", "ban-uploader", "note", "fake release", "banDays", 7));
    assertThat(sent.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + mod);

    // Already resolved by another moderator: the message on that item, the note kept.
    stubs.torrents.answer(
        "POST /api/moderation/reports/21/resolve",
        r -> Answer.problem(409, "report-resolved", ",\"detail\":\"Already resolved.\""));
    String conflict =
        post(
                "/moderation/reports/21/resolve?lang=en",
                mod,
                csrf,
                Map.of("action", "dismiss", "note", "duplicate"))
            .expectStatus()
            .isEqualTo(409)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(conflict)
        .contains("data-testid=\"resolve-error\"", "These reports are already resolved.")
        .contains("value=\"duplicate\"");

    // Bad input is refused before any call.
    int calls = stubs.torrents.requestsTo("/api/moderation/reports/21/resolve").size();
    post("/moderation/reports/21/resolve", mod, csrf, Map.of("action", "explode"))
        .expectStatus()
        .isBadRequest();
    post(
            "/moderation/reports/21/resolve",
            mod,
            csrf,
            Map.of("action", "ban-uploader", "banDays", "-3"))
        .expectStatus()
        .isBadRequest()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("Целое число дней от 1 до 36500."));
    assertThat(stubs.torrents.requestsTo("/api/moderation/reports/21/resolve")).hasSize(calls);
  }

  @Test
  void aDownTorrentServiceGivesAReadablePage() {
    stubs.torrents.answer(
        "GET /api/moderation/reports", r -> new Answer(503, "text/plain", "down"));
    client
        .get()
        .uri("/moderation?lang=en")
        .cookie("AT", stubs.moderatorToken("mod"))
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("Temporarily unavailable"));
  }

  // --- audit ---

  @Test
  void theAuditLogShowsEntriesAndForwardsItsFilters() {
    stubs.torrents.answer(
        "GET /api/moderation/audit",
        r ->
            Answer.json(
                200,
                "{\"items\":[{\"id\":\"1\",\"actor\":\"mod\",\"action\":\"user.ban\","
                    + "\"targetType\":\"user\",\"target\":\"mallory\",\"reason\":\"spam\","
                    + "\"before\":{\"banned\":false},\"after\":{\"banned\":true},"
                    + "\"at\":\"2025-03-07T09:00:00Z\"}],\"page\":0,\"size\":20,\"total\":41}"));
    String mod = stubs.moderatorToken("mod");
    String html = pageAs("/moderation/audit?actor=mod&action=user.ban&target=mallory&page=2", mod);
    assertThat(html)
        .contains(
            "Журнал действий модераторов", "user.ban", "mallory", "{&quot;banned&quot;:false}")
        .contains("{&quot;banned&quot;:true}", "2025-03-07 09:00", "value=\"mallory\"")
        .contains("data-testid=\"pager\"");
    StubServer.Recorded sent = stubs.torrents.requestsTo("/api/moderation/audit").getLast();
    assertThat(sent.query()).isEqualTo("actor=mod&action=user.ban&target=mallory&page=1&size=20");
    assertThat(pageAs("/moderation/audit?lang=en", mod)).contains("Moderator audit log", "Before");
  }

  // --- categories ---

  @Test
  void categoriesAreListedByPositionAndCreatedOrChanged() {
    String mod = stubs.moderatorToken("mod");
    EntityExchangeResult<String> page = page("/moderation/categories?lang=en", mod);
    String html = page.getResponseBody();
    assertThat(html).contains("Create a category", "Сериалы", "Music");
    assertThat(html.indexOf("data-slug=\"tv\"")).isLessThan(html.indexOf("data-slug=\"music\""));
    String csrf = BrowserForms.csrf(page, "/moderation/categories");

    // Refused here: a bad slug and a missing name, the input kept.
    String refused =
        post(
                "/moderation/categories?lang=en",
                mod,
                csrf,
                Map.of("slug", "Bad Slug", "nameRu", "", "nameEn", "Films", "position", "3"))
            .expectStatus()
            .isBadRequest()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(refused)
        .contains(
            "data-testid=\"category-new-slug-error\"", "data-testid=\"category-new-nameRu-error\"")
        .contains("value=\"Bad Slug\"", "value=\"Films\"");
    assertThat(stubs.torrents.requestsTo("/api/categories"))
        .noneMatch(r -> r.method().equals("POST"));

    stubs.torrents.answer(
        "POST /api/categories",
        r -> Answer.json(201, "{\"id\":3,\"slug\":\"films\",\"nameRu\":\"Фильмы\"}"));
    post(
            "/moderation/categories",
            mod,
            csrf,
            Map.of("slug", "films", "nameRu", "Фильмы", "nameEn", "Films", "position", "3"))
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/moderation/categories?created");
    assertThat(BrowserForms.json(stubs.torrents.requestsTo("/api/categories").getLast().body()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("slug", "films", "nameRu", "Фильмы", "nameEn", "Films", "position", 3));

    stubs.torrents.answer(
        "POST /api/categories",
        r -> Answer.problem(409, "category-exists", ",\"detail\":\"exists\""));
    post("/moderation/categories", mod, csrf, Map.of("slug", "tv", "nameRu", "ТВ", "nameEn", "TV"))
        .expectStatus()
        .isEqualTo(409)
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("Категория с таким кодом уже есть."));

    stubs.torrents.answer(
        "PATCH /api/categories/music", r -> Answer.json(200, "{\"id\":2,\"slug\":\"music\"}"));
    post(
            "/moderation/categories/music",
            mod,
            csrf,
            Map.of("nameRu", "Музыка", "nameEn", "Music & OST", "position", "0"))
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/moderation/categories?updated");
    assertThat(
            BrowserForms.json(stubs.torrents.requestsTo("/api/categories/music").getLast().body()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("nameRu", "Музыка", "nameEn", "Music & OST", "position", 0));
  }

  // --- peers ---

  @Test
  void aModeratorSeesATorrentsPeersFromTheTracker() {
    stubs.torrents.answer(
        "GET /api/torrents/5",
        r ->
            Answer.json(
                200, "{\"id\":5,\"title\":\"Frieren\",\"infoHash\":\"" + HASH + "\",\"size\":10}"));
    stubs.tracker.answer(
        "GET /api/tracker/torrents/" + HASH + "/peers",
        r ->
            Answer.json(
                200,
                "[{\"peerId\":\"-qB4650-abcdefghijkl\",\"peerIdHex\":\"2d7142\",\"ip\":\"203.0.113.5\","
                    + "\"port\":6881,\"uploaded\":1024,\"downloaded\":0,\"left\":0,\"seeder\":true,"
                    + "\"completed\":true,\"lastAnnounce\":\"2025-03-07T09:00:00Z\"}]"));
    String mod = stubs.moderatorToken("mod");
    assertThat(pageAs("/torrents/5/peers?lang=en", mod))
        .contains("Peers of the torrent", "-qB4650-abcdefghijkl", "203.0.113.5 : 6881", "yes");
    assertThat(
            stubs
                .tracker
                .requestsTo("/api/tracker/torrents/" + HASH + "/peers")
                .getLast()
                .headers()
                .getFirst(HttpHeaders.AUTHORIZATION))
        .isEqualTo("Bearer " + mod);

    stubs.tracker.answer(
        "GET /api/tracker/torrents/" + HASH + "/peers", r -> new Answer(503, "text/plain", ""));
    assertThat(pageAs("/torrents/5/peers", mod))
        .contains("data-testid=\"peers-unavailable\"", "Трекер временно недоступен.");
  }

  // --- profile controls ---

  @Test
  void moderatorsGrantModeratorAndBanWithReasonAndDaysOrUnban() {
    stubProfile("mallory", false);
    String mod = stubs.moderatorToken("mod");
    EntityExchangeResult<String> page = page("/users/mallory?lang=en", mod);
    assertThat(page.getResponseBody())
        .contains("Make moderator", "data-testid=\"user-ban-form\"", "Days (empty: no end)");
    assertThat(pageAs("/users/mallory", stubs.token("alice")))
        .doesNotContain("user-ban-form", "user-moderator-form")
        .contains("action=\"/me/follows/users/mallory\"");
    String csrf = BrowserForms.csrf(page, "/users/mallory/ban");

    stubs.users.answer(
        "PUT /api/users/mallory/moderator", r -> Answer.json(200, profile("mallory", false)));
    post("/users/mallory/moderator", mod, csrf, Map.of("moderator", "true"))
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/users/mallory?moderatorGranted");
    assertThat(
            BrowserForms.json(
                stubs.users.requestsTo("/api/users/mallory/moderator").getLast().body()))
        .containsExactlyEntriesOf(Map.of("moderator", true));

    // No reason: refused here with the days kept.
    String refused =
        post("/users/mallory/ban?lang=en", mod, csrf, Map.of("banned", "true", "days", "7"))
            .expectStatus()
            .isBadRequest()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(refused)
        .contains("data-testid=\"user-ban-reason-error\"", "Give the reason for the ban.")
        .contains("value=\"7\"");
    assertThat(stubs.users.requestsTo("/api/users/mallory/ban")).isEmpty();

    stubs.users.answer(
        "PUT /api/users/mallory/ban", r -> Answer.json(200, profile("mallory", true)));
    Instant before = Instant.now();
    post(
            "/users/mallory/ban",
            mod,
            csrf,
            Map.of("banned", "true", "reason", "fake uploads", "days", "7"))
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/users/mallory?banned");
    Map<String, Object> ban =
        BrowserForms.json(stubs.users.requestsTo("/api/users/mallory/ban").getLast().body());
    assertThat(ban).containsEntry("banned", true).containsEntry("reason", "fake uploads");
    assertThat(Instant.parse((String) ban.get("until")))
        .isBetween(before.plus(Duration.ofDays(7)), Instant.now().plus(Duration.ofDays(7)));

    post("/users/mallory/ban", mod, csrf, Map.of("banned", "false"))
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/users/mallory?unbanned");
    assertThat(BrowserForms.json(stubs.users.requestsTo("/api/users/mallory/ban").getLast().body()))
        .containsExactlyEntriesOf(Map.of("banned", false));

    // user-service refuses (a moderator banning themself): the message on the profile.
    stubProfile("mod", false);
    stubs.users.answer(
        "PUT /api/users/mod/ban",
        r -> Answer.problem(409, "cannot-ban-self", ",\"detail\":\"no\""));
    post("/users/mod/ban", mod, csrf, Map.of("banned", "true", "reason", "test"))
        .expectStatus()
        .isEqualTo(409)
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("Нельзя забанить самого себя."));
  }

  // --- helpers ---

  private static void stubProfile(String username, boolean banned) {
    stubs.users.answer(
        "GET /api/users/" + username, r -> Answer.json(200, profile(username, banned)));
  }

  private static String profile(String username, boolean banned) {
    return "{\"id\":8,\"username\":\""
        + username
        + "\",\"createdAt\":\"2024-01-01T00:00:00Z\",\"moderator\":false,\"trusted\":false,"
        + "\"uploadCount\":0,\"downloadCount\":0,\"banned\":"
        + banned
        + "}";
  }

  private EntityExchangeResult<String> page(String path, String token) {
    return client
        .get()
        .uri(path)
        .cookie("AT", token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult();
  }

  private String pageAs(String path, String token) {
    return page(path, token).getResponseBody();
  }

  private WebTestClient.ResponseSpec post(
      String path, String token, String csrf, Map<String, String> fields) {
    BodyInserters.FormInserter<String> form = BodyInserters.fromFormData("_csrf", csrf);
    fields.forEach(form::with);
    return client
        .post()
        .uri(path)
        .cookie("AT", token)
        .cookie("XSRF-TOKEN", csrf)
        .body(form)
        .exchange();
  }
}
