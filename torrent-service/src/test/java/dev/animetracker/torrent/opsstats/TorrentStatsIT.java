package dev.animetracker.torrent.opsstats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.torrent.TorrentApiTestSupport;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/moderation/stats/torrents}: uploads and downloads land on their UTC day (a
 * download is counted per day in its own transaction), the top lists, the swarm sums and their
 * daily peaks; moderators only; a bad {@code days} is a 400 problem.
 */
class TorrentStatsIT extends TorrentApiTestSupport {

  @Autowired JdbcClient jdbc;

  @Autowired SwarmDays swarmDays;

  private JsonNode stats(String days, User moderator) {
    return get("/api/moderation/stats/torrents?days=" + days, moderator).assertStatus(200).json();
  }

  private static JsonNode day(JsonNode stats, LocalDate day) {
    return StreamSupport.stream(stats.get("perDay").spliterator(), false)
        .filter(entry -> entry.get("day").asString().equals(day.toString()))
        .findFirst()
        .orElseThrow(() -> new AssertionError(day + " missing in " + stats));
  }

  private static JsonNode first(JsonNode stats, String list) {
    return stats.get(list).get(0);
  }

  @Test
  void uploadsAndDownloadsAreCountedPerDayAndRanked() {
    User moderator = moderator("stats");
    User uploader = user("uploader");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate earlier = today.minusDays(20);
    JsonNode before = stats("30", moderator);
    long uploadsBefore = day(before, today).get("uploads").asLong();
    long downloadsBefore = day(before, today).get("downloads").asLong();
    long earlierUploadsBefore = day(before, earlier).get("uploads").asLong();

    long a =
        uploaded(randomTorrent("popular " + System.nanoTime()), Map.of(), uploader)
            .get("id")
            .asLong();
    long b =
        uploaded(randomTorrent("quiet " + System.nanoTime()), Map.of(), uploader)
            .get("id")
            .asLong();
    for (int i = 0; i < 3; i++) {
      get("/api/torrents/" + a + "/download", uploader).assertStatus(200);
    }
    get("/api/torrents/" + b + "/download", uploader).assertStatus(200);
    // An older upload and older downloads, as if they had happened 20 days ago.
    long c =
        uploaded(randomTorrent("older " + System.nanoTime()), Map.of(), uploader)
            .get("id")
            .asLong();
    jdbc.sql("update torrent set created_at = now() - interval '20 days' where id = :id")
        .param("id", c)
        .update();
    jdbc.sql(
            "insert into torrent_download_day (day, torrent_id, downloads) values (:day, :id, 100000)")
        .param("day", earlier)
        .param("id", a)
        .update();
    jdbc.sql("update torrent set seeders = 900000, leechers = 7 where id = :id")
        .param("id", b)
        .update();

    // The day's swarm peak is sampled; a later, smaller sample leaves it.
    swarmDays.sample();
    jdbc.sql("update torrent set seeders = 1, leechers = 0 where id = :id").param("id", b).update();
    swarmDays.sample();
    jdbc.sql("update torrent set seeders = 900000, leechers = 7 where id = :id")
        .param("id", b)
        .update();

    JsonNode month = stats("30", moderator);
    assertThat(month.get("days").asInt()).isEqualTo(30);
    assertThat(month.get("perDay")).hasSize(30);
    assertThat(month.get("first").asString()).isEqualTo(today.minusDays(29).toString());
    assertThat(month.get("last").asString()).isEqualTo(today.toString());
    assertThat(day(month, today).get("uploads").asLong()).isEqualTo(uploadsBefore + 2);
    assertThat(day(month, today).get("downloads").asLong()).isEqualTo(downloadsBefore + 4);
    assertThat(day(month, earlier).get("uploads").asLong()).isEqualTo(earlierUploadsBefore + 1);
    assertThat(day(month, earlier).get("downloads").asLong()).isGreaterThanOrEqualTo(100000);
    assertThat(day(month, today).get("peakPeers").asLong()).isGreaterThanOrEqualTo(900007);
    assertThat(day(month, today).get("peakSwarms").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(day(month, earlier).get("peakPeers").asLong()).isZero();
    assertThat(first(month, "topByDownloads").get("id").asLong()).isEqualTo(a);
    assertThat(first(month, "topByDownloads").get("downloads").asLong()).isEqualTo(100003);
    assertThat(first(month, "topBySeeders").get("id").asLong()).isEqualTo(b);
    assertThat(first(month, "topBySeeders").get("seeders").asInt()).isEqualTo(900000);
    assertThat(month.get("swarms").get("active").asLong()).isGreaterThanOrEqualTo(1);
    assertThat(month.get("swarms").get("seeders").asLong()).isGreaterThanOrEqualTo(900000);

    // A week's window leaves the older downloads out of the ranking.
    JsonNode week = stats("7", moderator);
    assertThat(week.get("perDay")).hasSize(7);
    JsonNode popular =
        StreamSupport.stream(week.get("topByDownloads").spliterator(), false)
            .filter(top -> top.get("id").asLong() == a)
            .findFirst()
            .orElseThrow();
    assertThat(popular.get("downloads").asLong()).isEqualTo(3);

    // A removed torrent leaves the top lists; its upload still counts.
    delete("/api/torrents/" + b, moderator).assertStatus(204);
    JsonNode after = stats("30", moderator);
    assertThat(after.get("topBySeeders").findValues("id").stream().map(JsonNode::asLong))
        .doesNotContain(b);
    assertThat(day(after, today).get("uploads").asLong()).isEqualTo(uploadsBefore + 2);
  }

  @Test
  void onlyModeratorsMayReadAndDaysIsChecked() {
    get("/api/moderation/stats/torrents").assertProblem(401, "unauthorized");
    get("/api/moderation/stats/torrents", user("fan")).assertProblem(403, "forbidden");
    User moderator = moderator("stats");
    assertThat(
            get("/api/moderation/stats/torrents", moderator).assertStatus(200).json().get("perDay"))
        .hasSize(30);
    for (String bad : new String[] {"0", "91", "-3", "abc", "1.5"}) {
      get("/api/moderation/stats/torrents?days=" + bad, moderator)
          .assertProblem(400, "invalid-days");
    }
    assertThat(stats("90", moderator).get("perDay")).hasSize(90);
  }
}
