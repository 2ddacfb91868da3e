package dev.animetracker.torrent.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.torrent.TorrentApiTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class EditDeleteIT extends TorrentApiTestSupport {

  @Autowired JdbcClient jdbc;

  @Test
  void theUploaderEditsOthersAre403ModeratorsMay() {
    User owner = user("owner");
    JsonNode torrent = uploaded(randomTorrent("edit me"), Map.of("tags", "one"), owner);
    long id = torrent.get("id").asLong();
    String path = "/api/torrents/" + id;

    patchJson(path, Map.of("title", "hijacked"), user("stranger")).assertProblem(403, "forbidden");
    patchJson(path, Map.of("title", "x"), null).assertProblem(401, "unauthorized");

    JsonNode edited =
        patchJson(
                path,
                Map.of(
                    "title", "New title",
                    "description", "Some *text*",
                    "category", "manga",
                    "tags", List.of("Two", "three")),
                owner)
            .assertStatus(200)
            .json();
    assertThat(edited.get("title").asString()).isEqualTo("New title");
    assertThat(edited.get("category").get("slug").asString()).isEqualTo("manga");
    assertThat(edited.get("tags")).hasSize(2);
    assertThat(edited.get("version").asLong()).isEqualTo(2);
    assertThat(edited.get("descriptionHtml").asString()).isEqualTo("<p>Some <em>text</em></p>");

    JsonNode updated =
        awaitEvent(
            "torrent.updated",
            payload ->
                payload.get("torrent").get("torrentId").asLong() == id
                    && payload.get("torrent").get("version").asLong() == 2);
    assertThat(updated.get("payload").get("changedBy").asLong()).isEqualTo(owner.id());
    assertThat(updated.get("payload").get("torrent").get("title").asString())
        .isEqualTo("New title");

    User moderator = moderator("mod");
    JsonNode moderated =
        patchJson(path, Map.of("title", "Moderated"), moderator).assertStatus(200).json();
    assertThat(moderated.get("version").asLong()).isEqualTo(3);

    patchJson(path, Map.of("title", ""), owner).assertProblem(400, "validation-failed");
    patchJson(path, Map.of("category", "nope"), owner).assertProblem(400, "validation-failed");

    List<String> actions =
        jdbc.sql("select action from torrent_audit where torrent_id = :id order by id")
            .param("id", id)
            .query(String.class)
            .list();
    assertThat(actions).containsExactly("create", "update", "update");
  }

  @Test
  void deletingRemovesItEverywhere() {
    User owner = user("deleter");
    JsonNode torrent = uploaded(randomTorrent("delete me"), Map.of(), owner);
    long id = torrent.get("id").asLong();
    String hash = torrent.get("infoHash").asString();
    assertThat(storedFile(hash)).isPresent();

    delete("/api/torrents/" + id, user("stranger")).assertProblem(403, "forbidden");
    delete("/api/torrents/" + id, owner).assertStatus(204);

    get("/api/torrents/" + id).assertProblem(404, "torrent-not-found");
    get("/api/torrents/" + id + "/download", owner).assertProblem(404, "torrent-not-found");
    assertThat(storedFile(hash)).isEmpty();
    JsonNode deleted =
        awaitEvent("torrent.deleted", payload -> payload.get("torrentId").asLong() == id);
    assertThat(deleted.get("_key").asString()).isEqualTo(hash);
    assertThat(deleted.get("payload").get("deletedBy").asLong()).isEqualTo(owner.id());
    assertThat(deleted.get("payload").get("version").asLong()).isEqualTo(2);
    JsonNode whitelist = getInternal("/internal/torrents/whitelist").json();
    whitelist.forEach(entry -> assertThat(entry.get("infoHash").asString()).isNotEqualTo(hash));
    delete("/api/torrents/" + id, owner).assertProblem(404, "torrent-not-found");
  }

  @Test
  void moderatorsDeleteAnyTorrent() {
    long id = uploaded(randomTorrent("mod delete"), Map.of(), user("victim")).get("id").asLong();
    delete("/api/torrents/" + id, moderator("mod")).assertStatus(204);
    get("/api/torrents/" + id).assertProblem(404, "torrent-not-found");
  }

  @Test
  void aRemovedTorrentCannotBeUploadedAgain() {
    User owner = user("again");
    byte[] bytes = randomTorrent("again");
    long id = uploaded(bytes, Map.of(), owner).get("id").asLong();
    delete("/api/torrents/" + id, owner).assertStatus(204);
    upload(bytes, "anime-eng", owner).assertProblem(409, "torrent-removed");
  }
}
