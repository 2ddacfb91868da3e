package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.gateway.StubServer.Answer;
import dev.animetracker.gateway.StubServer.Recorded;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every response names its trace in {@code X-Trace-Id}, and it is the trace the services continue:
 * the {@code traceparent} a stubbed service received carries the same id, for proxied API calls and
 * for the calls a page makes alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TraceIdIT {

  static final ServiceStubs stubs = new ServiceStubs();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
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

  @Test
  void aProxiedApiCallAndItsServiceShareTheTraceId() {
    stubs.torrents.answer("GET /api/torrents/7001", r -> Answer.json(200, "{\"id\":7001}"));

    String traceId = traceIdOf(client.get().uri("/api/torrents/7001").exchange(), 200);

    assertThat(traceparentsOf(stubs.torrents.requestsTo("/api/torrents/7001")))
        .singleElement()
        .satisfies(traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-"));
  }

  @Test
  void aPageAndTheServiceCallsItMakesShareTheTraceId() {
    stubs.users.answer("GET /api/users/trace-page-user", r -> Answer.problem(404, "not-found", ""));

    String traceId =
        traceIdOf(
            client.get().uri("/users/trace-page-user").accept(MediaType.TEXT_HTML).exchange(), 404);

    assertThat(traceparentsOf(stubs.users.requestsTo("/api/users/trace-page-user")))
        .isNotEmpty()
        .allSatisfy(traceparent -> assertThat(traceparent).startsWith("00-" + traceId + "-"));
  }

  @Test
  void errorsAndRedirectsTooCarryATraceId() {
    stubs.notifications.answer(
        "GET /api/users/me/notifications", r -> Answer.problem(401, "unauthorized", ""));

    traceIdOf(client.get().uri("/api/nothing-here").exchange(), 404);
    traceIdOf(client.get().uri("/api/users/me/notifications").exchange(), 401);
    traceIdOf(client.get().uri("/me/feed").accept(MediaType.TEXT_HTML).exchange(), 302);
    // Refused by the gateway itself: a cookie-carrying write without the CSRF token.
    traceIdOf(client.post().uri("/api/torrents/1/comments").cookie("AT", "stale").exchange(), 403);
  }

  @Test
  void eachRequestHasATraceOfItsOwn() {
    String first = traceIdOf(client.get().uri("/api/nothing-here").exchange(), 404);
    String second = traceIdOf(client.get().uri("/api/nothing-here").exchange(), 404);

    assertThat(first).isNotEqualTo(second);
  }

  private static String traceIdOf(WebTestClient.ResponseSpec response, int status) {
    EntityExchangeResult<byte[]> result =
        response.expectStatus().isEqualTo(status).expectBody().returnResult();
    String traceId = result.getResponseHeaders().getFirst("X-Trace-Id");
    assertThat(traceId).as("X-Trace-Id of a %d", status).matches("[0-9a-f]{32}");
    return traceId;
  }

  private static List<String> traceparentsOf(List<Recorded> requests) {
    return requests.stream()
        .map(request -> String.valueOf(request.headers().getFirst("traceparent")))
        .toList();
  }
}
