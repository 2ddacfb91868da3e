package dev.animetracker.user.verification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.user.ApiTestSupport;
import java.time.Duration;
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
import org.springframework.test.context.TestPropertySource;

/**
 * However many requests pass the gateway, one address gets at most one link per interval and a few
 * per hour, and the answer never changes (no enumeration). Short interval for the test.
 */
@TestPropertySource(
    properties = {
      "animetracker.users.mail-throttle.min-interval=2s",
      "animetracker.users.mail-throttle.max-per-hour=4"
    })
class MailThrottleIT extends ApiTestSupport {

  @Autowired JdbcClient jdbc;

  @Test
  void verificationResendsAreThrottledPerAccountWithTheSameAnswer() throws Exception {
    TestUser user = register("Bomb");
    assertThat(tokens(user, "EMAIL_VERIFICATION")).isEqualTo(1); // the registration's own link

    // The first resend right after the registration goes out (the registration's link does not
    // start the interval); the next is too soon, yet gets the same 202 as an unknown address.
    assertThat(resend(user.email()).status()).isEqualTo(202);
    assertThat(tokens(user, "EMAIL_VERIFICATION")).isEqualTo(2);
    assertThat(resend(user.email()).status()).isEqualTo(202);
    assertThat(resend("nobody-" + user.email()).status()).isEqualTo(202);
    assertThat(tokens(user, "EMAIL_VERIFICATION")).isEqualTo(2);

    waitOutTheInterval();
    // Many at once: the advisory lock lets exactly one through.
    List<Callable<Response>> burst = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      burst.add(() -> resend(user.email()));
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
      for (Future<Response> answer : pool.invokeAll(burst)) {
        assertThat(answer.get().status()).isEqualTo(202);
      }
    }
    assertThat(tokens(user, "EMAIL_VERIFICATION")).isEqualTo(3);

    waitOutTheInterval();
    assertThat(resend(user.email()).status()).isEqualTo(202);
    assertThat(tokens(user, "EMAIL_VERIFICATION")).isEqualTo(4);

    // Four in the hour: no more, however long the client waits between requests.
    waitOutTheInterval();
    assertThat(resend(user.email()).status()).isEqualTo(202);
    assertThat(tokens(user, "EMAIL_VERIFICATION")).isEqualTo(4);
  }

  @Test
  void passwordResetMailsAreThrottledPerAccount() throws Exception {
    TestUser user = registerVerified("ResetBomb");
    for (int i = 0; i < 8; i++) {
      assertThat(post("/api/auth/password-reset", Map.of("email", user.email())).status())
          .isEqualTo(202);
    }
    awaitEvent("user.password-reset-requested", p -> p.get("userId").asLong() == user.id());
    await().atMost(Duration.ofSeconds(10)).until(() -> queued() == 0);
    assertThat(tokens(user, "PASSWORD_RESET")).isEqualTo(1);
  }

  /** The throttle is about time passing: nothing to poll, only the interval (2 s) to let pass. */
  private static void waitOutTheInterval() {
    await().pollDelay(Duration.ofMillis(2200)).atMost(Duration.ofSeconds(5)).until(() -> true);
  }

  private Response resend(String email) {
    return post("/api/auth/verify-email/resend", Map.of("email", email));
  }

  private long queued() {
    return jdbc.sql("select count(*) from password_reset_request").query(Long.class).single();
  }

  private long tokens(TestUser user, String kind) {
    return jdbc.sql("select count(*) from one_time_token where user_id = :id and kind = :kind")
        .param("id", user.id())
        .param("kind", kind)
        .query(Long.class)
        .single();
  }
}
