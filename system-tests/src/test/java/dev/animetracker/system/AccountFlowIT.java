package dev.animetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.system.Api.Response;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The contract's account flow, through the gateway, against the running services and the mail sink.
 */
class AccountFlowIT {

  private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(30);

  @BeforeAll
  static void stack() {
    Stack.get();
  }

  @Test
  void registerVerifyLoginRefreshLogout() {
    String username = Api.uniqueName("Mika");
    String email = username.toLowerCase(Locale.ROOT) + "@example.org";
    String password = "correct horse battery";
    Visitor mika = Visitor.fresh();

    Response registered =
        mika.post(
            "/api/auth/register",
            Map.of("username", username, "email", email, "password", password));
    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.text("username")).isEqualTo(username);
    assertThat(registered.text("email")).isEqualTo(email);
    assertThat(registered.json().path("id").isMissingNode()).isFalse();

    Response sameNameOtherCase =
        mika.post(
            "/api/auth/register",
            Map.of(
                "username",
                username.toUpperCase(Locale.ROOT),
                "email",
                "other-" + email,
                "password",
                password));
    assertThat(sameNameOtherCase.status()).isEqualTo(409);
    assertThat(sameNameOtherCase.contentType()).startsWith("application/problem+json");
    Response sameEmailOtherCase =
        mika.post(
            "/api/auth/register",
            Map.of(
                "username",
                Api.uniqueName("other"),
                "email",
                email.toUpperCase(Locale.ROOT),
                "password",
                password));
    assertThat(sameEmailOtherCase.status()).isEqualTo(409);

    Response beforeVerification =
        mika.post("/api/auth/login", Map.of("login", username, "password", password));
    assertThat(beforeVerification.status()).isEqualTo(403);
    assertThat(beforeVerification.text("code")).isEqualTo("email-not-verified");

    MailSink.Mail verification = MailSink.awaitMail(email, 1, MAIL_TIMEOUT);
    String token = verification.tokenOf("/verify-email");
    assertThat(verification.text()).contains(Stack.baseUrl() + "/verify-email?token=");
    assertThat(mika.post("/api/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
    assertThat(mika.post("/api/auth/verify-email", Map.of("token", token)).status())
        .as("a verification token is single-use")
        .isEqualTo(400);

    Response byUsername =
        mika.post("/api/auth/login", Map.of("login", username, "password", password));
    assertThat(byUsername.status()).isEqualTo(200);
    assertThat(byUsername.text("tokenType")).isEqualTo("Bearer");
    assertThat(byUsername.json().path("expiresIn").asLong()).isPositive();
    Response byEmail =
        mika.post(
            "/api/auth/login",
            Map.of("login", email.toUpperCase(Locale.ROOT), "password", password));
    assertThat(byEmail.status()).isEqualTo(200);
    assertThat(
            mika.post("/api/auth/login", Map.of("login", username, "password", "wrong password"))
                .status())
        .isEqualTo(401);

    Response me = mika.get("/api/users/me", byUsername.text("accessToken"));
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.text("username")).isEqualTo(username);
    assertThat(me.json().path("active").asBoolean()).isTrue();
    assertThat(me.json().path("moderator").asBoolean()).isFalse();
    assertThat(me.json().path("uploadCount").asLong()).isZero();
    assertThat(me.json().path("downloadCount").asLong()).isZero();
    assertThat(mika.get("/api/users/me", null).status()).isEqualTo(401);
    assertThat(mika.get("/api/users/me", "not-a-jwt").status()).isEqualTo(401);

    String firstRefresh = byUsername.text("refreshToken");
    Response rotated = mika.post("/api/auth/refresh", Map.of("refreshToken", firstRefresh));
    assertThat(rotated.status()).isEqualTo(200);
    String secondRefresh = rotated.text("refreshToken");
    assertThat(secondRefresh).isNotEqualTo(firstRefresh);

    // Within the grace window (Stack: REFRESH_REUSE_GRACE) a just-rotated token rotates again, as
    // when two gateways refresh one session at once; after it, its reuse is theft and revokes.
    Response racing = mika.post("/api/auth/refresh", Map.of("refreshToken", firstRefresh));
    assertThat(racing.status()).as("a rotated token inside the grace window").isEqualTo(200);
    String racingRefresh = racing.text("refreshToken");
    Awaitility.await("the refresh grace window passes")
        .pollDelay(Stack.REFRESH_REUSE_GRACE.plusMillis(500))
        .atMost(Stack.REFRESH_REUSE_GRACE.plusSeconds(10))
        .until(
            () ->
                mika.post("/api/auth/refresh", Map.of("refreshToken", firstRefresh)).status()
                    == 401);
    for (String sibling : List.of(secondRefresh, racingRefresh)) {
      assertThat(mika.post("/api/auth/refresh", Map.of("refreshToken", sibling)).status())
          .as("reuse after the window revokes the whole family")
          .isEqualTo(401);
    }

    String otherSession = byEmail.text("refreshToken");
    assertThat(mika.post("/api/auth/logout", Map.of("refreshToken", otherSession)).status())
        .isEqualTo(204);
    assertThat(mika.post("/api/auth/refresh", Map.of("refreshToken", otherSession)).status())
        .isEqualTo(401);

    Response publicProfile = mika.get("/api/users/" + username.toLowerCase(Locale.ROOT), null);
    assertThat(publicProfile.status()).isEqualTo(200);
    assertThat(publicProfile.text("username")).isEqualTo(username);
    assertThat(publicProfile.raw().body()).doesNotContain(email);
  }

