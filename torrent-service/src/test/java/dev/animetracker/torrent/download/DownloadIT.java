package dev.animetracker.torrent.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.bencode.BDecoder;
import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.common.bencode.BList;
import dev.animetracker.common.bencode.BString;
import dev.animetracker.common.bencode.BValue;
import dev.animetracker.torrent.RealTorrents;
import dev.animetracker.torrent.TorrentApiTestSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class DownloadIT extends TorrentApiTestSupport {

  @TempDir Path work;

  @org.springframework.beans.factory.annotation.Autowired
  io.micrometer.core.instrument.MeterRegistry meters;

  @Test
  void uploadsAndServedDownloadsAreCountedForTheDashboardsRefusedOnesAreNot() {
    double uploads = meters.get("torrent.uploads").counter().count();
    double downloads = meters.get("torrent.downloads").counter().count();
    User uploader = user("metered");
    byte[] file = randomTorrent("metered dl");
    long id = uploaded(file, Map.of(), uploader).get("id").asLong();
    get("/api/torrents/" + id + "/download", uploader).assertStatus(200);
    get("/api/torrents/" + id + "/download").assertProblem(401, "unauthorized");

    assertThat(meters.get("torrent.uploads").counter().count()).isEqualTo(uploads + 1);
    assertThat(meters.get("torrent.downloads").counter().count()).isEqualTo(downloads + 1);
  }

  @Test
  void anonymousDownloadsAre401() {
    long id = uploaded(randomTorrent("anon dl"), Map.of(), user("up")).get("id").asLong();
    get("/api/torrents/" + id + "/download").assertProblem(401, "unauthorized");
  }

  @Test
  void servesOurTrackersFirstKeepsTheOthersAndTheInfoHash() throws Exception {
    RealTorrents tools = new RealTorrents(work);
    Path content = tools.content("Download «тест» " + System.nanoTime(), System.nanoTime());
    byte[] original = tools.libtorrent(content).get(2); // hybrid
    JsonNode before = tools.describe(original);
    String title = "Ван-Пис / \"One Piece\" 第1話";
    JsonNode torrent = uploaded(original, Map.of("title", title), user("uploader"));
    long id = torrent.get("id").asLong();
    User downloader = user("downloader");

    Response response = get("/api/torrents/" + id + "/download", downloader).assertStatus(200);

    assertThat(response.header("Content-Type")).hasValue("application/x-bittorrent");
    String disposition = response.header("Content-Disposition").orElseThrow();
    assertThat(disposition)
        .startsWith("attachment; filename=\"")
        .contains("filename*=UTF-8''")
        .contains("%D0%92%D0%B0%D0%BD")
        .doesNotContain("/");
    String fallback =
        disposition.substring(disposition.indexOf('"') + 1, disposition.indexOf("\";"));
    assertThat(fallback).endsWith(".torrent").doesNotContain("\"").matches("[ -~]+");

    JsonNode after = tools.describe(response.bytes());
    assertThat(after.get("v1").asString()).isEqualTo(before.get("v1").asString());
    assertThat(after.get("v2").asString()).isEqualTo(before.get("v2").asString());

    BDictionary root = BDecoder.strict().decodeDictionary(response.bytes());
    assertThat(((BString) root.get("announce")).utf8()).isEqualTo(OUR_HTTP);
    List<List<String>> tiers = new ArrayList<>();
    for (BValue tier : ((BList) root.get("announce-list")).values()) {
      List<String> urls = new ArrayList<>();
      for (BValue url : ((BList) tier).values()) {
        urls.add(((BString) url).utf8());
      }
      tiers.add(urls);
    }
    assertThat(tiers)
        .containsExactly(
            List.of(OUR_HTTP),
            List.of(OUR_UDP),
            List.of("http://tracker.example/announce"),
            List.of("udp://backup.example:6969/announce"));

    assertThat(get("/api/torrents/" + id).json().get("downloads").asLong()).isEqualTo(1);
    get("/api/torrents/" + id + "/download", downloader).assertStatus(200);
    assertThat(get("/api/torrents/" + id).json().get("downloads").asLong()).isEqualTo(2);

    JsonNode event =
        awaitEvent(
            "torrent.downloaded",
            payload ->
                payload.get("torrentId").asLong() == id && payload.get("downloads").asLong() == 2);
    assertThat(event.get("_key").asString()).isEqualTo(torrent.get("infoHash").asString());
    assertThat(event.get("payload").get("userId").asLong()).isEqualTo(downloader.id());
  }

  @Test
  void ourOwnUrlsInTheUploadAreNotRepeated() {
    byte[] torrent =
        randomTorrent(
            "own trackers",
            List.of(List.of(OUR_UDP, "http://other.example/announce"), List.of(OUR_HTTP)));
    long id = uploaded(torrent, Map.of(), user("own")).get("id").asLong();
    byte[] served = get("/api/torrents/" + id + "/download", user("dl")).assertStatus(200).bytes();
    BDictionary root = BDecoder.strict().decodeDictionary(served);
    List<BValue> tiers = ((BList) root.get("announce-list")).values();
    assertThat(tiers).hasSize(3);
    assertThat(((BString) ((BList) tiers.get(2)).values().getFirst()).utf8())
        .isEqualTo("http://other.example/announce");
  }

  @Test
  void unknownTorrentsAre404() {
    get("/api/torrents/999999999/download", user("x")).assertProblem(404, "torrent-not-found");
    get("/api/torrents/abc").assertProblem(404, "torrent-not-found");
  }
}
