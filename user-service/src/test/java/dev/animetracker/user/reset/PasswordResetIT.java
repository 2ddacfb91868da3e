package dev.animetracker.user.reset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.user.ApiTestSupport;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class PasswordResetIT extends ApiTestSupport {

  @Test
  void resetByMailSetsTheNewPasswordAndEndsEverySession() {
    TestUser user = registerVerified("Reset");
    String oldRefresh = tokens(user.username(), user.password()).get("refreshToken").asString();
    String unknown = "nobody-" + user.email();

    assertThat(post("/api/auth/password-reset", Map.of("email", unknown)).status()).isEqualTo(202);
    assertThat(
            post("/api/auth/password-reset", Map.of("email", user.email().toUpperCase())).status())
        .isEqualTo(202);

    String token = mailToken("user.password-reset-requested", user.id());
    // Requests are processed in order, so the unknown address was handled by now: no event.
    assertThat(
            receivedEvents(
                "user.password-reset-requested", p -> unknown.equals(p.get("email").asString())))
        .isEmpty();

    post("/api/auth/password-reset/confirm", Map.of("token", token, "newPassword", "short"))
        .assertProblem(400, "validation-failed");

    String newPassword = "a brand new password";
    assertThat(
            post(
                    "/api/auth/password-reset/confirm",
                    Map.of("token", token, "newPassword", newPassword))
                .status())
        .isEqualTo(204);
    awaitEvent("user.password-changed", p -> p.get("userId").asLong() == user.id());

    post("/api/auth/refresh", Map.of("refreshToken", oldRefresh))
        .assertProblem(401, "invalid-refresh-token");
    login(user.username(), user.password()).assertProblem(401, "bad-credentials");
    assertThat(login(user.username(), newPassword).status()).isEqualTo(200);

    post(
            "/api/auth/password-reset/confirm",
            Map.of("token", token, "newPassword", "yet another password"))
        .assertProblem(400, "invalid-token");
  }

  @Test
  void noOutboxRowHoldsAUsableTokenOnlyASealedOne() {
    TestUser user = register("Sealed");
    assertThat(post("/api/auth/password-reset", Map.of("email", user.email())).status())
        .isEqualTo(202);
    String reset = mailToken("user.password-reset-requested", user.id());
    String verification = verificationToken(user);

    List<String> envelopes =
        outboxJdbc
            .sql("select envelope from outbox_event where event_key = :key")
            .param("key", String.valueOf(user.id()))
            .query(String.class)
            .list();
    assertThat(envelopes).hasSizeGreaterThanOrEqualTo(2);
    assertThat(String.join("\n", envelopes))
        .contains("sealedResetToken")
        .contains("sealedVerificationToken")
        .doesNotContain(reset)
        .doesNotContain(verification);
    // The sealed value itself is no credential.
    String sealed =
        awaitEvent("user.password-reset-requested", p -> p.get("userId").asLong() == user.id())
            .get("payload")
            .get("sealedResetToken")
            .asString();
    post(
            "/api/auth/password-reset/confirm",
            Map.of("token", sealed, "newPassword", "a password from a dump"))
        .assertProblem(400, "invalid-token");
  }

  @Autowired private JdbcClient outboxJdbc;

  @Test
  void resetVerifiesAnUnverifiedAccount() {
    TestUser user = register("Unver");
    assertThat(post("/api/auth/password-reset", Map.of("email", user.email())).status())
        .isEqualTo(202);
    String token = mailToken("user.password-reset-requested", user.id());
    assertThat(
            post(
                    "/api/auth/password-reset/confirm",
                    Map.of("token", token, "newPassword", "verified by mail"))
                .status())
        .isEqualTo(204);
    assertThat(login(user.email(), "verified by mail").status()).isEqualTo(200);
  }

  @Test
  void refusesBadInput() {
    Response invalid = post("/api/auth/password-reset", Map.of("email", "not-an-address"));
    invalid.assertProblem(400, "validation-failed");
    List<String> fields =
        invalid.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    assertThat(fields).containsExactly("email");

    post(
            "/api/auth/password-reset/confirm",
            Map.of("token", "no-such-token", "newPassword", "long enough password"))
        .assertProblem(400, "invalid-token");
  }
}
