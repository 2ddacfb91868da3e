package dev.animetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.system.Api.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's per-minute limits of the authentication API with the defaults of gateway's
 * application.yml ({@code animetracker.gateway.rate-limit}), which the system stack leaves as they
 * are: each simulated client sends from its own loopback address, so a limit counts one address and
 * leaves the others alone. Every burst below takes well under a refill interval (60 s / limit), so
 * no attempt is let through by a token refilled mid-burst.
 */
class RateLimitIT {

  private static final int LOGIN_PER_IP = 10;
  private static final int LOGIN_PER_ACCOUNT = 5;
  private static final int REGISTER_PER_IP = 5;
  private static final int PASSWORD_RESET_PER_IP = 5;

  @BeforeAll
  static void stack() {
    Stack.get();
  }

  @Test
  void loginsPerAddressAreLimitedAndOtherAddressesAreNot() {
    // A different login every time: the per-account limit (5) must not be what answers 429.
    assertLimitedPerAddress(
        LOGIN_PER_IP, 401, visitor -> visitor.login(Api.uniqueName("nobody"), "some password"));
  }

  @Test
  void registrationsPerAddressAreLimitedAndOtherAddressesAreNot() {
    assertLimitedPerAddress(
        REGISTER_PER_IP,
        201,
        visitor -> {
          String username = Api.uniqueName("Burst");
          return visitor.post(
              "/api/auth/register",
              Map.of(
                  "username",
                  username,
                  "email",
                  username.toLowerCase(Locale.ROOT) + "@example.org",
                  "password",
                  "burst password"));
        });
  }

  @Test
  void passwordResetsPerAddressAreLimitedAndOtherAddressesAreNot() {
    // A different e-mail every time: the per-e-mail limit must not be what answers 429.
    assertLimitedPerAddress(
        PASSWORD_RESET_PER_IP,
        202,
        visitor ->
            visitor.post(
                "/api/auth/password-reset",
                Map.of("email", Api.uniqueName("nobody") + "@example.org")));
  }

  @Test
  void noSpellingOfTheLoginPathEscapesThePerAddressLimit() {
    // user-service decodes the path, so each of these is a real login attempt (401 when unknown).
    List<String> spellings =
        List.of("/api/auth/%6cogin", "/api/auth/%6C%6F%67%69%6E", "/api/auth/logi%6e");
    Visitor crowded = Visitor.fresh();
    for (int i = 0; i < LOGIN_PER_IP; i++) {
      Response attempt =
          crowded.post(
              spellings.get(i % spellings.size()),
              Map.of("login", Api.uniqueName("nobody"), "password", "some password"));
      assertThat(attempt.status())
          .as(
              "attempt %d via %s: %s",
              i + 1, spellings.get(i % spellings.size()), attempt.raw().body())
          .isEqualTo(401);
    }
    Response refused = crowded.login(Api.uniqueName("nobody"), "some password");
    assertThat(refused.status()).as(refused.raw().body()).isEqualTo(429);
    assertThat(refused.text("code")).isEqualTo("rate-limited");
  }

  @Test
  void repeatedLoginAttemptsForOneAccountAreRateLimited() {
    String login = Api.uniqueName("target");
    Response last = null;
    int attempts = 0;
    for (int attempt = 0; attempt < 30; attempt++) {
      // Every guess from another address: only the account's own limit can stop them.
      last = Visitor.fresh().login(login, "guess " + attempt);
      attempts++;
      if (last.status() == 429) {
        break;
      }
      assertThat(last.status()).isEqualTo(401);
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(attempts).as("the attempt that was refused").isEqualTo(LOGIN_PER_ACCOUNT + 1);
    assertThat(last.contentType()).startsWith("application/problem+json");
    assertThat(last.raw().headers().firstValue("Retry-After")).isPresent();
    assertThat(last.text("code")).isEqualTo("rate-limited");
  }

  /**
   * From one address, {@code limit} attempts get {@code allowedStatus} and the next a 429 problem
   * with Retry-After; a second address still gets {@code allowedStatus}.
   */
  private static void assertLimitedPerAddress(
      int limit, int allowedStatus, Function<Visitor, Response> attempt) {
    Visitor crowded = Visitor.fresh();
    for (int i = 1; i <= limit; i++) {
      Response allowed = attempt.apply(crowded);
      assertThat(allowed.status())
          .as("attempt %d of %d from %s: %s", i, limit, crowded.address(), allowed.raw().body())
          .isEqualTo(allowedStatus);
    }

    Response refused = attempt.apply(crowded);
    assertThat(refused.status())
        .as("attempt %d from %s: %s", limit + 1, crowded.address(), refused.raw().body())
        .isEqualTo(429);
    assertThat(refused.contentType()).startsWith("application/problem+json");
    assertThat(refused.json().path("status").asInt()).isEqualTo(429);
    assertThat(refused.text("code")).isEqualTo("rate-limited");
    // One attempt comes back every 60 / limit seconds.
    assertThat(refused.raw().headers().firstValue("Retry-After"))
        .hasValueSatisfying(
            seconds ->
                assertThat(Long.parseLong(seconds)).isBetween(1L, (long) Math.ceil(60.0 / limit)));

    Visitor other = Visitor.fresh();
    Response elsewhere = attempt.apply(other);
    assertThat(elsewhere.status())
        .as("the first attempt from %s: %s", other.address(), elsewhere.raw().body())
        .isEqualTo(allowedStatus);
  }
}
