package dev.animetracker.torrent.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.torrent.TorrentApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The nastiest texts we know, written through every endpoint that takes Markdown (upload, edit,
 * comment, comment edit, preview): each is stored or refused with a 400 field error, never a 500;
 * then every endpoint that shows them (torrent, listing, comments, snapshots) still answers 200.
 */
class PoisonedTextIT extends TorrentApiTestSupport {

  private static final List<String> NASTY =
      List.of(
          ">".repeat(1000) + " quoted",
          "- ".repeat(3000) + "listed",
          "*a ".repeat(3000) + "b" + "*".repeat(3000),
          "![".repeat(2000) + "x" + "](u)".repeat(2000),
          "<".repeat(20_000),
          "<a".repeat(5_000),
          "<!--".repeat(2_500),
          "[".repeat(9_000) + "](",
          "|a".repeat(2_000) + "\n" + "|-".repeat(2_000) + "\n" + "|x".repeat(2_000),
          "> > > > > - - - **fine** and <script>alert(1)</script>");

  @Test
  void noStoredTextBreaksARead() {
    List<Long> torrents = new ArrayList<>();
    List<User> owners = new ArrayList<>();
    int stored = 0;
    for (String text : NASTY) {
      // An account per text: the per-account write limits are not what this test is about.
      User owner = user("poison");
      owners.add(owner);
      Response preview = postJson("/api/markdown/preview", Map.of("text", text), owner);
      assertWrittenOrRefused(preview, 200, "text");

      Response upload =
          upload(
              randomTorrent("poison " + System.nanoTime()),
              Map.of("category", "anime-eng", "description", text),
              owner);
      assertWrittenOrRefused(upload, 201, "description");
      long id =
          upload.status() == 201
              ? upload.json().get("id").asLong()
              : uploaded(randomTorrent("plain " + System.nanoTime()), Map.of(), owner)
                  .get("id")
                  .asLong();
      stored += upload.status() == 201 ? 1 : 0;
      torrents.add(id);
      assertWrittenOrRefused(
          patchJson("/api/torrents/" + id, Map.of("description", text + " "), owner),
          200,
          "description");

      Response comment = postJson("/api/torrents/" + id + "/comments", Map.of("text", text), owner);
      assertWrittenOrRefused(comment, 201, "text");
      Response plain =
          postJson("/api/torrents/" + id + "/comments", Map.of("text", "plain"), owner)
              .assertStatus(201);
      assertWrittenOrRefused(
          patchJson(
              "/api/comments/" + plain.json().get("id").asLong(), Map.of("text", text), owner),
          200,
          "text");
    }
    assertThat(stored).as("some nasty texts are legal and stored").isPositive();

    for (long id : torrents) {
      JsonNode torrent = get("/api/torrents/" + id).assertStatus(200).json();
      assertThat(torrent.get("descriptionHtml").asString()).doesNotContain("<script");
      get("/api/torrents/" + id + "/comments").assertStatus(200);
    }
    for (User owner : owners) {
      JsonNode listing =
          get("/api/torrents?size=100&uploader=" + owner.username()).assertStatus(200).json();
      assertThat(listing.get("items")).hasSize(1);
    }
    get("/api/torrents?size=100").assertStatus(200);
    getInternal("/internal/torrents/snapshots?afterId=" + (torrents.getFirst() - 1) + "&limit=1000")
        .assertStatus(200);
  }

  @Test
  void tooDeepIsAFieldErrorWithAStableCode() {
    User owner = user("deep");
    Response response =
        upload(
            randomTorrent("deep " + System.nanoTime()),
            Map.of("category", "anime-eng", "description", ">".repeat(1000) + " x"),
            owner);
    response.assertProblem(400, "validation-failed");
    assertThat(response.json().get("errors").get(0).get("field").asString())
        .isEqualTo("description");
    assertThat(response.json().get("errors").get(0).get("code").asString()).isEqualTo("TooDeep");
    postJson("/api/markdown/preview", Map.of("text", "- ".repeat(1000) + "x"), owner)
        .assertProblem(400, "validation-failed");
  }

  private static void assertWrittenOrRefused(Response response, int success, String field) {
    if (response.status() == success) {
      return;
    }
    response.assertProblem(400, "validation-failed");
    assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    assertThat(response.json().get("errors").get(0).get("code").asString()).isIn("TooDeep", "Size");
  }
}
