package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import dev.animetracker.testsupport.HeadlessChromium;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every page family in Debian's headless Chromium, light and dark, at a desktop (1366×900) and a
 * phone (390×844) viewport, checked by axe-core (the pinned copy inside Deque's {@code
 * axe-core:selenium} jar) against WCAG 2.0/2.1/2.2 A and AA: zero violations. At phone width the
 * page must not scroll sideways and the listing's title, size, counts and both links must be on
 * screen. One page load per viewport; the theme is switched with the page's own toggle.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccessibilityBrowserIT {

  static final ServiceStubs stubs = new ServiceStubs();

  private static final String AXE_TAGS = "['wcag2a','wcag2aa','wcag21a','wcag21aa','wcag22aa']";

  private static final String HASH = "0123456789abcdef0123456789abcdef01234567";

  private static ChromeDriver browser;

  private static String axe;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
  }

  @LocalServerPort int port;

  @BeforeAll
  static void startBrowser() throws IOException {
    browser = HeadlessChromium.start();
    try (InputStream in =
        AccessibilityBrowserIT.class.getClassLoader().getResourceAsStream("axe.min.js")) {
      axe =
          new String(
              Objects.requireNonNull(in, "axe.min.js").readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    stubs.close();
  }

  @BeforeEach
  void stubServices() {
    stubs.client(port);
    stubs.torrents.answer("GET /api/categories", r -> Answer.json(200, CATEGORIES));
    stubs.torrents.answer(
        "GET /api/tags",
        r -> Answer.json(200, "[{\"id\":1,\"slug\":\"1080p\",\"name\":\"1080p\"}]"));
    stubs.search.answer("GET /api/search", r -> Answer.json(200, results(59, hits())));
    stubs.torrents.answer("GET /api/torrents/5", r -> Answer.json(200, TORRENT));
    stubs.torrents.answer("GET /api/torrents/5/comments", r -> Answer.json(200, COMMENTS));
    stubs.torrents.answer(
        "GET /api/torrents",
        r -> Answer.json(200, "{\"items\":[" + TORRENT + "],\"page\":0,\"size\":20,\"total\":1}"));
    stubs.users.answer("GET /api/users/me", r -> Answer.json(200, ME));
    stubs.users.answer(
        "GET /api/users/me/api-key",
        r -> Answer.json(200, "{\"exists\":true,\"createdAt\":\"2024-02-01T00:00:00Z\"}"));
    stubs.users.answer(
        "GET /api/users/me/preferences", r -> Answer.json(200, "{\"notifyOnComment\":true}"));
    stubs.users.answer("GET /api/users/uploader", r -> Answer.json(200, PROFILE));
    stubs.torrents.answer("GET /api/series", r -> Answer.json(200, SERIES_LIST));
    stubs.torrents.answer("GET /api/series/" + SeriesPagesIT.SLUG, r -> Answer.json(200, SERIES));
    stubs.notifications.answer(
        "GET /api/users/me/notifications/unread", r -> Answer.json(200, "{\"unread\":3}"));
    stubs.notifications.answer("GET /api/users/me/notifications", r -> Answer.json(200, INBOX));
    stubs.search.answer(
        "GET /api/users/me/feed",
        r ->
            Answer.json(
                200,
                "{\"items\":["
                    + CommunityPagesIT.ITEM
                    + ",\"matchedAt\":\"2025-03-06T10:00:00Z\",\"matchedBy\":[{\"kind\":\"group\","
                    + "\"label\":\"SubsPlease\"}]}],\"page\":0,\"size\":20,\"total\":1}"));
    stubs.search.answer(
        "GET /api/users/me/bookmarks",
        r ->
            Answer.json(
                200,
                "{\"items\":["
                    + CommunityPagesIT.ITEM
                    + ",\"bookmarkedAt\":\"2025-03-07T08:00:00Z\"}],\"page\":0,\"size\":20,"
                    + "\"total\":1}"));
    stubs.search.answer("GET /api/users/me/bookmarks/5", r -> new Answer(404, "", ""));
    stubs.search.answer("GET /api/users/me/follows", r -> Answer.json(200, FOLLOWS));
    stubs.search.answer(
        "GET /api/users/me/subscriptions",
        r ->
            Answer.json(
                200,
                "{\"items\":[{\"id\":\"7\",\"name\":\"Frieren 1080p\",\"query\":{\"q\":\"frieren\","
                    + "\"resolution\":\"1080p\"},\"delivery\":\"daily\"}]}"));
    stubs.torrents.answer(
        "GET /api/moderation/reports", r -> Answer.json(200, ModerationPagesIT.QUEUE));
    stubs.torrents.answer("GET /api/moderation/audit", r -> Answer.json(200, AUDIT));
  }

  // --- the page families ---

  @Test
  void browseAndSearch() {
    check("/", null);
    check("/?q=frieren&category=anime-eng", null);
    check("/?q=frieren", "user");
  }

  @Test
  void aPagePastTheEndSaysSoAndLinksToTheLastPage() {
    stubs.search.answer(
        "GET /api/search",
        r -> Answer.json(200, "{\"items\":[],\"page\":998,\"size\":50,\"total\":59}"));
    open("/?page=999&lang=en", null, DESKTOP);
    WebElement past = testId("listing-past-end");
    assertThat(past.getText()).contains("There is no page 999", "2 pages");
    assertThat(past.findElement(By.tagName("a")).getDomAttribute("href")).contains("page=2");
    assertThat(browser.findElements(By.cssSelector("[data-testid=listing-empty]"))).isEmpty();
    axeClean("/?page=999");
  }

  @Test
  void torrentPage() {
    check("/torrents/5", null);
    check("/torrents/5", "user");
  }

  @Test
  void accountPages() {
    check("/login", null);
    check("/register", null);
    check("/reset-password", null);
  }

  @Test
  void uploadProfileAndUserPages() {
    check("/upload", "user");
    check("/profile", "user");
    check("/users/uploader", null);
  }

  @Test
  void seriesPages() {
    check("/series", null);
    check("/series/" + SeriesPagesIT.SLUG, "user");
  }

  @Test
  void personalPages() {
    check("/me/feed", "user");
    check("/me/notifications", "user");
    check("/me/bookmarks", "user");
    check("/me/follows", "user");
  }

  @Test
  void moderationPages() {
    check("/moderation", "moderator");
    check("/moderation/audit", "moderator");
  }

  @Test
  void errorPage() {
    stubs.torrents.answer(
        "GET /api/torrents/404", r -> Answer.problem(404, "not-found", ",\"title\":\"Not Found\""));
    check("/torrents/404", null, true);
    check("/no-such-page", null, true);
  }

  @Test
  void aSearchOffersItsRssFeedInThePageAndItsHead() {
    open("/?q=frieren&category=anime-eng&sort=seeders&lang=en", null, DESKTOP);
    String alternate =
        String.valueOf(
            js(
                "const l = document.querySelector('link[rel=alternate][type=\"application/rss+xml\"]');"
                    + " return l ? l.getAttribute('href') : null;"));
    assertThat(alternate).isEqualTo("/rss?q=frieren&category=anime-eng");
    WebElement link = testId("search-rss");
    assertThat(link.getDomAttribute("href")).isEqualTo(alternate);
    assertThat(link.getText()).contains("RSS for this search");
  }

  @Test
  void theProfileBuildsThePersonalFeedAddressFromAPastedKey() {
    open("/profile?lang=en", "user", DESKTOP);
    WebElement builder = testId("personal-feed-builder");
    assertThat(builder.isDisplayed()).isTrue();
    assertThat(testId("personal-feed-url").getDomProperty("value")).isEmpty();
    String key = "0123456789abcdef".repeat(4);
    testId("personal-feed-key").sendKeys(key.toUpperCase(java.util.Locale.ROOT));
    assertThat(testId("personal-feed-url").getDomProperty("value"))
        .isEqualTo(base() + "/rss/me?apikey=" + key);
    assertThat(testId("personal-feed-copy").isDisplayed()).isTrue();
  }

  @Test
  void theTorrentPageLinksItsTagsToTheirSearch() {
    open("/torrents/5", null, DESKTOP);
    List<WebElement> tags = browser.findElements(By.cssSelector("[data-testid=torrent-tag]"));
    assertThat(tags)
        .extracting(t -> t.getDomAttribute("href"))
        .containsExactly("/?tag=1080p", "/?tag=hevc");
    // Rendered descriptions: quotes and code blocks stand out from the text.
    assertThat(
            js(
                "return getComputedStyle(document.querySelector('.markdown-body blockquote')).borderLeftStyle;"))
        .isEqualTo("solid");
    assertThat(
            js(
                "return getComputedStyle(document.querySelector('.markdown-body pre')).backgroundColor;"))
        .isNotEqualTo("rgba(0, 0, 0, 0)");
  }

  @Test
  void theThemeToggleSaysWhetherDarkIsOn() {
    open("/login", null, DESKTOP);
    WebElement toggle = testId("theme-toggle");
    String before = toggle.getDomAttribute("aria-pressed");
    toggle.click();
    assertThat(toggle.getDomAttribute("aria-pressed")).isNotEqualTo(before).isIn("true", "false");
    assertThat(toggle.getDomAttribute("aria-pressed"))
        .isEqualTo(String.valueOf("dark".equals(theme())));
  }

  @Test
  void theSkipLinkIsTheFirstStopAndLeadsToTheMainContent() {
    open("/", null, DESKTOP);
    WebElement skip = browser.findElement(By.tagName("body"));
    skip.sendKeys(org.openqa.selenium.Keys.TAB);
    WebElement focused = browser.switchTo().activeElement();
    assertThat(focused.getDomAttribute("href")).isEqualTo("#main");
    assertThat(focused.isDisplayed()).isTrue();
    assertThat(browser.findElement(By.id("main")).getTagName()).isEqualTo("main");
  }

  // --- the checks ---

  private record Viewport(String name, int width, int height, boolean mobile) {}

  private static final Viewport DESKTOP = new Viewport("desktop", 1366, 900, false);

  private static final Viewport PHONE = new Viewport("phone", 390, 844, true);

  /** Every problem found by the checks of the current test, reported together at its end. */
  private final List<String> problems = new ArrayList<>();

  @AfterEach
  void reportProblems() {
    List<String> found = List.copyOf(problems);
    problems.clear();
    assertThat(found).as("accessibility and layout problems").isEmpty();
  }

  /**
   * The page at both widths, each in light and dark: axe-clean, and no sideways scroll on a phone.
   */
  private void check(String path, String who) {
    check(path, who, false);
  }

  /** As {@link #check(String, String)}; {@code error}: the page is meant to be the error page. */
  private void check(String path, String who, boolean error) {
    for (Viewport viewport : List.of(DESKTOP, PHONE)) {
      open(path, who, viewport);
      // A stub this test forgot would turn the page into the error page and check that instead.
      boolean errorPage =
          !browser.findElements(By.cssSelector("[data-testid=error-status]")).isEmpty();
      expect(
          errorPage == error,
          "%s (%s) is %san error page".formatted(path, who, errorPage ? "" : "not "));
      for (String theme : List.of("light", "dark")) {
        if (!theme.equals(theme())) {
          // Through the page's own handler; on a phone the toggle sits in the collapsed menu.
          js("arguments[0].click();", testId("theme-toggle"));
        }
        assertThat(theme()).isEqualTo(theme);
        settle();
        axeClean(
            path
                + " ("
                + (who == null ? "visitor" : who)
                + ", "
                + viewport.name()
                + ", "
                + theme
                + ")");
      }
      screenshot(path, who, viewport);
      if (viewport.mobile()) {
        Map<?, ?> size =
            (Map<?, ?>)
                js(
                    "return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth};");
        double scroll = number(size, "scroll");
        double inner = number(size, "inner");
        expect(
            scroll <= inner,
            "%s scrolls sideways at %d px: %s > %s"
                .formatted(path, viewport.width(), scroll, inner));
        List<WebElement> rows = browser.findElements(By.cssSelector("[data-testid=listing-row]"));
        if (!rows.isEmpty()) {
          listingVisible(path, rows.getFirst());
        }
      }
    }
  }

  /**
   * Title, size, the three counts and both links of a row are on screen at phone width, and the
   * links a thumb hits are at least 44 px square.
   */
  private void listingVisible(String path, WebElement row) {
    for (String part :
        List.of(
            "listing-title",
            "listing-size",
            "listing-seeders",
            "listing-leechers",
            "listing-completed",
            "listing-magnet",
            "listing-download")) {
      List<WebElement> found =
          row.findElements(
              By.cssSelector("[data-testid=" + part + "], [data-testid=" + part + "-login]"));
      if (found.isEmpty()) {
        problems.add(path + ": no " + part + " in the first row");
        continue;
      }
      Map<?, ?> box =
          (Map<?, ?>)
              js(
                  "const r = arguments[0].getBoundingClientRect();"
                      + " return {left: r.left, right: r.right, w: r.width, h: r.height,"
                      + " inner: window.innerWidth};",
                  found.getFirst());
      expect(
          number(box, "w") > 0
              && number(box, "h") > 0
              && number(box, "left") >= 0
              && number(box, "right") <= number(box, "inner"),
          "%s: %s is not on a 390 px screen: %s".formatted(path, part, box));
      if (part.equals("listing-title")) {
        // The title gets a line of its own next to the badge, not a sliver between the numbers.
        expect(
            number(box, "w") >= 150 || number(box, "h") < 30,
            "%s: the title is squeezed to %s px".formatted(path, box.get("w")));
      }
      if (part.equals("listing-magnet") || part.equals("listing-download")) {
        expect(
            number(box, "w") >= 44 && number(box, "h") >= 44,
            "%s: %s is a %sx%s px touch target".formatted(path, part, box.get("w"), box.get("h")));
      }
    }
  }

  /**
   * With -Dui.screenshots=DIR, what each check saw (light theme left on) for a human to look at.
   */
  private static void screenshot(String path, String who, Viewport viewport) {
    String dir = System.getProperty("ui.screenshots");
    if (dir == null) {
      return;
    }
    try {
      java.nio.file.Path target =
          java.nio.file.Path.of(dir)
              .resolve(
                  (path + "-" + (who == null ? "visitor" : who) + "-" + viewport.name())
                          .replaceAll("[^A-Za-z0-9-]+", "_")
                      + ".png");
      java.nio.file.Files.createDirectories(target.getParent());
      java.nio.file.Files.write(
          target, browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void expect(boolean ok, String problem) {
    if (!ok) {
      problems.add(problem);
    }
  }

  private static double number(Map<?, ?> values, String key) {
    return ((Number) values.get(key)).doubleValue();
  }

  private void axeClean(String what) {
    if (!Boolean.TRUE.equals(js("return typeof window.axe !== 'undefined';"))) {
      js(axe);
    }
    Object found =
        browser.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: "
                + AXE_TAGS
                + "}, resultTypes: ['violations']})"
                + ".then(r => done(r.violations.flatMap(v => v.nodes.map(n =>"
                + " v.id + ' [' + v.impact + '] ' + n.target.join(' ') + ': '"
                + " + (n.failureSummary || '').replace(/\\s+/g, ' ')))))"
                + ".catch(e => done(['axe failed: ' + e]));");
    for (Object v : (List<?>) found) {
      problems.add(what + ": " + v);
    }
  }

  /**
   * Lets the colour transitions Bootstrap runs after a theme switch end before colours are read.
   */
  private static void settle() {
    browser.executeAsyncScript(
        "const done = arguments[arguments.length - 1];"
            + "const transitions = document.getAnimations().filter(a => a instanceof CSSTransition);"
            + "Promise.race([Promise.all(transitions.map(a => a.finished)),"
            + " new Promise(r => setTimeout(r, 1000))]).then(() => done(true));");
  }

  private void open(String path, String who, Viewport viewport) {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width", viewport.width(),
            "height", viewport.height(),
            "deviceScaleFactor", 1,
            "mobile", viewport.mobile()));
    browser.get(base() + "/actuator/health");
    browser.manage().deleteAllCookies();
    if (who != null) {
      String token =
          "moderator".equals(who) ? stubs.moderatorToken("mod") : stubs.token("uploader");
      browser.manage().addCookie(new Cookie("AT", token, "/"));
    }
    browser.get(base() + path);
  }

  private static String theme() {
    return String.valueOf(js("return document.documentElement.getAttribute('data-bs-theme');"));
  }

  private static WebElement testId(String id) {
    return browser.findElement(By.cssSelector("[data-testid=" + id + "]"));
  }

  private static Object js(String script, Object... args) {
    return ((JavascriptExecutor) browser).executeScript(script, args);
  }

  private String base() {
    return "http://127.0.0.1:" + port;
  }

  // --- canned bodies ---

  private static final String CATEGORIES =
      "[{\"id\":1,\"slug\":\"anime-eng\",\"name\":\"x\",\"nameRu\":\"Аниме: английский перевод\","
          + "\"nameEn\":\"Anime: English-translated\",\"torrentCount\":3},"
          + "{\"id\":2,\"slug\":\"music-ost\",\"name\":\"x\",\"nameRu\":\"Музыка и саундтреки\","
          + "\"nameEn\":\"Music and OST\",\"torrentCount\":0}]";

  private static String hit(long id, String title, long seeders, boolean trusted, boolean remake) {
    return "{\"id\":"
        + id
        + ",\"title\":\""
        + title
        + "\",\"category\":{\"slug\":\"anime-eng\",\"name\":\"Аниме: английский перевод\"},"
        + "\"tags\":[{\"slug\":\"1080p\",\"name\":\"1080p\"}],"
        + "\"uploader\":{\"id\":42,\"username\":\"uploader\"},"
        + "\"infoHash\":\""
        + HASH
        + "\",\"size\":1610612736,\"fileCount\":4,\"createdAt\":\"2025-03-05T14:03:00Z\","
        + "\"seeders\":"
        + seeders
        + ",\"leechers\":"
        + (seeders == 0 ? 0 : 3)
        + ",\"completed\":40,\"downloads\":55,\"comments\":2,\"trusted\":"
        + trusted
        + ",\"remake\":"
        + remake
        + ",\"complete\":false,"
        + "\"series\":{\"slug\":\"sousou-no-frieren\",\"title\":\"Sousou no Frieren\"},"
        + "\"magnetUri\":\"magnet:?xt=urn:btih:"
        + HASH
        + "\"}";
  }

  private static String[] hits() {
    return new String[] {
      hit(
          5,
          "[SubsPlease] Sousou no Frieren - 05 (1080p) [ABCD1234] a very long release name that"
              + " would wrap on a phone",
          12,
          true,
          false),
      hit(6, "[Judas] Sousou no Frieren S01 Batch", 0, false, false),
      hit(7, "Frieren (remake)", 1, false, true)
    };
  }

  private static String results(long total, String... hits) {
    return "{\"items\":["
        + String.join(",", hits)
        + "],\"page\":0,\"size\":50,\"total\":"
        + total
        + "}";
  }

  private static final String TORRENT =
      "{\"id\":5,\"title\":\"[SubsPlease] Sousou no Frieren - 05 (1080p)\","
          + "\"description\":\"x\","
          + "\"descriptionHtml\":\"<p>Great <strong>release</strong></p><blockquote><p>quoted</p>"
          + "</blockquote><pre><code>mpv --sub-file=x.ass</code></pre><p>inline <code>code</code></p>\","
          + "\"category\":{\"slug\":\"anime-eng\",\"name\":\"Аниме: английский перевод\"},"
          + "\"tags\":[{\"slug\":\"1080p\",\"name\":\"1080p\"},{\"slug\":\"hevc\",\"name\":\"HEVC\"}],"
          + "\"uploader\":{\"id\":42,\"username\":\"uploader\"},"
          + "\"infoHash\":\""
          + HASH
          + "\",\"infoHashV2\":null,\"size\":1610612736,\"fileCount\":2,"
          + "\"files\":[{\"path\":\"Frieren/E05.mkv\",\"size\":1610612735},"
          + "{\"path\":\"Frieren/readme.txt\",\"size\":1}],"
          + "\"createdAt\":\"2025-03-05T14:03:00Z\",\"updatedAt\":\"2025-03-05T14:03:00Z\","
          + "\"seeders\":12,\"leechers\":3,\"completed\":40,\"downloads\":55,\"commentCount\":1,"
          + "\"trusted\":true,\"remake\":false,\"complete\":false,"
          + "\"series\":{\"slug\":\"sousou-no-frieren\",\"title\":\"Sousou no Frieren\"},"
          + "\"release\":{\"group\":\"SubsPlease\",\"title\":\"Sousou no Frieren\",\"episodeFrom\":5,"
          + "\"episodeTo\":5,\"resolution\":\"1080p\",\"subtitleLanguages\":[\"en\"]},"
          + "\"mediaInfo\":\"General\\nFormat : Matroska\","
          + "\"magnetUri\":\"magnet:?xt=urn:btih:"
          + HASH
          + "\",\"kind\":\"v1\",\"private\":false,\"createdBy\":\"qBittorrent\"}";

  private static final String COMMENTS =
      "[{\"id\":11,\"torrentId\":5,\"author\":{\"id\":8,\"username\":\"erin\"},"
          + "\"text\":\"*Спасибо*\",\"textHtml\":\"<p><em>Спасибо</em></p>\","
          + "\"createdAt\":\"2025-03-06T10:00:00Z\",\"updatedAt\":\"2025-03-06T11:00:00Z\","
          + "\"edited\":true},"
          + "{\"id\":12,\"torrentId\":5,\"author\":{\"id\":42,\"username\":\"uploader\"},"
          + "\"text\":\"ok\",\"textHtml\":\"<p>ok</p>\",\"createdAt\":\"2025-03-06T12:00:00Z\","
          + "\"updatedAt\":\"2025-03-06T12:00:00Z\",\"edited\":false}]";

  private static final String ME =
      "{\"id\":42,\"username\":\"uploader\",\"email\":\"u@example.org\","
          + "\"createdAt\":\"2024-01-01T00:00:00Z\",\"active\":true,\"moderator\":false,"
          + "\"uploadCount\":1,\"downloadCount\":0}";

  private static final String PROFILE =
      "{\"id\":42,\"username\":\"uploader\",\"createdAt\":\"2024-01-01T00:00:00Z\","
          + "\"moderator\":false,\"trusted\":true,\"uploadCount\":1,\"downloadCount\":0,"
          + "\"banned\":false}";

  private static final String SERIES_LIST =
      "{\"items\":[{\"slug\":\"sousou-no-frieren\",\"title\":\"Sousou no Frieren\","
          + "\"titles\":{\"romaji\":null,\"english\":\"Frieren\",\"russian\":\"Фрирен\","
          + "\"japanese\":null},\"synonyms\":[],\"releaseCount\":3,"
          + "\"updatedAt\":\"2026-11-03T07:05:09Z\"}],\"page\":0,\"size\":50,\"total\":1}";

  /** A series page: a batch and one episode by two groups (SeriesPagesIT's shape, fewer rows). */
  private static final String SERIES =
      "{\"slug\":\"sousou-no-frieren\",\"title\":\"Sousou no Frieren\","
          + "\"titles\":{\"romaji\":\"Sousou no Frieren\",\"english\":\"Frieren\","
          + "\"russian\":\"Провожающая в последний путь Фрирен\",\"japanese\":\"葬送のフリーレン\"},"
          + "\"synonyms\":[\"Frieren\"],\"anilistId\":154587,\"malId\":52991,\"anidbId\":null,"
          + "\"links\":{\"anilist\":\"https://anilist.co/anime/154587\","
          + "\"myanimelist\":\"https://myanimelist.net/anime/52991\",\"anidb\":null},"
          + "\"releaseCount\":3,\"canEdit\":false,\"updatedAt\":\"2026-11-03T07:05:09Z\","
          + "\"episodes\":[{\"label\":\"01–28\",\"episodeFrom\":1,\"episodeTo\":28,\"batch\":true,"
          + "\"groups\":[{\"group\":\"Judas\",\"torrents\":["
          + hit(11, "[Judas] Sousou no Frieren S01 Batch", 90, false, false)
          + "]}]},{\"label\":\"05\",\"episodeFrom\":5,\"episodeTo\":5,\"batch\":false,"
          + "\"groups\":[{\"group\":\"SubsPlease\",\"torrents\":["
          + hit(21, "[SubsPlease] Sousou no Frieren - 05 (1080p)", 50, true, false)
          + "]},{\"group\":\"Erai-raws\",\"torrents\":["
          + hit(23, "[Erai-raws] Sousou no Frieren - 05", 0, false, true)
          + "]}]}]}";

  private static final String INBOX =
      "{\"items\":[{\"id\":\"11\",\"kind\":\"release\",\"torrentId\":5,"
          + "\"title\":\"[SubsPlease] Frieren - 01\",\"url\":\"/torrents/5\",\"read\":false,"
          + "\"createdAt\":\"2025-03-06T10:00:00Z\",\"matchedBy\":[{\"kind\":\"user\","
          + "\"label\":\"erin\"}]},{\"id\":\"12\",\"kind\":\"report-resolved\","
          + "\"title\":\"Fake\",\"url\":\"/torrents/6\",\"read\":true,"
          + "\"action\":\"delete\",\"createdAt\":\"2025-03-05T10:00:00Z\"}],"
          + "\"page\":0,\"size\":20,\"total\":2,\"unread\":1}";

  private static final String FOLLOWS =
      "{\"items\":[{\"id\":\"3\",\"kind\":\"group\",\"target\":\"subsplease\","
          + "\"label\":\"SubsPlease\",\"delivery\":\"instant\"},"
          + "{\"id\":\"5\",\"kind\":\"series\",\"target\":\"sousou-no-frieren\","
          + "\"label\":\"Frieren\",\"delivery\":\"daily\"}]}";

  private static final String AUDIT =
      "{\"items\":[{\"id\":\"1\",\"actor\":\"mod\",\"action\":\"user.ban\","
          + "\"targetType\":\"user\",\"target\":\"mallory\",\"reason\":\"spam\","
          + "\"before\":{\"banned\":false},\"after\":{\"banned\":true},"
          + "\"at\":\"2025-03-07T09:00:00Z\"}],\"page\":0,\"size\":20,\"total\":41}";
}
