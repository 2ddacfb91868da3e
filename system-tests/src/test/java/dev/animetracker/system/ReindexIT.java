package dev.animetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.system.Api.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /internal/reindex} against the real torrent-service: search-service's read model is
 * made to miss a creation (its row dropped) and an update (its row rolled back to an older version
 * with other fields) behind its back, and the reindex brings both back as torrent-service has them.
 */
class ReindexIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void stack() {
    Stack.get();
  }

  @Test
  void reindexRebuildsADivergedReadModelFromTorrentService() throws Exception {
    String name = Api.uniqueName("Indexer");
    String token =
        Api.registerVerifiedUser(name, "indexer password").path("accessToken").asString();
    String word = "rx" + name.substring(name.indexOf('_') + 1).toLowerCase(Locale.ROOT);
    List<Long> ids = new ArrayList<>();
    for (String title : List.of("Alpha " + word + " (1080p)", "Beta " + word + " (720p)")) {
      Response created =
          Torrents.upload(
              Torrents.make(title),
              Map.of("category", "anime-eng", "tags", "Reindex, " + word, "description", "d"),
              token);
      assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
      ids.add(created.json().path("id").asLong());
    }
    long lost = ids.get(0);
    long stale = ids.get(1);
    String query =
        "/api/search?q="
            + URLEncoder.encode(word, StandardCharsets.UTF_8)
            + "&sort=title&order=asc";
    Awaitility.await("both uploads are searchable")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> Api.get(query, null).json().path("total").asLong() == 2);
    JsonNode indexed = Api.get(query, null).json().path("items");

    try (Connection search = Stack.get().database("search")) {
      try (PreparedStatement drop =
          search.prepareStatement("delete from torrent_doc where id = ?")) {
        drop.setLong(1, lost);
        assertThat(drop.executeUpdate()).as("rows dropped").isEqualTo(1);
      }
      try (PreparedStatement rollBack =
          search.prepareStatement(
              "update torrent_doc set title = 'Stale title', title_sort = 'stale title',"
                  + " tag_slugs = '{}', tag_names = '{}', size = 1, version = version - 1"
                  + " where id = ?")) {
        rollBack.setLong(1, stale);
        assertThat(rollBack.executeUpdate()).as("rows rolled back").isEqualTo(1);
      }
    }
    JsonNode diverged = Api.get(query, null).json();
    assertThat(diverged.path("total").asLong()).as("the dropped row is gone").isEqualTo(1);
    assertThat(diverged.path("items").path(0).path("title").asString())
        .as("the rolled-back row shows its old fields")
        .isEqualTo("Stale title");

    HttpResponse<String> reindex =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + Stack.SEARCH_SERVICE_PORT + "/internal/reindex"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + Stack.serviceToken())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(reindex.statusCode()).as(reindex.body()).isEqualTo(200);
    JsonNode report = Api.JSON.readTree(reindex.body());
    assertThat(report.path("listed").asLong()).as("listed").isGreaterThanOrEqualTo(2);
    assertThat(report.path("snapshotsApplied").asLong())
        .as("snapshots applied: the lost one and the stale one")
        .isGreaterThanOrEqualTo(2);

    JsonNode rebuilt = Api.get(query, null).json();
    assertThat(rebuilt.path("total").asLong()).isEqualTo(2);
    assertThat(rebuilt.path("items"))
        .as("the items as they were indexed from the events")
        .isEqualTo(indexed);
    for (JsonNode item : rebuilt.path("items")) {
      JsonNode torrent = Api.get("/api/torrents/" + item.path("id").asLong(), null).json();
      for (String field : List.of("title", "infoHash", "size", "fileCount", "createdAt")) {
        assertThat(item.path(field)).as(field).isEqualTo(torrent.path(field));
      }
      assertThat(item.path("category").path("slug"))
          .isEqualTo(torrent.path("category").path("slug"));
      assertThat(item.path("uploader").path("username").asString()).isEqualTo(name);
      assertThat(item.path("tags").findValuesAsString("slug"))
          .containsExactlyInAnyOrderElementsOf(torrent.path("tags").findValuesAsString("slug"))
          .contains("reindex", word);
    }
  }
}
