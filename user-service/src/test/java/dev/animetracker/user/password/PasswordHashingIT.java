package dev.animetracker.user.password;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.user.ApiTestSupport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

/**
 * One hashing slot and a short wait, so a burst of logins and registrations overflows the bound:
 * the excess must get 503 + Retry-After, never an error or a dead service.
 */
@TestPropertySource(
    properties = {
      "animetracker.users.password-hashing.max-concurrent=1",
      "animetracker.users.password-hashing.acquire-timeout=20ms",
      "animetracker.users.password-hashing.retry-after=3s"
    })
class PasswordHashingIT extends ApiTestSupport {

  @Autowired BoundedPasswordEncoder encoder;
  @Autowired JdbcClient jdbc;

  @Test
  void aBurstOfHashingRequestsIsRefusedWith503AndTheServiceStaysHealthy() throws Exception {
    TestUser user = registerVerified("Burst");
    assertThat(encoder.permits()).isEqualTo(1);
    List<Callable<Response>> calls = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      int n = i;
      calls.add(
          n % 2 == 0
              ? () -> login(user.username(), "wrong password " + n)
              : () ->
                  post(
                      "/api/auth/register",
                      Map.of(
                          "username",
                          uniqueName("Many"),
                          "email",
                          uniqueName("many") + "@example.org",
                          "password",
                          "a long enough password")));
    }
    List<Response> answers = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(24)) {
      for (Future<Response> answer : pool.invokeAll(calls)) {
        answers.add(answer.get());
      }
    }

    List<Response> refused = answers.stream().filter(r -> r.status() == 503).toList();
    assertThat(answers).extracting(Response::status).isSubsetOf(201, 401, 503);
    assertThat(refused).isNotEmpty();
    for (Response busy : refused) {
      busy.assertProblem(503, "busy");
      assertThat(busy.header("Retry-After")).contains("3");
    }
    assertThat(answers.size() - refused.size()).isPositive();

    assertThat(get("/actuator/health", null).status()).isEqualTo(200);
    assertThat(login(user.username(), user.password()).status()).isEqualTo(200);
  }

  @Test
  void cheapRefusalsCostNoHash() {
    TestUser user = registerVerified("Cheap");
    long before = encoder.started();

    post(
            "/api/auth/password-reset/confirm",
            Map.of("token", "not-a-token-we-issued", "newPassword", "a long enough password"))
        .assertProblem(400, "invalid-token");
    post(
            "/api/auth/register",
            Map.of(
                "username", user.username(), "email", "x" + user.email(), "password", "p4ssw0rd!"))
        .assertProblem(409, "username-taken");
    post(
            "/api/auth/register",
            Map.of("username", uniqueName("Other"), "email", user.email(), "password", "p4ssw0rd!"))
        .assertProblem(409, "email-taken");

    assertThat(encoder.started()).isEqualTo(before);
  }

  @Test
  void newHashesMeetOwaspAndOldWeakerHashesStillVerifyAndAreUpgraded() {
    TestUser user = registerVerified("Owasp");
    assertThat(hashOf(user)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");

    // What the service wrote before (Spring's 5.8 defaults: m=16384).
    String weaker = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(user.password());
    assertThat(weaker).startsWith("$argon2id$v=19$m=16384,t=2,p=1$");
    jdbc.sql("update users set password_hash = :hash where id = :id")
        .param("hash", weaker)
        .param("id", user.id())
        .update();

    assertThat(login(user.username(), user.password()).status()).isEqualTo(200);
    assertThat(hashOf(user)).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    assertThat(login(user.username(), user.password()).status()).isEqualTo(200);
  }

  private String hashOf(TestUser user) {
    return jdbc.sql("select password_hash from users where id = :id")
        .param("id", user.id())
        .query(String.class)
        .single();
  }
}
