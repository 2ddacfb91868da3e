package dev.animetracker.notification;

import static dev.animetracker.notification.MailTesting.content;
import static dev.animetracker.notification.MailTesting.json;
import static dev.animetracker.notification.MailTesting.messagesTo;
import static dev.animetracker.notification.MailTesting.publish;
import static dev.animetracker.notification.MailTesting.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.user.UserRegistered;
import dev.animetracker.common.mailtoken.MailTokenSealer;
import dev.animetracker.testsupport.Infrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * SMTP is down when the event arrives: the mail waits in the database, is retried with backoff and
 * arrives exactly once as soon as a server listens on the configured port.
 */
@SpringBootTest
@DirtiesContext
class SmtpOutageIT {

  /** A free port with nothing listening until the test starts a server on it. */
  private static final int SMTP_PORT = freePort();

  private static GreenMail lateServer;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_notifications_outage");
    Infrastructure.registerKafka(registry);
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("animetracker.notification.poll-interval", () -> "100ms");
    registry.add("animetracker.notification.initial-backoff", () -> "200ms");
    registry.add("animetracker.notification.max-backoff", () -> "1s");
    registry.add("animetracker.notification.max-attempts", () -> "1000");
  }

  @Autowired JsonMapper mapper;
  @Autowired JdbcClient jdbc;
  @Autowired MeterRegistry meters;
  @Autowired MailTokenSealer sealer;

  @AfterAll
  static void stopServer() {
    if (lateServer != null) {
      lateServer.stop();
    }
  }

  @Test
  void mailQueuedDuringAnOutageIsRetriedAndArrivesExactlyOnceWhenSmtpIsBack() throws Exception {
    String email = uniqueAddress("outage");
    EventEnvelope envelope =
        EventEnvelope.wrap(
            "201",
            new UserRegistered(
                201,
                "outage",
                email,
                "ru",
                sealer.seal("late", MailTokenSealer.Purpose.EMAIL_VERIFICATION, 201),
                Instant.now()),
            mapper);
    try (KafkaProducer<String, String> producer = MailTesting.producer()) {
      publish(producer, envelope.key(), json(envelope, mapper));
    }

    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .untilAsserted(
            () ->
                assertThat(delivery(envelope.id()))
                    .containsEntry("status", "PENDING")
                    .hasEntrySatisfying(
                        "attempts", attempts -> assertThat((Integer) attempts).isGreaterThan(1))
                    .hasEntrySatisfying("last_error", error -> assertThat(error).isNotNull()));
    assertThat(meters.get("notification.mails.retried").counter().count()).isPositive();

    lateServer =
        new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    lateServer.start();

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(messagesTo(lateServer, email)).hasSize(1));
    assertThat(content(messagesTo(lateServer, email).getFirst()))
        .contains("/verify-email?token=late");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(delivery(envelope.id())).containsEntry("status", "SENT"));
    // Sent means never again: the count stays at one while the worker keeps polling.
    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(5))
        .until(() -> messagesTo(lateServer, email).size() == 1);
    assertThat(meters.get("notification.mails.sent").tag("kind", "account-verification").counter())
        .satisfies(counter -> assertThat(counter.count()).isEqualTo(1.0));
  }

  private Map<String, Object> delivery(UUID eventId) {
    return jdbc.sql("select status, attempts, last_error from mail_delivery where event_id = :id")
        .param("id", eventId)
        .query()
        .singleRow();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
