package dev.animetracker.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.session.SessionState;
import dev.animetracker.user.ApiTestSupport;
import dev.animetracker.user.session.SessionStates;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;

class BanIT extends ApiTestSupport {

  @Autowired SessionStates sessionStates;
  @Autowired JdbcClient jdbc;
  @Autowired JwtDecoder jwtDecoder;

  private String admin() {
    return accessToken("admin", ADMIN_PASSWORD);
  }

  private static Map<String, Object> ban(String reason, Instant until) {
    Map<String, Object> body = new HashMap<>();
    body.put("banned", true);
    body.put("reason", reason);
    if (until != null) {
      body.put("until", until.toString());
    }
    return body;
  }

  private long tokenVersion(String accessToken) {
    Object ver = jwtDecoder.decode(accessToken).getClaims().get(SessionState.VERSION_CLAIM);
    return ((Number) ver).longValue();
  }

  @Test
  void aModeratorBansAndTheBannedAccountLosesLoginRefreshAndTokens() {
    TestUser user = registerVerified("Banned");
    JsonNode before = tokens(user.username(), user.password());
    String oldAccess = before.get("accessToken").asString();
    String oldRefresh = before.get("refreshToken").asString();
    Instant until = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

    Response banned =
        put(
            "/api/users/" + user.username().toUpperCase() + "/ban",
            ban("spam uploads", until),
            admin());

    assertThat(banned.status()).as(banned.body()).isEqualTo(200);
    assertThat(banned.json().get("username").asString()).isEqualTo(user.username());
    assertThat(banned.json().get("banned").asBoolean()).isTrue();
    assertThat(Instant.parse(banned.json().get("bannedUntil").asString())).isEqualTo(until);
    assertThat(get("/api/users/" + user.username(), null).json().get("banned").asBoolean())
        .isTrue();

    Response login = login(user.username(), user.password()).assertProblem(403, "banned");
    assertThat(login.text("detail")).contains(until.toString());
    assertThat(login.text("bannedUntil")).isEqualTo(until.toString());
    // The refresh token family died with the ban.
    assertThat(post("/api/auth/refresh", Map.of("refreshToken", oldRefresh)).status())
        .isIn(401, 403);
    // What the gateway reads: the ban, and a version that revokes the old token.
    SessionState state = sessionStates.read(user.id());
    assertThat(state.bannedAt(Instant.now())).isTrue();
    assertThat(state.bannedUntil()).isEqualTo(until);
    assertThat(state.revokes(tokenVersion(oldAccess))).isTrue();

    Map<String, Object> audit =
        jdbc.sql(
                "select a.action, a.reason, a.until, u.username as actor from account_ban_audit a"
                    + " join users u on u.id = a.actor_id where a.target_id = :id")
            .param("id", user.id())
            .query()
            .singleRow();
    assertThat(audit).containsEntry("action", "ban").containsEntry("reason", "spam uploads");
    assertThat(audit.get("actor")).isEqualTo("admin");
    assertThat(audit.get("until")).isNotNull();

    Response unbanned =
        put(
            "/api/users/" + user.username() + "/ban",
            Map.of("banned", false, "reason", "appeal accepted"),
            admin());
    assertThat(unbanned.status()).as(unbanned.body()).isEqualTo(200);
    assertThat(unbanned.json().get("banned").asBoolean()).isFalse();
    assertThat(unbanned.json().get("bannedUntil").isNull()).isTrue();
    assertThat(sessionStates.read(user.id()).banned()).isFalse();
    String fresh = accessToken(user.username(), user.password());
    assertThat(sessionStates.read(user.id()).revokes(tokenVersion(fresh))).isFalse();
    assertThat(
            jdbc.sql("select count(*) from account_ban_audit where target_id = :id")
                .param("id", user.id())
                .query(Long.class)
                .single())
        .isEqualTo(2L);
  }

