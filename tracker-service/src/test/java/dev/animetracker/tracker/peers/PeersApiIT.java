package dev.animetracker.tracker.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.testsupport.TestJwks;
import dev.animetracker.tracker.config.TrackerLifecycle;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.support.Uris;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/tracker/torrents/{infoHash}/peers}: moderators see a peer announced over HTTP
 * (read back from Redis), everybody else is refused with problem+json.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "animetracker.tracker.port=0",
      "animetracker.tracker.bind-address=127.0.0.1",
      "animetracker.tracker.torrent-service-url=http://127.0.0.1:1",
      "animetracker.tracker.redis-sync-interval=200ms",
      "animetracker.tracker.jwt.issuer=animetracker-test"
    })
class PeersApiIT {

  private static final TestJwks JWKS = new TestJwks("animetracker-test");
  private static final InfoHash HASH = Uris.HASH;
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
    Infrastructure.registerRedis(registry);
    Infrastructure.registerKafka(registry);
    Path whitelist = Files.createTempFile("whitelist", ".txt");
    Files.writeString(whitelist, "# the torrent of this test\n" + HASH.hex() + "\n");
    registry.add("animetracker.tracker.whitelist-file", whitelist::toString);
    registry.add("animetracker.tracker.jwt.jwks-uri", JWKS::jwksUri);
  }

  @AfterAll
  static void stopJwks() {
    JWKS.close();
  }

  @LocalServerPort int port;
  @Autowired TrackerLifecycle tracker;

  @Test
  void moderatorsSeeAnnouncedPeersOthersAreRefused() {
    String moderator = JWKS.token(1, "admin", List.of("USER", "MODERATOR"));
    String user = JWKS.token(2, "alice", List.of("USER"));
    String announce =
        "http://127.0.0.1:" + tracker.port() + Uris.announce(HASH, Uris.PEER, 51413, 1000, "");
    assertThat(get(announce, null).body()).contains("8:interval");

    String peers = "/api/tracker/torrents/" + HASH.hex() + "/peers";
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              HttpResponse<String> response = api(peers, moderator);
              assertThat(response.statusCode()).isEqualTo(200);
              JsonNode list = JSON.readTree(response.body());
              assertThat(list).hasSize(1);
              JsonNode peer = list.get(0);
              assertThat(peer.get("peerId").asString()).isEqualTo("-qB5020-abcdefghijkl");
              assertThat(peer.get("ip").asString()).isEqualTo("127.0.0.1");
              assertThat(peer.get("port").asInt()).isEqualTo(51413);
              assertThat(peer.get("left").asLong()).isEqualTo(1000);
              assertThat(peer.get("seeder").asBoolean()).isFalse();
            });

    assertProblem(api(peers, user), 403);
    assertProblem(api(peers, null), 401);
    assertProblem(api("/api/tracker/torrents/xyz/peers", moderator), 400);
    assertProblem(api("/api/tracker/torrents/" + "ab".repeat(20) + "/peers", moderator), 404);
  }

  private HttpResponse<String> api(String path, @Nullable String token) {
    return get("http://127.0.0.1:" + port + path, token);
  }

  private static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("content-type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
  }

  private static HttpResponse<String> get(String uri, @Nullable String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
