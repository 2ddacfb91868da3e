package dev.animetracker.torrent.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.torrent.TorrentApiTestSupport;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The MediaInfo/NFO text: stored cleaned from the upload form, replaced and cleared by PATCH, shown
 * on the torrent's own object only (never in listings or events), and refused past its limit
 * without storing anything.
 */
class MediaInfoIT extends TorrentApiTestSupport {

  private static final String REPORT =
      "General\r\nComplete name : [Group] Show - 01.mkv\r\nFormat\t: Matroska\r\n\r\n"
          + "Video\r\nWidth : 1 920 pixels\r\n";

  @Test
  void theUploadFormStoresTheTextWithUnixLineEndsAndWithoutControlCharacters() {
    User uploader = user("mediainfo");
    String hostile =
        REPORT + "\u001b[31mred\u001b[0m\u0000 bell\u0007 del\u007f <b>bold</b>\r\n\r\n";
    JsonNode body =
        uploaded(
            randomTorrent("MediaInfo round trip " + System.nanoTime()),
            Map.of("mediaInfo", hostile),
            uploader);
    String expected =
        "General\nComplete name : [Group] Show - 01.mkv\nFormat\t: Matroska\n\nVideo\n"
            + "Width : 1 920 pixels\n[31mred[0m bell del <b>bold</b>";
    assertThat(body.get("mediaInfo").asString()).isEqualTo(expected);
    long id = body.get("id").asLong();
    assertThat(get("/api/torrents/" + id).assertStatus(200).json().get("mediaInfo").asString())
        .isEqualTo(expected);

    JsonNode listing =
        get("/api/torrents?uploader=" + uploader.username()).assertStatus(200).json();
    assertThat(listing.get("items")).hasSize(1);
    assertThat(listing.get("items").get(0).has("mediaInfo"))
        .as("listings leave the text out")
        .isFalse();
    JsonNode event =
        awaitEvent(
            "torrent.created", payload -> payload.get("torrent").get("torrentId").asLong() == id);
    assertThat(event.get("payload").get("torrent").has("mediaInfo")).isFalse();
  }

  @Test
  void patchReplacesAndAnExplicitNullOrBlankClears() {
    User uploader = user("mi-edit");
    long id =
        uploaded(randomTorrent("MediaInfo edit " + System.nanoTime()), Map.of(), uploader)
            .get("id")
            .asLong();
    assertThat(get("/api/torrents/" + id).json().has("mediaInfo"))
        .as("no text given: none shown")
        .isFalse();

    JsonNode set =
        patchJson("/api/torrents/" + id, Map.of("mediaInfo", "Audio\r\nFormat : FLAC"), uploader)
            .assertStatus(200)
            .json();
    assertThat(set.get("mediaInfo").asString()).isEqualTo("Audio\nFormat : FLAC");

    patchJson("/api/torrents/" + id, Map.of("title", "A new title " + id), uploader)
        .assertStatus(200);
    assertThat(get("/api/torrents/" + id).json().get("mediaInfo").asString())
        .as("a PATCH without the key keeps the text")
        .isEqualTo("Audio\nFormat : FLAC");

    Map<String, Object> clear = new HashMap<>();
    clear.put("mediaInfo", null);
    patchJson("/api/torrents/" + id, clear, uploader).assertStatus(200);
    assertThat(get("/api/torrents/" + id).json().has("mediaInfo")).isFalse();

    patchJson("/api/torrents/" + id, Map.of("mediaInfo", "again"), uploader).assertStatus(200);
    patchJson("/api/torrents/" + id, Map.of("mediaInfo", " \r\n\u0000 "), uploader)
        .assertStatus(200);
    assertThat(get("/api/torrents/" + id).json().has("mediaInfo"))
        .as("a text of only blanks and control characters is none")
        .isFalse();

    patchJson("/api/torrents/" + id, Map.of("mediaInfo", "theirs"), user("mi-stranger"))
        .assertStatus(403);
    patchJson("/api/torrents/" + id, Map.of("mediaInfo", 42), uploader)
        .assertProblem(400, "validation-failed");
  }

  @Test
  void aTextPastSixtyFourKibIsRefusedAndNothingIsStored() {
    User uploader = user("mi-limit");
    String limit = "я".repeat(32 * 1024);
    JsonNode atLimit =
        uploaded(
            randomTorrent("MediaInfo at limit " + System.nanoTime()),
            Map.of("mediaInfo", limit),
            uploader);
    assertThat(atLimit.get("mediaInfo").asString()).isEqualTo(limit);

    long before = storedFileCount();
    Response refused =
        upload(
                randomTorrent("MediaInfo too long " + System.nanoTime()),
                Map.of("category", "anime-eng", "mediaInfo", limit + "x"),
                uploader)
            .assertProblem(400, "validation-failed");
    assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("mediaInfo");
    assertThat(storedFileCount()).as("nothing stored for a refused upload").isEqualTo(before);

    long id = atLimit.get("id").asLong();
    patchJson("/api/torrents/" + id, Map.of("mediaInfo", "a".repeat(64 * 1024 + 1)), uploader)
        .assertProblem(400, "validation-failed");
    assertThat(get("/api/torrents/" + id).json().get("mediaInfo").asString())
        .as("a refused edit keeps the stored text")
        .isEqualTo(limit);
  }
}
