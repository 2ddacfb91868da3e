package dev.animetracker.notification;

import static dev.animetracker.notification.MailTesting.messagesTo;
import static dev.animetracker.notification.MailTesting.part;
import static dev.animetracker.notification.MailTesting.publish;
import static dev.animetracker.notification.MailTesting.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.comment.CommentCreated;
import dev.animetracker.common.event.community.ReleaseMatched;
import dev.animetracker.common.event.community.WatchRef;
import dev.animetracker.common.event.moderation.ReportResolved;
import dev.animetracker.common.user.UserContact;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.testsupport.UserServiceStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
 * user-service is down when comment, release and report events arrive: each is retried by the
 * shared error handler (its offset is not committed) and the mail arrives, once, as soon as
 * user-service answers.
 */
@SpringBootTest
@DirtiesContext
class UserServiceOutageIT {

  /** A free port with nothing listening until the test starts the stub on it. */
  private static final int USER_SERVICE_PORT = freePort();

  private static final UserServiceStub USER_SERVICE = new UserServiceStub();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_notifications_user_outage");
    Infrastructure.registerKafka(registry);
    Infrastructure.registerSmtp(registry);
    registry.add("animetracker.notification.public-base-url", () -> "https://anime.test");
    registry.add("animetracker.notification.poll-interval", () -> "100ms");
    registry.add("animetracker.user-service.url", () -> "http://127.0.0.1:" + USER_SERVICE_PORT);
    registry.add("animetracker.user-service.connect-timeout", () -> "500ms");
  }

  @Autowired JsonMapper mapper;
  @Autowired JdbcClient jdbc;

  private final GreenMail smtp = Infrastructure.smtp();

  @AfterAll
  static void stopStub() {
    USER_SERVICE.close();
  }

  @Test
  void theMailArrivesOnceUserServiceIsBack() {
    UserContact uploader =
        new UserContact(4242, "patient", uniqueAddress("patient"), "en", true, true);
    USER_SERVICE.putContact(uploader.id(), uploader);
    EventEnvelope envelope =
        EventEnvelope.wrap(
            "9001",
            new CommentCreated(
                77,
                9001,
                "Mushishi",
                uploader.id(),
                1,
                "ginko",
                "Worth the wait",
                Instant.now(),
                1),
            mapper);

    UserContact follower =
        new UserContact(4243, "follower", uniqueAddress("follower"), "en", true, true);
    USER_SERVICE.putContact(follower.id(), follower);
    EventEnvelope release =
        EventEnvelope.wrap(
            String.valueOf(follower.id()),
            new ReleaseMatched(
                follower.id(),
                9002,
                "Mushishi S2",
                "ginko",
                List.of(new WatchRef(31, "series", "Mushishi", "instant")),
                Instant.now()),
            mapper);
    EventEnvelope report =
        EventEnvelope.wrap(
            String.valueOf(follower.id()),
            new ReportResolved(
                55,
                follower.id(),
                "torrent",
                9001,
                9001,
                "Mushishi",
                "spam",
                "dismiss",
                null,
                "admin",
                Instant.now()),
            mapper);

    try (KafkaProducer<String, String> producer = MailTesting.producer()) {
      publish(producer, Topics.COMMENT_EVENTS, envelope.key(), MailTesting.json(envelope, mapper));
      publish(producer, Topics.COMMUNITY_EVENTS, release.key(), MailTesting.json(release, mapper));
      publish(producer, Topics.MODERATION_EVENTS, report.key(), MailTesting.json(report, mapper));
    }

    // While user-service is unreachable nothing is mailed and nothing is marked as handled (the
    // inbox entry waits too: it is written with the mail, after the lookup).
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(5))
        .until(
            () ->
                messagesTo(smtp, uploader.email()).isEmpty()
                    && deliveries(envelope) == 0
                    && deliveries(release) == 0
                    && deliveries(report) == 0
                    && inbox(follower.id()) == 0);

    USER_SERVICE.start(USER_SERVICE_PORT);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(messagesTo(smtp, uploader.email())).isNotEmpty());
    assertThat(messagesTo(smtp, uploader.email())).hasSize(1);
    assertThat(part(messagesTo(smtp, uploader.email()).getFirst(), 0))
        .contains("Worth the wait")
        .contains("https://anime.test/torrents/9001#comment-77");
    assertThat(USER_SERVICE.lookups(uploader.id())).isPositive();
    assertThat(deliveries(envelope)).isEqualTo(1);

    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(messagesTo(smtp, follower.email())).hasSize(2));
    assertThat(deliveries(release)).isEqualTo(1);
    assertThat(deliveries(report)).isEqualTo(1);
    assertThat(inbox(follower.id())).isEqualTo(2);
  }

  private long inbox(long userId) {
    return jdbc.sql("select count(*) from notification where user_id = :u")
        .param("u", userId)
        .query(Long.class)
        .single();
  }

  private long deliveries(EventEnvelope envelope) {
    return jdbc.sql("select count(*) from mail_delivery where event_id = :id")
        .param("id", envelope.id())
        .query(Long.class)
        .single();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
