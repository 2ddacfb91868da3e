package dev.animetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.system.Api.Response;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What happens when parts of the system go away: nothing is lost, nothing hangs. */
class ResilienceIT {

  private static final Logger log = LoggerFactory.getLogger(ResilienceIT.class);

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
          Visitor.fresh()
              .post(
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

  /**
   * How quickly the 503 comes is a figure, not a verdict: it is logged here and measured against
   * its 3 s budget by {@link ResilienceBenchmark} ({@code make bench}).
   */
  @Test
  void aStoppedServiceGivesA503ProblemAndRecovers() {
    Stack stack = Stack.get();
    stack.stop("search-service");
    try {
      long started = System.nanoTime();
      Response response = Api.get("/api/search?q=naruto", null);
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      log.info("503 with search-service stopped answered in {} ms", took.toMillis());

      assertThat(response.status()).isEqualTo(503);
      assertThat(response.contentType()).startsWith("application/problem+json");
      assertThat(response.text("code")).isEqualTo("service-unavailable");
    } finally {
      stack.start("search-service");
    }
    Awaitility.await("search-service answers 200 through the gateway again")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> Api.get("/api/search?q=naruto", null).status() == 200);
    Response recovered = Api.get("/api/search?q=naruto", null);
    assertThat(recovered.status()).isEqualTo(200);
    assertThat(recovered.contentType()).startsWith("application/json");
    assertThat(recovered.json().path("items").isArray()).isTrue();
  }
}
