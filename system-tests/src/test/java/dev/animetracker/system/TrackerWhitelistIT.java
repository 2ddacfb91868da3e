package dev.animetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.system.Api.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tracker serves exactly the torrents registered on the site, fed through Kafka. */
class TrackerWhitelistIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void stack() {
    Stack.get();
  }

  @Test
  void anUploadIsServedWithinTwoSecondsAndADeletionStopsItWithinTwoSeconds() {
    String token =
        Api.registerVerifiedUser(Api.uniqueName("Seeder"), "seeder password")
            .path("accessToken")
            .asString();
    String admin =
        Api.post("/api/auth/login", Map.of("login", "admin", "password", "admin-dev-password"))
            .text("accessToken");
    Path file = Torrents.make("Whitelisted " + Api.uniqueName("t"));
    assertThat(announce("0123456789abcdef0123456789abcdef01234567"))
        .as("an unknown torrent")
        .contains("failure reason");

    Response created = Torrents.upload(file, Map.of("category", "other"), token);
    assertThat(created.status()).isEqualTo(201);
    String infoHash = created.text("infoHash");

    Awaitility.await("the tracker serves the new upload")
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> announce(infoHash).contains("8:interval"));

    long id = created.json().path("id").asLong();
    Awaitility.await("the announced seeder reaches the torrent page within a flush interval + 1 s")
        .atMost(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> Api.get("/api/torrents/" + id, null).json().path("seeders").asLong() == 1);

    assertThat(Api.delete("/api/torrents/" + id, admin).status()).isEqualTo(204);
    Awaitility.await("the tracker stops serving the deleted torrent")
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> announce(infoHash).contains("failure reason"));
  }

  /** A BEP 3 announce as a seeder; returns the bencoded reply as Latin-1 text. */
  private static String announce(String infoHashHex) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : HexFormat.of().parseHex(infoHashHex)) {
      encoded.append('%').append(String.format("%02X", b & 0xff));
    }
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + Stack.TRACKER_PORT
                + "/announce?info_hash="
                + encoded
                + "&peer_id=-AT0001-abcdefghijkl&port=51413&uploaded=0&downloaded=0&left=0"
                + "&compact=1&event=started");
    try {
      HttpResponse<byte[]> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return new String(response.body(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "unreachable: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
