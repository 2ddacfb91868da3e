package dev.animetracker.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.testsupport.ServiceChecks;
import dev.animetracker.user.ApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;

class AccountIT extends ApiTestSupport {

  @Autowired JwtDecoder jwtDecoder;

  @Test
  void isOperational() {
    ServiceChecks.assertOperational(port);
    ServiceChecks.assertDescribed(port, "user-service");
  }

  @Test
  void publicProfileIsFoundIgnoringCaseAndHidesPrivateFields() {
    TestUser user = registerVerified("Pub");
    Response profile = get("/api/users/" + user.username().toUpperCase(), null);

    assertThat(profile.status()).as(profile.body()).isEqualTo(200);
    JsonNode body = profile.json();
    assertThat(body.get("id").asLong()).isEqualTo(user.id());
    assertThat(body.get("username").asString()).isEqualTo(user.username());
    assertThat(body.get("moderator").asBoolean()).isFalse();
    assertThat(body.has("createdAt")).isTrue();
    assertThat(body.has("uploadCount")).isTrue();
    assertThat(body.has("downloadCount")).isTrue();
    assertThat(body.has("email")).isFalse();
    assertThat(body.has("apiKey")).isFalse();
  }

  @Test
  void unknownProfileIs404() {
    get("/api/users/nobody_at_all_here", null).assertProblem(404, "user-not-found");
  }

  @Test
  void adminIsBootstrappedAsVerifiedModerator() {
    String token = accessToken("admin", ADMIN_PASSWORD);
    assertThat(jwtDecoder.decode(token).getClaimAsStringList("roles"))
        .containsExactly("USER", "MODERATOR");
    JsonNode me = get("/api/users/me", token).json();
    assertThat(me.get("moderator").asBoolean()).isTrue();
    assertThat(me.get("active").asBoolean()).isTrue();
  }

  @Test
  void onlyModeratorsGrantTheModeratorRole() {
    TestUser user = registerVerified("Mod");
    TestUser other = registerVerified("Other");
    String userToken = accessToken(user.username(), user.password());

    put("/api/users/" + other.username() + "/moderator", Map.of("moderator", true), userToken)
        .assertProblem(403, "forbidden");
    put("/api/users/" + other.username() + "/moderator", Map.of("moderator", true), null)
        .assertProblem(401, "unauthorized");

    String adminToken = accessToken("admin", ADMIN_PASSWORD);
    Response granted =
        put("/api/users/" + user.username() + "/moderator", Map.of("moderator", true), adminToken);
    assertThat(granted.status()).as(granted.body()).isEqualTo(200);
    assertThat(granted.json().get("moderator").asBoolean()).isTrue();
    assertThat(granted.json().get("username").asString()).isEqualTo(user.username());
    JsonNode event =
        awaitEvent("user.moderator-changed", p -> p.get("userId").asLong() == user.id());
    assertThat(event.get("payload").get("moderator").asBoolean()).isTrue();
    assertThat(event.get("payload").get("changedBy").asString()).isEqualTo("admin");

    // The role reaches the user's tokens at the next refresh, without logging in again.
    String refresh = tokens(user.username(), user.password()).get("refreshToken").asString();
    String refreshed =
        post("/api/auth/refresh", Map.of("refreshToken", refresh)).text("accessToken");
    assertThat(jwtDecoder.decode(refreshed).getClaimAsStringList("roles"))
        .containsExactly("USER", "MODERATOR");
    assertThat(
            put(
                    "/api/users/" + other.username() + "/moderator",
                    Map.of("moderator", true),
                    refreshed)
                .status())
        .isEqualTo(200);

    put("/api/users/nobody_here_x/moderator", Map.of("moderator", true), adminToken)
        .assertProblem(404, "user-not-found");
    put("/api/users/" + user.username() + "/moderator", Map.of(), adminToken)
        .assertProblem(400, "validation-failed");
  }

  @Test
  void moderatorsCannotDemoteThemselves() {
    String adminToken = accessToken("admin", ADMIN_PASSWORD);
    put("/api/users/admin/moderator", Map.of("moderator", false), adminToken)
        .assertProblem(409, "cannot-demote-self");
    assertThat(get("/api/users/admin", null).json().get("moderator").asBoolean()).isTrue();
  }
}
