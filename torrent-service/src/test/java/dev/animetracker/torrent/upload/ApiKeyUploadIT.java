package dev.animetracker.torrent.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.testsupport.UserServiceStub;
import dev.animetracker.torrent.TorrentApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/torrents} with {@code X-Api-Key} instead of a bearer token (upload scripts): the
 * key's owner uploads, bad and banned keys are refused, a token wins over a key. The quota is the
 * same as with a token ({@code WriteQuotasIT}).
 */
class ApiKeyUploadIT extends TorrentApiTestSupport {

  private Response uploadWithKey(String name, String key, User user) {
    return upload(
        randomTorrent(name + " " + System.nanoTime()),
        Map.of("category", "anime-eng"),
        user,
        Map.of("X-Api-Key", key));
  }

  @Test
  void aValidKeyUploadsAsItsOwner() {
    User owner = user("scripted");
    String key = USER_SERVICE.keyOf(owner.id(), owner.username(), true);

    JsonNode created = uploadWithKey("by key", key, null).assertStatus(201).json();

    assertThat(created.get("uploader").get("id").asLong()).isEqualTo(owner.id());
    assertThat(created.get("uploader").get("username").asString()).isEqualTo(owner.username());
    awaitEvent(
        "torrent.created",
        p -> p.get("torrent").get("torrentId").asLong() == created.get("id").asLong());
  }

  @Test
  void unknownMalformedInactiveAndBannedKeysAreRefused() {
    uploadWithKey("unknown", UserServiceStub.newKey(), null).assertProblem(401, "invalid-api-key");
    uploadWithKey("malformed", "not-a-key", null).assertProblem(401, "invalid-api-key");
    User inactive = user("inactive");
    uploadWithKey("inactive", USER_SERVICE.keyOf(inactive.id(), inactive.username(), false), null)
        .assertProblem(401, "invalid-api-key");
    User banned = user("banned");
    uploadWithKey("banned", USER_SERVICE.bannedKeyOf(banned.id(), banned.username()), null)
        .assertProblem(403, "banned");
    uploadWithKey("broken", USER_SERVICE.brokenKey(), null)
        .assertProblem(503, "user-service-unavailable");
    // Without key and token the usual 401 remains.
    upload(randomTorrent("anonymous"), "anime-eng", null).assertProblem(401, "unauthorized");
    assertThat(get("/api/torrents?uploader=" + banned.username()).json().get("total").asLong())
        .isZero();
  }

  @Test
  void aTokenWinsOverAKey() {
    User tokenUser = user("token");
    User keyOwner = user("keyowner");
    String key = USER_SERVICE.keyOf(keyOwner.id(), keyOwner.username(), true);

    JsonNode created = uploadWithKey("both", key, tokenUser).assertStatus(201).json();

    assertThat(created.get("uploader").get("id").asLong()).isEqualTo(tokenUser.id());
  }
}
