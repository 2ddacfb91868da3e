package dev.animetracker.torrent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.torrent.TorrentApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /internal/torrents/snapshots}: what search-service rebuilds its read model from. */
class SnapshotsIT extends TorrentApiTestSupport {

  @Test
  void listsLiveTorrentsInIdOrderWithSnapshotFieldsAndCounters() {
    User owner = user("snap");
    JsonNode first =
        uploaded(
            randomTorrent("snap one " + System.nanoTime()),
            Map.of("title", "Sousou no Frieren - 01", "tags", "fantasy, Elf"),
            owner);
    JsonNode removed = uploaded(randomTorrent("snap two " + System.nanoTime()), Map.of(), owner);
    JsonNode third =
        uploaded(
            randomTorrent("snap three " + System.nanoTime()), Map.of("category", "manga"), owner);
    long firstId = first.get("id").asLong();
    postJson("/api/torrents/" + firstId + "/comments", Map.of("text", "nice"), owner)
        .assertStatus(201);
    patchJson("/api/torrents/" + firstId, Map.of("description", "Edited"), owner).assertStatus(200);
    delete("/api/torrents/" + removed.get("id").asLong(), owner).assertStatus(204);

    JsonNode page =
        getInternal("/internal/torrents/snapshots?afterId=" + (firstId - 1) + "&limit=1000")
            .assertStatus(200)
            .json();
    List<Long> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("torrentId").asLong()));
    assertThat(ids).isSorted().contains(firstId, third.get("id").asLong());
    assertThat(ids).doesNotContain(removed.get("id").asLong());
    assertThat(page.get("asOf").asString()).isNotBlank();
    assertThat(page.get("nextAfterId").isNull()).isTrue();

    JsonNode item = page.get("items").get(0);
    assertThat(item.get("torrentId").asLong()).isEqualTo(firstId);
    assertThat(item.get("infoHash").asString()).isEqualTo(first.get("infoHash").asString());
    assertThat(item.get("title").asString()).isEqualTo("Sousou no Frieren - 01");
    assertThat(item.get("description").asString()).isEqualTo("Edited");
    assertThat(item.get("category").get("slug").asString()).isEqualTo("anime-eng");
    assertThat(item.get("category").get("nameRu").asString()).isNotBlank();
    assertThat(item.get("tags")).hasSize(2);
    assertThat(item.get("tags").get(0).get("slug").asString()).isEqualTo("fantasy");
    assertThat(item.get("uploaderUsername").asString()).isEqualTo(owner.username());
    assertThat(item.get("version").asLong()).isEqualTo(2);
    assertThat(item.get("commentCount").asInt()).isEqualTo(1);
    // What search-service's reindex rebuilds its release filters from.
    assertThat(item.get("release").get("title").asString()).isEqualTo("Sousou no Frieren");
    assertThat(item.get("release").get("episodeFrom").asInt()).isEqualTo(1);
    assertThat(item.get("trusted").asBoolean()).isFalse();
    assertThat(item.get("remake").asBoolean()).isFalse();
    JsonNode plain = page.get("items").get(1);
    assertThat(plain.has("release")).as("every item lists its release, null or not").isTrue();
    assertThat(item.get("size").asLong()).isEqualTo(first.get("size").asLong());
    assertThat(item.has("seeders")).isTrue();
    assertThat(item.has("statsObservedAt")).isTrue();
    assertThat(item.has("downloads")).isTrue();
  }

  @Test
  void pagesByAfterIdAndRefusesBadParameters() {
    User owner = user("pager");
    long a =
        uploaded(randomTorrent("pg a " + System.nanoTime()), Map.of(), owner).get("id").asLong();
    long b =
        uploaded(randomTorrent("pg b " + System.nanoTime()), Map.of(), owner).get("id").asLong();

    JsonNode firstPage =
        getInternal("/internal/torrents/snapshots?afterId=" + (a - 1) + "&limit=1")
            .assertStatus(200)
            .json();
    assertThat(firstPage.get("items")).hasSize(1);
    assertThat(firstPage.get("items").get(0).get("torrentId").asLong()).isEqualTo(a);
    assertThat(firstPage.get("nextAfterId").asLong()).isEqualTo(a);
    JsonNode second =
        getInternal("/internal/torrents/snapshots?afterId=" + a + "&limit=1")
            .assertStatus(200)
            .json();
    assertThat(second.get("items").get(0).get("torrentId").asLong()).isEqualTo(b);

    getInternal("/internal/torrents/snapshots?limit=1001").assertProblem(400, "validation-failed");
    getInternal("/internal/torrents/snapshots?limit=0").assertProblem(400, "validation-failed");
    getInternal("/internal/torrents/snapshots?afterId=-1").assertProblem(400, "validation-failed");
    assertThat(getInternal("/internal/torrents/snapshots?afterId=abc").status()).isEqualTo(400);
  }
}
