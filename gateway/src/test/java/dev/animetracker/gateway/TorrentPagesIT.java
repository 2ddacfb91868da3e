package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The torrent pages (listing, torrent, upload, comments, profiles) against a stub torrent-service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TorrentPagesIT {

  static final ServiceStubs stubs = new ServiceStubs();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    stubs.torrents.answer(
        "GET /api/categories", r -> Answer.json(200, CatalogFixtures.categories()));
    stubs.torrents.answer(
        "GET /api/torrents/5",
        r -> Answer.json(200, CatalogFixtures.torrent(5, "Frieren S01 1080p", 42)));
    stubs.torrents.answer(
        "GET /api/torrents/5/comments", r -> Answer.json(200, CatalogFixtures.comments()));
    client = stubs.client(port);
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  // --- torrent page ---

  @Test
  void torrentPageShowsTitleHashesFileTreeAndCommentsInRussian() {
    client
        .get()
        .uri("/torrents/5")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("data-testid=\"torrent-title\">Frieren S01 1080p<")
                    .contains("0123456789abcdef0123456789abcdef01234567")
                    .contains("data-testid=\"torrent-infohash-v2\"")
                    .contains("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
                    .contains("data-testid=\"torrent-files\"")
                    .contains("Season 1", "E01.mkv", "E02.mkv", "readme.txt")
                    .contains("1,5\u00a0ГиБ")
                    .contains("<p>Great <strong>release</strong></p>")
                    .contains("data-testid=\"comment-item\"")
                    .contains("<em>Спасибо</em>", "/users/erin", "изменён")
                    .contains("magnet:?xt=urn:btih:0123456789abcdef0123456789abcdef01234567")
                    .contains("href=\"/users/uploader\"")
                    .contains("Сиды", "Войдите, чтобы скачать")
                    .contains("/login?redirect=/torrents/5")
                    .doesNotContain("data-testid=\"torrent-download\"")
                    .doesNotContain("data-testid=\"comment-text\""));
  }

  @Test
  void torrentPageInEnglish() {
    client
        .get()
        .uri("/torrents/5?lang=en")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("lang=\"en\"")
                    .contains("Frieren S01 1080p")
                    .contains("1.5\u00a0GiB", "Seeders", "Log in to download", "Files (4)")
                    .contains("Comments (2)", "edited"));
    assertThat(
            stubs
                .torrents
                .requestsTo("/api/torrents/5")
                .getLast()
                .headers()
                .getFirst("Accept-Language"))
        .isEqualTo("en");
  }

  @Test
  void titlesThatLookLikeHtmlAreEscaped() {
    stubs.torrents.answer(
        "GET /api/torrents/6",
        r -> Answer.json(200, CatalogFixtures.torrent(6, "<script>alert(1)</script>", 42)));
    stubs.torrents.answer("GET /api/torrents/6/comments", r -> Answer.json(200, "[]"));
    client
        .get()
        .uri("/torrents/6")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                    .doesNotContain("<script>alert(1)</script>"));
  }

  @Test
  void loggedInUsersGetTheDownloadButtonAndTheCommentForm() {
    stubs.torrents.answer(
        "GET /api/torrents/7",
        r -> Answer.json(200, CatalogFixtures.torrent(7, "Someone else's", 7)));
    stubs.torrents.answer(
        "GET /api/torrents/7/comments", r -> Answer.json(200, CatalogFixtures.comments()));
    client
        .get()
        .uri("/torrents/7")
        .cookie("AT", stubs.token("viewer"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("data-testid=\"torrent-download\"")
                    .contains("href=\"/api/torrents/7/download\"")
                    .contains("data-testid=\"comment-text\"", "data-testid=\"comment-submit\"")
                    // Neither the owner nor a moderator, nor the author of the comments.
                    .doesNotContain("data-testid=\"torrent-manage\"")
                    .doesNotContain("data-testid=\"comment-delete\"")
                    .doesNotContain("data-testid=\"torrent-download-login\""));
  }

  @Test
  void ownersAndModeratorsGetTheEditAndDeleteControls() {
    client
        .get()
        .uri("/torrents/5")
        .cookie("AT", stubs.token("uploader"))
        .exchange()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("data-testid=\"torrent-manage\"", "data-testid=\"torrent-delete\"")
                    .contains("action=\"/torrents/5/edit\"", "action=\"/torrents/5/delete\"")
                    .contains("value=\"tv\" selected"));

    client
        .get()
        .uri("/torrents/5")
        .cookie("AT", stubs.jwks.token(99, "mod", List.of("USER", "MODERATOR")))
        .exchange()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("data-testid=\"torrent-manage\"")
                    // A moderator may delete any comment but edit none of them.
                    .contains("action=\"/torrents/5/comments/11/delete\"")
                    .doesNotContain("action=\"/torrents/5/comments/11/edit\""));
  }

  @Test
  void unknownTorrentIsTheLocalizedNotFoundPage() {
    stubs.torrents.answer(
        "GET /api/torrents/404", r -> Answer.problem(404, "torrent-not-found", ""));
    client
        .get()
        .uri("/torrents/404?lang=en")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("Torrent not found"));
    client
        .get()
        .uri("/torrents/not-a-number")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void serverErrorsOfTheTorrentServiceBecomeTheFriendlyUnavailablePage() {
    stubs.torrents.answer(
        "GET /api/torrents/500", r -> new Answer(500, "application/json", "{\"trace\":\"boom\"}"));
    client
        .get()
        .uri("/torrents/500?lang=en")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("Temporarily unavailable").doesNotContain("boom"));
  }

  // --- comments and moderation ---

  @Test
  void commentIsPostedWithTheUsersTokenAndRedirectsBack() {
    String token = stubs.token("viewer");
    stubs.torrents.answer(
        "POST /api/torrents/5/comments",
        r -> Answer.json(201, "{\"id\":31,\"torrentId\":5,\"text\":\"Nice\"}"));
    client
        .post()
        .uri("/torrents/5/comments")
        .cookie("AT", token)
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromFormData("text", "Спасибо за релиз").with("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/torrents/5#comment-31");
    StubServer.Recorded seen =
        stubs.torrents.requestsTo("/api/torrents/5/comments").stream()
            .filter(r -> r.method().equals("POST"))
            .toList()
            .getLast();
    assertThat(seen.body()).contains("Спасибо за релиз");
    assertThat(seen.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
  }

  @Test
  void commentEditFormSendsTheNewTextAndRedirectsToTheComment() {
    String token = stubs.jwks.token(8, "erin", List.of("USER"));
    stubs.torrents.answer(
        "PATCH /api/comments/11",
        r -> Answer.json(200, "{\"id\":11,\"torrentId\":5,\"text\":\"Поправил\"}"));
    EntityExchangeResult<String> page = torrentPage(token);
    String csrf = BrowserForms.csrf(page, "/torrents/5/comments/11/edit");

    client
        .post()
        .uri("/torrents/5/comments/11/edit")
        .cookie("AT", token)
        .cookie("XSRF-TOKEN", csrf)
        .body(BodyInserters.fromFormData("text", "  Поправил  ").with("_csrf", csrf))
        .exchange()
        .expectStatus()
        .isSeeOther()
        .expectHeader()
        .location("/torrents/5#comment-11");

    List<StubServer.Recorded> seen = stubs.torrents.requestsTo("/api/comments/11");
    assertThat(seen).hasSize(1);
    assertThat(seen.getFirst().method()).isEqualTo("PATCH");
    assertThat(BrowserForms.json(seen.getFirst().body())).isEqualTo(Map.of("text", "Поправил"));
    assertThat(seen.getFirst().headers().getFirst(HttpHeaders.AUTHORIZATION))
        .isEqualTo("Bearer " + token);
  }

  @Test
  void commentDeleteFormDeletesTheCommentAndRedirectsToTheComments() {
    String token = stubs.jwks.token(9, "frank", List.of("USER"));
    stubs.torrents.answer("DELETE /api/comments/12", r -> new Answer(204, "application/json", ""));
    EntityExchangeResult<String> page = torrentPage(token);
    String csrf = BrowserForms.csrf(page, "/torrents/5/comments/12/delete");

    client
        .post()
        .uri("/torrents/5/comments/12/delete")
        .cookie("AT", token)
        .cookie("XSRF-TOKEN", csrf)
        .body(BodyInserters.fromFormData("_csrf", csrf))
        .exchange()
        .expectStatus()
        .isSeeOther()
        .expectHeader()
        .location("/torrents/5?commentDeleted#comments");

    List<StubServer.Recorded> seen = stubs.torrents.requestsTo("/api/comments/12");
    assertThat(seen).hasSize(1);
    assertThat(seen.getFirst().method()).isEqualTo("DELETE");
    assertThat(seen.getFirst().body()).isEmpty();
    assertThat(seen.getFirst().headers().getFirst(HttpHeaders.AUTHORIZATION))
        .isEqualTo("Bearer " + token);
  }

  @Test
  void forbiddenDeleteShowsAReadableMessage() {
    stubs.torrents.answer("DELETE /api/torrents/5", r -> Answer.problem(403, "forbidden", ""));
    client
        .post()
        .uri("/torrents/5/delete?lang=en")
        .cookie("AT", stubs.jwks.token(8, "viewer", List.of("USER")))
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromFormData("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("data-testid=\"action-error\"", "You may not do this.")
                    // user 8 wrote comment 11: may edit and delete it, but not comment 12
                    .contains("action=\"/torrents/5/comments/11/edit\"")
                    .contains("action=\"/torrents/5/comments/11/delete\"")
                    .doesNotContain("action=\"/torrents/5/comments/12/delete\"")
                    .contains("Frieren S01 1080p"));
  }

  @Test
  void ownerDeletesTheTorrentAndLandsOnTheListing() {
    stubs.torrents.answer("DELETE /api/torrents/5", r -> new Answer(204, "application/json", ""));
    client
        .post()
        .uri("/torrents/5/delete")
        .cookie("AT", stubs.token("uploader"))
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromFormData("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/?deleted");
  }

  @Test
  void editForwardsTheChangesAsJson() {
    stubs.torrents.answer(
        "PATCH /api/torrents/5",
        r -> Answer.json(200, CatalogFixtures.torrent(5, "New title", 42)));
    client
        .post()
        .uri("/torrents/5/edit")
        .cookie("AT", stubs.token("uploader"))
        .cookie("XSRF-TOKEN", "tok")
        .body(
            BodyInserters.fromFormData("title", "New title")
                .with("category", "movie")
                .with("tags", "1080p, hevc")
                .with("description", "**bold**")
                .with("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/torrents/5?updated");
    String body =
        stubs.torrents.requestsTo("/api/torrents/5").stream()
            .filter(r -> r.method().equals("PATCH"))
            .toList()
            .getLast()
            .body();
    assertThat(body)
        .contains("\"title\":\"New title\"", "\"category\":\"movie\"", "\"tags\":\"1080p, hevc\"");
  }

  // --- upload ---

  @Test
  void uploadPageRequiresLogin() {
    client
        .get()
        .uri("/upload")
        .exchange()
        .expectStatus()
        .isFound()
        .expectHeader()
        .location("/login?reason=upload&redirect=%2Fupload");
  }

  @Test
  void uploadPageOffersTheCategoriesInThePageLanguage() {
    client
        .get()
        .uri("/upload?lang=en")
        .cookie("AT", stubs.token("uploader"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("data-testid=\"upload-file\"", "data-testid=\"upload-submit\"")
                    .contains("accept=\".torrent,application/x-bittorrent\"")
                    .contains("enctype=\"multipart/form-data\"")
                    .contains("<option value=\"tv\">TV series</option>")
                    .contains("<option value=\"movie\">Movie</option>")
                    .contains("defaults to the torrent&#39;s name")
                    .doesNotContainPattern("<details[^>]*data-testid=\"upload-release\"[^>]*open")
                    .contains("name=\"_csrf\""));
    client
        .get()
        .uri("/upload")
        .cookie("AT", stubs.token("uploader"))
        .exchange()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("<option value=\"tv\">Сериал</option>"));
  }

  @Test
  void successfulUploadIsForwardedAsMultipartAndRedirectsToTheTorrent() {
    String token = stubs.token("uploader");
    stubs.torrents.answer(
        "POST /api/torrents", r -> Answer.json(201, CatalogFixtures.torrent(123, "Frieren", 42)));
    client
        .post()
        .uri("/upload")
        .cookie("AT", token)
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromMultipartData(upload("tok")))
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/torrents/123");

    StubServer.Recorded seen =
        stubs.torrents.requestsTo("/api/torrents").stream()
            .filter(r -> r.method().equals("POST"))
            .toList()
            .getLast();
    assertThat(seen.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
    assertThat(seen.headers().getFirst(HttpHeaders.CONTENT_TYPE)).startsWith("multipart/form-data");
    assertThat(seen.body())
        .contains(CatalogFixtures.TORRENT_FILE)
        .contains("name=\"file\"; filename=\"frieren.torrent\"")
        .contains("name=\"title\"", "Фрирен — 1 сезон")
        .contains("name=\"category\"", "tv")
        .contains("name=\"tags\"", "1080p, subs")
        .contains("name=\"description\"", "**Best** show")
        .doesNotContain("name=\"_csrf\"")
        // Empty release fields are left to torrent-service's parser.
        .doesNotContain("name=\"group\"", "name=\"remake\"");
  }

  @Test
  void releaseCorrectionsAndFlagsAreForwardedAndKeptOnARefusal() {
    String token = stubs.token("uploader");
    stubs.torrents.answer(
        "POST /api/torrents",
        r ->
            Answer.problem(
                400,
                "validation-failed",
                ",\"errors\":[{\"field\":\"crc32\",\"code\":\"Pattern\","
                    + "\"message\":\"crc32 must be 8 hex digits.\"}]"));
    MultipartBodyBuilder form = CatalogFixtures.uploadForm("tok");
    form.part("group", "SubsPlease");
    form.part("crc32", "XYZ");
    form.part("resolution", "");
    form.part("remake", "true");
    String html =
        client
            .post()
            .uri("/upload?lang=en")
            .cookie("AT", token)
            .cookie("XSRF-TOKEN", "tok")
            .body(BodyInserters.fromMultipartData(form.build()))
            .exchange()
            .expectStatus()
            .isBadRequest()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    StubServer.Recorded seen =
        stubs.torrents.requestsTo("/api/torrents").stream()
            .filter(r -> r.method().equals("POST"))
            .toList()
            .getLast();
    assertThat(seen.body())
        .contains("name=\"group\"", "SubsPlease")
        .contains("name=\"crc32\"", "XYZ")
        .contains("name=\"remake\"")
        .doesNotContain("name=\"resolution\"");
    assertThat(html)
        .containsPattern("id=\"release-group\"[^>]*value=\"SubsPlease\"")
        .containsPattern("data-testid=\"upload-crc32-error\"")
        .containsPattern("id=\"remake\"[^>]*checked")
        .containsPattern("<details[^>]*data-testid=\"upload-release\"[^>]*open")
        .contains("Finished series (complete batch)");
  }

  @Test
  void duplicateUploadLinksToTheExistingTorrentAndKeepsTheForm() {
    stubs.torrents.answer(
        "POST /api/torrents", r -> Answer.problem(409, "duplicate-torrent", ",\"torrentId\":77"));
    client
        .post()
        .uri("/upload?lang=en")
        .cookie("AT", stubs.token("uploader"))
        .header("X-XSRF-TOKEN", "tok")
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromMultipartData(upload(null)))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("This torrent has already been uploaded.")
                    .contains("href=\"/torrents/77\"", "data-testid=\"upload-duplicate-link\"")
                    .contains("value=\"Фрирен — 1 сезон\"", "value=\"1080p, subs\"")
                    .contains("<option value=\"tv\" selected=\"selected\">")
                    .contains("**Best** show"));
  }

  @Test
  void parserErrorsAreShownInlineOnTheFileField() {
    stubs.torrents.answer(
        "POST /api/torrents",
        r ->
            Answer.problem(
                400,
                "not-bencode",
                ",\"detail\":\"The file is not a valid .torrent: Invalid bencode at byte 12.\","
                    + "\"args\":{\"offset\":12}"));
    client
        .post()
        .uri("/upload?lang=en")
        .cookie("AT", stubs.token("uploader"))
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromMultipartData(upload("tok")))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("data-testid=\"upload-file-error\"")
                    .contains("This is not a .torrent file", "(error at byte 12)")
                    .doesNotContain("Invalid bencode")
                    .contains("aria-describedby=\"file-error\"")
                    .contains("aria-invalid=\"true\""));
  }

  @Test
  void fieldErrorsAndTooLargeAreShownInline() {
    stubs.torrents.answer(
        "POST /api/torrents",
        r ->
            Answer.problem(
                400,
                "validation-failed",
                ",\"errors\":[{\"field\":\"tags\",\"code\":\"Size\",\"message\":\"at most 10\"}]"));
    client
        .post()
        .uri("/upload?lang=en")
        .cookie("AT", stubs.token("uploader"))
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromMultipartData(upload("tok")))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("data-testid=\"upload-tags-error\"", "At most 10 tags.")
                    .contains("aria-describedby=\"tags-error\""));

    stubs.torrents.answer("POST /api/torrents", r -> Answer.problem(413, "too-large", ""));
    client
        .post()
        .uri("/upload?lang=en")
        .cookie("AT", stubs.token("uploader"))
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromMultipartData(upload("tok")))
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("The file is too large"));
  }

  @Test
  void uploadWithoutAFileIsRefusedBeforeCallingTheService() {
    int before = stubs.torrents.requestsTo("/api/torrents").size();
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    form.part("category", "tv");
    form.part("_csrf", "tok");
    client
        .post()
        .uri("/upload?lang=en")
        .cookie("AT", stubs.token("uploader"))
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromMultipartData(form.build()))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("Choose a .torrent file."));
    assertThat(stubs.torrents.requestsTo("/api/torrents")).hasSize(before);
  }

  @Test
  void multipartUploadWithoutCsrfTokenIsRefused() {
    client
        .post()
        .uri("/upload")
        .cookie("AT", stubs.token("uploader"))
        .body(BodyInserters.fromMultipartData(upload(null)))
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  // --- listing and profiles ---

  @Test
  void uploadListingShowsRowsAndPages() {
    stubProfile();
    stubs.torrents.answer("GET /api/torrents", r -> Answer.json(200, page(120)));
    client
        .get()
        .uri("/users/uploader?page=2&lang=en")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("data-testid=\"listing-row\"")
                    .contains("href=\"/torrents/5\"", "Frieren S01 1080p")
                    .contains("href=\"/torrents/6\"", "&lt;b&gt;bold&lt;/b&gt;")
                    .contains("1.5\u00a0GiB", "TV series")
                    .contains(
                        "data-testid=\"pager\"",
                        "href=\"/users/uploader?page=3\"",
                        "href=\"/users/uploader?page=1\"")
                    .contains("aria-current=\"page\""));
    assertThat(stubs.torrents.requestsTo("/api/torrents").getLast().query())
        .contains("page=1")
        .contains("size=20")
        .contains("uploader=uploader");
  }

  @Test
  void emptyUploadListingSaysSo() {
    stubProfile();
    stubs.torrents.answer(
        "GET /api/torrents",
        r -> Answer.json(200, "{\"items\":[],\"page\":0,\"size\":20,\"total\":0}"));
    client
        .get()
        .uri("/users/uploader")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("data-testid=\"listing-empty\"")
                    .doesNotContain("data-testid=\"listing-row\""));
  }

  @Test
  void publicProfileListsTheUsersUploads() {
    stubProfile();
    stubs.torrents.answer("GET /api/torrents", r -> Answer.json(200, page(2)));
    client
        .get()
        .uri("/users/uploader")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("data-testid=\"user-uploads\"", "data-testid=\"listing-row\"")
                    .contains("Frieren S01 1080p"));
    assertThat(stubs.torrents.requestsTo("/api/torrents").getLast().query())
        .contains("uploader=uploader");
  }

  @Test
  void ownProfileListsUploadsAndTheNotificationToggle() {
    String token = stubs.token("uploader");
    stubOwnProfile();
    client
        .get()
        .uri("/profile?lang=en")
        .cookie("AT", token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("data-testid=\"listing-row\"", "Frieren S01 1080p")
                    .contains("E-mail me about comments on my uploads")
                    .containsPattern("preferences-notify-on-comment\"[^>]*checked=\"checked\"")
                    .doesNotContain("data-testid=\"preferences-saved\""));
    assertThat(stubs.torrents.requestsTo("/api/torrents").getLast().query())
        .contains("uploader=uploader");

    stubs.users.answer(
        "PUT /api/users/me/preferences", r -> Answer.json(200, "{\"notifyOnComment\":false}"));
    client
        .post()
        .uri("/profile/preferences")
        .cookie("AT", token)
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromFormData("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .is3xxRedirection()
        .expectHeader()
        .location("/profile?saved");
    StubServer.Recorded put =
        stubs.users.requestsTo("/api/users/me/preferences").stream()
            .filter(r -> r.method().equals("PUT"))
            .toList()
            .getLast();
    assertThat(put.body()).contains("\"notifyOnComment\":false");
    assertThat(put.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
  }

  @Test
  void apiKeyRotationShowsTheNewKeyAndItsFeedAddressesOnceAndTheProfileNeverAgain() {
    String token = stubs.token("uploader");
    stubOwnProfile();
    String key = "0123456789abcdef".repeat(4);
    stubs.users.answer(
        "POST /api/users/me/api-key", r -> Answer.json(200, "{\"apiKey\":\"" + key + "\"}"));
    EntityExchangeResult<String> profile =
        client
            .get()
            .uri("/profile")
            .cookie("AT", token)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult();
    assertThat(profile.getResponseBody())
        .contains("data-testid=\"api-key-status\"")
        .doesNotContain(key);
    String csrf = BrowserForms.csrf(profile, "/profile/api-key");

    // The key exists in clear text only in this answer (user-service keeps its hash): shown with
    // the feed addresses built from it, and never cached.
    client
        .post()
        .uri("/profile/api-key")
        .cookie("AT", token)
        .cookie("XSRF-TOKEN", csrf)
        .body(BodyInserters.fromFormData("_csrf", csrf))
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .cacheControl(org.springframework.http.CacheControl.noStore())
        .expectBody(String.class)
        .value(
            page ->
                assertThat(page)
                    .contains("data-testid=\"api-key-new\"")
                    .contains(key)
                    .contains("/rss?apikey=" + key)
                    .contains("/torznab/api?apikey=" + key)
                    .contains("Скопируйте ключ"));

    List<StubServer.Recorded> rotations =
        stubs.users.requestsTo("/api/users/me/api-key").stream()
            .filter(r -> r.method().equals("POST"))
            .toList();
    assertThat(rotations).hasSize(1);
    assertThat(rotations.getFirst().body()).isEmpty();
    assertThat(rotations.getFirst().headers().getFirst(HttpHeaders.AUTHORIZATION))
        .isEqualTo("Bearer " + token);
  }

  @Test
  void theProfileVisitThatMadeTheFirstKeyShowsItOnce() {
    String token = stubs.token("uploader");
    stubOwnProfile();
    String key = "fedcba9876543210".repeat(4);
    stubs.users.answer(
        "GET /api/users/me/api-key",
        r ->
            Answer.json(
                200,
                "{\"exists\":true,\"createdAt\":\"2024-02-01T00:00:00Z\",\"apiKey\":\""
                    + key
                    + "\"}"));
    client
        .get()
        .uri("/profile")
        .cookie("AT", token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectHeader()
        .cacheControl(org.springframework.http.CacheControl.noStore())
        .expectBody(String.class)
        .value(
            page ->
                assertThat(page)
                    .contains("data-testid=\"api-key-new\"")
                    .contains("/rss?apikey=" + key));
  }

  @Test
  void navbarOffersUploadToLoggedInUsersOnly() {
    client
        .get()
        .uri("/torrents/5")
        .exchange()
        .expectBody(String.class)
        .value(html -> assertThat(html).doesNotContain("data-testid=\"nav-upload\""));
    client
        .get()
        .uri("/torrents/5")
        .cookie("AT", stubs.token("uploader"))
        .exchange()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("data-testid=\"nav-upload\""));
  }

  @Test
  void markdownPreviewIsRoutedToTheTorrentService() {
    stubs.torrents.answer(
        "POST /api/markdown/preview", r -> Answer.json(200, "{\"html\":\"<p>x</p>\"}"));
    client
        .post()
        .uri("/api/markdown/preview")
        .cookie("AT", stubs.token("uploader"))
        .cookie("XSRF-TOKEN", "tok")
        .header("X-XSRF-TOKEN", "tok")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"text\":\"x\"}")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.html")
        .isEqualTo("<p>x</p>");
  }

  // --- canned bodies ---

  /** The torrent page as the viewer with this token sees it (with its forms). */
  private EntityExchangeResult<String> torrentPage(String token) {
    return client
        .get()
        .uri("/torrents/5")
        .cookie("AT", token)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult();
  }

  /** What /profile loads for "uploader": the account, its API key, preferences and uploads. */
  private static void stubOwnProfile() {
    stubs.users.answer(
        "GET /api/users/me",
        r ->
            Answer.json(
                200,
                "{\"id\":42,\"username\":\"uploader\",\"email\":\"u@example.org\","
                    + "\"createdAt\":\"2024-01-01T00:00:00Z\",\"active\":true,\"moderator\":false,"
                    + "\"uploadCount\":2,\"downloadCount\":0}"));
    stubs.users.answer(
        "GET /api/users/me/api-key",
        r -> Answer.json(200, "{\"exists\":true,\"createdAt\":\"2024-02-01T00:00:00Z\"}"));
    stubs.users.answer(
        "GET /api/users/me/preferences", r -> Answer.json(200, "{\"notifyOnComment\":true}"));
    stubs.torrents.answer("GET /api/torrents", r -> Answer.json(200, page(2)));
  }

  private static void stubProfile() {
    stubs.users.answer(
        "GET /api/users/uploader",
        r ->
            Answer.json(
                200,
                "{\"id\":42,\"username\":\"uploader\",\"createdAt\":\"2024-01-01T00:00:00Z\","
                    + "\"moderator\":false,\"uploadCount\":2,\"downloadCount\":0}"));
  }

  private static org.springframework.util.MultiValueMap<
          String, org.springframework.http.HttpEntity<?>>
      upload(String csrf) {
    return CatalogFixtures.uploadForm(csrf).build();
  }

  private static String page(long total) {
    String first =
        CatalogFixtures.torrent(5, "Frieren S01 1080p", 42)
            .replace(",\"files\":[", ",\"ignored\":[");
    String second = CatalogFixtures.torrent(6, "<b>bold</b>", 42);
    return "{\"items\":["
        + first
        + ","
        + second
        + "],\"page\":1,\"size\":50,\"total\":"
        + total
        + "}";
  }
}
