package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.netty.http.client.HttpClient;

/**
 * The limits of issue 10 in the gateway: verification resends (API and form) per address and per
 * IP, IPv6 clients counted per /64, and login redirects that cannot break or leave the site. Every
 * "client" sends from its own loopback address, as distinct attackers would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountLimitsIT {

  static final ServiceStubs stubs = new ServiceStubs();

  static final Answer ACCEPTED = new Answer(202, "application/json", "");

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
    registry.add("animetracker.gateway.rate-limit.verification-resend-per-ip", () -> 3);
    registry.add("animetracker.gateway.rate-limit.verification-resend-per-email", () -> 2);
    registry.add("animetracker.gateway.rate-limit.register-per-ip", () -> 2);
    registry.add("animetracker.gateway.trusted-proxies", () -> "127.0.9.1");
  }

  @LocalServerPort int port;

  @BeforeEach
  void setUp() {
    stubs.client(port); // publishes the JWKS
    stubs.search.answer(
        "GET /api/search",
        r -> Answer.json(200, "{\"items\":[],\"page\":0,\"size\":50,\"total\":0}"));
    stubs.users.answer("POST /api/auth/verify-email/resend", r -> ACCEPTED);
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  /** A client whose requests come from this loopback address. */
  private WebTestClient from(String address) {
    HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
    return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
        .baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(Duration.ofSeconds(30))
        .build();
  }

  private static String mailbox() {
    return "victim-" + UUID.randomUUID() + "@example.org";
  }

  private WebTestClient.ResponseSpec resend(WebTestClient client, String path, String email) {
    return client
        .post()
        .uri(URI.create("http://127.0.0.1:" + port + path))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":\"" + email + "\"}")
        .exchange();
  }

  @Test
  void resendIsLimitedPerAddressWhateverTheIpAndTheSpelling() {
    String email = mailbox();
    resend(from("127.0.1.1"), "/api/auth/verify-email/resend", email).expectStatus().isAccepted();
    resend(from("127.0.1.2"), "/api/auth/verify-email/resend", email.toUpperCase())
        .expectStatus()
        .isAccepted();
    resend(from("127.0.1.3"), "/api/auth/verify-email/resend", email)
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists(HttpHeaders.RETRY_AFTER)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("rate-limited");
    // Other spellings are limited too, or refused outright (firewall, no route); none gets through.
    for (String spelling :
        new String[] {
          "/api/auth/verify-email/%72esend",
          "/api/auth/verify-email/%2572esend",
          "/api/auth//verify-email/resend/",
          "/api/auth/verify-email/./resend",
          "/API/auth/verify-email/resend"
        }) {
      resend(from("127.0.1.4"), spelling, email)
          .expectStatus()
          .value(status -> assertThat(status).as(spelling).isIn(400, 403, 404, 429));
    }
    assertThat(stubs.users.requestsTo("/api/auth/verify-email/resend"))
        .filteredOn(r -> r.body().toLowerCase().contains(email.toLowerCase()))
        .hasSize(2);
  }

  @org.springframework.beans.factory.annotation.Autowired
  io.micrometer.core.instrument.MeterRegistry meters;

  @Test
  void resendIsLimitedPerIpAcrossAddresses() {
    double rejected =
        meters.get("gateway.ratelimit.rejected").tag("limit", "resend_ip").counter().count();
    WebTestClient attacker = from("127.0.2.1");
    for (int i = 0; i < 3; i++) {
      resend(attacker, "/api/auth/verify-email/resend", mailbox()).expectStatus().isAccepted();
    }
    resend(attacker, "/api/auth/verify-email/resend", mailbox()).expectStatus().isEqualTo(429);
    assertThat(meters.get("gateway.ratelimit.rejected").tag("limit", "resend_ip").counter().count())
        .as("the 429 is counted under its limit")
        .isEqualTo(rejected + 1);
    resend(from("127.0.2.2"), "/api/auth/verify-email/resend", mailbox())
        .expectStatus()
        .isAccepted();
  }

  @Test
  void theResendFormIsLimitedLikeTheApi() {
    WebTestClient browser = from("127.0.3.1");
    String email = mailbox();
    for (int i = 0; i < 3; i++) {
      EntityExchangeResult<String> page = page(browser, "/login");
      String csrf = BrowserForms.csrf(page, "/login");
      WebTestClient.ResponseSpec answer =
          browser
              .post()
              .uri("/verify-email/resend")
              .cookie("XSRF-TOKEN", csrf)
              .body(BodyInserters.fromFormData("_csrf", csrf).with("email", email))
              .exchange();
      if (i < 2) {
        answer.expectStatus().isOk();
      } else {
        answer.expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
      }
    }
    assertThat(stubs.users.requestsTo("/api/auth/verify-email/resend"))
        .filteredOn(r -> r.body().contains(email))
        .hasSize(2);
  }

  @Test
  void ipv6ClientsBehindTheProxyCountPerSlash64() {
    stubs.users.answer("POST /api/auth/register", r -> Answer.json(201, "{\"id\":1}"));
    WebTestClient proxy = from("127.0.9.1");
    String[] sameNetwork = {"2001:db8:aa:bb::1", "2001:db8:aa:bb:1234:5678:9abc:def0"};
    for (String client : sameNetwork) {
      register(proxy, client).expectStatus().isCreated();
    }
    register(proxy, "2001:db8:aa:bb:ffff::42").expectStatus().isEqualTo(429);
    register(proxy, "2001:db8:aa:cc::1").expectStatus().isCreated();
  }

  private WebTestClient.ResponseSpec register(WebTestClient proxy, String forwardedFor) {
    return proxy
        .post()
        .uri("/api/auth/register")
        .header("X-Forwarded-For", forwardedFor)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"username\":\"u\",\"email\":\"u@example.org\",\"password\":\"password\"}")
        .exchange();
  }

  @Test
  void oddLoginRedirectsFallBackToTheHomePage() {
    stubs.users.answer(
        "POST /api/auth/login",
        r ->
            Answer.json(
                200,
                "{\"accessToken\":\""
                    + stubs.token("alice")
                    + "\",\"refreshToken\":\"rt\",\"tokenType\":\"Bearer\",\"expiresIn\":900}"));
    String[] odd = {
      "/\t/evil.example",
      "/\t",
      "/\n/x",
      "/%09/evil.example",
      "/%2F/evil.example",
      "/%5Cevil.example",
      "/{x}",
      "/%zz",
      "//evil.example",
      "https://evil.example/",
      "/\\evil.example",
      "javascript:alert(1)",
      "/путь"
    };
    int n = 0;
    for (String redirect : odd) {
      WebTestClient browser = from("127.0.4." + (++n));
      EntityExchangeResult<String> page = page(browser, "/login");
      String csrf = BrowserForms.csrf(page, "/login");
      browser
          .post()
          .uri("/login")
          .cookie("XSRF-TOKEN", csrf)
          .body(
              BodyInserters.fromFormData("_csrf", csrf)
                  .with("login", "alice" + n)
                  .with("password", "secret password")
                  .with("redirect", redirect))
          .exchange()
          .expectStatus()
          .isSeeOther()
          .expectHeader()
          .value(
              HttpHeaders.LOCATION, location -> assertThat(location).as(redirect).isEqualTo("/"));
    }
    WebTestClient browser = from("127.0.4.100");
    browser.get().uri("/login?redirect=%09%2F%2Fevil.example").exchange().expectStatus().isOk();
    EntityExchangeResult<String> page = page(browser, "/login");
    String csrf = BrowserForms.csrf(page, "/login");
    browser
        .post()
        .uri("/login")
        .cookie("XSRF-TOKEN", csrf)
        .body(
            BodyInserters.fromFormData("_csrf", csrf)
                .with("login", "alice")
                .with("password", "secret password")
                .with("redirect", "/torrents/5?tab=files#comments"))
        .exchange()
        .expectStatus()
        .isSeeOther()
        .expectHeader()
        .location("/torrents/5?tab=files#comments");
  }

  private static EntityExchangeResult<String> page(WebTestClient client, String path) {
    return client
        .get()
        .uri(path)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .returnResult();
  }
}
