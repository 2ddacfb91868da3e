package dev.animetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.system.Api.Response;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Uploads, downloads, comments and moderation through the gateway against the running services. */
class TorrentFlowIT {

  @BeforeAll
  static void stack() {
    Stack.get();
  }

  @Test
  void uploadDownloadCommentModerateAndCountersReachUserService() throws Exception {
    String uploaderName = Api.uniqueName("Uploader");
    String uploader =
        Api.registerVerifiedUser(uploaderName, "uploader password").path("accessToken").asString();
    String fanName = Api.uniqueName("Fan");
    String fan = Api.registerVerifiedUser(fanName, "fan password 1").path("accessToken").asString();
    String admin = Api.adminToken();

    Path file = Torrents.make("Frieren " + uploaderName);
    assertThat(Torrents.upload(file, Map.of("category", "anime-eng"), null).status())
        .as("anonymous upload")
        .isEqualTo(401);

    Response created =
        Torrents.upload(
            file,
            Map.of(
                "category", "anime-eng",
                "tags", "Fantasy, 1080p ,Fantasy",
                "description", "**Bold** <script>alert(1)</script>"),
            uploader);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    JsonNode torrent = created.json();
    long id = torrent.path("id").asLong();
    assertThat(torrent.path("title").asString()).isEqualTo("Frieren " + uploaderName);
    assertThat(torrent.path("infoHash").asString()).matches("[0-9a-f]{40}");
    assertThat(torrent.path("fileCount").asInt()).isEqualTo(2);
    assertThat(torrent.path("files").findValuesAsString("path"))
        .anySatisfy(path -> assertThat(path).endsWith("Эпизод 01.mkv"));
    assertThat(torrent.path("tags").findValuesAsString("slug"))
        .containsExactlyInAnyOrder("fantasy", "1080p");
    assertThat(torrent.path("uploader").path("username").asString()).isEqualTo(uploaderName);
    assertThat(torrent.path("magnetUri").asString())
        .startsWith("magnet:?xt=urn:btih:" + torrent.path("infoHash").asString());
    assertThat(torrent.path("descriptionHtml").asString())
        .contains("<strong>Bold</strong>")
        .doesNotContain("<script");
    assertThat(Api.get("/api/torrents/" + id, null).text("title"))
        .isEqualTo(torrent.path("title").asString());

    Response duplicate = Torrents.upload(file, Map.of("category", "anime-eng"), fan);
    assertThat(duplicate.status()).isEqualTo(409);
    assertThat(duplicate.json().path("torrentId").asLong()).isEqualTo(id);

    assertThat(Torrents.download(id, null).statusCode()).isEqualTo(401);
    HttpResponse<byte[]> downloaded = Torrents.download(id, fan);
    assertThat(downloaded.statusCode()).isEqualTo(200);
    assertThat(downloaded.headers().firstValue("Content-Type"))
        .hasValue("application/x-bittorrent");
    assertThat(downloaded.headers().firstValue("Content-Disposition").orElseThrow())
        .contains("filename*=UTF-8''");
    String served = new String(downloaded.body(), StandardCharsets.ISO_8859_1);
    assertThat(served).startsWith("d8:announce").contains("localhost:16969/announce");
    assertThat(served.indexOf("localhost:16969"))
        .as("our tracker comes before the uploader's")
        .isLessThan(served.indexOf("original.example.org"));
    assertThat(downloaded.body())
        .as("the info dictionary is byte-identical")
        .containsSequence(Torrents.infoBytes(Files.readAllBytes(file)));

    Response comment =
        Api.post("/api/torrents/" + id + "/comments", Map.of("text", "Спасибо за релиз!"), fan);
    assertThat(comment.status()).isEqualTo(201);
    long commentId = comment.json().path("id").asLong();
    assertThat(Api.patch("/api/comments/" + commentId, Map.of("text", "hijack"), uploader).status())
        .as("only the author edits a comment")
        .isEqualTo(403);
    assertThat(Api.get("/api/torrents/" + id + "/comments", null).json().findValuesAsString("text"))
        .containsExactly("Спасибо за релиз!");

    String uploaderEmail = uploaderName.toLowerCase(Locale.ROOT) + "@example.org";
    MailSink.Mail notice = MailSink.awaitMail(uploaderEmail, 2, Duration.ofSeconds(30));
    assertThat(notice.text()).contains("Спасибо за релиз!").contains("/torrents/" + id);

    Awaitility.await("counters reach user-service")
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(
                      Api.get("/api/users/" + uploaderName, null)
                          .json()
                          .path("uploadCount")
                          .asLong())
                  .isEqualTo(1);
              assertThat(
                      Api.get("/api/users/" + fanName, null).json().path("downloadCount").asLong())
                  .isEqualTo(1);
            });
    assertThat(Api.get("/api/torrents/" + id, null).json().path("downloads").asLong()).isEqualTo(1);

    assertThat(Api.patch("/api/torrents/" + id, Map.of("title", "stolen"), fan).status())
        .isEqualTo(403);
    assertThat(Api.delete("/api/torrents/" + id, fan).status()).isEqualTo(403);
    Response renamed = Api.patch("/api/torrents/" + id, Map.of("title", "Frieren S01"), admin);
    assertThat(renamed.status()).isEqualTo(200);
    assertThat(renamed.text("title")).isEqualTo("Frieren S01");
    assertThat(Api.delete("/api/torrents/" + id, admin).status()).isEqualTo(204);
    assertThat(Api.get("/api/torrents/" + id, null).status()).isEqualTo(404);
    assertThat(Torrents.download(id, fan).statusCode()).isEqualTo(404);
  }

  @Test
  void concurrentUploadsOfOneTorrentGiveExactlyOneCreated() throws Exception {
    String name = Api.uniqueName("Racer");
    String token = Api.registerVerifiedUser(name, "racer password").path("accessToken").asString();
    Path file = Torrents.make("Race " + name);

    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Integer>> uploads = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        uploads.add(() -> Torrents.upload(file, Map.of("category", "anime-raw"), token).status());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : pool.invokeAll(uploads)) {
        statuses.add(result.get());
      }
      assertThat(statuses).containsOnly(201, 409);
      assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void hostileTorrentsAreRefusedWithReadableProblems() {
    String token =
        Api.registerVerifiedUser(Api.uniqueName("Hostile"), "hostile password")
            .path("accessToken")
            .asString();
    Map<String, String> hostile =
        Map.of(
            "truncated", "d8:announce",
            "not a dictionary", "li1ei2ee",
            "path traversal",
                "d4:infod5:filesld6:lengthi1e4:pathl2:..6:passwdee4:name1:x12:piece lengthi16384e6:pieces20:aaaaaaaaaaaaaaaaaaaaee",
            "huge declared length", "d4:info99999999999:x");
    hostile.forEach(
        (what, content) -> {
          try {
            Path file = Files.createTempFile("hostile", ".torrent");
            Files.writeString(file, content, StandardCharsets.ISO_8859_1);
            Response response = Torrents.upload(file, Map.of("category", "other"), token);
            assertThat(response.status()).as(what).isEqualTo(400);
            assertThat(response.contentType()).as(what).startsWith("application/problem+json");
            assertThat(response.text("detail")).as(what).isNotBlank();
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        });
  }
}
