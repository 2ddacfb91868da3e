package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.common.session.SessionState;
import dev.animetracker.gateway.StubServer.Answer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * Sessions beyond the token signature: the ban and session-version checks against the state
 * user-service writes to Redis (written here directly, as user-service would), refresh replays, and
 * HTTPS behind a trusted proxy. The test client talks from 127.0.0.1 (the trusted proxy) or from
 * 127.0.0.2 (anyone else).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionsIT {

  static final ServiceStubs stubs = new ServiceStubs();

  static final String PREFIX = "test-" + UUID.randomUUID() + ":session:";

  static final AtomicLong USER_IDS = new AtomicLong(5000);

  static final Answer OK = Answer.json(200, "{\"ok\":true}");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
    registry.add("animetracker.gateway.sessions.key-prefix", () -> PREFIX);
    registry.add("TRUSTED_PROXIES", () -> "127.0.0.1");
  }

  @LocalServerPort int port;

  @Autowired ReactiveStringRedisTemplate redis;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    client = stubs.client(port);
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  private void state(long userId, SessionState state) {
    String key = SessionState.key(PREFIX, userId);
    redis.delete(key).block();
    redis.opsForHash().putAll(key, state.toHash()).block();
    redis.expire(key, Duration.ofMinutes(10)).block();
  }

  private String token(long userId, long version, List<String> roles) {
    return stubs.jwks.versionedToken(userId, "user" + userId, roles, version, Instant.now());
  }

  private WebTestClient.ResponseSpec comment(String token) {
    return client
        .post()
        .uri("/api/torrents/5/comments")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"text\":\"hi\"}")
        .exchange();
  }

  private static String refreshAnswer(String access, String refresh) {
    return "{\"accessToken\":\""
        + access
        + "\",\"refreshToken\":\""
        + refresh
        + "\",\"tokenType\":\"Bearer\",\"expiresIn\":900}";
  }

  // --- bans ---

  @Test
  void aBannedUsersCommentsAndUploadsAre403BannedAndNeverReachTheService() {
    stubs.torrents.answer("POST /api/torrents/5/comments", r -> OK);
    stubs.torrents.answer("POST /api/torrents", r -> Answer.json(201, "{\"id\":1}"));
    long user = USER_IDS.incrementAndGet();
    String token = token(user, 0, List.of("USER"));
    comment(token).expectStatus().isOk();

    Instant until =
        Instant.now().plus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    // The ban as user-service writes it: the version moves on too.
    state(user, new SessionState(1, true, until));

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                comment(token)
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("banned")
                    .jsonPath("$.detail")
                    .value(detail -> assertThat(detail.toString()).contains(until.toString())));
    // Within the state cache time (2 s) the ban holds; from now on nothing gets through.
    int commentsBefore = stubs.torrents.requestsTo("/api/torrents/5/comments").size();
    int uploadsBefore = stubs.torrents.requestsTo("/api/torrents").size();
    client
        .post()
        .uri("/api/torrents")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .bodyValue(new org.springframework.util.LinkedMultiValueMap<String, String>())
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("banned");
    assertThat(stubs.torrents.requestsTo("/api/torrents/5/comments")).hasSize(commentsBefore);
    assertThat(stubs.torrents.requestsTo("/api/torrents")).hasSize(uploadsBefore);

    // Reads with the pre-ban token: the session ended (401), as after an expiry.
    client
        .get()
        .uri("/api/users/me")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("invalid-token");
    // Even a token of the current version cannot change anything while the ban lasts.
    comment(token(user, 1, List.of("USER")))
        .expectStatus()
        .isForbidden()
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("banned");
  }

  @Test
  void aBannedUserCanStillLogOutAndRead() {
    stubs.users.answer("POST /api/auth/logout", r -> new Answer(204, "application/json", ""));
    stubs.torrents.answer("GET /api/torrents/5/comments", r -> OK);
    long user = USER_IDS.incrementAndGet();
    state(user, new SessionState(1, true, null));
    String token = token(user, 1, List.of("USER"));
    int before = stubs.users.requestsTo("/api/auth/logout").size();

    client
        .post()
        .uri("/api/auth/logout")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"refreshToken\":\"x\"}")
        .exchange()
        .expectStatus()
        .isNoContent();
    assertThat(stubs.users.requestsTo("/api/auth/logout")).hasSize(before + 1);
    client
        .get()
        .uri("/api/torrents/5/comments")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .exchange()
        .expectStatus()
        .isOk();
    // Neither an encoded nor a doubled path slips a state change past the ban.
    int forwarded = stubs.torrents.requests().size();
    for (String path :
        List.of(
            "/api/torrents/5/%63omments",
            "/api//torrents/5/comments", "/api/auth/%2e%2e/torrents/5/comments")) {
      client
          .post()
          .uri(java.net.URI.create("http://127.0.0.1:" + port + path))
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue("{\"text\":\"hi\"}")
          .exchange()
          .expectStatus()
          .value(status -> assertThat(status).as(path).isIn(400, 403));
    }
    assertThat(stubs.torrents.requests()).hasSize(forwarded);
  }

  @Test
  void anUnbannedOrExpiredBanRestoresTheAccount() {
    stubs.torrents.answer("POST /api/torrents/5/comments", r -> OK);
    long expired = USER_IDS.incrementAndGet();
    state(expired, new SessionState(1, true, Instant.now().minusSeconds(5)));
    comment(token(expired, 1, List.of("USER"))).expectStatus().isOk();

    long unbanned = USER_IDS.incrementAndGet();
    state(unbanned, new SessionState(2, false, null));
    comment(token(unbanned, 2, List.of("USER"))).expectStatus().isOk();
  }

  @Test
  void aBannedBrowserGetsTheBannedPageForAFormPost() {
    long user = USER_IDS.incrementAndGet();
    state(user, new SessionState(1, true, null));
    stubs.users.answer(
        "POST /api/auth/refresh",
        r ->
            r.body().contains("rt-banned")
                ? Answer.problem(403, "banned", ",\"detail\":\"This account is banned.\"")
                : Answer.problem(401, "invalid-refresh-token", ""));

    EntityExchangeResult<String> page =
        client
            .post()
            .uri("/upload")
            .cookie("AT", token(user, 0, List.of("USER")))
            .cookie("RT", "rt-banned")
            .cookie("lang", "en")
            .accept(MediaType.TEXT_HTML)
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .bodyValue("title=x")
            .exchange()
            .expectStatus()
            .isForbidden()
            .expectBody(String.class)
            .returnResult();
    assertThat(page.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
        .isTrue();
    assertThat(page.getResponseBody()).contains("Account banned");
    assertThat(page.getResponseCookies().getFirst("AT").getMaxAge()).isEqualTo(Duration.ZERO);
  }

  // --- session versions ---

  @Test
  void aTokenFromBeforeTheLastVersionBumpIsRefusedWithinTheCacheTime() {
    stubs.users.answer("PUT /api/users/bob/moderator", r -> OK);
    long moderator = USER_IDS.incrementAndGet();
    String old = token(moderator, 0, List.of("USER", "MODERATOR"));
    demote(old).expectStatus().isOk();

    // Demoted (or reset their password, or logged out): user-service bumped the version.
    state(moderator, new SessionState(1, false, null));

    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                demote(old)
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .valueMatches(HttpHeaders.WWW_AUTHENTICATE, ".*invalid_token.*")
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("invalid-token"));
    int forwarded = stubs.users.requestsTo("/api/users/bob/moderator").size();
    demote(old).expectStatus().isUnauthorized();
    assertThat(stubs.users.requestsTo("/api/users/bob/moderator")).hasSize(forwarded);
    // The token issued after the bump works.
    client
        .get()
        .uri("/api/torrents/5/comments")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(moderator, 1, List.of("USER")))
        .exchange()
        .expectStatus()
        .value(status -> assertThat(status).isNotEqualTo(401));
  }

  @Test
  void aFreshUsersTokenIsRefusedAtOnceWhenItsVersionIsBehind() {
    long user = USER_IDS.incrementAndGet();
    state(user, new SessionState(4, false, null));
    client
        .get()
        .uri("/api/users/me")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token(user, 3, List.of("USER")))
        .exchange()
        .expectStatus()
        .isUnauthorized();
    // A token without the claim counts as version 0.
    client
        .get()
        .uri("/api/users/me")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + stubs.jwks.token(user, "u", List.of("USER")))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  private WebTestClient.ResponseSpec demote(String token) {
    return client
        .put()
        .uri("/api/users/bob/moderator")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"moderator\":false}")
        .exchange();
  }

  @Test
  void aRevokedAccessCookieIsRenewedFromTheRefreshCookie() {
    stubs.torrents.answer("GET /api/torrents/61", r -> OK);
    long user = USER_IDS.incrementAndGet();
    state(user, new SessionState(2, false, null));
    String fresh = token(user, 2, List.of("USER"));
    stubs.users.answer(
        "POST /api/auth/refresh",
        r ->
            r.body().contains("rt-revoked-at")
                ? Answer.json(200, refreshAnswer(fresh, "rt-revoked-at-next"))
                : Answer.problem(401, "invalid-refresh-token", ""));

    EntityExchangeResult<byte[]> result =
        client
            .get()
            .uri("/api/torrents/61")
            .cookie("AT", token(user, 1, List.of("USER")))
            .cookie("RT", "rt-revoked-at")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody()
            .returnResult();
    assertThat(
            stubs
                .torrents
                .requestsTo("/api/torrents/61")
                .getLast()
                .headers()
                .getFirst(HttpHeaders.AUTHORIZATION))
        .isEqualTo("Bearer " + fresh);
    assertThat(result.getResponseCookies().getFirst("AT").getValue()).isEqualTo(fresh);
  }

  // --- refresh replays ---

  @Test
  void aRefreshTokenPresentedAgainAfterItsRotationIsLeftToUserService() {
    // Another gateway instance, or a straggler of the same browser: user-service's grace window
    // decides (another pair of the same session shortly after the rotation, theft later).
    stubs.torrents.answer("GET /api/torrents/62", r -> OK);
    String fresh = stubs.token("eve");
    AtomicLong pairs = new AtomicLong();
    stubs.users.answer(
        "POST /api/auth/refresh",
        r ->
            r.body().contains("rt-again")
                ? Answer.json(200, refreshAnswer(fresh, "rt-again-next-" + pairs.incrementAndGet()))
                : Answer.problem(401, "invalid-refresh-token", ""));
    int before = stubs.users.requestsTo("/api/auth/refresh").size();

    EntityExchangeResult<byte[]> owner = expiredSession("rt-again");
    assertThat(owner.getResponseCookies().getFirst("RT").getValue()).isEqualTo("rt-again-next-1");
    EntityExchangeResult<byte[]> again = expiredSession("rt-again");
    assertThat(again.getResponseCookies().getFirst("RT").getValue()).isEqualTo("rt-again-next-2");
    assertThat(stubs.users.requestsTo("/api/auth/refresh").size() - before).isEqualTo(2);
  }

  private EntityExchangeResult<byte[]> expiredSession(String refresh) {
    return client
        .get()
        .uri("/api/torrents/62")
        .cookie("AT", stubs.jwks.expiredToken(ServiceStubs.USER_ID, "eve", List.of("USER")))
        .cookie("RT", refresh)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .returnResult();
  }

  // --- HTTPS behind a trusted proxy ---

  private WebTestClient from(String address) {
    HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
    return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
        .baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(Duration.ofSeconds(30))
        .build();
  }

  private EntityExchangeResult<byte[]> refreshVia(
      WebTestClient via, String refresh, String header, String value) {
    String fresh = stubs.token("tls");
    stubs.users.answer(
        "POST /api/auth/refresh", r -> Answer.json(200, refreshAnswer(fresh, refresh + "-next")));
    stubs.torrents.answer("GET /api/torrents/63", r -> OK);
    WebTestClient.RequestHeadersSpec<?> request =
        via.get()
            .uri("/api/torrents/63")
            .cookie("AT", stubs.jwks.expiredToken(ServiceStubs.USER_ID, "tls", List.of("USER")))
            .cookie("RT", refresh);
    if (header != null) {
      request = request.header(header, value);
    }
    return request.exchange().expectStatus().isOk().expectBody().returnResult();
  }

  @Test
  void httpsDeclaredByTheTrustedProxyGivesSecureCookiesAndHsts() {
    for (String[] header :
        List.of(
            new String[] {"X-Forwarded-Proto", "https"},
            new String[] {"Forwarded", "for=203.0.113.7;proto=https;host=example.org"})) {
      EntityExchangeResult<byte[]> result =
          refreshVia(from("127.0.0.1"), "rt-tls-" + UUID.randomUUID(), header[0], header[1]);
      ResponseCookie at = result.getResponseCookies().getFirst("AT");
      assertThat(at.isSecure()).as(header[0]).isTrue();
      assertThat(result.getResponseCookies().getFirst("RT").isSecure()).isTrue();
      assertThat(result.getResponseHeaders().getFirst("Strict-Transport-Security"))
          .as(header[0])
          .startsWith("max-age=31536000");
    }
  }

  @Test
  void forwardedHttpsFromAnyoneElseOrPlainHttpChangesNothing() {
    EntityExchangeResult<byte[]> untrusted =
        refreshVia(from("127.0.0.2"), "rt-tls-" + UUID.randomUUID(), "X-Forwarded-Proto", "https");
    assertThat(untrusted.getResponseCookies().getFirst("AT").isSecure()).isFalse();
    assertThat(untrusted.getResponseHeaders().containsHeader("Strict-Transport-Security"))
        .isFalse();

    EntityExchangeResult<byte[]> forged =
        refreshVia(from("127.0.0.2"), "rt-tls-" + UUID.randomUUID(), "Forwarded", "proto=https");
    assertThat(forged.getResponseCookies().getFirst("AT").isSecure()).isFalse();
    assertThat(forged.getResponseHeaders().containsHeader("Strict-Transport-Security")).isFalse();

    EntityExchangeResult<byte[]> plain =
        refreshVia(from("127.0.0.1"), "rt-tls-" + UUID.randomUUID(), "X-Forwarded-Proto", "http");
    assertThat(plain.getResponseCookies().getFirst("AT").isSecure()).isFalse();
    assertThat(plain.getResponseHeaders().containsHeader("Strict-Transport-Security")).isFalse();
  }
}
