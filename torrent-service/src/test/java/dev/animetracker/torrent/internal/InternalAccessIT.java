package dev.animetracker.torrent.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.torrent.TorrentApiTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /internal/**} answers only a service token of user-service's signing key, and a service
 * token opens nothing a user may do.
 */
class InternalAccessIT extends TorrentApiTestSupport {

  private Response withToken(String path, String token) {
    return send("GET", path, null, null, null, Map.of("Authorization", "Bearer " + token));
  }

  @Test
  void withoutAServiceTokenTheInternalApiIsA401() {
    for (String path :
        new String[] {
          "/internal/torrents/whitelist",
          "/internal/torrents/snapshots?limit=10",
          "/internal/series"
        }) {
      get(path).assertProblem(401, "unauthorized");
      get(path, user("nosy")).assertProblem(401, "invalid-access-token");
      get(path, moderator("nosy-mod")).assertProblem(401, "invalid-access-token");
      withToken(path, JWKS.forgedToken(1, "x", List.of("USER")))
          .assertProblem(401, "invalid-access-token");
    }
    for (String variant :
        new String[] {
          "/%69nternal/torrents/whitelist",
          "/internal/torrents/whitelist/",
          "/internal/./torrents/whitelist",
          "/internal;a=b/torrents/whitelist"
        }) {
      Response answer = get(variant);
      assertThat(answer.status()).as(variant + " " + answer.body()).isIn(400, 401, 404);
    }
    getInternal("/internal/torrents/whitelist").assertStatus(200);
  }

  @Test
  void aServiceTokenActsAsNoUser() {
    String service = JWKS.serviceToken("tracker-service");
    Response upload =
        send(
            "POST",
            "/api/torrents/1/comments",
            "{\"text\":\"hi\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
            "application/json",
            null,
            Map.of("Authorization", "Bearer " + service));
    upload.assertProblem(401, "invalid-access-token");
    withToken("/api/torrents/1/download", service).assertProblem(401, "invalid-access-token");
  }
}
