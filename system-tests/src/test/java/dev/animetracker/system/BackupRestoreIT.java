package dev.animetracker.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.system.Api.Response;
import dev.animetracker.system.TrackerClient.Event;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code make backup} → everything lost (all four databases, Redis, the storage directory) → {@code
 * make restore} → the site is whole: accounts log in and keep their sessions, torrents download
 * byte-identical, counters are kept (the tracker's completed count goes on from the backed-up
 * value), and what happened after the backup is gone. A tampered backup is refused first.
 */
class BackupRestoreIT {

  private static final List<String> SERVICES =
      List.of(
          "gateway",
          "tracker-service",
          "search-service",
          "torrent-service",
          "notification-service",
          "user-service");
  private static final List<String> DATABASES =
      List.of("users", "torrents", "search", "notifications");

  @BeforeAll
  static void stack() {
    Stack.get();
  }

  @Test
  void backupWipeRestoreLeavesTheSiteWhole() throws Exception {
    Stack stack = Stack.get();
    String name = Api.uniqueName("Keeper");
    String password = "keeper password 1";
    var login = Api.registerVerifiedUser(name, password);
    String token = login.path("accessToken").asString();
    String refreshBefore = login.path("refreshToken").asString();

    Response created =
        Torrents.upload(
            Torrents.make("[Backup] " + name + " - 01 (1080p)"),
            Map.of("category", "anime-eng", "tags", "backup", "description", "kept"),
            token);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    String infoHash = created.json().path("infoHash").asString();
    byte[] downloaded = Torrents.download(id, token).body();
    assertThat(downloaded).isNotEmpty();

    TrackerClient first = new TrackerClient(Loopback.next(), Stack.TRACKER_PORT);
    Awaitility.await("the tracker serves the new torrent")
        .atMost(Duration.ofSeconds(20))
        .until(() -> first.httpAnnounce(infoHash, peerId(1), 30001, 0, Event.COMPLETED).ok());
    Awaitility.await("the completed count reaches the site")
        .atMost(Duration.ofSeconds(30))
        .until(() -> Api.get("/api/torrents/" + id, null).json().path("completed").asLong() == 1);
    long downloadsBefore = Api.get("/api/torrents/" + id, null).json().path("downloads").asLong();

    Path backup = Path.of("target", "backups", "it-" + System.nanoTime()).toAbsolutePath();
    Files.createDirectories(backup.getParent());
    stack.runScript(
        "infra/backup/backup.sh", Map.of("BACKUP_DIR", backup.toString()), Duration.ofMinutes(3));
    assertThat(backup.resolve("manifest.json")).exists();
    assertThat(backup.resolve("SHA256SUMS")).exists();

    // After the backup: a second session that the restore must take back.
    String refreshAfter =
        Api.post("/api/auth/login", Map.of("login", name, "password", password))
            .json()
            .path("refreshToken")
            .asString();

    for (String service : SERVICES) {
      stack.stop(service);
    }
    for (String database : DATABASES) {
      stack.wipeDatabase(database);
    }
    stack.wipeRedis();

    // A backup whose file was altered is refused before anything changes.
    Path tampered = Path.of(backup + "-tampered");
    copy(backup, tampered);
    Files.write(
        tampered.resolve("torrents.dump"), new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(
            () ->
                stack.runScript(
                    "infra/backup/restore.sh",
                    Map.of(),
                    Duration.ofMinutes(1),
                    tampered.toString()))
        .hasMessageContaining("does not match its checksums");

    stack.runScript("infra/backup/restore.sh", Map.of(), Duration.ofMinutes(5), backup.toString());
    for (String service : SERVICES.reversed()) {
      stack.start(service);
    }
    reindex();

    Response relogin = Api.post("/api/auth/login", Map.of("login", name, "password", password));
    assertThat(relogin.status()).as(relogin.raw().body()).isEqualTo(200);
    Response refreshed = Api.post("/api/auth/refresh", Map.of("refreshToken", refreshBefore));
    assertThat(refreshed.status()).as("a session of the backup lives on").isEqualTo(200);
    assertThat(Api.post("/api/auth/refresh", Map.of("refreshToken", refreshAfter)).status())
        .as("a session begun after the backup is gone")
        .isEqualTo(401);

    String newToken = relogin.text("accessToken");
    HttpResponse<byte[]> again = Torrents.download(id, newToken);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).as("the .torrent, byte for byte").isEqualTo(downloaded);
    var torrent = Api.get("/api/torrents/" + id, null).json();
    assertThat(torrent.path("completed").asLong()).isEqualTo(1);
    assertThat(torrent.path("downloads").asLong()).isEqualTo(downloadsBefore + 1);
    Awaitility.await("the restored torrent is searchable")
        .atMost(Duration.ofSeconds(30))
        .until(() -> Api.get("/api/search?q=" + infoHash, null).json().path("total").asLong() == 1);

    // The tracker's completed count goes on from the restored Redis counter, not from zero.
    TrackerClient second = new TrackerClient(Loopback.next(), Stack.TRACKER_PORT);
    Awaitility.await("the tracker serves the restored torrent")
        .atMost(Duration.ofSeconds(30))
        .until(() -> second.httpAnnounce(infoHash, peerId(2), 30002, 0, Event.COMPLETED).ok());
    Awaitility.await("the second completion is counted on top of the restored one")
        .atMost(Duration.ofSeconds(30))
        .until(() -> Api.get("/api/torrents/" + id, null).json().path("completed").asLong() == 2);
    assertThat(second.scrapeCompleted(infoHash)).isEqualTo(2);
  }

  private static String peerId(int n) {
    return String.format("-AT0001-%012d", n);
  }

  private static void reindex() throws Exception {
    HttpResponse<String> reindex =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(
                            "http://127.0.0.1:" + Stack.SEARCH_SERVICE_PORT + "/internal/reindex"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + Stack.serviceToken())
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(reindex.statusCode()).as(reindex.body()).isEqualTo(200);
  }

  private static void copy(Path from, Path to) throws java.io.IOException {
    Files.createDirectories(to);
    try (var files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(file.getFileName()));
      }
    }
  }
}
