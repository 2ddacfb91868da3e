package dev.animetracker.gateway;

import dev.animetracker.gateway.StubServer.Answer;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.testsupport.TestJwks;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The downstream services of a gateway IT: one stub per service, each on its own port and wired to
 * its {@code *_SERVICE_URL}, so a request routed to the wrong service finds nothing there (404).
 * The user-service stub publishes the JWKS of {@link #jwks} the gateway checks tokens with. Each IT
 * class holds its own instance ({@code static final}) and closes it after its tests.
 */
final class ServiceStubs implements AutoCloseable {

  static final String ISSUER = "animetracker-test";

  /** The user id of tokens made by {@link #token(String)}. */
  static final long USER_ID = 42;

  final StubServer users = new StubServer("user-service");

  final StubServer torrents = new StubServer("torrent-service");

  final StubServer search = new StubServer("search-service");

  final StubServer tracker = new StubServer("tracker-service");

  final StubServer notifications = new StubServer("notification-service");

  final TestJwks jwks = new TestJwks(ISSUER);

  /** Wires every service URL to its stub, plus Redis, the issuer and a fresh rate-limit prefix. */
  void register(DynamicPropertyRegistry registry) {
    Infrastructure.registerRedis(registry);
    registry.add("USER_SERVICE_URL", users::url);
    registry.add("TORRENT_SERVICE_URL", torrents::url);
    registry.add("SEARCH_SERVICE_URL", search::url);
    registry.add("TRACKER_SERVICE_URL", tracker::url);
    registry.add("NOTIFICATION_SERVICE_URL", notifications::url);
    registry.add("JWT_ISSUER", () -> ISSUER);
    registry.add("animetracker.gateway.rate-limit.key-prefix", () -> "test-" + UUID.randomUUID());
  }

  /** Publishes the JWKS (again: a test may have replaced the answer) and a client for the port. */
  WebTestClient client(int port) {
    users.answer("GET /.well-known/jwks.json", r -> Answer.json(200, jwks.jwks()));
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(Duration.ofSeconds(30))
        .build();
  }

  /** A valid access token of user {@value #USER_ID} with the role USER. */
  String token(String username) {
    return jwks.token(USER_ID, username, List.of("USER"));
  }

  /** A valid access token of user 99 with the roles USER and MODERATOR. */
  String moderatorToken(String username) {
    return jwks.token(99, username, List.of("USER", "MODERATOR"));
  }

  @Override
  public void close() {
    users.close();
    torrents.close();
    search.close();
    tracker.close();
    notifications.close();
    jwks.close();
  }
}
