package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Issue 12 in the pages: the torrent page's flags, release block, series link and MediaInfo, the
 * edit form's release fields, and the moderators' trusted toggle on a profile, against stub
 * services.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReleasePagesIT {

  static final ServiceStubs stubs = new ServiceStubs();

  static final String RELEASE =
      "{\"group\":\"SubsPlease\",\"title\":\"Sousou no Frieren\",\"season\":1,"
          + "\"episodeFrom\":1,\"episodeTo\":12,\"batch\":true,\"version\":2,"
          + "\"resolution\":\"1080p\",\"source\":\"WEB\",\"videoCodec\":\"HEVC\","
          + "\"audioCodec\":\"AAC\",\"crc32\":\"ABCD1234\",\"subtitleLanguages\":[\"en\",\"ru\"],"
          + "\"audioLanguages\":[\"ja\"]}";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    stubs.torrents.answer("GET /api/categories", r -> Answer.json(200, "[]"));
    stubs.torrents.answer("GET /api/torrents/5/comments", r -> Answer.json(200, "[]"));
    stubs.torrents.answer(
        "GET /api/torrents/5",
        r ->
            Answer.json(
                200,
                torrent(
                    RELEASE,
                    ",\"trusted\":true,\"remake\":true,\"complete\":true,"
                        + "\"series\":{\"slug\":\"sousou-no-frieren\",\"title\":\"Frieren\"},"
                        + "\"mediaInfo\":\"General\\nFormat\\t: Matroska\"")));
    stubs.torrents.answer("GET /api/torrents", r -> Answer.json(200, "{\"items\":[],\"total\":0}"));
    client = stubs.client(port);
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  // --- torrent page ---

  @Test
  void theTorrentPageShowsFlagsReleaseSeriesAndMediaInfoInRussian() {
    assertThat(page("/torrents/5"))
        .contains("data-testid=\"torrent-trusted\"", "Доверенный")
        .containsPattern("badge text-bg-success[^>]*data-testid=\"torrent-trusted\"")
        .containsPattern("badge text-bg-danger[^>]*data-testid=\"torrent-remake\"")
        .contains("data-testid=\"torrent-complete\"", "Полный сериал")
        .contains("href=\"/?group=SubsPlease\"", ">SubsPlease</a>")
        .contains("Серии 1–12", "data-testid=\"release-batch\"", "Пак")
        .contains("data-testid=\"release-season\">1<", "data-testid=\"release-version\">v2<")
        .contains("data-testid=\"release-resolution\">1080p<", ">WEB<", "HEVC · AAC")
        .contains("data-testid=\"release-crc32\">ABCD1234<")
        .contains("data-testid=\"release-subtitles\">Английский, Русский<")
        .contains("data-testid=\"release-audio\">Японский<")
        .contains("href=\"/series/sousou-no-frieren\"", ">Frieren</a>")
        .contains("data-testid=\"torrent-mediainfo\"")
        .containsPattern("<pre [^>]*>General\nFormat\t: Matroska</pre>");
  }

  @Test
  void languageNamesAndEpisodesFollowThePageLanguage() {
    assertThat(page("/torrents/5?lang=en"))
        .contains("Trusted", "Remake", "Complete series", "Episodes 1–12", "Batch")
        .contains("data-testid=\"release-subtitles\">English, Russian<")
        .contains("data-testid=\"release-audio\">Japanese<");
  }

  @Test
  void aTorrentWithoutReleaseSeriesOrMediaInfoShowsNoneOfTheirBlocks() {
    stubs.torrents.answer("GET /api/torrents/6", r -> Answer.json(200, torrent("null", "", 6)));
    stubs.torrents.answer("GET /api/torrents/6/comments", r -> Answer.json(200, "[]"));
    assertThat(page("/torrents/6"))
        .contains("data-testid=\"torrent-title\"")
        .doesNotContain("data-testid=\"torrent-release\"", "data-testid=\"torrent-series\"")
        .doesNotContain("data-testid=\"torrent-mediainfo\"", "data-testid=\"torrent-trusted\"")
        .doesNotContain("data-testid=\"torrent-remake\"", "data-testid=\"torrent-complete\"");
  }

  @Test
  void hostileReleaseValuesSeriesAndMediaInfoAreEscapedNeverRendered() {
    String script = "<script>alert(1)</script>";
    stubs.torrents.answer(
        "GET /api/torrents/7",
        r ->
            Answer.json(
                200,
                torrent(
                    "{\"group\":\"" + script + "\",\"audioCodec\":\"\\\"><img src=x>\"}",
                    ",\"series\":{\"slug\":\"a/../../admin?x=1\",\"title\":\""
                        + script
                        + "\"},\"mediaInfo\":\"<img src=x onerror=alert(1)> **bold** "
                        + script
                        + "\"",
                    7)));
    stubs.torrents.answer("GET /api/torrents/7/comments", r -> Answer.json(200, "[]"));
    assertThat(page("/torrents/7"))
        .doesNotContain(script, "<img src=x", "<strong>bold")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .contains("&lt;img src=x onerror=alert(1)&gt; **bold**")
        .contains("href=\"/?group=%3Cscript%3Ealert(1)%3C/script%3E\"")
        .contains("&quot;&gt;&lt;img src=x&gt;")
        // The slug is one path segment: its slashes cannot climb out of /series/.
        .contains("href=\"/series/a%2F..%2F..%2Fadmin%3Fx=1\"");
  }

  // --- edit form ---

  @Test
  void theEditFormOffersTheReleaseFieldsAndOnlyModeratorsTheTrustedFlag() {
    String uploader = pageAs("/torrents/5", stubs.token("uploader"));
    assertThat(uploader)
        .containsPattern("name=\"group\"[^>]*value=\"SubsPlease\"")
        .containsPattern("name=\"subtitleLanguages\"[^>]*value=\"en, ru\"")
        .containsPattern("name=\"episodeTo\"[^>]*value=\"12\"")
        .containsPattern("name=\"remake\"[^>]*checked")
        .contains("data-testid=\"edit-series\"", "placeholder=\"sousou-no-frieren\"")
        .containsPattern("data-testid=\"edit-mediaInfo\">General\nFormat\t: Matroska</textarea>")
        .doesNotContain("data-testid=\"edit-trusted\"");
    assertThat(pageAs("/torrents/5", stubs.jwks.token(99, "mod", List.of("USER", "MODERATOR"))))
        .containsPattern("id=\"edit-trusted\"[^>]*checked=\"checked\"");
  }

  @Test
  void theEditSendsChangedReleaseFieldsBothEpisodeEndsFlagsSeriesAndMediaInfo() {
    stubs.torrents.answer("PATCH /api/torrents/5", r -> Answer.json(200, torrent(RELEASE, "", 5)));
    client
        .post()
        .uri("/torrents/5/edit")
        .cookie("AT", stubs.token("uploader"))
        .cookie("XSRF-TOKEN", "tok")
        .body(
            editForm(
                "episodeFrom", "3",
                "resolution", "720p",
                "crc32", "",
                "series", "frieren",
                "mediaInfo", "Audio\r\nFLAC",
                "trusted", "true"))
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/torrents/5?updated");
    Map<String, Object> body = BrowserForms.json(lastPatch());
    assertThat(body)
        .containsEntry("title", "Frieren")
        .containsEntry("remake", true)
        .containsEntry("complete", false)
        .containsEntry("series", "frieren")
        .containsEntry("mediaInfo", "Audio\r\nFLAC")
        // Only a moderator's form carries the flag: the service refuses it from anyone else.
        .doesNotContainKey("trusted");
    @SuppressWarnings("unchecked")
    Map<String, Object> release = (Map<String, Object>) body.get("release");
    // Unchanged fields stay out (a new title alone would re-parse), a changed episode end goes
    // with the other one, an emptied field clears.
    assertThat(release)
        .containsOnlyKeys("episodeFrom", "episodeTo", "resolution", "crc32")
        .containsEntry("episodeFrom", "3")
        .containsEntry("episodeTo", "12")
        .containsEntry("resolution", "720p")
        .containsEntry("crc32", null);

    client
        .post()
        .uri("/torrents/5/edit")
        .cookie("AT", stubs.jwks.token(99, "mod", List.of("USER", "MODERATOR")))
        .cookie("XSRF-TOKEN", "tok")
        .body(editForm("mediaInfo", "  "))
        .exchange()
        .expectStatus()
        .is3xxRedirection();
    Map<String, Object> moderator = BrowserForms.json(lastPatch());
    assertThat(moderator)
        .containsEntry("trusted", false)
        .containsEntry("mediaInfo", null)
        .doesNotContainKeys("release", "series");
  }

  @Test
  void refusedEditFieldsAreShownNextToThemInThePageLanguageWithTheTypedValuesKept() {
    stubs.torrents.answer(
        "PATCH /api/torrents/5",
        r ->
            Answer.problem(
                400,
                "validation-failed",
                ",\"errors\":[{\"field\":\"crc32\",\"code\":\"Pattern\","
                    + "\"message\":\"crc32 must be 8 hexadecimal digits.\"},"
                    + "{\"field\":\"mediaInfo\",\"code\":\"Size\",\"message\":\"too long\"},"
                    + "{\"field\":\"series\",\"code\":\"Exists\",\"message\":\"no series\"}]"));
    for (String lang : List.of("ru", "en")) {
      String html =
          client
              .post()
              .uri("/torrents/5/edit?lang=" + lang)
              .cookie("AT", stubs.token("uploader"))
              .cookie("XSRF-TOKEN", "tok")
              .body(
                  editForm(
                      "crc32", "<b>nothex</b>", "series", "no-such", "mediaInfo", "x".repeat(100)))
              .exchange()
              .expectStatus()
              .isBadRequest()
              .expectBody(String.class)
              .returnResult()
              .getResponseBody();
      assertThat(html)
          .containsPattern("name=\"crc32\"[^>]*value=\"&lt;b&gt;nothex&lt;/b&gt;\"")
          .containsPattern("name=\"series\"[^>]*value=\"no-such\"")
          .contains("x".repeat(100) + "</textarea>")
          .contains("data-testid=\"edit-crc32-error\"", "data-testid=\"edit-mediaInfo-error\"")
          .contains("data-testid=\"edit-series-error\"")
          .doesNotContain("crc32 must be 8 hexadecimal digits.", "<b>nothex</b>");
      if (lang.equals("ru")) {
        assertThat(html)
            .contains("CRC32 — это 8 шестнадцатеричных цифр", "Текст MediaInfo длиннее 64 КиБ.")
            .contains("Такого сериала нет.");
      } else {
        assertThat(html)
            .contains(
                "A CRC32 is 8 hexadecimal digits", "The MediaInfo text is longer than 64 KiB.")
            .contains("There is no such series.");
      }
    }
  }

  // --- upload form ---

  @Test
  void theUploadFormForwardsMediaInfoAndShowsItsRefusalNextToTheTextareaWithTheTextKept() {
    stubs.torrents.answer(
        "POST /api/torrents",
        r ->
            Answer.problem(
                400,
                "validation-failed",
                ",\"errors\":[{\"field\":\"mediaInfo\",\"code\":\"Size\","
                    + "\"message\":\"The MediaInfo text is longer than 64 KiB.\"}]"));
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    form.part("_csrf", "tok");
    form.part(
            "file",
            new ByteArrayResource("d4:infod4:name7:Frierenee".getBytes(StandardCharsets.US_ASCII)) {
              @Override
              public String getFilename() {
                return "frieren.torrent";
              }
            })
        .contentType(MediaType.parseMediaType("application/x-bittorrent"));
    form.part("category", "tv");
    form.part("mediaInfo", "General\r\n<b>Format</b> : Matroska");
    String html =
        client
            .post()
            .uri("/upload")
            .cookie("AT", stubs.token("uploader"))
            .cookie("XSRF-TOKEN", "tok")
            .body(BodyInserters.fromMultipartData(form.build()))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    StubServer.Recorded upload =
        stubs.torrents.requestsTo("/api/torrents").stream()
            .filter(r -> r.method().equals("POST"))
            .toList()
            .getLast();
    assertThat(upload.body()).contains("name=\"mediaInfo\"", "General\r\n<b>Format</b> : Matroska");
    assertThat(html)
        .contains("data-testid=\"upload-mediaInfo-error\"", "Текст MediaInfo длиннее 64 КиБ.")
        .contains("General\r\n&lt;b&gt;Format&lt;/b&gt; : Matroska</textarea>")
        .doesNotContain("<b>Format</b>");
  }

  // --- trusted toggle on the profile ---

  @Test
  void theTrustedBadgeIsForEveryoneTheToggleOnlyForModerators() {
    stubProfile("erin", true);
    assertThat(page("/users/erin"))
        .contains("data-testid=\"user-trusted\"", "Доверенный релизер")
        .doesNotContain("data-testid=\"user-trusted-form\"");
    assertThat(pageAs("/users/erin", stubs.token("viewer")))
        .doesNotContain("data-testid=\"user-trusted-form\"");
    assertThat(
            pageAs(
                "/users/erin?lang=en", stubs.jwks.token(99, "mod", List.of("USER", "MODERATOR"))))
        .contains("action=\"/users/erin/trusted\"", "Withdraw the trusted mark")
        .containsPattern("name=\"trusted\" value=\"false\"");

    stubProfile("frank", false);
    assertThat(pageAs("/users/frank", stubs.jwks.token(99, "mod", List.of("USER", "MODERATOR"))))
        .doesNotContain("data-testid=\"user-trusted\"")
        .contains("Отметить как доверенного")
        .containsPattern("name=\"trusted\" value=\"true\"");
  }

  @Test
  void aModeratorsToggleIsForwardedWithTheirTokenAndConfirmed() {
    stubProfile("frank", false);
    String moderator = stubs.jwks.token(99, "mod", List.of("USER", "MODERATOR"));
    stubs.users.answer(
        "PUT /api/users/frank/trusted", r -> Answer.json(200, profile("frank", true)));
    client
        .post()
        .uri("/users/frank/trusted")
        .cookie("AT", moderator)
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromFormData("trusted", "true").with("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/users/frank?trustedGranted");
    StubServer.Recorded put = stubs.users.requestsTo("/api/users/frank/trusted").getLast();
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(BrowserForms.json(put.body())).containsExactlyEntriesOf(Map.of("trusted", true));
    assertThat(put.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + moderator);
    assertThat(pageAs("/users/frank?trustedGranted", moderator))
        .contains("data-testid=\"user-trusted-saved\"", "Релизер отмечен как доверенный.");
  }

  @Test
  void aRefusedToggleIsShownReadablyInThePageLanguage() {
    stubProfile("erin", true);
    stubs.users.answer(
        "PUT /api/users/erin/trusted",
        r -> Answer.problem(403, "forbidden", ",\"detail\":\"Only moderators may do this.\""));
    for (String lang : List.of("ru", "en")) {
      String html =
          client
              .post()
              .uri("/users/erin/trusted?lang=" + lang)
              .cookie("AT", stubs.token("viewer"))
              .cookie("XSRF-TOKEN", "tok")
              .body(BodyInserters.fromFormData("trusted", "false").with("_csrf", "tok"))
              .exchange()
              .expectStatus()
              .isForbidden()
              .expectBody(String.class)
              .returnResult()
              .getResponseBody();
      assertThat(html)
          .contains("data-testid=\"user-trusted-error\"")
          .contains(lang.equals("ru") ? "У вас нет прав на это действие." : "You may not do this.")
          .contains("data-testid=\"user-trusted\"");
    }
  }

  @Test
  void visitorsPostingTheToggleAreSentToTheLogin() {
    client
        .post()
        .uri("/users/gina/trusted")
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromFormData("trusted", "true").with("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/login?redirect=/users/gina");
    assertThat(stubs.users.requestsTo("/api/users/gina/trusted")).isEmpty();
  }

  // --- helpers ---

  private String page(String path) {
    return client
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  private String pageAs(String path, String token) {
    return client
        .get()
        .uri(path)
        .cookie("AT", token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult()
        .getResponseBody();
  }

  /** The edit form as the page renders it for torrent 5, with some fields changed. */
  private static BodyInserters.FormInserter<String> editForm(String... changes) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("title", "Frieren");
    fields.put("category", "tv");
    fields.put("tags", "1080p");
    fields.put("description", "Great **release**");
    fields.put("group", "SubsPlease");
    fields.put("season", "1");
    fields.put("episodeFrom", "1");
    fields.put("episodeTo", "12");
    fields.put("resolution", "1080p");
    fields.put("source", "WEB");
    fields.put("videoCodec", "HEVC");
    fields.put("audioCodec", "AAC");
    fields.put("subtitleLanguages", "en, ru");
    fields.put("audioLanguages", "ja");
    fields.put("version", "2");
    fields.put("crc32", "ABCD1234");
    fields.put("remake", "true");
    fields.put("_csrf", "tok");
    for (int i = 0; i < changes.length; i += 2) {
      fields.put(changes[i], changes[i + 1]);
    }
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    fields.forEach(form::add);
    return BodyInserters.fromFormData(form);
  }

  private static String lastPatch() {
    return stubs.torrents.requestsTo("/api/torrents/5").stream()
        .filter(r -> r.method().equals("PATCH"))
        .toList()
        .getLast()
        .body();
  }

  private static void stubProfile(String username, boolean trusted) {
    stubs.users.answer(
        "GET /api/users/" + username, r -> Answer.json(200, profile(username, trusted)));
  }

  private static String profile(String username, boolean trusted) {
    return "{\"id\":8,\"username\":\""
        + username
        + "\",\"createdAt\":\"2024-01-01T00:00:00Z\",\"moderator\":false,\"trusted\":"
        + trusted
        + ",\"uploadCount\":0,\"downloadCount\":0,\"banned\":false}";
  }

  private static String torrent(String release, String extra) {
    return torrent(release, extra, 5);
  }

  private static String torrent(String release, String extra, long id) {
    return "{\"id\":"
        + id
        + ",\"title\":\"Frieren\",\"description\":\"Great **release**\","
        + "\"descriptionHtml\":\"<p>Great</p>\","
        + "\"category\":{\"slug\":\"tv\",\"name\":\"TV series\"},"
        + "\"tags\":[{\"slug\":\"1080p\",\"name\":\"1080p\"}],"
        + "\"uploader\":{\"id\":42,\"username\":\"uploader\"},"
        + "\"infoHash\":\"0123456789abcdef0123456789abcdef01234567\",\"infoHashV2\":null,"
        + "\"size\":1024,\"fileCount\":1,\"files\":[{\"path\":\"Frieren.mkv\",\"size\":1024}],"
        + "\"createdAt\":\"2025-03-05T14:03:00Z\",\"updatedAt\":\"2025-03-05T14:03:00Z\","
        + "\"seeders\":1,\"leechers\":0,\"completed\":0,\"downloads\":0,\"commentCount\":0,"
        + "\"magnetUri\":\"magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567\","
        + "\"kind\":\"v1\",\"private\":false,\"createdBy\":null,\"release\":"
        + release
        + extra
        + "}";
  }
}
