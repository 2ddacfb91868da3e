package dev.animetracker.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.Topics;
import dev.animetracker.testsupport.EventLog;
import dev.animetracker.user.ApiTestSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every account decision of a moderator (role, trust, ban) publishes exactly one {@code
 * moderation.acted} for torrent-service's audit log, and a request that changes nothing publishes
 * none. Repeats are sent before the last change: events of one key arrive in commit order, so once
 * the last one is seen any event of a repeat would have been seen too.
 */
class ModerationActedIT extends ApiTestSupport {

  private static final EventLog MODERATION = new EventLog(Topics.MODERATION_EVENTS);

  private static List<JsonNode> acted(String username, String action) {
    return MODERATION.all(
        "moderation.acted",
        p ->
            p.get("target").asString().equals(username)
                && p.get("action").asString().equals(action));
  }

  @Test
  void eachChangePublishesOneEventWithBeforeAndAfterAndRepeatsPublishNone() {
    TestUser user = registerVerified("Acted");
    String admin = accessToken("admin", ADMIN_PASSWORD);
    String path = "/api/users/" + user.username();

    assertThat(put(path + "/moderator", Map.of("moderator", true), admin).status()).isEqualTo(200);
    put(path + "/moderator", Map.of("moderator", true), admin);
    assertThat(put(path + "/trusted", Map.of("trusted", true), admin).status()).isEqualTo(200);
    put(path + "/trusted", Map.of("trusted", true), admin);
    Instant until = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    Map<String, Object> ban =
        Map.of("banned", true, "reason", "fake releases", "until", until.toString());
    Response banned = put(path + "/ban", ban, admin);
    assertThat(banned.status()).as(banned.body()).isEqualTo(200);
    put(path + "/ban", ban, admin);
    put(path + "/ban", Map.of("banned", false), admin);
    put(path + "/ban", Map.of("banned", false), admin);
    put(path + "/moderator", Map.of("moderator", false), admin);

    JsonNode last =
        MODERATION.await(
            "moderation.acted",
            p ->
                p.get("target").asString().equals(user.username())
                    && p.get("after").asString().equals("{\"moderator\":false}"));
    assertThat(last.get("_key").asString()).isEqualTo("user-" + user.username());

    List<JsonNode> moderator = acted(user.username(), "user.moderator");
    assertThat(moderator).hasSize(2);
    JsonNode promoted = moderator.getFirst().get("payload");
    assertThat(promoted.get("actor").asString()).isEqualTo("admin");
    assertThat(promoted.get("actorId").asLong()).isPositive();
    assertThat(promoted.get("targetType").asString()).isEqualTo("user");
    assertThat(promoted.get("before").asString()).isEqualTo("{\"moderator\":false}");
    assertThat(promoted.get("after").asString()).isEqualTo("{\"moderator\":true}");

    List<JsonNode> trusted = acted(user.username(), "user.trusted");
    assertThat(trusted).hasSize(1);
    assertThat(trusted.getFirst().get("payload").get("after").asString())
        .isEqualTo("{\"trusted\":true}");

    List<JsonNode> bans = acted(user.username(), "user.ban");
    assertThat(bans).hasSize(1);
    JsonNode banEvent = bans.getFirst().get("payload");
    assertThat(banEvent.get("reason").asString()).isEqualTo("fake releases");
    assertThat(banEvent.get("before").asString()).isEqualTo("{\"banned\":false}");
    assertThat(JSON.readTree(banEvent.get("after").asString()))
        .isEqualTo(JSON.readTree("{\"banned\":true,\"until\":\"" + until + "\"}"));

    List<JsonNode> unbans = acted(user.username(), "user.unban");
    assertThat(unbans).hasSize(1);
    assertThat(JSON.readTree(unbans.getFirst().get("payload").get("before").asString()))
        .isEqualTo(JSON.readTree("{\"banned\":true,\"until\":\"" + until + "\"}"));
    assertThat(unbans.getFirst().get("payload").get("after").asString())
        .isEqualTo("{\"banned\":false}");
  }

  @Test
  void refusedRequestsPublishNothing() {
    TestUser user = registerVerified("Refused");
    TestUser other = registerVerified("Other");
    String token = accessToken(user.username(), user.password());
    String admin = accessToken("admin", ADMIN_PASSWORD);

    put("/api/users/" + other.username() + "/moderator", Map.of("moderator", true), token)
        .assertProblem(403, "forbidden");
    put("/api/users/" + other.username() + "/ban", Map.of("banned", true), admin)
        .assertProblem(400, "validation-failed");
    put("/api/users/" + other.username() + "/trusted", Map.of("trusted", true), admin);

    MODERATION.await(
        "moderation.acted",
        p ->
            p.get("target").asString().equals(other.username())
                && p.get("action").asString().equals("user.trusted"));
    assertThat(acted(other.username(), "user.moderator")).isEmpty();
    assertThat(acted(other.username(), "user.ban")).isEmpty();
  }
}
