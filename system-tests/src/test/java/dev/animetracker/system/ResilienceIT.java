package dev.animetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.system.Api.Response;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What happens when parts of the system go away: nothing is lost, nothing hangs. */
class ResilienceIT {

  @BeforeAll
  static void stack() {
    Stack.get();
  }

  @Test
  void registrationWhileKafkaIsDownStillMailsExactlyOnceAfterItReturns() {
    Stack stack = Stack.get();
    String username = Api.uniqueName("Nagi");
    String email = username.toLowerCase(Locale.ROOT) + "@example.org";

    stack.stop("kafka");
    try {
      Response registered =
          Api.post(
              "/api/auth/register",
              Map.of("username", username, "email", email, "password", "outbox password"));
      assertThat(registered.status()).isEqualTo(201);
      Awaitility.await("no mail while Kafka is down")
          .during(Duration.ofSeconds(3))
          .atMost(Duration.ofSeconds(5))
          .until(() -> MailSink.inbox(email).isEmpty());
    } finally {
      stack.start("kafka");
    }

    MailSink.Mail mail = MailSink.awaitMail(email, 1, Duration.ofSeconds(90));
    assertThat(mail.tokenOf("/verify-email")).isNotBlank();
    Awaitility.await("no second copy")
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(7))
        .until(() -> MailSink.inbox(email).size() == 1);
  }

  @Test
  void aStoppedServiceGivesAQuick503ProblemAndRecovers() {
    Stack stack = Stack.get();
    stack.stop("search-service");
    try {
      long started = System.nanoTime();
      Response response = Api.get("/api/search?q=naruto", null);
      Duration took = Duration.ofNanos(System.nanoTime() - started);

      assertThat(response.status()).isEqualTo(503);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.text("code")).isEqualTo("service-unavailable");
      assertThat(took).isLessThan(Duration.ofSeconds(3));
    } finally {
      stack.start("search-service");
    }
    Awaitility.await("search-service answers through the gateway again")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> Api.get("/api/search?q=naruto", null).status() != 503);
  }

  @Test
  void repeatedLoginAttemptsForOneAccountAreRateLimited() {
    String login = Api.uniqueName("target");
    Response last = null;
    for (int attempt = 0; attempt < 30; attempt++) {
      last = Api.post("/api/auth/login", Map.of("login", login, "password", "guess " + attempt));
      if (last.status() == 429) {
        break;
      }
      assertThat(last.status()).isEqualTo(401);
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.contentType()).startsWith("application/problem+json");
    assertThat(last.raw().headers().firstValue("Retry-After")).isPresent();
  }
}
