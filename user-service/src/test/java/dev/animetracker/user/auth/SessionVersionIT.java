package dev.animetracker.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.session.SessionState;
import dev.animetracker.user.ApiTestSupport;
import dev.animetracker.user.session.SessionStates;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import tools.jackson.databind.JsonNode;

/**
 * The session version the gateway checks: every access token carries it ({@code ver}); logout,
 * password reset and a role change bump it in Redis right away, so the old tokens are revoked.
 */
class SessionVersionIT extends ApiTestSupport {

  @Autowired SessionStates sessionStates;
  @Autowired JwtDecoder jwtDecoder;

  private long version(String accessToken) {
    Jwt jwt = jwtDecoder.decode(accessToken);
    return ((Number) jwt.getClaims().get(SessionState.VERSION_CLAIM)).longValue();
  }

  @Test
  void tokensCarryTheCurrentVersion() {
    TestUser user = registerVerified("Ver");
    String token = accessToken(user.username(), user.password());
    assertThat(version(token)).isZero();
    assertThat(sessionStates.read(user.id()).revokes(version(token))).isFalse();
  }

  @Test
  void logoutRevokesTheAccessTokensButNotTheOtherSessions() {
    TestUser user = registerVerified("Out");
    JsonNode laptop = tokens(user.username(), user.password());
    JsonNode phone = tokens(user.username(), user.password());
    String laptopAccess = laptop.get("accessToken").asString();

    assertThat(
            post("/api/auth/logout", Map.of("refreshToken", laptop.get("refreshToken").asString()))
                .status())
        .isEqualTo(204);

    assertThat(sessionStates.read(user.id()).revokes(version(laptopAccess))).isTrue();
    Response renewed =
        post("/api/auth/refresh", Map.of("refreshToken", phone.get("refreshToken").asString()));
    assertThat(renewed.status()).as(renewed.body()).isEqualTo(200);
    assertThat(sessionStates.read(user.id()).revokes(version(renewed.text("accessToken"))))
        .isFalse();
  }

  @Test
  void aPasswordResetRevokesTheOldAccessTokenAtOnce() {
    TestUser user = registerVerified("Rst");
    String old = accessToken(user.username(), user.password());
    assertThat(post("/api/auth/password-reset", Map.of("email", user.email())).status())
        .isEqualTo(202);
    String token = mailToken("user.password-reset-requested", user.id());
    assertThat(
            post(
                    "/api/auth/password-reset/confirm",
                    Map.of("token", token, "newPassword", "another long password"))
                .status())
        .isEqualTo(204);

    assertThat(sessionStates.read(user.id()).revokes(version(old))).isTrue();
    String fresh = accessToken(user.username(), "another long password");
    assertThat(sessionStates.read(user.id()).revokes(version(fresh))).isFalse();
  }

  @Test
  void aDemotedModeratorsTokenIsRevokedAndTheNextOneHasNoModeratorRole() {
    TestUser user = registerVerified("Demo");
    String admin = accessToken("admin", ADMIN_PASSWORD);
    String path = "/api/users/" + user.username() + "/moderator";
    assertThat(put(path, Map.of("moderator", true), admin).status()).isEqualTo(200);
    String moderatorToken = accessToken(user.username(), user.password());
    assertThat(jwtDecoder.decode(moderatorToken).getClaimAsStringList("roles"))
        .contains("MODERATOR");

    assertThat(put(path, Map.of("moderator", false), admin).status()).isEqualTo(200);

    assertThat(sessionStates.read(user.id()).revokes(version(moderatorToken))).isTrue();
    String after = accessToken(user.username(), user.password());
    assertThat(jwtDecoder.decode(after).getClaimAsStringList("roles")).containsExactly("USER");
    assertThat(sessionStates.read(user.id()).revokes(version(after))).isFalse();
  }
}
