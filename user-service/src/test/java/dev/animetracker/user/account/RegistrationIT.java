package dev.animetracker.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.user.ApiTestSupport;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class RegistrationIT extends ApiTestSupport {

  @Test
  void registersAnInactiveAccountAndPublishesTheVerificationToken() {
    String username = uniqueName("Reg");
    String email = username + "@Example.org";
    Response response =
        send(
            "POST",
            "/api/auth/register",
            Map.of("username", username, "email", email, "password", "s3cret-password"),
            null,
            Map.of("Accept-Language", "en-GB,en;q=0.9,ru;q=0.5"));

    assertThat(response.status()).as(response.body()).isEqualTo(201);
    long id = response.json().get("id").asLong();
    assertThat(response.text("username")).isEqualTo(username);
    assertThat(response.text("email")).isEqualTo(email);
    assertThat(response.json().has("password")).isFalse();
    assertThat(response.header("Location")).hasValue("/api/users/" + username);

    JsonNode event = awaitEvent("user.registered", p -> p.get("userId").asLong() == id);
    assertThat(event.get("key").asString()).isEqualTo(String.valueOf(id));
    JsonNode payload = event.get("payload");
    assertThat(payload.get("username").asString()).isEqualTo(username);
    assertThat(payload.get("email").asString()).isEqualTo(email);
    assertThat(payload.get("locale").asString()).isEqualTo("en");
    // Sealed for the mailer: no usable token in the event, only one that the mail key opens.
    String sealed = payload.get("sealedVerificationToken").asString();
    assertThat(sealed).startsWith("v1.");
    assertThat(payload.has("verificationToken")).isFalse();
    assertThat(mailToken("user.registered", id)).hasSizeGreaterThanOrEqualTo(43);
    assertThat(post("/api/auth/verify-email", Map.of("token", sealed)).status()).isEqualTo(400);
    assertThat(payload.get("verificationExpiresAt").asString()).isNotBlank();

    Response login = login(username, "s3cret-password");
    login.assertProblem(403, "email-not-verified");
    assertThat(login.text("detail"))
        .isEqualTo("Confirm your e-mail address first; we sent you a link.");
  }

  @Test
  void localeDefaultsToRussian() {
    TestUser user = register("ru");
    JsonNode event = awaitEvent("user.registered", p -> p.get("userId").asLong() == user.id());
    assertThat(event.get("payload").get("locale").asString()).isEqualTo("ru");
  }

  @Test
  void refusesATakenUsernameWhateverItsCase() {
    TestUser user = register("Dup");
    Response again =
        post(
            "/api/auth/register",
            Map.of(
                "username",
                user.username().toUpperCase(),
                "email",
                "other-" + user.email(),
                "password",
                "another-password"));
    again.assertProblem(409, "username-taken");
  }

  @Test
  void refusesATakenEmailWhateverItsCase() {
    TestUser user = register("Mail");
    Response again =
        post(
            "/api/auth/register",
            Map.of(
                "username",
                uniqueName("other"),
                "email",
                user.email().toUpperCase(),
                "password",
                "another-password"));
    again.assertProblem(409, "email-taken");
  }

  @Test
  void concurrentRegistrationsOfOneNameNeverFailWithA500() throws Exception {
    String username = uniqueName("race");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<CompletableFuture<Response>> attempts =
          IntStream.range(0, 6)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () ->
                              post(
                                  "/api/auth/register",
                                  Map.of(
                                      "username",
                                      i % 2 == 0 ? username : username.toUpperCase(),
                                      "email",
                                      "race" + i + "-" + username + "@example.org",
                                      "password",
                                      "race-password")),
                          pool))
              .toList();
      List<Integer> statuses = attempts.stream().map(f -> f.join().status()).toList();
      assertThat(statuses).containsOnly(201, 409);
      assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void reportsEveryInvalidField() {
    Response response =
        post(
            "/api/auth/register",
            Map.of(
                "username", "a b",
                "email", "someone@localhost",
                "password", "short",
                "locale", "de"));
    response.assertProblem(400, "validation-failed");
    List<String> fields =
        response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    assertThat(fields).contains("username", "email", "password", "locale");
  }

  @Test
  void refusesMissingFields() {
    Response response = post("/api/auth/register", Map.of("username", uniqueName("x")));
    response.assertProblem(400, "validation-failed");
    List<String> fields =
        response.json().get("errors").valueStream().map(e -> e.get("field").asString()).toList();
    assertThat(fields).contains("email", "password");
  }

  @Test
  void refusesMalformedJson() {
    post("/api/auth/register", "{\"username\": ").assertProblem(400, "malformed-body");
  }

  @Test
  void verificationActivatesTheAccountOnce() {
    TestUser user = register("Ver");
    String token = verificationToken(user);

    assertThat(post("/api/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
    awaitEvent("user.verified", p -> p.get("userId").asLong() == user.id());
    post("/api/auth/verify-email", Map.of("token", token)).assertProblem(400, "invalid-token");
    post("/api/auth/verify-email", Map.of("token", "no-such-token"))
        .assertProblem(400, "invalid-token");

    assertThat(login(user.username(), user.password()).status()).isEqualTo(200);
  }

  @Test
  void resendIssuesANewWorkingTokenOnlyForInactiveAccounts() {
    assertThat(
            post("/api/auth/verify-email/resend", Map.of("email", "nobody-here@example.org"))
                .status())
        .isEqualTo(202);

    TestUser user = register("Resend");
    assertThat(post("/api/auth/verify-email/resend", Map.of("email", user.email())).status())
        .isEqualTo(202);
    String token = mailToken("user.verification-requested", user.id());
    assertThat(post("/api/auth/verify-email", Map.of("token", token)).status()).isEqualTo(204);
    assertThat(login(user.email(), user.password()).status()).isEqualTo(200);
  }
}
