package dev.animetracker.notification;

import static dev.animetracker.notification.MailTesting.messagesTo;
import static dev.animetracker.notification.MailTesting.part;
import static dev.animetracker.notification.MailTesting.partTypes;
import static dev.animetracker.notification.MailTesting.publish;
import static dev.animetracker.notification.MailTesting.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.comment.CommentCreated;
import dev.animetracker.common.event.comment.CommentDeleted;
import dev.animetracker.common.user.UserContact;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.testsupport.UserServiceStub;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code comment.created} event becomes a mail to the torrent's uploader, whose address, language
 * and preference come from (a stub of) user-service. The context is closed afterwards so that the
 * next test class's context is the only consumer.
 */
@SpringBootTest
@DirtiesContext
class CommentNotificationIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final UserServiceStub USER_SERVICE = new UserServiceStub().start(0);
  private static final AtomicLong IDS =
      new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000));

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_notifications_comments");
    Infrastructure.registerKafka(registry);
    Infrastructure.registerSmtp(registry);
    registry.add("animetracker.notification.public-base-url", () -> "https://anime.test");
    registry.add("animetracker.notification.poll-interval", () -> "100ms");
    registry.add("animetracker.user-service.url", USER_SERVICE::url);
  }

  private static KafkaProducer<String, String> producer;

  @Autowired JsonMapper mapper;
  @Autowired JdbcClient jdbc;

  private final GreenMail smtp = Infrastructure.smtp();

  @BeforeAll
  static void startProducer() {
    producer = MailTesting.producer();
  }

  @AfterAll
  static void stop() {
    producer.close();
    USER_SERVICE.close();
  }

  @Test
  void theUploaderGetsAMailWithTheLinkAndTheCommentAsPlainText() throws Exception {
    UserContact uploader = user("sakura", "en", true, true);
    long torrentId = IDS.incrementAndGet();
    String text = "<script>alert('x')</script> & <b>great</b> release!\nThanks";
    EventEnvelope envelope =
        publishComment(torrentId, 555, "Cowboy Bebop [BD]", uploader.id(), "spike", text);

    MimeMessage mail = awaitSingleMail(uploader.email());
    assertThat(mail.getSubject()).isEqualTo("New comment on “Cowboy Bebop [BD]”");
    assertThat(partTypes(mail))
        .satisfiesExactly(
            plain -> assertThat(plain).startsWith("text/plain"),
            html -> assertThat(html).startsWith("text/html"));
    String link = "https://anime.test/torrents/" + torrentId + "#comment-555";
    assertThat(part(mail, 0))
        .contains("Hi sakura!")
        .contains("spike commented on your torrent “Cowboy Bebop [BD]”")
        .contains(text)
        .contains(link)
        .contains("https://anime.test/profile");
    assertThat(part(mail, 1))
        .doesNotContain("<script>", "<b>great</b>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;great&lt;/b&gt;")
        .contains("href=\"" + link + "\"")
        .contains("href=\"https://anime.test/profile\"");
    assertThat(deliveryCount(envelope.id())).isEqualTo(1);
  }

  @Test
  void russianUploadersGetARussianMail() {
    UserContact uploader = user("rei", "ru", true, true);
    publishComment(IDS.incrementAndGet(), 556, "Евангелион", uploader.id(), "asuka", "Класс!");

    MimeMessage mail = awaitSingleMail(uploader.email());
    assertThat(subject(mail)).isEqualTo("Новый комментарий к «Евангелион»");
    assertThat(part(mail, 0))
        .contains("asuka оставил(а) комментарий к вашей раздаче «Евангелион»")
        .contains("Класс!")
        .contains("Отключите уведомления о комментариях");
  }

  @Test
  void noMailWhenTheUploaderOptedOutOrIsInactive() {
    UserContact optedOut = user("quiet", "en", false, true);
    UserContact inactive = user("sleeping", "en", true, false);
    long torrentId = IDS.incrementAndGet();
    EventEnvelope first = publishComment(torrentId, 557, "T", optedOut.id(), "spike", "hi");
    EventEnvelope second = publishComment(torrentId, 558, "T", inactive.id(), "spike", "hi");

    awaitSingleMail(publishMarker(torrentId));
    assertThat(USER_SERVICE.lookups(optedOut.id())).isPositive();
    assertThat(USER_SERVICE.lookups(inactive.id())).isPositive();
    assertThat(messagesTo(smtp, optedOut.email())).isEmpty();
    assertThat(messagesTo(smtp, inactive.email())).isEmpty();
    assertThat(deliveryCount(first.id()) + deliveryCount(second.id())).isZero();
  }

  @Test
  void noMailForACommentOnOnesOwnTorrent() {
    UserContact uploader = user("self", "en", true, true);
    long torrentId = IDS.incrementAndGet();
    EventEnvelope envelope =
        EventEnvelope.wrap(
            String.valueOf(torrentId),
            new CommentCreated(
                559,
                torrentId,
                "T",
                uploader.id(),
                uploader.id(),
                "self",
                "my own",
                Instant.now(),
                1),
            mapper);
    send(envelope);

    awaitSingleMail(publishMarker(torrentId));
    assertThat(messagesTo(smtp, uploader.email())).isEmpty();
    assertThat(USER_SERVICE.lookups(uploader.id())).isZero();
    assertThat(deliveryCount(envelope.id())).isZero();
  }

  @Test
  void noMailWhenTheUploaderIsGoneAndOtherEventsDoNotBlockLaterOnes() {
    long goneId = IDS.incrementAndGet();
    long torrentId = IDS.incrementAndGet();
    String key = String.valueOf(torrentId);
    EventEnvelope gone = publishComment(torrentId, 560, "T", goneId, "spike", "hello?");
    publish(producer, Topics.COMMENT_EVENTS, key, "not JSON at all {");
    publish(
        producer,
        Topics.COMMENT_EVENTS,
        key,
        "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"comment.created\"}");
    send(EventEnvelope.wrap(key, new CommentDeleted(560, torrentId, 1, Instant.now(), 0), mapper));

    awaitSingleMail(publishMarker(torrentId));
    assertThat(USER_SERVICE.lookups(goneId)).isPositive();
    assertThat(deliveryCount(gone.id())).isZero();
  }

  @Test
  void theSameEventDeliveredTwiceSendsOneMail() {
    UserContact uploader = user("twice", "en", true, true);
    long torrentId = IDS.incrementAndGet();
    EventEnvelope envelope =
        EventEnvelope.wrap(
            String.valueOf(torrentId),
            new CommentCreated(
                561, torrentId, "T", uploader.id(), 1, "spike", "again", Instant.now(), 1),
            mapper);

    send(envelope);
    send(envelope);
    // Same key, same partition: once the marker's mail is out, both copies were consumed.
    awaitSingleMail(publishMarker(torrentId));

    awaitSingleMail(uploader.email());
    assertThat(messagesTo(smtp, uploader.email())).hasSize(1);
    assertThat(deliveryCount(envelope.id())).isEqualTo(1);
  }

  private UserContact user(String name, String locale, boolean notify, boolean active) {
    UserContact contact =
        new UserContact(IDS.incrementAndGet(), name, uniqueAddress(name), locale, notify, active);
    USER_SERVICE.putContact(contact.id(), contact);
    return contact;
  }

  /** A comment on the torrent for a fresh uploader who wants mail; returns their address. */
  private String publishMarker(long torrentId) {
    UserContact marker = user("marker", "en", true, true);
    publishComment(torrentId, IDS.incrementAndGet(), "M", marker.id(), "spike", "marker");
    return marker.email();
  }

  private EventEnvelope publishComment(
      long torrentId, long commentId, String title, long uploaderId, String author, String text) {
    EventEnvelope envelope =
        EventEnvelope.wrap(
            String.valueOf(torrentId),
            new CommentCreated(
                commentId,
                torrentId,
                title,
                uploaderId,
                uploaderId + 1,
                author,
                text,
                Instant.now(),
                1),
            mapper);
    send(envelope);
    return envelope;
  }

  private void send(EventEnvelope envelope) {
    publish(producer, Topics.COMMENT_EVENTS, envelope.key(), MailTesting.json(envelope, mapper));
  }

  private MimeMessage awaitSingleMail(String email) {
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(messagesTo(smtp, email)).isNotEmpty());
    List<MimeMessage> messages = messagesTo(smtp, email);
    assertThat(messages).hasSize(1);
    return messages.getFirst();
  }

  private static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private long deliveryCount(UUID eventId) {
    return jdbc.sql("select count(*) from mail_delivery where event_id = :id")
        .param("id", eventId)
        .query(Long.class)
        .single();
  }
}