  @Test
  void anIndefiniteBanHasNoEndAndATemporaryOneEndsByItself() {
    TestUser forever = registerVerified("Forever");
    assertThat(
            put("/api/users/" + forever.username() + "/ban", ban("malware", null), admin())
                .status())
        .isEqualTo(200);
    Response refused = login(forever.username(), forever.password()).assertProblem(403, "banned");
    assertThat(refused.json().has("bannedUntil")).isFalse();
    assertThat(sessionStates.read(forever.id()).bannedUntil()).isNull();

    TestUser brief = registerVerified("Brief");
    Instant soon = Instant.now().plusSeconds(2);
    assertThat(
            put("/api/users/" + brief.username() + "/ban", ban("cool down", soon), admin())
                .status())
        .isEqualTo(200);
    login(brief.username(), brief.password()).assertProblem(403, "banned");
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> login(brief.username(), brief.password()).status() == 200);
    assertThat(Instant.now()).isAfterOrEqualTo(soon.truncatedTo(ChronoUnit.SECONDS));
    assertThat(get("/api/users/" + brief.username(), null).json().get("banned").asBoolean())
        .isFalse();
  }

  @Test
  void aBannedAccountsApiKeyStopsResolvingUntilTheUnban() {
    TestUser user = registerVerified("Keyed");
    String key =
        get("/api/users/me/api-key", accessToken(user.username(), user.password())).text("apiKey");
    String owner = "/internal/users/by-api-key/" + key;
    assertThat(getInternal(owner).json().get("active").asBoolean()).isTrue();

    assertThat(getInternal(owner).json().get("banned").asBoolean()).isFalse();

    put("/api/users/" + user.username() + "/ban", ban("key abuse", null), admin());
    assertThat(getInternal(owner).json().get("active").asBoolean()).isFalse();
    assertThat(getInternal(owner).json().get("banned").asBoolean()).isTrue();

    put("/api/users/" + user.username() + "/ban", Map.of("banned", false), admin());
    assertThat(getInternal(owner).json().get("active").asBoolean()).isTrue();
    assertThat(getInternal(owner).json().get("banned").asBoolean()).isFalse();
  }

  @Test
  void onlyModeratorsBanAndNobodyBansThemselves() {
    TestUser user = registerVerified("Plain");
    TestUser other = registerVerified("Target");
    String userToken = accessToken(user.username(), user.password());

    put("/api/users/" + other.username() + "/ban", ban("because", null), userToken)
        .assertProblem(403, "forbidden");
    assertThat(put("/api/users/" + other.username() + "/ban", ban("x", null), null).status())
        .isEqualTo(401);
    put("/api/users/admin/ban", ban("oops", null), admin()).assertProblem(409, "cannot-ban-self");
    put("/api/users/nobody_here_at_all/ban", ban("x", null), admin())
        .assertProblem(404, "user-not-found");
    assertThat(login(other.username(), other.password()).status()).isEqualTo(200);
  }

  @Test
  void badBanRequestsAre400AndChangeNothing() {
    TestUser user = registerVerified("Bad");
    String path = "/api/users/" + user.username() + "/ban";
    String admin = admin();

    put(path, Map.of("reason", "no flag"), admin).assertProblem(400, "validation-failed");
    Response noReason =
        put(path, Map.of("banned", true), admin).assertProblem(400, "validation-failed");
    assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason");
    put(path, ban("   ", null), admin).assertProblem(400, "validation-failed");
    Response past =
        put(path, ban("late", Instant.now().minusSeconds(60)), admin)
            .assertProblem(400, "validation-failed");
    assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("until");
    put(path, ban("far", Instant.parse("+100000-01-01T00:00:00Z")), admin)
        .assertProblem(400, "validation-failed");
    put(path, ban("x".repeat(501), null), admin).assertProblem(400, "validation-failed");
    put(path, Map.of("banned", false, "until", Instant.now().plusSeconds(60).toString()), admin)
        .assertProblem(400, "validation-failed");
    put(path, "{\"banned\":true,\"reason\":\"r\",\"until\":\"tomorrow\"}", admin)
        .assertProblem(400, "malformed-body");
    put(path, "{\"banned\":\"maybe\",\"reason\":\"r\"}", admin)
        .assertProblem(400, "malformed-body");

    assertThat(login(user.username(), user.password()).status()).isEqualTo(200);
    assertThat(sessionStates.read(user.id()).banned()).isFalse();
  }
}
