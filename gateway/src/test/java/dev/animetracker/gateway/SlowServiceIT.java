package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A user-service that accepts connections but does not answer: the configured response timeout (1 s
 * here) cuts the call off and the fallback answers. The stub would answer only after {@link #STALL}
 * and the client gives up after {@link #CLIENT_WAIT}, so without the timeout the test fails instead
 * of passing late; no wall-clock threshold is asserted (speed is a benchmark's business).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SlowServiceIT {

  static final Duration STALL = Duration.ofSeconds(30);

  static final Duration CLIENT_WAIT = Duration.ofSeconds(15);

  static final ServiceStubs stubs = new ServiceStubs();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
    // The API routes' HTTP client and the pages' clients.
    registry.add("spring.cloud.gateway.server.webflux.httpclient.response-timeout", () -> "1s");
    registry.add("animetracker.gateway.timeouts.response", () -> "1s");
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    client = stubs.client(port).mutate().responseTimeout(CLIENT_WAIT).build();
    stubs.users.answer(
        "POST /api/auth/login", r -> Answer.json(200, "{\"late\":true}").after(STALL));
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  @Test
  void aStalledServiceIsCutOffByTheResponseTimeoutAndTheFallbackAnswers() {
    client
        .post()
        .uri("/api/auth/login")
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"login\":\"a\",\"password\":\"b\"}")
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.code")
        .isEqualTo("service-unavailable")
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("account service"));
    assertThat(stubs.users.requestsTo("/api/auth/login")).isNotEmpty();
  }

  @Test
  void aStalledServiceBehindAPageGivesTheUnavailablePage() {
    client
        .post()
        .uri("/login?lang=en")
        .cookie("XSRF-TOKEN", "tok")
        .accept(MediaType.TEXT_HTML)
        .body(BodyInserters.fromFormData("login", "x").with("password", "y").with("_csrf", "tok"))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("Temporarily unavailable"));
  }
}
