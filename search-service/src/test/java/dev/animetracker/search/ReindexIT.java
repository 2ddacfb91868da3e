package dev.animetracker.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.search.TorrentServiceStub.Listed;
import dev.animetracker.search.index.ReadModelWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /internal/reindex} against a stand-in torrent-service (pages of two, so paging is
 * exercised): the same version rules as the events, and tombstones for what is no longer listed.
 */
class ReindexIT extends SearchTestSupport {

  @AfterEach
  void reset() {
    TORRENT_SERVICE.clear();
    TORRENT_SERVICE.down(false);
  }

  private static Listed listed(
      TorrentSnapshot s, long seeders, Instant observed, long downloads, long comments) {
    return new Listed(s, seeders, 1, 2, observed, downloads, comments);
  }

  @Test
  void rebuildsFromTorrentServiceAndIsSafeToRepeat() {
    String u = uniqueWord("re");
    Instant observed = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.MICROS);
    TorrentSnapshot a = snapshot("Reindexed alpha", ANIME, List.of("Tag A"), u);
    TorrentSnapshot b = snapshot("Reindexed beta", MANGA, List.of(), u);
    TorrentSnapshot c = snapshot("Reindexed gamma", ANIME, List.of(), u);
    TORRENT_SERVICE.put(listed(a, 4, observed, 10, 2));
    TORRENT_SERVICE.put(listed(b, 0, null, 0, 0));
    TORRENT_SERVICE.put(listed(c, 9, observed, 1, 0));
    // The read model already knows a newer version of c and newer stats of a.
    TorrentSnapshot newerC = with(c, "Reindexed gamma v5", "", c.size(), c.createdAt(), 5);
    index(newerC);
    writer.stats(
        List.of(new ReadModelWriter.Stats(a.infoHash(), 50, 5, 5, observed.plusSeconds(30))));

    JsonNode report = post("/internal/reindex").assertStatus(200).json();
    assertThat(report.get("listed").asInt()).isGreaterThanOrEqualTo(3);
    assertThat(report.get("snapshotsApplied").asInt()).isGreaterThanOrEqualTo(2);

    assertThat(search("uploader", u, "sort", "title", "order", "asc").titles())
        .containsExactly("Reindexed alpha", "Reindexed beta", "Reindexed gamma v5");
    JsonNode alpha = search("q", "reindexed alpha", "uploader", u).json().get("items").get(0);
    assertThat(alpha.get("seeders").asInt()).isEqualTo(50);
    assertThat(alpha.get("downloads").asLong()).isEqualTo(10);
    assertThat(alpha.get("comments").asInt()).isEqualTo(2);
    assertThat(alpha.get("tags").get(0).get("name").asString()).isEqualTo("Tag A");
    assertThat(search("tag", "tag-a", "uploader", u).total()).isEqualTo(1);

    JsonNode again = post("/internal/reindex").assertStatus(200).json();
    assertThat(again.get("snapshotsApplied").asInt()).isZero();
    assertThat(again.get("statsApplied").asInt()).isZero();
    assertThat(again.get("downloadsApplied").asInt()).isZero();
    assertThat(again.get("tombstoned").asInt()).isZero();
    assertThat(search("uploader", u).total()).isEqualTo(3);
  }

  @Test
  void tombstonesWhatTorrentServiceNoLongerLists() {
    String u = uniqueWord("gone");
    TorrentSnapshot gone = snapshot("Gone torrent", ANIME, List.of(), u);
    TorrentSnapshot kept = snapshot("Kept torrent", ANIME, List.of(), u);
    index(gone, kept);
    TORRENT_SERVICE.put(listed(kept, 0, null, 0, 0));
    JsonNode report = post("/internal/reindex").assertStatus(200).json();
    assertThat(report.get("tombstoned").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(search("uploader", u).titles()).containsExactly("Kept torrent");
    // A late update of the same version cannot bring it back.
    index(gone);
    assertThat(search("uploader", u).titles()).containsExactly("Kept torrent");
  }

  @Test
  void anUnreachableTorrentServiceIsABadGatewayProblem() {
    TORRENT_SERVICE.down(true);
    Response response = post("/internal/reindex");
    assertThat(response.status()).isEqualTo(502);
    assertThat(response.contentType()).startsWith("application/problem+json");
    assertThat(response.json().get("code").asString()).isEqualTo("torrent-service-unavailable");
  }

  @Test
  void reindexNeedsAServiceTokenAndCallsTorrentServiceWithOne() {
    int before = TORRENT_SERVICE.requests();
    post("/internal/reindex", null).assertStatus(401);
    Response user = post("/internal/reindex", JWKS.token(5, "mika", false));
    assertThat(user.status()).isEqualTo(401);
    assertThat(user.json().get("code").asString()).isEqualTo("invalid-access-token");
    post("/internal/reindex", "garbage").assertStatus(401);
    assertThat(TORRENT_SERVICE.requests()).as("refused before any work").isEqualTo(before);

    post("/internal/reindex").assertStatus(200);
    assertThat(TORRENT_SERVICE.requests()).isGreaterThan(before);
    assertThat(TORRENT_SERVICE.unauthenticated()).isZero();
  }
}
