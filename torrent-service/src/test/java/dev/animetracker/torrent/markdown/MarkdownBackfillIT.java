package dev.animetracker.torrent.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.torrent.TorrentApiTestSupport;
import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Flyway V4 renders rows written before the HTML columns existed, including a poisoned one that the
 * old code stored (and that turned every read of it into a 500): after the backfill it reads back
 * as escaped text.
 */
class MarkdownBackfillIT extends TorrentApiTestSupport {

  @Autowired JdbcClient jdbc;
  @Autowired DataSource dataSource;
  @Autowired MarkdownRenderer renderer;

  @Test
  void rendersTheRowsWrittenBeforeV3() throws Exception {
    User owner = user("legacy");
    long id =
        uploaded(randomTorrent("legacy " + System.nanoTime()), Map.of(), owner).get("id").asLong();
    postJson("/api/torrents/" + id + "/comments", Map.of("text", "plain"), owner).assertStatus(201);
    String poisoned = "- ".repeat(3000) + "x";
    // As a row written before V3: Markdown only, no HTML.
    jdbc.sql("update torrent set description = :text, description_html = null where id = :id")
        .param("text", poisoned)
        .param("id", id)
        .update();
    jdbc.sql("update comment set text = '**old**', text_html = null where torrent_id = :id")
        .param("id", id)
        .update();

    try (Connection connection = dataSource.getConnection()) {
      new MarkdownBackfill(renderer)
          .migrate(
              new Context() {
                @Override
                public Configuration getConfiguration() {
                  throw new UnsupportedOperationException();
                }

                @Override
                public Connection getConnection() {
                  return connection;
                }
              });
    }

    JsonNode torrent = get("/api/torrents/" + id).assertStatus(200).json();
    assertThat(torrent.get("descriptionHtml").asString()).startsWith("<p>- - - ");
    JsonNode comments = get("/api/torrents/" + id + "/comments").assertStatus(200).json();
    assertThat(comments.get(0).get("textHtml").asString()).isEqualTo("<p><strong>old</strong></p>");
  }

  @Test
  void pointsTheImagesOfStoredHtmlAtTheProxy() throws Exception {
    User owner = user("legacyimg");
    long id =
        uploaded(randomTorrent("legacy img " + System.nanoTime()), Map.of(), owner)
            .get("id")
            .asLong();
    // As stored before the image proxy: the image host named directly.
    jdbc.sql("update torrent set description = :text, description_html = :html where id = :id")
        .param("text", "![c](https://img.example/c.png)")
        .param("html", "<p><img src=\"https://img.example/c.png\" alt=\"c\" /></p>")
        .param("id", id)
        .update();

    try (Connection connection = dataSource.getConnection()) {
      new MarkdownImageBackfill(renderer)
          .migrate(
              new Context() {
                @Override
                public Configuration getConfiguration() {
                  throw new UnsupportedOperationException();
                }

                @Override
                public Connection getConnection() {
                  return connection;
                }
              });
    }

    String html =
        get("/api/torrents/" + id).assertStatus(200).json().get("descriptionHtml").asString();
    assertThat(html)
        .contains("src=\"/media/image?u&#61;https%3A%2F%2Fimg.example%2Fc.png&amp;s&#61;")
        .doesNotContain("src=\"https://");
  }
}