  @Test
  void passwordResetRevokesSessionsAndNeverRevealsAccounts() {
    String username = Api.uniqueName("Rei");
    String email = username.toLowerCase(Locale.ROOT) + "@example.org";
    Visitor rei = Visitor.fresh();
    JsonNode session = rei.registerVerifiedUser(username, "first password");

    assertThat(rei.post("/api/auth/password-reset", Map.of("email", "nobody-" + email)).status())
        .isEqualTo(202);
    assertThat(rei.post("/api/auth/password-reset", Map.of("email", email)).status())
        .isEqualTo(202);

    MailSink.Mail reset = MailSink.awaitMail(email, 2, MAIL_TIMEOUT);
    String token = reset.tokenOf("/reset-password");
    assertThat(
            rei.post(
                    "/api/auth/password-reset/confirm",
                    Map.of("token", token, "newPassword", "short"))
                .status())
        .isEqualTo(400);
    assertThat(
            rei.post(
                    "/api/auth/password-reset/confirm",
                    Map.of("token", token, "newPassword", "second password"))
                .status())
        .isEqualTo(204);

    assertThat(
            rei.post(
                    "/api/auth/refresh",
                    Map.of("refreshToken", session.path("refreshToken").asString()))
                .status())
        .as("a reset revokes existing sessions")
        .isEqualTo(401);
    assertThat(
            rei.post("/api/auth/login", Map.of("login", username, "password", "first password"))
                .status())
        .isEqualTo(401);
    assertThat(
            rei.post("/api/auth/login", Map.of("login", username, "password", "second password"))
                .status())
        .isEqualTo(200);
    assertThat(MailSink.inbox("nobody-" + email)).isEmpty();
  }

  @Test
  void badInputGetsProblemDetailsNeverServerErrors() {
    Visitor visitor = Visitor.fresh();
    Response invalid =
        visitor.post(
            "/api/auth/register",
            Map.of("username", "x", "email", "not-an-email", "password", "short"));
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.contentType()).startsWith("application/problem+json");
    assertThat(invalid.json().path("errors").findValuesAsString("field"))
        .contains("username", "email", "password");

    Response malformed =
        visitor.postRaw("/api/auth/register", "application/json", "{\"username\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.contentType()).startsWith("application/problem+json");

    Response unknown = visitor.get("/api/no-such-thing", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.contentType()).startsWith("application/problem+json");

    Response oversized =
        visitor.postRaw(
            "/api/auth/register",
            "application/json",
            "{\"username\":\"" + "a".repeat(2 * 1024 * 1024) + "\"}");
    assertThat(oversized.status()).isEqualTo(413);
  }

  @Test
  void moderatorsManageRolesOthersAreRefused() {
    String adminToken = Api.adminToken();
    String username = Api.uniqueName("Yuki");
    JsonNode user = Api.registerVerifiedUser(username, "user password 1");
    String userToken = user.path("accessToken").asString();

    assertThat(
            Api.put("/api/users/" + username + "/moderator", Map.of("moderator", true), userToken)
                .status())
        .isEqualTo(403);
    Response promoted =
        Api.put("/api/users/" + username + "/moderator", Map.of("moderator", true), adminToken);
    assertThat(promoted.status()).isEqualTo(200);
    assertThat(promoted.json().path("moderator").asBoolean()).isTrue();

    // The first GET makes the first key and shows it; afterwards only POST (rotate) shows one.
    Response apiKey = Api.get("/api/users/me/api-key", userToken);
    assertThat(apiKey.status()).isEqualTo(200);
    assertThat(apiKey.text("apiKey")).hasSizeGreaterThanOrEqualTo(20);
    assertThat(Api.get("/api/users/me/api-key", userToken).json().path("apiKey").isNull())
        .as("the key is shown once")
        .isTrue();
    Response rotatedKey = Api.post("/api/users/me/api-key", Map.of(), userToken);
    assertThat(rotatedKey.text("apiKey")).isNotEqualTo(apiKey.text("apiKey"));
  }
}
