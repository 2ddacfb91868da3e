package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.testsupport.Infrastructure;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class UserServiceDownIT {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    Infrastructure.registerRedis(registry);
    String nowhere = "http://127.0.0.1:" + freePort();
    registry.add("USER_SERVICE_URL", () -> nowhere);
    registry.add("TORRENT_SERVICE_URL", () -> nowhere);
    registry.add("SEARCH_SERVICE_URL", () -> nowhere);
    registry.add("TRACKER_SERVICE_URL", () -> nowhere);
    registry.add("animetracker.gateway.rate-limit.key-prefix", () -> "test-" + UUID.randomUUID());
  }

  @LocalServerPort int port;

  WebTestClient client;

  @BeforeEach
  void setUp() {
    client =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(30))
            .build();
  }

  /**
   * The route's circuit breaker falls back at once on a refused connection. How fast that answer is
   * belongs to a benchmark, not here: this checks that the 503 is the fallback's problem.
   */
  @Test
  void apiCallsToADownServiceGetA503Problem() {
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
        .jsonPath("$.status")
        .isEqualTo(503)
        .jsonPath("$.detail")
        .value(detail -> assertThat((String) detail).contains("account service"));
  }

  @Test
  void pagesShowAFriendlyUnavailablePage() {
    client
        .get()
        .uri("/users/someone")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("Сервис временно недоступен"));

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

  @Test
  void torrentPagesShowAFriendlyPageWhenTheTorrentServiceIsDown() {
    client
        .get()
        .uri("/torrents/1")
        .accept(MediaType.TEXT_HTML)
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("Сервис временно недоступен")
                    .doesNotContain("Exception", "Whitelabel"));

    // The start page still renders, with a notice instead of the table.
    client
        .get()
        .uri("/?lang=en")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(
            html ->
                assertThat(html)
                    .contains("Welcome to AnimeTracker", "data-testid=\"listing-unavailable\"")
                    .doesNotContain("data-testid=\"listing-row\""));
  }

  @Test
  void pagesStillRenderWithoutTheAccountService() {
    client
        .get()
        .uri("/register")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(String.class)
        .value(html -> assertThat(html).contains("data-testid=\"register-submit\""));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
