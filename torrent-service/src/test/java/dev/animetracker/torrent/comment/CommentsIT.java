package dev.animetracker.torrent.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.torrent.TorrentApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CommentsIT extends TorrentApiTestSupport {

  private static final String XSS =
      "Hi <script>alert(1)</script> <img src=x onerror=alert(2)> <iframe src=//evil></iframe>"
          + " [click](javascript:alert(3)) <a href=\"javascript:alert(4)\" onclick=\"x()\">a</a>"
          + " <style>body{}</style> ![pic](https://img.example/p.png) ![bad](javascript:alert(5))"
          + " [ok](https://example.org/page)";

  @Test
  void commentsAreListedOldestFirstAndCounted() {
    User uploader = user("up");
    long torrentId = uploaded(randomTorrent("commented"), Map.of(), uploader).get("id").asLong();
    String path = "/api/torrents/" + torrentId + "/comments";
    User alice = user("alice");
    User bob = user("bob");

    postJson(path, Map.of("text", "anon"), null).assertProblem(401, "unauthorized");
    postJson(path, Map.of("text", "  "), alice).assertProblem(400, "validation-failed");
    postJson(path, Map.of("text", "x".repeat(10_001)), alice)
        .assertProblem(400, "validation-failed");
    postJson("/api/torrents/999999999/comments", Map.of("text", "x"), alice)
        .assertProblem(404, "torrent-not-found");

    Response first = postJson(path, Map.of("text", "First **comment**"), alice).assertStatus(201);
    long firstId = first.json().get("id").asLong();
    assertThat(first.header("Location")).hasValue("/api/comments/" + firstId);
    assertThat(first.json().get("textHtml").asString())
        .isEqualTo("<p>First <strong>comment</strong></p>");
    assertThat(first.json().get("edited").asBoolean()).isFalse();
    long secondId =
        postJson(path, Map.of("text", "Second"), bob).assertStatus(201).json().get("id").asLong();

    JsonNode list = get(path).assertStatus(200).json();
    assertThat(list).hasSize(2);
    assertThat(list.get(0).get("id").asLong()).isEqualTo(firstId);
    assertThat(list.get(0).get("author").get("username").asString()).isEqualTo(alice.username());
    assertThat(list.get(0).get("torrentId").asLong()).isEqualTo(torrentId);
    assertThat(get("/api/torrents/" + torrentId).json().get("commentCount").asInt()).isEqualTo(2);

    JsonNode created =
        awaitEvent(
            "comment.created",
            // Ids restart in every test database while the topic is shared: match both.
            payload ->
                payload.get("commentId").asLong() == secondId
                    && payload.get("torrentId").asLong() == torrentId);
    assertThat(created.get("_key").asString()).isEqualTo(Long.toString(torrentId));
    assertThat(created.get("payload").get("torrentUploaderId").asLong()).isEqualTo(uploader.id());
    assertThat(created.get("payload").get("commentCount").asLong()).isEqualTo(2);

    // Only the author edits; author or moderator deletes.
    patchJson("/api/comments/" + firstId, Map.of("text", "edited"), bob)
        .assertProblem(403, "forbidden");
    patchJson("/api/comments/" + firstId, Map.of("text", "edited"), moderator("m"))
        .assertProblem(403, "forbidden");
    JsonNode edited =
        patchJson("/api/comments/" + firstId, Map.of("text", "edited"), alice)
            .assertStatus(200)
            .json();
    assertThat(edited.get("text").asString()).isEqualTo("edited");
    assertThat(edited.get("edited").asBoolean()).isTrue();

    delete("/api/comments/" + firstId, bob).assertProblem(403, "forbidden");
    delete("/api/comments/" + firstId, alice).assertStatus(204);
    delete("/api/comments/" + secondId, moderator("mod")).assertStatus(204);
    delete("/api/comments/" + secondId, bob).assertProblem(404, "comment-not-found");
    assertThat(get(path).json()).isEmpty();
    assertThat(get("/api/torrents/" + torrentId).json().get("commentCount").asInt()).isZero();
    JsonNode deleted =
        awaitEvent(
            "comment.deleted",
            // Ids restart in every test database while the topic is shared: match both.
            payload ->
                payload.get("commentId").asLong() == secondId
                    && payload.get("torrentId").asLong() == torrentId);
    assertThat(deleted.get("payload").get("commentCount").asLong()).isZero();
  }

  @Test
  void markdownIsSanitisedInDescriptionsCommentsAndPreviews() {
    User user = user("xss");
    JsonNode torrent = uploaded(randomTorrent("xss"), Map.of("description", XSS), user);
    assertSafe(torrent.get("descriptionHtml").asString());
    assertThat(torrent.get("description").asString()).isEqualTo(XSS);

    String path = "/api/torrents/" + torrent.get("id").asLong() + "/comments";
    assertSafe(
        postJson(path, Map.of("text", XSS), user)
            .assertStatus(201)
            .json()
            .get("textHtml")
            .asString());
    assertSafe(get(path).json().get(0).get("textHtml").asString());

    postJson("/api/markdown/preview", Map.of("text", "x"), null).assertProblem(401, "unauthorized");
    String preview =
        postJson(
                "/api/markdown/preview",
                Map.of("text", XSS + "\n\n| a | b |\n|---|---|\n| 1 | ~~2~~ |"),
                user)
            .assertStatus(200)
            .text("html");
    assertSafe(preview);
    assertThat(preview).contains("<table>").contains("<del>2</del>");
  }

  private static void assertSafe(String html) {
    assertThat(html)
        .doesNotContainIgnoringCase("<script")
        .doesNotContainIgnoringCase("onerror")
        .doesNotContainIgnoringCase("onclick")
        .doesNotContainIgnoringCase("javascript:")
        .doesNotContainIgnoringCase("<iframe")
        .doesNotContainIgnoringCase("<style")
        .doesNotContain("src=\"x\"")
        // Images go through the gateway's signed proxy (the pages' CSP allows only our own).
        .contains("<img src=\"/media/image?u&#61;https%3A%2F%2Fimg.example%2Fp.png&amp;s&#61;")
        .contains("href=\"https://example.org/page\"")
        .containsPattern("<a href=\"https://example.org/page\" rel=\"[^\"]*nofollow[^\"]*\"")
        .containsPattern("rel=\"[^\"]*noopener[^\"]*\"");
  }
}
