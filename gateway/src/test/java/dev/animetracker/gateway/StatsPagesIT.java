package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import dev.animetracker.gateway.StubServer.Recorded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The moderators' stats page against stub services: each service's part rendered as a chart with
 * its table, in ru and en; a part whose service is down or too slow shows "unavailable" while the
 * rest renders; the 403 page for non-moderators and the login for visitors; the chart library and
 * script are served by us and the page has no inline script.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StatsPagesIT {

  static final ServiceStubs stubs = new ServiceStubs();

  static final String TORRENTS =
      "{\"days\":2,\"first\":\"2026-12-03\",\"last\":\"2026-12-04\",\"perDay\":["
          + "{\"day\":\"2026-12-03\",\"uploads\":4,\"downloads\":17,\"peakSwarms\":31,"
          + "\"peakPeers\":991},"
          + "{\"day\":\"2026-12-04\",\"uploads\":6,\"downloads\":23}],"
          + "\"topByDownloads\":[{\"id\":5,\"title\":\"<b>Frieren</b> 01\",\"downloads\":40,"
          + "\"seeders\":3,\"leechers\":1}],"
          + "\"topBySeeders\":[{\"id\":6,\"title\":\"Dungeon Meshi\",\"downloads\":9,"
          + "\"seeders\":812,\"leechers\":44}],"
          + "\"swarms\":{\"active\":37,\"seeders\":600,\"leechers\":120}}";

  static final String SEARCHES =
      "{\"days\":2,\"perDay\":[{\"day\":\"2026-12-03\",\"searches\":1234},"
          + "{\"day\":\"2026-12-04\",\"searches\":5678}]}";

  static final String MAIL =
      "{\"days\":2,\"pending\":11,\"oldestPending\":\"2026-12-04T08:00:00Z\",\"perDay\":["
          + "{\"day\":\"2026-12-03\",\"queued\":30,\"sent\":29,\"failed\":1},"
          + "{\"day\":\"2026-12-04\",\"queued\":12,\"sent\":7,\"failed\":3}]}";

  private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
    registry.add("animetracker.gateway.stats.part-timeout", () -> "1s");
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    client = stubs.client(port);
    stubs.torrents.answer("GET /api/moderation/stats/torrents", r -> Answer.json(200, TORRENTS));
    stubs.search.answer("GET /api/search/stats", r -> Answer.json(200, SEARCHES));
    stubs.notifications.answer("GET /api/notifications/stats", r -> Answer.json(200, MAIL));
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  private String page(String path, String token) {
    return client
        .get()
        .uri(path)
        .cookie("AT", token)
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  @Test
  void everyPartIsDrawnFromItsTableInBothLanguages() {
    String mod = stubs.moderatorToken("mod");
    String ru = page("/moderation/stats?lang=ru", mod);
    assertThat(ru)
        .contains("Модерация: статистика")
        .contains("data-testid=\"chart-torrents\"")
        .contains("data-testid=\"chart-search\"")
        .contains("data-testid=\"chart-mail\"")
        .contains("data-testid=\"chart-swarms\"")
        .contains("<td>991</td>")
        .contains("data-day=\"2026-12-03\"")
        .contains("<td>17</td>")
        .contains("<td>23</td>")
        .contains("<td>5678</td>")
        .contains("data-testid=\"stats-mail-pending\">11<")
        .contains("data-testid=\"stats-swarms-active\">37<")
        .contains("720 (сиды: 600, личи: 120)")
        .contains("&lt;b&gt;Frieren&lt;/b&gt; 01")
        .doesNotContain("<b>Frieren</b>")
        .contains("href=\"/torrents/6\"")
        .contains("Больше всего сидов сейчас")
        .containsPattern("src=\"/js/uplot-[0-9a-f]{32}\\.js\"")
        .containsPattern("href=\"/css/uplot-[0-9a-f]{32}\\.css\"")
        .containsPattern("src=\"/js/stats-charts-[0-9a-f]{32}\\.js\"")
        .contains("data-testid=\"moderation-tab-stats\"")
        .doesNotContain("stats-torrents-unavailable")
        .doesNotContain("stats-search-unavailable")
        .doesNotContain("stats-mail-unavailable");
    assertThat(INLINE_SCRIPT.matcher(ru).find()).as("inline script").isFalse();
    assertThat(ru).doesNotContain(" style=\"");
    // Two rows per table, as the services sent.
    assertThat(ru.split("data-testid=\"stats-torrents-row\"", -1)).hasSize(3);
    assertThat(ru.split("data-testid=\"stats-mail-row\"", -1)).hasSize(3);

    String en = page("/moderation/stats?lang=en", mod);
    assertThat(en)
        .contains("Moderation: stats")
        .contains("Most downloaded in the window")
        .contains("720 (seeders: 600, leechers: 120)")
        .contains("Waiting to be sent");

    // Every service was asked with the moderator's token for the default window.
    for (StubServer stub : List.of(stubs.torrents, stubs.search, stubs.notifications)) {
      List<Recorded> calls =
          stub.requests().stream().filter(r -> r.path().contains("stats")).toList();
      assertThat(calls).isNotEmpty();
      Recorded last = calls.getLast();
      assertThat(last.query()).isEqualTo("days=30");
      assertThat(last.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + mod);
    }
  }

  @Test
  void theWindowIsOneOfTheChoicesAndAnythingElseIsTheDefault() {
    String mod = stubs.moderatorToken("mod");
    assertThat(page("/moderation/stats?days=7", mod)).contains("aria-current=\"page\"");
    assertThat(stubs.search.requestsTo("/api/search/stats").getLast().query()).isEqualTo("days=7");
    page("/moderation/stats?days=abc", mod);
    assertThat(stubs.search.requestsTo("/api/search/stats").getLast().query()).isEqualTo("days=30");
    page("/moderation/stats?days=1000", mod);
    assertThat(stubs.torrents.requestsTo("/api/moderation/stats/torrents").getLast().query())
        .isEqualTo("days=30");
  }

  @Test
  void aDownOrSlowServiceShowsUnavailableAndTheRestRenders() {
    stubs.search.answer(
        "GET /api/search/stats", r -> Answer.problem(503, "service-unavailable", ""));
    stubs.notifications.answer(
        "GET /api/notifications/stats", r -> Answer.json(200, MAIL).after(Duration.ofSeconds(10)));
    long started = System.nanoTime();
    String html = page("/moderation/stats", stubs.moderatorToken("mod"));
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(html)
        .contains("data-testid=\"stats-search-unavailable\"")
        .contains("data-testid=\"stats-mail-unavailable\"")
        .doesNotContain("data-testid=\"chart-search\"")
        .doesNotContain("data-testid=\"chart-mail\"")
        .contains("data-testid=\"chart-torrents\"")
        .contains("<td>23</td>");
    assertThat(took)
        .as("the slow part is cut at the part timeout")
        .isLessThan(Duration.ofSeconds(8));

    stubs.torrents.answer(
        "GET /api/moderation/stats/torrents", r -> Answer.json(200, "not json at all"));
    assertThat(page("/moderation/stats", stubs.moderatorToken("mod")))
        .contains("data-testid=\"stats-torrents-unavailable\"");
  }

  @Test
  void nonModeratorsGetThe403PageAndVisitorsTheLogin() {
    int calls =
        stubs.torrents.requests().size()
            + stubs.search.requests().size()
            + stubs.notifications.requests().size();
    for (String lang : List.of("ru", "en")) {
      client
          .get()
          .uri("/moderation/stats?lang=" + lang)
          .cookie("AT", stubs.token("alice"))
          .accept(MediaType.TEXT_HTML)
          .exchange()
          .expectStatus()
          .isForbidden()
          .expectBody(String.class)
          .value(
              html ->
                  assertThat(html)
                      .contains(lang.equals("ru") ? "Доступ запрещён" : "Access denied"));
    }
    client
        .get()
        .uri("/moderation/stats")
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .value(
            HttpHeaders.LOCATION,
            location ->
                assertThat(location)
                    .isEqualTo("/login?reason=page&redirect=%2Fmoderation%2Fstats"));
    assertThat(
            stubs.torrents.requests().size()
                + stubs.search.requests().size()
                + stubs.notifications.requests().size())
        .isEqualTo(calls);

    // A service refusing the role (a moderator demoted since the token was issued): the 403 page.
    stubs.search.answer(
        "GET /api/search/stats", r -> Answer.problem(403, "forbidden", ",\"detail\":\"no\""));
    client
        .get()
        .uri("/moderation/stats")
        .cookie("AT", stubs.moderatorToken("mod"))
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void theChartLibraryAndScriptAreServedByUs() {
    String html = page("/moderation/stats", stubs.moderatorToken("mod"));
    Matcher assets =
        Pattern.compile(
                "(?:src|href)=\"(/(?:js|css)/(?:uplot|stats-charts)-[0-9a-f]{32}\\.(?:js|css))\"")
            .matcher(html);
    List<String> urls = new ArrayList<>();
    while (assets.find()) {
      urls.add(assets.group(1));
    }
    assertThat(urls).hasSize(3);
    for (String url : urls) {
      client
          .get()
          .uri(url)
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody(String.class)
          .value(
              body ->
                  assertThat(body)
                      .as(url)
                      .contains(
                          url.contains("stats-charts")
                              ? "data-stats-table"
                              : url.endsWith(".js") ? "uPlot" : ".uplot"));
    }
  }
}
