package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import java.time.Duration;
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
 * Issue 13's routes and personal pages against stub services: each new API path reaches its
 * service, the feed, bookmarks, follows and saved searches, the inbox and the navbar bell, the
 * unsubscribe link, and the follow/bookmark/report/"save this search" buttons of other pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CommunityPagesIT {

  static final ServiceStubs stubs = new ServiceStubs();

  static final Answer OK = Answer.json(200, "{\"ok\":true}");

  static final String ITEM =
      "{\"id\":5,\"title\":\"[SubsPlease] Frieren - 01 (1080p)\","
          + "\"category\":{\"slug\":\"tv\",\"name\":\"TV\"},"
          + "\"uploader\":{\"id\":8,\"username\":\"erin\"},\"size\":1610612736,"
          + "\"createdAt\":\"2025-03-05T14:03:00Z\",\"seeders\":12,\"leechers\":3,"
          + "\"completed\":40";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    client = stubs.client(port);
    stubs.notifications.answer(
        "GET /api/users/me/notifications/unread", r -> Answer.json(200, "{\"unread\":3}"));
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  // --- routes ---

  @Test
  void eachCommunityPathReachesItsService() {
    String token = stubs.token("alice");
    Map<String, StubServer> routes =
        Map.of(
            "GET /api/users/me/follows", stubs.search,
            "PUT /api/users/me/follows/users/erin", stubs.search,
            "GET /api/users/me/subscriptions", stubs.search,
            "DELETE /api/users/me/subscriptions/7", stubs.search,
            "PUT /api/users/me/bookmarks/5", stubs.search,
            "GET /api/users/me/feed", stubs.search,
            "POST /api/users/unsubscribe", stubs.search,
            "GET /rss/me", stubs.search,
            "GET /api/users/me/notifications/unread", stubs.notifications,
            "GET /api/moderation/reports", stubs.torrents);
    routes.forEach((route, stub) -> stub.answer(route, r -> OK));
    stubs.notifications.answer("POST /api/users/me/notifications/read", r -> OK);
    stubs.torrents.answer("GET /api/moderation/audit", r -> OK);
    routes.forEach(
        (route, stub) -> {
          String[] parts = route.split(" ");
          client
              .method(org.springframework.http.HttpMethod.valueOf(parts[0]))
              .uri(parts[1])
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
              .contentType(MediaType.APPLICATION_JSON)
              .bodyValue("{}")
              .exchange()
              .expectStatus()
              .isOk();
          assertThat(stub.requestsTo(parts[1])).as(route).isNotEmpty();
        });
    for (String path :
        List.of("/api/users/me/notifications/read", "/api/moderation/audit?actor=mod")) {
      client
          .method(
              path.contains("read")
                  ? org.springframework.http.HttpMethod.POST
                  : org.springframework.http.HttpMethod.GET)
          .uri(path)
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{}")
          .exchange()
          .expectStatus()
          .isOk();
    }
    assertThat(stubs.notifications.requestsTo("/api/users/me/notifications/read")).isNotEmpty();
    assertThat(stubs.torrents.requestsTo("/api/moderation/audit").getLast().query())
        .isEqualTo("actor=mod");
    // Nothing of this went to user-service, whose route takes the rest of /api/users/**.
    assertThat(stubs.users.requests())
        .noneMatch(r -> r.path().startsWith("/api/users/me/") || r.path().startsWith("/rss"));
  }

  // --- login required ---

  @Test
  void visitorsOfPersonalPagesAreSentToTheLoginAndBack() {
    for (String page :
        List.of("/me/feed", "/me/bookmarks", "/me/follows", "/me/notifications?unread=true")) {
      String location =
          client
              .get()
              .uri(page)
              .exchange()
              .expectStatus()
              .is3xxRedirection()
              .returnResult(String.class)
              .getResponseHeaders()
              .getLocation()
              .toString();
      assertThat(location)
          .startsWith("/login?reason=page&redirect=")
          .isEqualTo(
              "/login?reason=page&redirect="
                  + java.net.URLEncoder.encode(page, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  // --- feed and bookmarks ---

  @Test
  void theFeedListsMatchesWithWhyInRussianAndEnglish() {
    stubs.search.answer(
        "GET /api/users/me/feed",
        r ->
            Answer.json(
                200,
                "{\"items\":["
                    + ITEM
                    + ",\"matchedAt\":\"2025-03-06T10:00:00Z\",\"matchedBy\":[{\"kind\":\"group\","
                    + "\"label\":\"SubsPlease\"},{\"kind\":\"search\",\"label\":\"frieren 1080p\"}]}],"
                    + "\"page\":0,\"size\":20,\"total\":1}"));
    String token = stubs.token("alice");
    String ru = pageAs("/me/feed", token);
    assertThat(ru)
        .contains("Моя лента", "[SubsPlease] Frieren - 01 (1080p)", "Группа: SubsPlease")
        .contains("Поиск: frieren 1080p", "/rss/me?apikey=", "data-testid=\"feed-row\"")
        .contains("2025-03-06 10:00");
    assertThat(
            stubs
                .search
                .requestsTo("/api/users/me/feed")
                .getLast()
                .headers()
                .getFirst("Authorization"))
        .isEqualTo("Bearer " + token);
    assertThat(stubs.search.requestsTo("/api/users/me/feed").getLast().query())
        .isEqualTo("page=0&size=20");
    assertThat(pageAs("/me/feed?lang=en&page=2", token))
        .contains("My feed", "Group: SubsPlease", "RSS feed for your torrent client");
    assertThat(stubs.search.requestsTo("/api/users/me/feed").getLast().query())
        .isEqualTo("page=1&size=20");
  }

  @Test
  void aDownSearchServiceLeavesAReadableFeedPage() {
    stubs.search.answer("GET /api/users/me/feed", r -> new Answer(503, "text/plain", "down"));
    assertThat(pageAs("/me/feed?lang=en", stubs.token("alice")))
        .contains("data-testid=\"feed-unavailable\"", "The feed is temporarily unavailable");
  }

  @Test
  void bookmarksAreListedAndTheButtonsBookmarkAndRemove() {
    stubs.search.answer(
        "GET /api/users/me/bookmarks",
        r ->
            Answer.json(
                200,
                "{\"items\":["
                    + ITEM
                    + ",\"bookmarkedAt\":\"2025-03-07T08:00:00Z\"}],\"page\":0,\"size\":20,"
                    + "\"total\":1}"));
    String token = stubs.token("alice");
    EntityExchangeResult<String> page = page("/me/bookmarks?lang=en", token);
    assertThat(page.getResponseBody())
        .contains("Bookmarks", "[SubsPlease] Frieren - 01 (1080p)", "2025-03-07 08:00");
    String csrf = BrowserForms.csrf(page, "/me/bookmarks/5/delete");

    stubs.search.answer("DELETE /api/users/me/bookmarks/5", r -> new Answer(204, "", ""));
    post("/me/bookmarks/5/delete", token, csrf, Map.of("back", "/me/bookmarks"))
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/me/bookmarks?unbookmarked");
    assertThat(stubs.search.requestsTo("/api/users/me/bookmarks/5").getLast().method())
        .isEqualTo("DELETE");

    stubs.search.answer("PUT /api/users/me/bookmarks/5", r -> new Answer(204, "", ""));
    // A hostile "back" never leaves the site.
    post("/me/bookmarks/5", token, csrf, Map.of("back", "//evil.example/x"))
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/torrents/5?bookmarked");
    stubs.search.answer(
        "PUT /api/users/me/bookmarks/6",
        r -> Answer.problem(404, "torrent-not-found", ",\"detail\":\"no\""));
    post("/me/bookmarks/6", token, csrf, Map.of()).expectStatus().isNotFound();
  }

  // --- torrent page buttons ---

  @Test
  void theTorrentPageShowsBookmarkFollowAndReportButtonsInTheirState() {
    stubTorrent();
    stubs.search.answer(
        "GET /api/users/me/bookmarks/5",
        r -> new Answer(200, "application/json", "{\"bookmarked\":true}"));
    stubs.search.answer(
        "GET /api/users/me/follows",
        r ->
            Answer.json(
                200,
                "{\"items\":[{\"id\":\"3\",\"kind\":\"group\",\"target\":\"subsplease\","
                    + "\"label\":\"SubsPlease\",\"delivery\":\"instant\"}]}"));
    String html = pageAs("/torrents/5?lang=en", stubs.token("alice"));
    assertThat(html)
        .contains("action=\"/me/bookmarks/5/delete\"", "Remove bookmark")
        .contains("action=\"/me/follows/groups/SubsPlease/delete\"", "Unfollow group SubsPlease")
        .contains("action=\"/me/follows/series/sousou-no-frieren\"", "Follow this series")
        .contains("action=\"/torrents/5/report\"", "action=\"/torrents/5/comments/9/report\"")
        .contains("Wrong category")
        .doesNotContain("data-testid=\"torrent-peers\"");
    assertThat(page("/torrents/5", null).getResponseBody())
        .doesNotContain("action=\"/me/bookmarks/5\"", "action=\"/torrents/5/report\"");
  }

  @Test
  void aReportIsSentAndItsErrorsAreShownOnTheFormWithTheInputKept() {
    stubTorrent();
    String token = stubs.token("alice");
    EntityExchangeResult<String> page = page("/torrents/5", token);
    String csrf = BrowserForms.csrf(page, "/torrents/5/report");

    // "other" without text: refused here, in the page language, with the choice kept.
    String refused =
        post("/torrents/5/report?lang=en", token, csrf, Map.of("reason", "other", "text", " "))
            .expectStatus()
            .isBadRequest()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(refused)
        .contains("data-testid=\"torrent-report-text-error\"", "required for “other”")
        .containsPattern("value=\"other\"[^>]*selected");
    assertThat(stubs.torrents.requestsTo("/api/torrents/5/reports")).isEmpty();

    stubs.torrents.answer(
        "POST /api/torrents/5/reports",
        r ->
            Answer.json(
                201,
                "{\"id\":1,\"targetType\":\"torrent\",\"targetId\":5,\"reason\":\"fake\","
                    + "\"state\":\"open\"}"));
    post("/torrents/5/report", token, csrf, Map.of("reason", "fake", "text", "not Frieren"))
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/torrents/5?reported");
    StubServer.Recorded sent = stubs.torrents.requestsTo("/api/torrents/5/reports").getLast();
    assertThat(BrowserForms.json(sent.body()))
        .containsExactlyInAnyOrderEntriesOf(Map.of("reason", "fake", "text", "not Frieren"));
    assertThat(sent.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);

    // The service's refusal (a second report) comes back as the form's message.
    stubs.torrents.answer(
        "POST /api/comments/9/reports",
        r -> Answer.problem(409, "already-reported", ",\"detail\":\"Already reported.\""));
    String again =
        post("/torrents/5/comments/9/report", token, csrf, Map.of("reason", "spam"))
            .expectStatus()
            .isEqualTo(409)
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(again)
        .contains("data-testid=\"comment-report-error\"", "Вы уже пожаловались на это")
        .containsPattern("id=\"comment-9\"");
  }

  // --- follows and saved searches ---

  @Test
  void theSeriesPageOffersAFollowButtonInItsState() {
    String slug = "sousou-no-frieren";
    stubs.torrents.answer(
        "GET /api/series/" + slug,
        r ->
            Answer.json(
                200,
                "{\"slug\":\""
                    + slug
                    + "\",\"title\":\"Sousou no Frieren\",\"releaseCount\":0,"
                    + "\"canEdit\":false,\"episodes\":[]}"));
    stubs.search.answer("GET /api/users/me/follows", r -> Answer.json(200, "{\"items\":[]}"));
    String token = stubs.token("alice");
    EntityExchangeResult<String> page = page("/series/" + slug + "?lang=en", token);
    assertThat(page.getResponseBody())
        .contains("action=\"/me/follows/series/" + slug + "\"", "Follow this series");
    assertThat(page("/series/" + slug, null).getResponseBody()).doesNotContain("series-follow");

    String csrf = BrowserForms.csrf(page, "/me/follows/series/" + slug);
    stubs.search.answer(
        "PUT /api/users/me/follows/series/" + slug,
        r -> Answer.json(200, "{\"id\":\"5\",\"kind\":\"series\",\"target\":\"" + slug + "\"}"));
    post(
            "/me/follows/series/" + slug,
            token,
            csrf,
            Map.of("back", "/series/" + slug, "delivery", "daily"))
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/series/" + slug + "?followed");

    stubFollows();
    assertThat(pageAs("/series/" + slug + "?lang=en", token))
        .contains("action=\"/me/follows/series/" + slug + "/delete\"", "Unfollow this series");
  }

  @Test
  void followsPageListsFollowsAndSearchesAndChangesDelivery() {
    stubFollows();
    String token = stubs.token("alice");
    EntityExchangeResult<String> page = page("/me/follows?lang=en", token);
    assertThat(page.getResponseBody())
        .contains("Uploaders, groups and series", "erin", "SubsPlease", "Frieren")
        .contains("q=frieren, resolution=1080p", "Daily digest")
        .containsPattern("value=\"daily\"[^>]*selected");
    String csrf = BrowserForms.csrf(page, "/me/follows/groups/SubsPlease");
    stubs.search.answer(
        "PUT /api/users/me/follows/groups/SubsPlease",
        r ->
            Answer.json(
                200,
                "{\"id\":\"3\",\"kind\":\"group\",\"target\":\"SubsPlease\",\"delivery\":\"none\"}"));
    post("/me/follows/groups/SubsPlease", token, csrf, Map.of("delivery", "none"))
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/me/follows?followed");
    assertThat(
            BrowserForms.json(
                stubs
                    .search
                    .requestsTo("/api/users/me/follows/groups/SubsPlease")
                    .getLast()
                    .body()))
        .containsExactlyEntriesOf(Map.of("delivery", "none"));

    stubs.search.answer(
        "PATCH /api/users/me/subscriptions/7",
        r -> Answer.json(200, "{\"id\":\"7\",\"delivery\":\"instant\"}"));
    post("/me/subscriptions/7", token, csrf, Map.of("delivery", "instant", "name", "Frieren"))
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/me/follows?updated");
    assertThat(
            BrowserForms.json(
                stubs.search.requestsTo("/api/users/me/subscriptions/7").getLast().body()))
        .containsExactlyInAnyOrderEntriesOf(Map.of("delivery", "instant", "name", "Frieren"));

    stubs.search.answer("DELETE /api/users/me/subscriptions/7", r -> new Answer(204, "", ""));
    post("/me/subscriptions/7/delete", token, csrf, Map.of())
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/me/follows?deleted");
    // An id that is not one is refused before any call.
    int calls = stubs.search.requests().size();
    post("/me/subscriptions/7.json/delete", token, csrf, Map.of()).expectStatus().isNotFound();
    post("/me/subscriptions/..%2F..%2Fadmin/delete", token, csrf, Map.of())
        .expectStatus()
        .is4xxClientError();
    assertThat(stubs.search.requests()).hasSize(calls);
  }

  @Test
  void followingYourselfOrAnUnknownUserShowsTheReasonReadably() {
    stubFollows();
    String token = stubs.token("alice");
    String csrf = BrowserForms.csrf(page("/me/follows", token), "/me/follows/users/erin/delete");
    stubs.search.answer(
        "PUT /api/users/me/follows/users/alice",
        r -> Answer.problem(400, "cannot-follow-self", ",\"detail\":\"No.\""));
    for (String lang : List.of("ru", "en")) {
      String html =
          post("/me/follows/users/alice?lang=" + lang, token, csrf, Map.of("back", "/users/alice"))
              .expectStatus()
              .isBadRequest()
              .expectBody(String.class)
              .returnResult()
              .getResponseBody();
      assertThat(html)
          .contains("data-testid=\"follows-error\"")
          .contains(
              lang.equals("ru")
                  ? "Нельзя подписаться на самого себя."
                  : "You cannot follow yourself.");
    }
  }

  @Test
  void theBrowsePageSavesItsSearchAndRefusalsKeepTheInput() {
    stubs.search.answer(
        "GET /api/search",
        r -> Answer.json(200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}"));
    stubs.torrents.answer("GET /api/categories", r -> Answer.json(200, "[]"));
    stubs.torrents.answer("GET /api/tags", r -> Answer.json(200, "[]"));
    String token = stubs.token("alice");
    EntityExchangeResult<String> home =
        page("/?q=frieren&resolution=1080p&sort=size&category=tv&category=-music", token);
    String saveForm = home.getResponseBody();
    saveForm = saveForm.substring(saveForm.indexOf("data-testid=\"save-search-form\""));
    saveForm = saveForm.substring(0, saveForm.indexOf("</form>"));
    assertThat(saveForm)
        .contains("type=\"hidden\" name=\"q\" value=\"frieren\"")
        .contains("name=\"resolution\" value=\"1080p\"", "name=\"category\" value=\"-music\"")
        .doesNotContain("name=\"sort\"");
    assertThat(page("/", token).getResponseBody()).doesNotContain("save-search-form");
    String csrf = BrowserForms.csrf(home, "/me/subscriptions");

    stubs.search.answer(
        "POST /api/users/me/subscriptions",
        r -> Answer.json(201, "{\"id\":\"8\",\"name\":\"frieren\",\"delivery\":\"daily\"}"));
    post(
            "/me/subscriptions",
            token,
            csrf,
            Map.of("q", "frieren", "resolution", "1080p", "category", "tv", "delivery", "daily"))
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/me/follows?subscribed");
    assertThat(
            BrowserForms.json(
                stubs.search.requestsTo("/api/users/me/subscriptions").getLast().body()))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "q",
                "frieren",
                "resolution",
                "1080p",
                "category",
                List.of("tv"),
                "delivery",
                "daily"));

    // The service refuses a value: the follows page shows why, the typed values are kept.
    stubFollows();
    stubs.search.answer(
        "POST /api/users/me/subscriptions",
        r ->
            Answer.problem(
                400,
                "validation-failed",
                ",\"errors\":[{\"field\":\"resolution\",\"code\":\"OneOf\",\"message\":\"no\"}]"));
    String refused =
        post("/me/subscriptions?lang=en", token, csrf, Map.of("q", "x", "resolution", "999p"))
            .expectStatus()
            .isBadRequest()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(refused)
        .contains(
            "data-testid=\"subscription-resolution-error\"", "Choose one of the allowed values.")
        .contains("value=\"999p\"", "value=\"x\"");

    // Nothing set at all: refused here.
    String empty =
        post("/me/subscriptions?lang=en", token, csrf, Map.of("name", "all"))
            .expectStatus()
            .isBadRequest()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(empty)
        .contains("data-testid=\"subscription-error\"", "Set at least one search parameter.");
  }

  // --- notifications and the bell ---

  @Test
  void theBellShowsTheUnreadCountAndAFailingServiceOnlyHidesIt() {
    stubFollows();
    String token = stubs.token("alice");
    assertThat(pageAs("/me/follows", token)).containsPattern("data-testid=\"nav-bell-count\">3<");
    // Visitors: no bell.
    stubs.search.answer(
        "GET /api/search",
        r -> Answer.json(200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}"));
    stubs.torrents.answer("GET /api/categories", r -> Answer.json(200, "[]"));
    stubs.torrents.answer("GET /api/tags", r -> Answer.json(200, "[]"));
    assertThat(page("/", null).getResponseBody()).doesNotContain("nav-bell");

    stubs.notifications.answer(
        "GET /api/users/me/notifications/unread", r -> new Answer(500, "text/plain", "boom"));
    assertThat(pageAs("/me/follows", token))
        .contains("data-testid=\"nav-bell\"")
        .doesNotContain("nav-bell-count");

    // Slower than the bell's budget: the page is not held up and shows no count.
    stubs.notifications.answer(
        "GET /api/users/me/notifications/unread",
        r -> Answer.json(200, "{\"unread\":4}").after(Duration.ofSeconds(5)));
    long started = System.nanoTime();
    assertThat(pageAs("/me/follows", token)).doesNotContain("nav-bell-count");
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void theInboxListsNotificationsAndMarksOneOrAllRead() {
    stubs.notifications.answer(
        "GET /api/users/me/notifications",
        r ->
            Answer.json(
                200,
                "{\"items\":[{\"id\":\"11\",\"kind\":\"release\",\"torrentId\":5,"
                    + "\"title\":\"[SubsPlease] Frieren - 01\",\"url\":\"/torrents/5\",\"read\":false,"
                    + "\"createdAt\":\"2025-03-06T10:00:00Z\",\"matchedBy\":[{\"kind\":\"user\","
                    + "\"label\":\"erin\"}]},{\"id\":\"12\",\"kind\":\"report-resolved\","
                    + "\"title\":\"Fake\",\"url\":\"https://evil.example/\",\"read\":true,"
                    + "\"action\":\"delete\",\"createdAt\":\"2025-03-05T10:00:00Z\"}],"
                    + "\"page\":0,\"size\":20,\"total\":2,\"unread\":1}"));
    String token = stubs.token("alice");
    EntityExchangeResult<String> page = page("/me/notifications", token);
    assertThat(page.getResponseBody())
        .contains("Уведомления", "Новая раздача", "Релизер: erin", "Жалоба рассмотрена")
        .contains("href=\"/torrents/5\"", "Непрочитанных: 1")
        .doesNotContain("evil.example");
    assertThat(page("/me/notifications?lang=en", token).getResponseBody())
        .contains("New release", "Uploader: erin", "Report resolved", "Mark all read");

    String csrf = BrowserForms.csrf(page, "/me/notifications/read");
    stubs.notifications.answer(
        "POST /api/users/me/notifications/read", r -> Answer.json(200, "{\"unread\":0}"));
    post("/me/notifications/read", token, csrf, Map.of("id", "11"))
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/me/notifications?read");
    assertThat(stubs.notifications.requestsTo("/api/users/me/notifications/read").getLast().body())
        .isEqualTo("{\"ids\":[\"11\"]}");
    post("/me/notifications/read", token, csrf, Map.of("all", "true", "unread", "true"))
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/me/notifications?unread=true&allRead");
    assertThat(stubs.notifications.requestsTo("/api/users/me/notifications/read").getLast().body())
        .isEqualTo("{\"all\":true}");
    post("/me/notifications/read", token, csrf, Map.of("id", "1 OR 1=1"))
        .expectStatus()
        .isBadRequest();
  }

  // --- unsubscribe ---

  @Test
  void theUnsubscribeLinkWorksAtOnceWithoutLoginAndByOneClickPost() {
    stubs.search.answer(
        "POST /api/users/unsubscribe",
        r ->
            Answer.json(
                200,
                "{\"watches\":[{\"id\":\"3\",\"kind\":\"group\",\"label\":\"SubsPlease\"},"
                    + "{\"id\":\"4\",\"kind\":\"search\",\"label\":\"frieren\"}]}"));
    String html =
        client
            .get()
            .uri("/unsubscribe?u=42&t=sealed.token-value")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(html)
        .contains("Письма больше не придут для:", "Группа: SubsPlease", "Поиск: frieren");
    assertThat(
            BrowserForms.json(stubs.search.requestsTo("/api/users/unsubscribe").getLast().body()))
        .containsExactlyInAnyOrderEntriesOf(Map.of("u", 42, "t", "sealed.token-value"));

    // RFC 8058: the mail client posts to the same address, with no cookie and no CSRF token.
    client
        .post()
        .uri("/unsubscribe?u=42&t=sealed.token-value&lang=en")
        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
        .bodyValue("List-Unsubscribe=One-Click")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("You will no longer get e-mails for:"));
  }

  @Test
  void aBadUnsubscribeTokenGivesAReadableErrorPage() {
    stubs.search.answer(
        "POST /api/users/unsubscribe",
        r -> Answer.problem(400, "invalid-unsubscribe", ",\"detail\":\"bad\""));
    for (String lang : List.of("ru", "en")) {
      client
          .get()
          .uri("/unsubscribe?u=42&t=forged&lang=" + lang)
          .accept(MediaType.TEXT_HTML)
          .exchange()
          .expectStatus()
          .isBadRequest()
          .expectBody(String.class)
          .value(
              body ->
                  assertThat(body)
                      .contains(lang.equals("ru") ? "Ссылка недействительна" : "Invalid link"));
    }
    int before = stubs.search.requestsTo("/api/users/unsubscribe").size();
    client.get().uri("/unsubscribe?u=abc&t=x").exchange().expectStatus().isBadRequest();
    client.get().uri("/unsubscribe").exchange().expectStatus().isBadRequest();
    assertThat(stubs.search.requestsTo("/api/users/unsubscribe")).hasSize(before);
  }

  // --- helpers ---

  private void stubTorrent() {
    stubs.torrents.answer(
        "GET /api/torrents/5",
        r ->
            Answer.json(
                200,
                "{\"id\":5,\"title\":\"Frieren\",\"uploader\":{\"id\":8,\"username\":\"erin\"},"
                    + "\"infoHash\":\"0123456789abcdef0123456789abcdef01234567\",\"size\":10,"
                    + "\"release\":{\"group\":\"SubsPlease\",\"title\":\"Frieren\"},"
                    + "\"series\":{\"slug\":\"sousou-no-frieren\",\"title\":\"Frieren\"}}"));
    stubs.torrents.answer(
        "GET /api/torrents/5/comments",
        r ->
            Answer.json(
                200,
                "[{\"id\":9,\"text\":\"spam spam\",\"textHtml\":\"<p>spam spam</p>\","
                    + "\"author\":{\"id\":7,\"username\":\"bob\"},"
                    + "\"createdAt\":\"2025-03-05T14:03:00Z\"}]"));
  }

  private void stubFollows() {
    stubs.search.answer(
        "GET /api/users/me/follows",
        r ->
            Answer.json(
                200,
                "{\"items\":[{\"id\":\"1\",\"kind\":\"user\",\"target\":\"erin\",\"label\":\"erin\","
                    + "\"delivery\":\"instant\",\"createdAt\":\"2025-03-01T00:00:00Z\"},"
                    + "{\"id\":\"3\",\"kind\":\"group\",\"target\":\"SubsPlease\","
                    + "\"label\":\"SubsPlease\",\"delivery\":\"instant\"},"
                    + "{\"id\":\"5\",\"kind\":\"series\",\"target\":\"sousou-no-frieren\","
                    + "\"label\":\"Frieren\",\"delivery\":\"daily\"}]}"));
    stubs.search.answer(
        "GET /api/users/me/subscriptions",
        r ->
            Answer.json(
                200,
                "{\"items\":[{\"id\":\"7\",\"name\":\"Frieren 1080p\",\"query\":{\"q\":\"frieren\","
                    + "\"resolution\":\"1080p\"},\"delivery\":\"daily\"}]}"));
  }

  private EntityExchangeResult<String> page(String path, String token) {
    WebTestClient.RequestHeadersSpec<?> request = client.get().uri(path);
    if (token != null) {
      request = request.cookie("AT", token);
    }
    return request.exchange().expectStatus().isOk().expectBody(String.class).returnResult();
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
