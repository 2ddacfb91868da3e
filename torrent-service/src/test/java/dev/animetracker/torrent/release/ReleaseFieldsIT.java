package dev.animetracker.torrent.release;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.torrent.TorrentApiTestSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Issue 12: a real release name fills the release fields without typing, the uploader's corrections
 * win, bad corrections store nothing, and only moderators set the trusted flag.
 */
class ReleaseFieldsIT extends TorrentApiTestSupport {

  @Autowired private JdbcClient jdbc;
  @Autowired private ReleaseBackfill backfill;

  private static final String FRIEREN =
      "[SubsPlease] Sousou no Frieren - 05 (1080p) [ABCD1234].mkv";

  @Test
  void aReleaseNameFillsEveryFieldAndTheSnapshotCarriesThem() {
    User uploader = user("frieren");
    String name = FRIEREN.replace("05", "%02d".formatted(1 + System.nanoTime() % 90));
    JsonNode body = uploaded(randomTorrent(name), Map.of("category", "anime-eng"), uploader);
    JsonNode release = body.get("release");
    assertThat(release.get("group").asString()).isEqualTo("SubsPlease");
    assertThat(release.get("title").asString()).isEqualTo("Sousou no Frieren");
    assertThat(release.get("resolution").asString()).isEqualTo("1080p");
    assertThat(release.get("crc32").asString()).isEqualTo("ABCD1234");
    assertThat(release.get("episodeFrom").asInt()).isEqualTo(release.get("episodeTo").asInt());
    assertThat(release.get("batch").asBoolean()).isFalse();
    assertThat(body.get("trusted").asBoolean()).isFalse();
    assertThat(body.get("remake").asBoolean()).isFalse();
    assertThat(body.get("series").get("title").asString()).isEqualTo("Sousou no Frieren");

    long id = body.get("id").asLong();
    JsonNode event =
        awaitEvent(
            "torrent.created", payload -> payload.get("torrent").get("torrentId").asLong() == id);
    JsonNode snapshot = event.get("payload").get("torrent");
    assertThat(snapshot.get("release").get("group").asString()).isEqualTo("SubsPlease");
    assertThat(snapshot.get("release").get("resolution").asString()).isEqualTo("1080p");
    assertThat(get("/api/torrents/" + id).assertStatus(200).json().get("release"))
        .isEqualTo(release);
  }

  @Test
  void theUploadersCorrectionsWinAndBadOnesStoreNothing() {
    User uploader = user("corrects");
    String name = "[Erai-raws] Some Show - 01 ~ 12 [720p] " + System.nanoTime();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("category", "anime-eng");
    fields.put("group", "Erai");
    fields.put("resolution", "1080p");
    fields.put("remake", "true");
    JsonNode body = uploaded(randomTorrent(name), fields, uploader);
    assertThat(body.get("release").get("group").asString()).isEqualTo("Erai");
    assertThat(body.get("release").get("resolution").asString()).isEqualTo("1080p");
    assertThat(body.get("release").get("batch").asBoolean()).isTrue();
    assertThat(body.get("remake").asBoolean()).isTrue();

    long before = storedFileCount();
    for (Map.Entry<String, String> bad :
        List.of(
            Map.entry("crc32", "XYZ"),
            Map.entry("resolution", "huge"),
            Map.entry("season", "-1"),
            Map.entry("subtitleLanguages", "english"))) {
      Map<String, String> invalid = new LinkedHashMap<>();
      invalid.put("category", "anime-eng");
      invalid.put(bad.getKey(), bad.getValue());
      upload(randomTorrent("bad " + bad.getKey() + System.nanoTime()), invalid, uploader)
          .assertProblem(400, "validation-failed");
    }
    assertThat(storedFileCount()).as("nothing stored for refused uploads").isEqualTo(before);
  }

  @Test
  void onlyAModeratorMarksATorrentTrusted() {
    User uploader = user("wants-trust");
    long id =
        uploaded(randomTorrent(FRIEREN + " " + System.nanoTime()), Map.of(), uploader)
            .get("id")
            .asLong();
    patchJson("/api/torrents/" + id, Map.of("trusted", true), uploader).assertStatus(403);
    patchJson("/api/torrents/" + id, Map.of("trusted", true), user("stranger")).assertStatus(403);
    assertThat(get("/api/torrents/" + id).json().get("trusted").asBoolean()).isFalse();
    JsonNode marked =
        patchJson("/api/torrents/" + id, Map.of("trusted", true), moderator("mod"))
            .assertStatus(200)
            .json();
    assertThat(marked.get("trusted").asBoolean()).isTrue();
    patchJson("/api/torrents/" + id, Map.of("release", Map.of("crc32", "nothex")), uploader)
        .assertProblem(400, "validation-failed");
    assertThat(get("/api/torrents/" + id).json().get("release").get("crc32").asString())
        .as("a refused correction changes nothing")
        .isEqualTo("ABCD1234");
  }

  @Test
  void theReleaseBackfillAlsoFindsTheSeriesAndAnnouncesBothInOneEvent() {
    String show = "Backfilled Show " + Long.toString(System.nanoTime(), 36).replaceAll("\\d", "");
    JsonNode torrent =
        uploaded(randomTorrent("[Old] " + show + " - 03 [720p]"), Map.of(), user("old-release"));
    long id = torrent.get("id").asLong();
    String slug = torrent.get("series").get("slug").asString();
    // As a torrent stored before release fields and series existed.
    jdbc.sql(
            "update torrent set release = null, series_id = null, series_matched = false"
                + " where id = :id")
        .param("id", id)
        .update();
    jdbc.sql("delete from series where slug = :slug").param("slug", slug).update();
    long version = get("/api/torrents/" + id).json().get("version").asLong();

    assertThat(backfill.fill()).isPositive();
    JsonNode filled = get("/api/torrents/" + id).json();
    assertThat(filled.get("release").get("group").asString()).isEqualTo("Old");
    assertThat(filled.get("series").get("title").asString()).isEqualTo(show);
    assertThat(filled.get("version").asLong()).isEqualTo(version + 2);
    JsonNode event =
        awaitEvent(
            "torrent.updated",
            payload ->
                payload.get("torrent").get("torrentId").asLong() == id
                    && payload.get("torrent").get("version").asLong() == version + 2);
    JsonNode snapshot = event.get("payload").get("torrent");
    assertThat(snapshot.get("release").get("episodeFrom").asInt()).isEqualTo(3);
    assertThat(snapshot.get("series").get("slug").asString())
        .isEqualTo(filled.get("series").get("slug").asString());
  }
}
