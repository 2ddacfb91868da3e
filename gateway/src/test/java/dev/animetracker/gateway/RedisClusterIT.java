package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.common.session.SessionState;
import dev.animetracker.gateway.StubServer.Answer;
import dev.animetracker.testsupport.RedisCluster;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.netty.http.client.HttpClient;

/**
 * The gateway on a Redis Cluster (three masters, three replicas): the rate limiter's script (its
 * two keys share the {@code {route.key}} hash tag) counts and refuses, and the session state user
 * -service writes is read, wherever the keys' slots live.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedisClusterIT {

  static final ServiceStubs stubs = new ServiceStubs();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    stubs.register(registry);
    // Takes precedence over the standalone host and port the stubs registered.
    RedisCluster.shared().register(registry);
    registry.add("animetracker.gateway.rate-limit.verification-resend-per-email", () -> 2);
    registry.add("animetracker.gateway.rate-limit.verification-resend-per-ip", () -> 100);
  }

  @LocalServerPort int port;

  @Autowired RedisConnectionFactory factory;

  @Autowired StringRedisTemplate redis;

  @BeforeEach
  void setUp() {
    stubs.client(port);
    stubs.users.answer(
        "POST /api/auth/verify-email/resend", r -> new Answer(202, "application/json", ""));
  }

  @AfterAll
  static void stopStubs() {
    stubs.close();
  }

  @Test
  void theRateLimiterCountsOnTheCluster() {
    assertThat(factory.getConnection()).isInstanceOf(RedisClusterConnection.class);
    for (int i = 0; i < 5; i++) {
      String email = "victim-" + UUID.randomUUID() + "@example.org";
      // Each mailbox from an address of its own, so only the per-mailbox limit (2) applies.
      String address = "127.0.4." + (i + 1);
      resend(address, email).expectStatus().isAccepted();
      resend(address, email).expectStatus().isAccepted();
      resend(address, email).expectStatus().isEqualTo(429);
    }
  }

  @Test
  void aRevokedSessionVersionIsReadFromTheCluster() {
    String token = stubs.token("eve");
    stubs.torrents.answer("GET /api/torrents/7", r -> Answer.json(200, "{}"));
    client()
        .get()
        .uri("/api/torrents/7")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk();
    redis
        .opsForHash()
        .put(
            SessionState.key(SessionState.DEFAULT_KEY_PREFIX, ServiceStubs.USER_ID),
            SessionState.VERSION_FIELD,
            "99");
    stubs.torrents.answer("GET /api/torrents/8", r -> Answer.json(200, "{}"));
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                client()
                    .get()
                    .uri("/api/torrents/8")
                    .headers(h -> h.setBearerAuth(token))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized());
    redis.delete(SessionState.key(SessionState.DEFAULT_KEY_PREFIX, ServiceStubs.USER_ID));
  }

  private WebTestClient client() {
    return client("127.0.3.1");
  }

  private WebTestClient client(String address) {
    HttpClient http = HttpClient.create().bindAddress(() -> new InetSocketAddress(address, 0));
    return WebTestClient.bindToServer(new ReactorClientHttpConnector(http))
        .baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(Duration.ofSeconds(30))
        .build();
  }

  private WebTestClient.ResponseSpec resend(String address, String email) {
    return client(address)
        .post()
        .uri(URI.create("http://127.0.0.1:" + port + "/api/auth/verify-email/resend"))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":\"" + email + "\"}")
        .exchange();
  }
}
