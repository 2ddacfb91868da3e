package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import java.time.Duration;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
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
 * Issue 14: a Russian page shows only Russian, whatever English the services put in their problems
 * ({@code detail}, {@code errors[].message}); their {@code code}s and {@code args} are translated.
 * Every form and error path is driven with a stub answering in English, and the Russian rendering
 * is scanned for English sentences ({@link EnglishText}). Also: {@code Accept-Language} picks the
 * first visit's language, the dead ends of visitors (download, upload) say why and come back, the
 * registration is POST-redirect-GET, dates say they are UTC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PageLanguageIT {

  static final ServiceStubs stubs = new ServiceStubs();

  /** What every stub answers besides the code: English a Russian page must not show. */
  static final String ENGLISH_DETAIL = ",\"detail\":\"The request was refused by the service.\"";

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
    stubs.torrents.answer("GET /api/tags", r -> Answer.json(200, "[]"));
    stubs.torrents.answer(
        "GET /api/torrents/5",
        r -> Answer.json(200, CatalogFixtures.torrent(5, "Фрирен 01 1080p", 42)));
    stubs.torrents.answer(
        "GET /api/torrents/5/comments", r -> Answer.json(200, CatalogFixtures.comments()));
    stubs.search.answer(
        "GET /api/search",
        r -> Answer.json(200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}"));
    client = stubs.client(port);
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  // --- every error path in Russian ---

  @Test
  void aBrokenTorrentIsExplainedInRussianWithTheByteOffset() {
    stubs.torrents.answer(
        "POST /api/torrents",
        r ->
            Answer.problem(
                400,
                "not-bencode",
                ",\"detail\":\"The file is not a valid .torrent: Invalid bencode at byte 0:"
                    + " unexpected end of input.\",\"args\":{\"offset\":0}"));
    russian(
        upload(),
        400,
        html -> assertThat(html).contains("Это не торрент-файл", "(ошибка в байте 0)"));

    stubs.torrents.answer(
        "POST /api/torrents",
        r ->
            Answer.problem(
                413,
                "torrent-too-large",
                ",\"detail\":\"The .torrent file is larger than the limit of 10240 KiB.\","
                    + "\"args\":{\"limit\":10485760}"));
    russian(upload(), 413, html -> assertThat(html).contains("Файл слишком большой"));
  }

  @Test
  void uploadFieldErrorsAndQuotasAreRussian() {
    stubs.torrents.answer(
        "POST /api/torrents",
        r ->
            Answer.problem(
                400,
                "validation-failed",
                ENGLISH_DETAIL
                    + ",\"errors\":["
                    + "{\"field\":\"tags\",\"code\":\"Size\",\"message\":\"At most 10 tags are"
                    + " allowed.\",\"args\":{\"max\":10}},"
                    + "{\"field\":\"description\",\"code\":\"Size\",\"message\":\"The description"
                    + " is longer than the limit.\",\"args\":{\"min\":0,\"max\":20000}},"
                    + "{\"field\":\"title\",\"code\":\"Weird\",\"message\":\"is not what we"
                    + " expected here\"}]"));
    russian(
        upload(),
        400,
        html ->
            assertThat(html)
                .contains("Не больше 10 тегов.", "Не длиннее 20\u00a0000 символов.")
                .contains("Неверное значение."));

    stubs.torrents.answer(
        "POST /api/torrents", r -> Answer.problem(429, "upload-quota-exceeded", ENGLISH_DETAIL));
    russian(upload(), 429, html -> assertThat(html).contains("Слишком много загрузок"));
  }

  @Test
  void refusedSearchFiltersAreRussian() {
    stubs.search.answer(
        "GET /api/search",
        r ->
            Answer.problem(
                400,
                "validation-failed",
                ENGLISH_DETAIL
                    + ",\"errors\":["
                    + "{\"field\":\"minSize\",\"code\":\"Pattern\",\"message\":\"must be a size in"
                    + " bytes or with a unit, e.g. 700MB or 1.5GiB\"},"
                    + "{\"field\":\"group\",\"code\":\"Size\",\"message\":\"must be at most 100"
                    + " characters\",\"args\":{\"max\":100}},"
                    + "{\"field\":\"from\",\"code\":\"Pattern\",\"message\":\"must be a date like"
                    + " 2025-01-31\"}]"));
    russian(
        client.get().uri("/?minSize=lots&from=2025-13-45&group=x"),
        400,
        html -> {
          assertThat(html)
              .contains(
                  "Размер от: Укажите число байт", "Группа: Название группы слишком длинное.");
          // The refused date is shown back (a date input would drop it), with the error.
          assertThat(html)
              .containsPattern(
                  "type=\"text\"[^>]*value=\"2025-13-45\"|value=\"2025-13-45\"[^>]*type=\"text\"")
              .contains("data-testid=\"search-from-error\"");
        });
  }

  @Test
  void accountFormsAreRussian() {
    stubs.users.answer(
        "POST /api/auth/login",
        r -> Answer.problem(401, "bad-credentials", ",\"detail\":\"Bad username or password.\""));
    russian(
        form("/login", "login", "erin", "password", "wrong"),
        401,
        html -> assertThat(html).contains("Неверное имя пользователя или пароль"));

    stubs.users.answer(
        "POST /api/auth/register",
        r ->
            Answer.problem(
                400,
                "validation-failed",
                ENGLISH_DETAIL
                    + ",\"errors\":["
                    + "{\"field\":\"username\",\"code\":\"ValidUsername\",\"message\":\"must be 3"
                    + " to 32 letters, digits\"},"
                    + "{\"field\":\"email\",\"code\":\"Email\",\"message\":\"must be a well-formed"
                    + " email address\"},"
                    + "{\"field\":\"password\",\"code\":\"Size\",\"message\":\"size must be between"
                    + " 8 and 128\",\"args\":{\"min\":8,\"max\":128}}]"));
    russian(
        form("/register", "username", "x", "email", "nope", "password", "short"),
        400,
        html ->
            assertThat(html)
                .contains("От 3 до 32 символов", "Введите корректный адрес")
                .contains("Пароль должен содержать от 8 до 128 символов."));

    stubs.users.answer(
        "POST /api/auth/password-reset",
        r ->
            Answer.problem(
                400,
                "validation-failed",
                ENGLISH_DETAIL
                    + ",\"errors\":[{\"field\":\"email\",\"code\":\"NotBlank\",\"message\":\"must"
                    + " not be blank\"}]"));
    russian(
        form("/reset-password", "email", ""),
        400,
        html -> assertThat(html).contains("Заполните это поле."));

    stubs.users.answer(
        "POST /api/auth/password-reset/confirm",
        r ->
            Answer.problem(
                400, "invalid-token", ",\"detail\":\"The token is invalid or expired.\""));
    russian(
        form(
            "/reset-password/confirm",
            "token",
            "t",
            "newPassword",
            "long-enough-password",
            "repeatPassword",
            "long-enough-password"),
        400,
        html -> assertThat(html).contains("Ссылка неверна или устарела"));
  }

  @Test
  void torrentPageFormsAreRussian() {
    String token = stubs.token("uploader");
    stubs.torrents.answer(
        "POST /api/torrents/5/comments",
        r ->
            Answer.problem(
                400,
                "validation-failed",
                ENGLISH_DETAIL
                    + ",\"errors\":[{\"field\":\"text\",\"code\":\"Size\",\"message\":\"must be at"
                    + " most 10000 characters\",\"args\":{\"max\":10000}}]"));
    russian(
        formAs("/torrents/5/comments", token, "text", "Очень длинный текст"),
        400,
        html -> assertThat(html).contains("Комментарий слишком длинный."));

    stubs.torrents.answer(
        "PATCH /api/torrents/5",
        r ->
            Answer.problem(
                400,
                "validation-failed",
                ENGLISH_DETAIL
                    + ",\"errors\":[{\"field\":\"title\",\"code\":\"NotBlank\",\"message\":\"The"
                    + " title cannot be blank.\"},{\"field\":\"crc32\",\"code\":\"Pattern\","
                    + "\"message\":\"must be eight hexadecimal digits\"}]"));
    russian(
        formAs("/torrents/5/edit", token, "title", "", "category", "tv", "crc32", "xyz"),
        400,
        html -> assertThat(html).contains("Заполните это поле.", "CRC32 — это 8"));

    stubs.torrents.answer(
        "POST /api/torrents/5/reports",
        r -> Answer.problem(409, "already-reported", ",\"detail\":\"You already reported it.\""));
    russian(
        formAs("/torrents/5/report", stubs.moderatorToken("mod"), "reason", "fake"),
        409,
        html -> assertThat(html).contains("Вы уже пожаловались"));

    stubs.torrents.answer(
        "DELETE /api/comments/11",
        r -> Answer.problem(403, "forbidden", ",\"detail\":\"Only the author may delete it.\""));
    russian(
        formAs("/torrents/5/comments/11/delete", token),
        403,
        html -> assertThat(html).contains("У вас нет прав на это действие."));
  }

  @Test
  void savedSearchRefusalsAreRussian() {
    stubs.search.answer("GET /api/users/me/follows", r -> Answer.json(200, "{\"items\":[]}"));
    stubs.search.answer("GET /api/users/me/subscriptions", r -> Answer.json(200, "{\"items\":[]}"));
    stubs.search.answer(
        "POST /api/users/me/subscriptions",
        r ->
            Answer.problem(
                400,
                "validation-failed",
                ENGLISH_DETAIL
                    + ",\"errors\":[{\"field\":\"q\",\"code\":\"Pattern\",\"message\":\"an info"
                    + " hash or magnet link finds one torrent; not savable\"},"
                    + "{\"field\":\"name\",\"code\":\"Size\",\"message\":\"must be at most 100"
                    + " characters\",\"args\":{\"max\":100}}]"));
    russian(
        formAs(
            "/me/subscriptions",
            stubs.token("uploader"),
            "q",
            "0123456789abcdef0123456789abcdef01234567",
            "name",
            "n".repeat(150)),
        400,
        html -> assertThat(html).contains("Недопустимое значение.", "Не длиннее 100 символов."));
  }

  @Test
  void aProblemCodeWeDoNotKnowIsOurGeneralMessageNotTheServicesDetail() {
    stubs.torrents.answer(
        "POST /api/torrents/5/comments",
        r -> Answer.problem(422, "brand-new-code", ENGLISH_DETAIL));
    russian(
        formAs("/torrents/5/comments", stubs.token("uploader"), "text", "Спасибо"),
        422,
        html -> assertThat(html).contains("Не получилось. Проверьте данные"));
  }

  // --- language choice ---

  @Test
  void acceptLanguageChoosesTheFirstVisitsLanguageUntilTheVisitorChooses() {
    assertThat(home("en-US,en;q=0.9,ru;q=0.5", null)).contains("lang=\"en\"");
    assertThat(home("de-DE,ru;q=0.8,en;q=0.7", null)).contains("lang=\"ru\"");
    assertThat(home("de-DE,fr;q=0.8", null)).contains("lang=\"ru\"");
    assertThat(home("en;q=0.2,ru;q=0.9", null)).contains("lang=\"ru\"");
    assertThat(home("not a header ;;; q=x", null)).contains("lang=\"ru\"");
    // An explicit choice (the cookie ?lang= sets) wins over the header.
    assertThat(home("en-US,en;q=0.9", "ru")).contains("lang=\"ru\"");
    client
        .get()
        .uri("/")
        .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
        .exchange()
        .expectHeader()
        .value(HttpHeaders.VARY, vary -> assertThat(vary).contains("Accept-Language"));
  }

  // --- dead ends ---

  @Test
  void aVisitorsDownloadLinkLeadsToALoginThatSaysWhyAndComesBack() {
    stubs.torrents.answer(
        "GET /api/torrents/5/download",
        r -> Answer.problem(401, "unauthorized", ",\"detail\":\"Authentication is required.\""));
    // A browser opening the direct link: the login page, never the JSON.
    client
        .get()
        .uri("/api/torrents/5/download")
        .accept(MediaType.TEXT_HTML, MediaType.ALL)
        .exchange()
        .expectStatus()
        .isSeeOther()
        .expectHeader()
        .location("/login?reason=download&redirect=%2Ftorrents%2F5");
    // API and torrent clients still get the problem.
    client
        .get()
        .uri("/api/torrents/5/download")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    // The page's own link says the same, and the login page explains and returns to the torrent.
    String torrent = body(client.get().uri("/torrents/5"));
    assertThat(torrent).contains("href=\"/login?reason=download&amp;redirect=/torrents/5\"");
    String login = body(client.get().uri("/login?reason=download&redirect={to}", "/torrents/5"));
    assertThat(login)
        .contains("data-testid=\"login-reason\"", "Скачивать .torrent могут только вошедшие")
        .contains("name=\"redirect\" value=\"/torrents/5\"");
    assertThat(EnglishText.sentences(login)).isEmpty();
  }

  @Test
  void loginNeverSendsBackToAnotherSite() {
    for (String evil :
        new String[] {"//evil.example/x", "/\\evil.example", "https://evil.example", "/%2F/evil"}) {
      assertThat(
              body(
                  client.get().uri(b -> b.path("/login").queryParam("next", "{next}").build(evil))))
          .as(evil)
          .contains("name=\"redirect\" value=\"/\"");
    }
    assertThat(body(client.get().uri("/login?next=/torrents/5")))
        .contains("name=\"redirect\" value=\"/torrents/5\"");
  }

  @Test
  void anonymousUploadSaysWhyOnTheLoginPage() {
    String location =
        client
            .get()
            .uri("/upload")
            .exchange()
            .expectStatus()
            .isFound()
            .returnResult(String.class)
            .getResponseHeaders()
            .getLocation()
            .toString();
    assertThat(location).isEqualTo("/login?reason=upload&redirect=%2Fupload");
    assertThat(body(client.get().uri("/login?reason=upload&redirect={to}", "/upload")))
        .contains("Загружать раздачи могут только вошедшие пользователи")
        .contains("name=\"redirect\" value=\"/upload\"");
  }

  // --- small breakages ---

  @Test
  void theLoginFormHasNoSignUpHintButTheRegistrationHasIt() {
    assertThat(body(client.get().uri("/login"))).doesNotContain("Не короче 8 символов");
    assertThat(body(client.get().uri("/register"))).contains("Не короче 8 символов");
  }

  @Test
  void registrationIsPostRedirectGet() {
    stubs.users.answer(
        "POST /api/auth/register",
        r ->
            Answer.json(
                201, "{\"id\":7,\"username\":\"newbie\",\"email\":\"newbie@example.org\"}"));
    EntityExchangeResult<byte[]> posted =
        client
            .post()
            .uri("/register")
            .cookie("XSRF-TOKEN", "tok")
            .body(
                BodyInserters.fromFormData("username", "newbie")
                    .with("email", "newbie@example.org")
                    .with("password", "long-enough-password")
                    .with("_csrf", "tok"))
            .exchange()
            .expectStatus()
            .isSeeOther()
            .expectHeader()
            .location("/register/done")
            .expectBody()
            .returnResult();
    var cookie = posted.getResponseCookies().getFirst("registered");
    assertThat(cookie).isNotNull();
    assertThat(cookie.isHttpOnly()).isTrue();
    assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofMinutes(10));
    // Reloading the page is a GET: nothing is posted again.
    int before = stubs.users.requestsTo("/api/auth/register").size();
    for (int i = 0; i < 2; i++) {
      assertThat(body(client.get().uri("/register/done").cookie("registered", cookie.getValue())))
          .contains("newbie@example.org");
    }
    assertThat(stubs.users.requestsTo("/api/auth/register")).hasSize(before);
    assertThat(body(client.get().uri("/register/done")))
        .contains("Мы отправили письмо на указанный адрес");
  }

  @Test
  void deletingACommentAsksFirstWithoutJavaScript() {
    String html = body(client.get().uri("/torrents/5").cookie("AT", stubs.moderatorToken("mod")));
    String delete = html.substring(html.indexOf("data-testid=\"comment-delete-details\""));
    delete = delete.substring(0, delete.indexOf("</details>"));
    assertThat(delete)
        .contains("<summary", "data-testid=\"comment-delete\"")
        .contains("Удалить комментарий?", "data-testid=\"comment-delete-confirm\"")
        .contains("action=\"/torrents/5/comments/11/delete\"");
  }

  @Test
  void datesSayTheyAreUtcAndCarryTheInstantForTheLocalTimeScript() {
    String html = body(client.get().uri("/torrents/5"));
    assertThat(html)
        .contains("datetime=\"2025-03-05T14:03:00Z\"")
        .containsPattern("2025.г\\., 14:03 UTC")
        .containsPattern("/js/page-[0-9a-f]{32}\\.js");
  }

  // --- helpers ---

  /** Requests the page in Russian and checks its status, content and that no English shows. */
  private void russian(
      WebTestClient.RequestHeadersSpec<?> request, int status, Consumer<String> checks) {
    EntityExchangeResult<String> page =
        request.cookie("lang", "ru").exchange().expectBody(String.class).returnResult();
    String html = page.getResponseBody();
    assertThat(page.getStatus().value()).as("status of\n%s", html).isEqualTo(status);
    assertThat(html).contains("lang=\"ru\"");
    checks.accept(html);
    assertThat(EnglishText.sentences(html)).as("English on a Russian page").isEmpty();
  }

  private WebTestClient.RequestHeadersSpec<?> upload() {
    return client
        .post()
        .uri("/upload")
        .cookie("AT", stubs.token("uploader"))
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromMultipartData(CatalogFixtures.uploadForm("tok").build()));
  }

  private WebTestClient.RequestHeadersSpec<?> form(String path, String... fields) {
    return formAs(path, null, fields);
  }

  /** A form post of a logged-in user (their {@code AT} cookie), or a visitor's. */
  private WebTestClient.RequestHeadersSpec<?> formAs(
      String path, @Nullable String token, String... fields) {
    BodyInserters.FormInserter<String> body = BodyInserters.fromFormData("_csrf", "tok");
    for (int i = 0; i + 1 < fields.length; i += 2) {
      body = body.with(fields[i], fields[i + 1]);
    }
    WebTestClient.RequestBodySpec spec = client.post().uri(path).cookie("XSRF-TOKEN", "tok");
    if (token != null) {
      spec = spec.cookie("AT", token);
    }
    return spec.body(body);
  }

  private String home(String acceptLanguage, @Nullable String cookie) {
    WebTestClient.RequestHeadersSpec<?> request =
        client.get().uri("/").header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
    if (cookie != null) {
      request = request.cookie("lang", cookie);
    }
    return body(request);
  }

  private static String body(WebTestClient.RequestHeadersSpec<?> request) {
    return request.exchange().expectBody(String.class).returnResult().getResponseBody();
  }
}
