package dev.animetracker.notification;

import static dev.animetracker.notification.MailTesting.content;
import static dev.animetracker.notification.MailTesting.json;
import static dev.animetracker.notification.MailTesting.messagesTo;
import static dev.animetracker.notification.MailTesting.partTypes;
import static dev.animetracker.notification.MailTesting.publish;
import static dev.animetracker.notification.MailTesting.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.user.PasswordChanged;
import dev.animetracker.common.event.user.PasswordResetRequested;
import dev.animetracker.common.event.user.UserRegistered;
import dev.animetracker.common.event.user.UserVerified;
import dev.animetracker.common.event.user.VerificationRequested;
import dev.animetracker.common.mailtoken.MailTokenSealer;
import dev.animetracker.common.mailtoken.MailTokenSealer.Purpose;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.testsupport.ServiceChecks;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path against real servers: an event on Kafka becomes a mail in the SMTP sink, once. The
 * context is closed afterwards so that the next test class's context is the only consumer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class NotificationMailIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_notifications");
    Infrastructure.registerKafka(registry);
    Infrastructure.registerSmtp(registry);
    registry.add("animetracker.notification.public-base-url", () -> "https://anime.test");
    registry.add("animetracker.notification.poll-interval", () -> "100ms");
  }

  private static KafkaProducer<String, String> producer;

  @Autowired JsonMapper mapper;
  @Autowired JdbcClient jdbc;
  @Autowired MailTokenSealer sealer;
  @LocalServerPort int port;

  private String verification(String token, long userId) {
    return sealer.seal(token, Purpose.EMAIL_VERIFICATION, userId);
  }

  private final GreenMail smtp = Infrastructure.smtp();

  @BeforeAll
  static void startProducer() {
    producer = MailTesting.producer();
  }

  @AfterAll
  static void closeProducer() {
    producer.close();
  }

  @Test
  void startsAgainstRealInfrastructureAndServesHealthMetricsAndProblems() {
    ServiceChecks.assertOperational(port);
    ServiceChecks.assertDescribed(port, "notification-service");
    assertThat(ServiceChecks.get(port, "/actuator/prometheus").body())
        .contains("notification_mails_pending");
  }

  @Test
  void registrationSendsARussianVerificationMailWithTheLink() throws Exception {
    String email = uniqueAddress("sakura");
    String token = "tok-" + UUID.randomUUID();
    EventEnvelope envelope =
        EventEnvelope.wrap(
            "101",
            new UserRegistered(
                101,
                "sakura",
                email,
                "ru",
                verification(token, 101),
                Instant.now().plus(Duration.ofHours(24))),
            mapper);

    publish(producer, envelope.key(), json(envelope, mapper));

    MimeMessage mail = awaitSingleMail(email);
    assertThat(mail.getSubject()).isEqualTo("Подтвердите адрес почты на AnimeTracker");
    assertThat(mail.getContentType()).startsWith("multipart/alternative");
    assertThat(partTypes(mail))
        .satisfiesExactly(
            text -> assertThat(text).startsWith("text/plain"),
            html -> assertThat(html).startsWith("text/html"));
    assertThat(mail.getFrom()[0].toString()).contains("no-reply@animetracker.local");
    assertThat(content(mail))
        .contains("https://anime.test/verify-email?token=" + token)
        .contains("Привет, sakura!")
        .contains("24 часа");
    // SENT is committed just after the server's 250, so it may trail the mail by a moment.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(deliveryStatus(envelope.id())).isEqualTo("SENT"));
    // The event carried the token sealed, and the sent mail's row keeps no body with the link.
    assertThat(json(envelope, mapper)).doesNotContain(token);
    assertThat(
            jdbc.sql(
                    "select subject || text_body || html_body from mail_delivery where event_id = :id")
                .param("id", envelope.id())
                .query(String.class)
                .single())
        .doesNotContain(token)
        .doesNotContain("verify-email");
  }

  @Test
  void aVerificationRequestInEnglishSendsAnEnglishMail() throws Exception {
    String email = uniqueAddress("naruto");
    EventEnvelope envelope =
        EventEnvelope.wrap(
            "102",
            new VerificationRequested(
                102, "naruto", email, "en", verification("again+1", 102), Instant.now()),
            mapper);

    publish(producer, envelope.key(), json(envelope, mapper));

    MimeMessage mail = awaitSingleMail(email);
    assertThat(mail.getSubject()).isEqualTo("Confirm your e-mail address on AnimeTracker");
    assertThat(content(mail))
        .contains("https://anime.test/verify-email?token=again%2B1")
        .contains("Hi naruto!")
        .contains("24 hours");
  }

  @Test
  void aResetRequestSendsTheResetLink() throws Exception {
    String email = uniqueAddress("rei");
    String token = "reset-" + UUID.randomUUID();
    EventEnvelope envelope =
        EventEnvelope.wrap(
            "103",
            new PasswordResetRequested(
                103,
                "rei",
                email,
                "en",
                sealer.seal(token, Purpose.PASSWORD_RESET, 103),
                Instant.now()),
            mapper);

    publish(producer, envelope.key(), json(envelope, mapper));

    MimeMessage mail = awaitSingleMail(email);
    assertThat(mail.getSubject()).isEqualTo("Reset your AnimeTracker password");
    assertThat(content(mail))
        .contains("https://anime.test/reset-password?token=" + token)
        .contains("1 hour");
  }

  @Test
  void aPasswordChangeSendsANotice() throws Exception {
    String email = uniqueAddress("asuka");
    EventEnvelope envelope =
        EventEnvelope.wrap("104", new PasswordChanged(104, "asuka", email, "ru"), mapper);

    publish(producer, envelope.key(), json(envelope, mapper));

    MimeMessage mail = awaitSingleMail(email);
    assertThat(mail.getSubject()).isEqualTo("Пароль на AnimeTracker изменён");
    assertThat(content(mail))
        .contains("Если вы не меняли пароль")
        .contains("https://anime.test/reset-password");
  }

  @Test
  void theSameEventDeliveredTwiceSendsOneMail() throws Exception {
    String email = uniqueAddress("twice");
    EventEnvelope envelope =
        EventEnvelope.wrap(
            "105",
            new UserRegistered(105, "twice", email, "ru", verification("t", 105), Instant.now()),
            mapper);
    String record = json(envelope, mapper);

    publish(producer, envelope.key(), record);
    publish(producer, envelope.key(), record);
    // Same key, same partition: once the marker's mail is out, both copies were consumed.
    String marker = publishMarker(envelope.key());

    awaitSingleMail(marker);
    awaitSingleMail(email);
    assertThat(messagesTo(smtp, email)).hasSize(1);
    assertThat(
            jdbc.sql("select count(*) from mail_delivery where event_id = :id")
                .param("id", envelope.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void unreadableRecordsAndOtherEventTypesDoNotBlockLaterEvents() throws Exception {
    String key = "106";
    publish(producer, key, "this is not JSON {");
    publish(producer, key, "{\"id\":\"not-a-uuid\",\"type\":\"user.registered\"}");
    publish(producer, key, "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"user.registered\"}");
    EventEnvelope ignored = EventEnvelope.wrap(key, new UserVerified(106, "chihiro"), mapper);
    publish(producer, key, json(ignored, mapper));

    String marker = publishMarker(key);

    awaitSingleMail(marker);
    assertThat(
            jdbc.sql("select count(*) from mail_delivery where event_id = :id")
                .param("id", ignored.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  /** Publishes a registration of a fresh address with the given key and returns the address. */
  private String publishMarker(String key) {
    String email = uniqueAddress("marker");
    EventEnvelope envelope =
        EventEnvelope.wrap(
            key,
            new UserRegistered(1, "marker", email, "en", verification("m", 1), Instant.now()),
            mapper);
    publish(producer, key, json(envelope, mapper));
    return email;
  }

  private MimeMessage awaitSingleMail(String email) {
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(messagesTo(smtp, email)).isNotEmpty());
    List<MimeMessage> messages = messagesTo(smtp, email);
    assertThat(messages).hasSize(1);
    return messages.getFirst();
  }

  private String deliveryStatus(UUID eventId) {
    return jdbc.sql("select status from mail_delivery where event_id = :id")
        .param("id", eventId)
        .query(String.class)
        .single();
  }
}
