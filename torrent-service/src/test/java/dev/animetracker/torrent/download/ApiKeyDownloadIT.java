package dev.animetracker.torrent.download;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.bencode.BDecoder;
import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.common.bencode.BString;
import dev.animetracker.testsupport.UserServiceStub;
import dev.animetracker.torrent.TorrentApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Downloads by feed readers and Torznab clients: {@code ?apikey=} instead of an access token. */
class ApiKeyDownloadIT extends TorrentApiTestSupport {

  @Test
  void aValidApiKeyDownloadsWithoutATokenAndCountsForItsOwner() {
    JsonNode torrent = uploaded(randomTorrent("apikey dl"), Map.of(), user("up"));
    long id = torrent.get("id").asLong();
    User reader = user("reader");
    String key = USER_SERVICE.keyOf(reader.id(), reader.username(), true);

    Response response = get("/api/torrents/" + id + "/download?apikey=" + key).assertStatus(200);

    assertThat(response.header("Content-Type")).hasValue("application/x-bittorrent");
    BDictionary root = BDecoder.strict().decodeDictionary(response.bytes());
    assertThat(((BString) root.get("announce")).utf8()).isEqualTo(OUR_HTTP);
    assertThat(get("/api/torrents/" + id).json().get("downloads").asLong()).isEqualTo(1);
    JsonNode event =
        awaitEvent(
            "torrent.downloaded",
            payload ->
                payload.get("torrentId").asLong() == id && payload.get("downloads").asLong() == 1);
    assertThat(event.get("payload").get("userId").asLong()).isEqualTo(reader.id());
    assertThat(event.get("_key").asString()).isEqualTo(torrent.get("infoHash").asString());
  }

  @Test
  void aTokenWinsOverAnApiKey() {
    long id = uploaded(randomTorrent("token wins"), Map.of(), user("up")).get("id").asLong();
    User owner = user("keyowner");
    User withToken = user("tokenuser");
    String key = USER_SERVICE.keyOf(owner.id(), owner.username(), true);

    get("/api/torrents/" + id + "/download?apikey=" + key, withToken).assertStatus(200);

    JsonNode event =
        awaitEvent(
            "torrent.downloaded",
            payload ->
                payload.get("torrentId").asLong() == id && payload.get("downloads").asLong() == 1);
    assertThat(event.get("payload").get("userId").asLong()).isEqualTo(withToken.id());
  }

  @Test
  void unknownMalformedAndInactiveKeysAre401AndCountNothing() {
    long id = uploaded(randomTorrent("bad keys"), Map.of(), user("up")).get("id").asLong();
    User inactive = user("inactive");
    String inactiveKey = USER_SERVICE.keyOf(inactive.id(), inactive.username(), false);

    get("/api/torrents/" + id + "/download?apikey=" + UserServiceStub.newKey())
        .assertProblem(401, "invalid-api-key");
    get("/api/torrents/" + id + "/download?apikey=" + inactiveKey)
        .assertProblem(401, "invalid-api-key");

    int lookups = USER_SERVICE.lookups();
    get("/api/torrents/" + id + "/download?apikey=").assertProblem(401, "invalid-api-key");
    get("/api/torrents/" + id + "/download?apikey=not-a-key%2F..%2F1")
        .assertProblem(401, "invalid-api-key");
    get("/api/torrents/" + id + "/download?apikey=" + UserServiceStub.newKey().toUpperCase())
        .assertProblem(401, "invalid-api-key");
    assertThat(USER_SERVICE.lookups())
        .as("malformed keys never reach user-service")
        .isEqualTo(lookups);

    assertThat(get("/api/torrents/" + id).json().get("downloads").asLong()).isZero();
  }

  @Test
  void aBannedAccountsKeyIsRefusedAsBannedAndCountsNothing() {
    long id = uploaded(randomTorrent("banned key"), Map.of(), user("up")).get("id").asLong();
    User banned = user("banned");
    String key = USER_SERVICE.bannedKeyOf(banned.id(), banned.username());

    int lookups = USER_SERVICE.lookups();
    get("/api/torrents/" + id + "/download?apikey=" + key).assertProblem(403, "banned");
    assertThat(USER_SERVICE.lookups())
        .as("one lookup tells banned from unknown")
        .isEqualTo(lookups + 1);
    assertThat(get("/api/torrents/" + id).json().get("downloads").asLong()).isZero();
  }

  @Test
  void withoutKeyNorTokenTheUsual401Remains() {
    long id = uploaded(randomTorrent("no key"), Map.of(), user("up")).get("id").asLong();
    Response response = get("/api/torrents/" + id + "/download").assertProblem(401, "unauthorized");
    assertThat(response.header("WWW-Authenticate")).hasValue("Bearer");
  }

  @Test
  void aFailingUserServiceIs503AndAnUnknownTorrentStays404() {
    long id = uploaded(randomTorrent("us down"), Map.of(), user("up")).get("id").asLong();
    get("/api/torrents/" + id + "/download?apikey=" + USER_SERVICE.brokenKey())
        .assertProblem(503, "user-service-unavailable");

    User reader = user("reader404");
    String key = USER_SERVICE.keyOf(reader.id(), reader.username(), true);
    get("/api/torrents/999999999/download?apikey=" + key).assertProblem(404, "torrent-not-found");
  }
}
