package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.gateway.StubServer.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayIT {

  static final ServiceStubs stubs = new ServiceStubs();

  static final int closedPort = freePort();

  /** What the stubbed calls that only need to reach the right service answer. */
  static final Answer OK = Answer.json(200, "{\"ok\":true}");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
    // The tracker is "down": nothing listens on this port.
    registry.add("TRACKER_SERVICE_URL", () -> "http://127.0.0.1:" + closedPort);
    registry.add("animetracker.gateway.rate-limit.password-reset-per-ip", () -> 3);
    registry.add("animetracker.gateway.rate-limit.login-per-ip", () -> 1000);
    registry.add("animetracker.gateway.rate-limit.login-per-account", () -> 3);
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    client = stubs.client(port);
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  // --- routing ---

  @Test
  void bearerRequestIsForwardedWithPathBodyAndAuthorizationButWithoutCookiesOrIdentityHeaders() {
    stubs.torrents.answer("POST /api/torrents/5/comments", r -> OK);
    String token = stubs.token("alice");
    client
        .post()
        .uri("/api/torrents/5/comments?x=1")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .header("X-Forwarded-User", "admin")
        .header("X-User-Id", "1")
        .cookie("unrelated", "secret")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"text\":\"Отличный релиз\"}")
        .exchange()
        .expectStatus()
        .isOk();

    List<StubServer.Recorded> seen = stubs.torrents.requestsTo("/api/torrents/5/comments");
    assertThat(seen).hasSize(1);
    StubServer.Recorded request = seen.getFirst();
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.body()).isEqualTo("{\"text\":\"Отличный релиз\"}");
    assertThat(request.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
    assertThat(request.headers().containsHeader(HttpHeaders.COOKIE)).isFalse();
    assertThat(request.headers().containsHeader("X-Forwarded-User")).isFalse();
    assertThat(request.headers().containsHeader("X-User-Id")).isFalse();
  }

  @Test
  void jwksIsServedUnderTheApiPath() {
    client
        .get()
        .uri("/api/auth/jwks")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains(stubs.jwks.keyId()));
  }

  @Test
  void searchFeedsAreRoutedToTheSearchService() {
    stubs.search.answer("GET /rss", r -> OK);
    stubs.search.answer("GET /torznab/api", r -> OK);
    client.get().uri("/rss?q=frieren").exchange().expectStatus().isOk();
    client.get().uri("/torznab/api?t=caps").exchange().expectStatus().isOk();
    assertThat(stubs.search.requestsTo("/rss")).isNotEmpty();
    assertThat(stubs.search.requestsTo("/torznab/api")).isNotEmpty();
  }

  @Test
  void downServiceAnswers503Problem() {
    // How fast is SlowServiceIT's business (the configured timeout); here the port is closed.
    client
        .get()
        .uri("/api/tracker/torrents/abc/peers")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("service-unavailable")
        .jsonPath("$.status")
        .isEqualTo(503)
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("tracker service"));
  }

  @Test
  void theMachineItselfReadsTheMetrics() {
    // The default management networks are loopback; ManagementAccessIT shows everyone else's 404.
    client
        .get()
        .uri("/actuator/prometheus")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(body -> assertThat(body).contains("jvm_"));
  }

  @Test
  void unknownApiRouteIsA404Problem() {
    client
        .get()
        .uri("/api/does-not-exist")
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("not-found");
  }

  @Test
  void oversizeBodyIsA413ProblemButUploadsMayBeLarger() {
    stubs.torrents.answer("POST /api/torrents", r -> OK);
    byte[] twoMegabytes = new byte[2 * 1024 * 1024];
    client
        .post()
        .uri("/api/auth/register")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(twoMegabytes)
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("too-large");

    client
        .post()
        .uri("/api/torrents")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + stubs.token("alice"))
        .contentType(MediaType.APPLICATION_OCTET_STREAM)
        .bodyValue(twoMegabytes)
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(stubs.torrents.requestsTo("/api/torrents")).anyMatch(r -> r.method().equals("POST"));
  }

  // --- tokens ---

  @Test
  void invalidTokensAreRejectedAtTheGateway() {
    for (String token :
        List.of(
            stubs.jwks.token(
                ServiceStubs.USER_ID,
                "mallory",
                List.of("USER"),
                ServiceStubs.ISSUER,
                Instant.now().minusSeconds(600)),
            stubs.jwks.token(
                ServiceStubs.USER_ID,
                "mallory",
                List.of("USER"),
                "someone-else",
                Instant.now().plusSeconds(900)),
            stubs.jwks.forgedToken(ServiceStubs.USER_ID, "mallory", List.of("USER")),
            "not-a-jwt")) {
      client
          .get()
          .uri("/api/users/mallory-probe")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
          .exchange()
          .expectStatus()
          .isUnauthorized()
          .expectHeader()
          .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
          .expectBody()
          .jsonPath("$.code")
          .isEqualTo("invalid-token");
    }
    assertThat(stubs.users.requestsTo("/api/users/mallory-probe")).isEmpty();
  }

  @Test
  void accessTokenCookieIsForwardedAsAuthorization() {
    stubs.users.answer("GET /api/users/me", r -> OK);
    String token = stubs.token("bob");
    client.get().uri("/api/users/me").cookie("AT", token).exchange().expectStatus().isOk();
    StubServer.Recorded request = stubs.users.requestsTo("/api/users/me").getLast();
    assertThat(request.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + token);
    assertThat(request.headers().containsHeader(HttpHeaders.COOKIE)).isFalse();
  }

  @Test
  void expiredAccessCookieIsRefreshedTransparently() {
    stubs.torrents.answer("GET /api/torrents/7", r -> OK);
    String fresh = stubs.token("carol");
    stubs.users.answer(
        "POST /api/auth/refresh",
        r ->
            r.body().contains("rt-good")
                ? Answer.json(
                    200,
                    "{\"accessToken\":\""
                        + fresh
                        + "\",\"refreshToken\":\"rt-next\",\"tokenType\":\"Bearer\",\"expiresIn\":900}")
                : Answer.problem(401, "invalid-refresh-token", ""));

    EntityExchangeResult<byte[]> result =
        client
            .get()
            .uri("/api/torrents/7")
            .cookie(
                "AT",
                stubs.jwks.token(
                    ServiceStubs.USER_ID,
                    "carol",
                    List.of("USER"),
                    ServiceStubs.ISSUER,
                    Instant.now().minusSeconds(600)))
            .cookie("RT", "rt-good")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult();

    StubServer.Recorded request = stubs.torrents.requestsTo("/api/torrents/7").getLast();
    assertThat(request.headers().getFirst(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + fresh);
    ResponseCookie at = result.getResponseCookies().getFirst("AT");
    ResponseCookie rt = result.getResponseCookies().getFirst("RT");
    assertThat(at).isNotNull();
    assertThat(at.getValue()).isEqualTo(fresh);
    assertThat(at.isHttpOnly()).isTrue();
    assertThat(at.getSameSite()).isEqualTo("Lax");
    assertThat(at.getPath()).isEqualTo("/");
    assertThat(rt).isNotNull();
    assertThat(rt.getValue()).isEqualTo("rt-next");
  }

  @Test
  void parallelRequestsWithOneExpiredSessionShareASingleRefresh() {
    String fresh = stubs.token("dora");
    stubs.users.answer(
        "POST /api/auth/refresh",
        r ->
            Answer.json(
                    200,
                    "{\"accessToken\":\""
                        + fresh
                        + "\",\"refreshToken\":\"rt-dora-next\",\"tokenType\":\"Bearer\","
                        + "\"expiresIn\":900}")
                // Slow enough that all six are in flight together: only those share the renewal.
                .after(Duration.ofSeconds(2)));
    for (int i = 0; i < 6; i++) {
      stubs.torrents.answer("GET /api/torrents/" + (100 + i), r -> OK);
    }
    int refreshesBefore = stubs.users.requestsTo("/api/auth/refresh").size();

    // exchange() blocks until the answer, so each request gets a thread of its own: truly
    // parallel, as a browser's are.
    reactor.core.publisher.Flux.range(0, 6)
        .flatMap(
            i ->
                reactor.core.publisher.Mono.fromCallable(
                        () ->
                            client
                                .get()
                                .uri("/api/torrents/" + (100 + i))
                                .cookie(
                                    "AT",
                                    stubs.jwks.token(
                                        ServiceStubs.USER_ID,
                                        "dora",
                                        List.of("USER"),
                                        ServiceStubs.ISSUER,
                                        Instant.now().minusSeconds(600)))
                                .cookie("RT", "rt-dora")
                                .exchange()
                                .returnResult(String.class)
                                .getResponseBody()
                                .then()
                                .block())
                    .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic()),
            6)
        .blockLast(java.time.Duration.ofSeconds(20));

    assertThat(stubs.users.requestsTo("/api/auth/refresh").size() - refreshesBefore)
        .as("one refresh token is renewed once, however many requests carry it")
        .isEqualTo(1);
    for (int i = 0; i < 6; i++) {
      assertThat(
              stubs
                  .torrents
                  .requestsTo("/api/torrents/" + (100 + i))
                  .getLast()
                  .headers()
                  .getFirst(HttpHeaders.AUTHORIZATION))
          .isEqualTo("Bearer " + fresh);
    }
  }

  @Test
  void failedRefreshClearsTheSessionCookies() {
    stubs.torrents.answer("GET /api/torrents/8", r -> OK);
    stubs.users.answer(
        "POST /api/auth/refresh", r -> Answer.problem(401, "invalid-refresh-token", ""));
    EntityExchangeResult<byte[]> result =
        client
            .get()
            .uri("/api/torrents/8")
            .cookie("RT", "rt-revoked")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult();
    assertThat(result.getResponseCookies().getFirst("AT").getMaxAge()).isEqualTo(Duration.ZERO);
    assertThat(result.getResponseCookies().getFirst("RT").getMaxAge()).isEqualTo(Duration.ZERO);
    assertThat(
            stubs
                .torrents
                .requestsTo("/api/torrents/8")
                .getLast()
                .headers()
                .containsHeader("Authorization"))
        .isFalse();
  }

  // --- CSRF ---

  @Test
  void cookieAuthenticatedPostNeedsTheCsrfToken() {
    stubs.torrents.answer("POST /api/torrents/9/comments", r -> OK);
    String token = stubs.token("dave");
    client
        .post()
        .uri("/api/torrents/9/comments")
        .cookie("AT", token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"text\":\"hi\"}")
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("csrf-invalid");
    assertThat(stubs.torrents.requestsTo("/api/torrents/9/comments")).isEmpty();

    client
        .post()
        .uri("/api/torrents/9/comments")
        .cookie("AT", token)
        .cookie("XSRF-TOKEN", "csrf-123")
        .header("X-XSRF-TOKEN", "csrf-123")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"text\":\"hi\"}")
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(stubs.torrents.requestsTo("/api/torrents/9/comments")).hasSize(1);
  }

  // --- headers ---

  @Test
  void securityHeadersAreOnPagesAndApiResponses() {
    for (String path : List.of("/", "/api/categories")) {
      client
          .get()
          .uri(path)
          .exchange()
          .expectHeader()
          .valueMatches("Content-Security-Policy", ".*default-src 'self'.*frame-ancestors 'none'.*")
          .expectHeader()
          .valueEquals("X-Content-Type-Options", "nosniff")
          .expectHeader()
          .valueEquals("X-Frame-Options", "DENY")
          .expectHeader()
          .valueEquals("Referrer-Policy", "strict-origin-when-cross-origin")
          .expectHeader()
          .exists("Permissions-Policy");
    }
  }

  // --- rate limiting ---

  @Test
  void passwordResetIsRateLimitedPerIp() {
    stubs.users.answer("POST /api/auth/password-reset", r -> OK);
    for (int i = 0; i < 3; i++) {
      client
          .post()
          .uri("/api/auth/password-reset")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"email\":\"u" + i + "@example.org\"}")
          .exchange()
          .expectStatus()
          .isOk();
    }
    client
        .post()
        .uri("/api/auth/password-reset")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":\"u4@example.org\"}")
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("rate-limited");
  }

  @Test
  void loginIsRateLimitedPerAccountAndTheBodyStillReachesTheService() {
    stubs.users.answer("POST /api/auth/login", r -> OK);
    String login = "victim-" + UUID.randomUUID();
    String body = "{\"login\":\"" + login + "\",\"password\":\"guess\"}";
    for (int i = 0; i < 3; i++) {
      client
          .post()
          .uri("/api/auth/login")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(body)
          .exchange()
          .expectStatus()
          .isOk();
    }
    assertThat(stubs.users.requestsTo("/api/auth/login")).anyMatch(r -> r.body().equals(body));
    client
        .post()
        .uri("/api/auth/login")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body.replace(login, login.toUpperCase()))
        .exchange()
        .expectStatus()
        .isEqualTo(429);
  }

  @Test
  void noSpellingOfTheLoginPathEscapesTheLimit() {
    stubs.users.answer("POST /api/auth/login", r -> OK);
    String login = "victim-" + UUID.randomUUID();
    String body = "{\"login\":\"" + login + "\",\"password\":\"guess\"}";
    for (int i = 0; i < 3; i++) {
      client
          .post()
          .uri("/api/auth/login")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(body)
          .exchange()
          .expectStatus()
          .isOk();
    }
    for (String spelling :
        List.of(
            "/api/auth/%6cogin",
            "/api/auth/%256cogin",
            "//api/auth/login",
            "/api/auth//login",
            "/api/auth/login/",
            "/api/auth/./login",
            "/api/auth/x/../login",
            "/api/auth/login;a=b",
            "/api/auth/LOGIN")) {
      client
          .post()
          .uri(URI.create("http://localhost:" + port + spelling))
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(body)
          .exchange()
          .expectStatus()
          .value(status -> assertThat(status).as(spelling).isIn(400, 429));
    }
    assertThat(stubs.users.requests())
        .as("password guesses that reached user-service")
        .filteredOn(r -> r.body().contains(login))
        .hasSize(3);
  }

  // --- web UI ---

  @Test
  void homePageIsRussianByDefaultAndEnglishOnRequest() {
    stubs.search.answer(
        "GET /api/search",
        r -> Answer.json(200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}"));
    client
        .get()
        .uri("/")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html -> assertThat(html).contains("Добро пожаловать на AnimeTracker", "lang=\"ru\""));

    EntityExchangeResult<String> english =
        client
            .get()
            .uri("/?lang=en")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult();
    assertThat(english.getResponseBody()).contains("Welcome to AnimeTracker", "lang=\"en\"");
    assertThat(english.getResponseCookies().getFirst("lang").getValue()).isEqualTo("en");

    client
        .get()
        .uri("/login")
        .cookie("lang", "en")
        .exchange()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("Username or e-mail"));
  }

  @Test
  void loginFormCarriesTheCsrfTokenAndSetsTheCookie() {
    EntityExchangeResult<String> page =
        client
            .get()
            .uri("/login")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult();
    ResponseCookie xsrf = page.getResponseCookies().getFirst("XSRF-TOKEN");
    assertThat(xsrf).isNotNull();
    assertThat(page.getResponseBody())
        .contains("name=\"_csrf\"", "value=\"" + xsrf.getValue() + "\"")
        .contains("data-testid=\"login-login\"", "data-testid=\"login-submit\"");
  }

  @Test
  void loginFormShowsTheServicesErrorsInline() {
    stubs.users.answer(
        "POST /api/auth/login",
        r ->
            r.body().contains("\"password\":\"\"")
                ? Answer.problem(
                    400,
                    "validation-failed",
                    ",\"errors\":[{\"field\":\"password\",\"code\":\"NotBlank\",\"message\":\"must not be blank\"}]")
                : Answer.problem(401, "bad-credentials", ""));

    client
        .post()
        .uri("/login")
        .cookie("XSRF-TOKEN", "tok")
        .body(
            BodyInserters.fromFormData("login", "erin")
                .with("password", "wrong-password")
                .with("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("Неверное имя пользователя или пароль")
                    .contains("value=\"erin\"")
                    .doesNotContain("wrong-password"));

    client
        .post()
        .uri("/login?lang=en")
        .cookie("XSRF-TOKEN", "tok")
        .body(BodyInserters.fromFormData("login", "erin").with("password", "").with("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("Please fill in this field.")
                    .contains("aria-invalid=\"true\"")
                    .contains("aria-describedby=\"password-error\""));
  }

  @Test
  void uiFormPostWithoutCsrfTokenIsRefused() {
    client
        .post()
        .uri("/login")
        .body(BodyInserters.fromFormData("login", "erin").with("password", "x"))
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void successfulLoginSetsHttpOnlySessionCookiesAndRedirects() {
    String access = stubs.token("frank");
    stubs.users.answer(
        "POST /api/auth/login",
        r ->
            Answer.json(
                200,
                "{\"accessToken\":\""
                    + access
                    + "\",\"refreshToken\":\"rt-frank\",\"tokenType\":\"Bearer\",\"expiresIn\":900}"));
    EntityExchangeResult<byte[]> result =
        client
            .post()
            .uri("/login")
            .cookie("XSRF-TOKEN", "tok")
            .body(
                BodyInserters.fromFormData("login", "frank")
                    .with("password", "right-password")
                    .with("redirect", "/profile")
                    .with("_csrf", "tok"))
            .exchange()
            .expectStatus()
            .is3xxRedirection()
            .expectHeader()
            .location("/profile")
            .expectBody()
            .returnResult();
    assertThat(result.getResponseCookies().getFirst("AT").getValue()).isEqualTo(access);
    assertThat(result.getResponseCookies().getFirst("AT").isHttpOnly()).isTrue();
    assertThat(result.getResponseCookies().getFirst("RT").getValue()).isEqualTo("rt-frank");

    client
        .get()
        .uri("/")
        .cookie("AT", access)
        .exchange()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("data-testid=\"nav-username\"", "frank"));
  }

  @Test
  void registrationPassesTheUiLanguageAndShowsTakenNamesInline() {
    stubs.users.answer(
        "POST /api/auth/register",
        r -> Answer.problem(409, "username-taken", ",\"detail\":\"taken\""));
    client
        .post()
        .uri("/register?lang=en")
        .cookie("XSRF-TOKEN", "tok")
        .body(
            BodyInserters.fromFormData("username", "taken_name")
                .with("email", "t@example.org")
                .with("password", "long-enough-password")
                .with("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("This username is already taken.")
                    .contains("value=\"taken_name\"", "value=\"t@example.org\"")
                    .doesNotContain("long-enough-password"));
    assertThat(stubs.users.requestsTo("/api/auth/register").getLast().body())
        .contains("\"locale\":\"en\"");
  }

  @Test
  void profileRequiresLogin() {
    client
        .get()
        .uri("/profile")
        .exchange()
        .expectStatus()
        .isFound()
        .expectHeader()
        .location("/login?redirect=%2Fprofile");
  }

  @Test
  void unknownPagesAndUsersGetALocalizedHtmlErrorPage() {
    client
        .get()
        .uri("/no-such-page")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.TEXT_HTML)
        .expectBody(String.class)
        .value(
            html -> assertThat(html).contains("Страница не найдена").doesNotContain("Whitelabel"));

    stubs.users.answer("GET /api/users/ghost", r -> Answer.problem(404, "user-not-found", ""));
    client
        .get()
        .uri("/users/ghost?lang=en")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("User not found"));
  }

  @Test
  void staticAssetsComeFromTheBuild() {
    // The purged Bootstrap stylesheet is built into static/ by src/main/frontend (StaticAssetsIT).
    client.get().uri("/css/site.css").exchange().expectStatus().isOk();
    client.get().uri("/js/theme.js").exchange().expectStatus().isOk();
  }

  @Test
  void healthNeedsNoAuthentication() {
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> client.get().uri("/actuator/health").exchange().expectStatus().isOk());
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
