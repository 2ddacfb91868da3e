package dev.animetracker.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.user.ApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code PUT /api/users/{username}/trusted}: moderators mark accounts whose uploads are flagged.
 */
class TrustedIT extends ApiTestSupport {

  @Test
  void aModeratorMarksAnAccountTrustedAndTheEventNamesThem() {
    TestUser user = registerVerified("Trust");
    assertThat(get("/api/users/" + user.username(), null).json().get("trusted").asBoolean())
        .isFalse();
    String adminToken = accessToken("admin", ADMIN_PASSWORD);

    Response marked =
        put("/api/users/" + user.username() + "/trusted", Map.of("trusted", true), adminToken);

    assertThat(marked.status()).as(marked.body()).isEqualTo(200);
    assertThat(marked.json().get("username").asString()).isEqualTo(user.username());
    assertThat(marked.json().get("trusted").asBoolean()).isTrue();
    assertThat(get("/api/users/" + user.username(), null).json().get("trusted").asBoolean())
        .isTrue();
    String userToken = accessToken(user.username(), user.password());
    assertThat(get("/api/users/me", userToken).json().get("trusted").asBoolean()).isTrue();
    JsonNode event = awaitEvent("user.trusted-changed", p -> p.get("userId").asLong() == user.id());
    assertThat(event.get("key").asString()).isEqualTo(String.valueOf(user.id()));
    assertThat(event.get("payload").get("trusted").asBoolean()).isTrue();
    assertThat(event.get("payload").get("username").asString()).isEqualTo(user.username());
    assertThat(event.get("payload").get("changedBy").asString()).isEqualTo("admin");

    // Withdrawing publishes the opposite; repeating a state publishes nothing more.
    put("/api/users/" + user.username() + "/trusted", Map.of("trusted", true), adminToken);
    Response cleared =
        put("/api/users/" + user.username() + "/trusted", Map.of("trusted", false), adminToken);
    assertThat(cleared.json().get("trusted").asBoolean()).isFalse();
    awaitEvent(
        "user.trusted-changed",
        p -> p.get("userId").asLong() == user.id() && !p.get("trusted").asBoolean());
    assertThat(receivedEvents("user.trusted-changed", p -> p.get("userId").asLong() == user.id()))
        .hasSize(2);
  }

  @Test
  void onlyModeratorsMarkAccountsTrustedAndNothingChangesOtherwise() {
    TestUser user = registerVerified("Self");
    TestUser other = registerVerified("Target");
    String userToken = accessToken(user.username(), user.password());

    put("/api/users/" + other.username() + "/trusted", Map.of("trusted", true), userToken)
        .assertProblem(403, "forbidden");
    // Not even oneself.
    put("/api/users/" + user.username() + "/trusted", Map.of("trusted", true), userToken)
        .assertProblem(403, "forbidden");
    put("/api/users/" + other.username() + "/trusted", Map.of("trusted", true), null)
        .assertProblem(401, "unauthorized");

    assertThat(get("/api/users/" + other.username(), null).json().get("trusted").asBoolean())
        .isFalse();
    assertThat(get("/api/users/" + user.username(), null).json().get("trusted").asBoolean())
        .isFalse();
    assertThat(
            receivedEvents(
                "user.trusted-changed",
                p ->
                    p.get("userId").asLong() == other.id()
                        || p.get("userId").asLong() == user.id()))
        .isEmpty();
  }

  @Test
  void unknownAccountsAndBadBodiesAreRefused() {
    String adminToken = accessToken("admin", ADMIN_PASSWORD);
    put("/api/users/nobody_trusted_x/trusted", Map.of("trusted", true), adminToken)
        .assertProblem(404, "user-not-found");
    TestUser user = registerVerified("Body");
    put("/api/users/" + user.username() + "/trusted", Map.of(), adminToken)
        .assertProblem(400, "validation-failed");
    Response wrongType =
        put(
            "/api/users/" + user.username() + "/trusted",
            Map.of("trusted", "yes please"),
            adminToken);
    assertThat(wrongType.status()).as(wrongType.body()).isEqualTo(400);
    assertThat(get("/api/users/" + user.username(), null).json().get("trusted").asBoolean())
        .isFalse();
  }
}
