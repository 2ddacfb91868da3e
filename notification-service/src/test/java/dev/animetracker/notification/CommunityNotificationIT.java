package dev.animetracker.notification;

import static dev.animetracker.notification.MailTesting.messagesTo;
import static dev.animetracker.notification.MailTesting.part;
import static dev.animetracker.notification.MailTesting.publish;
import static dev.animetracker.notification.MailTesting.uniqueAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.community.BookmarkCommented;
import dev.animetracker.common.event.community.ReleaseMatched;
import dev.animetracker.common.event.community.WatchRef;
import dev.animetracker.common.event.moderation.ReportResolved;
import dev.animetracker.common.mailtoken.MailTokenSealer;
import dev.animetracker.common.mailtoken.MailTokenSealer.Purpose;
import dev.animetracker.common.mailtoken.SealedTokenException;
import dev.animetracker.common.user.UserContact;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.testsupport.UserServiceStub;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * {@code release.matched}, {@code bookmark.commented} and {@code report.resolved} become inbox
 * entries and, as the watches and contacts ask, instant mails with one-click unsubscribe links,
 * daily digests, or nothing. Real PostgreSQL, Kafka and SMTP; user-service is a stub.
 */
@SpringBootTest
@DirtiesContext
class CommunityNotificationIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final Duration DIGEST_PERIOD = Duration.ofSeconds(4);
  private static final UserServiceStub USER_SERVICE = new UserServiceStub().start(0);
  private static final AtomicLong IDS =
      new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000));
  private static final Pattern UNSUBSCRIBE =
      Pattern.compile("https://anime\\.test/unsubscribe\\?u=(\\d+)&t=([^\\s\"<>&]+)");

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_notifications_community");
    Infrastructure.registerKafka(registry);
    Infrastructure.registerSmtp(registry);
    registry.add("animetracker.notification.public-base-url", () -> "https://anime.test");
    registry.add("animetracker.notification.poll-interval", () -> "100ms");
    registry.add("animetracker.notification.digest.period", DIGEST_PERIOD::toString);
    registry.add("animetracker.user-service.url", USER_SERVICE::url);
  }

  private static KafkaProducer<String, String> producer;

  @Autowired JsonMapper mapper;
  @Autowired JdbcClient jdbc;
  @Autowired MailTokenSealer sealer;

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
  void anInstantReleaseIsOneMailWithAnUnsubscribeLinkForThatUserOnlyAndOneInboxEntry()
      throws Exception {
    UserContact user = user("mika", "en", true, true);
    long torrentId = IDS.incrementAndGet();
    long uploaderWatch = IDS.incrementAndGet();
    long searchWatch = IDS.incrementAndGet();
    long quietWatch = IDS.incrementAndGet();
    EventEnvelope event =
        release(
            user.id(),
            torrentId,
            "[SubsPlease] Frieren <b>S2</b> - 01 (1080p)",
            List.of(
                new WatchRef(uploaderWatch, "user", "subsplease", "instant"),
                new WatchRef(searchWatch, "search", "Frieren 1080p", "daily"),
                new WatchRef(quietWatch, "series", "Frieren", "none")));

    MimeMessage mail = awaitSingleMail(user.email());
    assertThat(mail.getSubject())
        .isEqualTo("New release: “[SubsPlease] Frieren <b>S2</b> - 01 (1080p)”");
    String text = part(mail, 0);
    assertThat(text)
        .contains("Hi mika!")
        .contains("subsplease uploaded")
        .contains("- the uploader subsplease")
        .contains("- the saved search “Frieren 1080p”")
        .contains("- the series “Frieren”")
        .contains("https://anime.test/torrents/" + torrentId);
    assertThat(part(mail, 1)).contains("Frieren &lt;b&gt;S2&lt;/b&gt;").doesNotContain("<b>S2</b>");

    Matcher link = UNSUBSCRIBE.matcher(text);
    assertThat(link.find()).isTrue();
    assertThat(link.group(1)).isEqualTo(Long.toString(user.id()));
    String sealed = URLDecoder.decode(link.group(2), StandardCharsets.UTF_8);
    // The watches that asked for mail; the one with delivery none sent nothing to stop.
    assertThat(sealer.open(sealed, Purpose.UNSUBSCRIBE, user.id()))
        .isEqualTo(uploaderWatch + "," + searchWatch);
    assertThatThrownBy(() -> sealer.open(sealed, Purpose.UNSUBSCRIBE, user.id() + 1))
        .isInstanceOf(SealedTokenException.class);
    assertThatThrownBy(() -> sealer.open(sealed, Purpose.PASSWORD_RESET, user.id()))
        .isInstanceOf(SealedTokenException.class);
    assertThat(mail.getHeader("List-Unsubscribe")).containsExactly("<" + link.group() + ">");
    assertThat(mail.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");

    assertThat(inbox(user.id())).hasSize(1);
    assertThat(
            jdbc.sql("select matched_by::text from notification where user_id = :u")
                .param("u", user.id())
                .query(String.class)
                .single())
        .contains("\"kind\": \"user\"", "\"label\": \"subsplease\"", "Frieren 1080p");
    assertThat(deliveryCount(event.id())).isEqualTo(1);
    // The sent mail keeps neither bodies nor the link-bearing headers.
    await()
        .atMost(TIMEOUT)
        .untilAsserted(
            () ->
                assertThat(
                        jdbc.sql("select headers::text from mail_delivery where event_id = :id")
                            .param("id", event.id())
                            .query(String.class)
                            .single())
                    .isEqualTo("{}"));
  }

  @Test
  void aReplayedOrRepeatedReleaseChangesNothing() {
    UserContact user = user("replay", "en", true, true);
    long torrentId = IDS.incrementAndGet();
    List<WatchRef> watches =
        List.of(new WatchRef(IDS.incrementAndGet(), "group", "Erai", "instant"));
    EventEnvelope first = release(user.id(), torrentId, "Release", watches);
    awaitSingleMail(user.email());

    send(first);
    // Another event about the same user and release (a new id) is no second notification either.
    release(user.id(), torrentId, "Release", watches);
    EventEnvelope marker =
        release(user.id(), IDS.incrementAndGet(), "Marker", List.of(watches.getFirst()));
    await().atMost(TIMEOUT).until(() -> deliveryCount(marker.id()) == 1);

    await().atMost(TIMEOUT).until(() -> messagesTo(smtp, user.email()).size() == 2);
    assertThat(inbox(user.id())).hasSize(2);
    assertThat(deliveryCount(first.id())).isEqualTo(1);
  }

  @Test
  void threeDailyReleasesAreOneDigestListingThemOldestFirstAndThenNothingMore() throws Exception {
    UserContact user = user("daily", "en", true, true);
    long watchA = IDS.incrementAndGet();
    long watchB = IDS.incrementAndGet();
    release(user.id(), IDS.incrementAndGet(), "Alpha 01", List.of(daily(watchA, "Alpha")));
    release(user.id(), IDS.incrementAndGet(), "Beta 01", List.of(daily(watchB, "Beta")));
    release(user.id(), IDS.incrementAndGet(), "Alpha 02", List.of(daily(watchA, "Alpha")));
    await().atMost(TIMEOUT).until(() -> inbox(user.id()).size() == 3);
    assertThat(messagesTo(smtp, user.email())).isEmpty();

    MimeMessage digest = awaitSingleMail(user.email());
    assertThat(digest.getSubject()).isEqualTo("3 new releases for you on AnimeTracker");
    String text = part(digest, 0);
    assertThat(text.indexOf("Alpha 01")).isPositive();
    assertThat(text.indexOf("Beta 01")).isGreaterThan(text.indexOf("Alpha 01"));
    assertThat(text.indexOf("Alpha 02")).isGreaterThan(text.indexOf("Beta 01"));
    Matcher link = UNSUBSCRIBE.matcher(text);
    assertThat(link.find()).isTrue();
    assertThat(
            sealer.open(
                URLDecoder.decode(link.group(2), StandardCharsets.UTF_8),
                Purpose.UNSUBSCRIBE,
                user.id()))
        .isEqualTo(watchA + "," + watchB);
    assertThat(digest.getHeader("List-Unsubscribe")).containsExactly("<" + link.group() + ">");

    await()
        .during(DIGEST_PERIOD.plusSeconds(1))
        .atMost(DIGEST_PERIOD.plusSeconds(5))
        .until(() -> messagesTo(smtp, user.email()).size() == 1);
    assertThat(
            jdbc.sql("select count(*) from digest_item where user_id = :u and sent_at is null")
                .param("u", user.id())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void deliveryNoneAndInactiveAccountsGetTheInboxOnly() {
    UserContact quiet = user("quiet", "en", true, true);
    UserContact inactive = user("inactive", "en", true, false);
    EventEnvelope none =
        release(
            quiet.id(),
            IDS.incrementAndGet(),
            "Quiet",
            List.of(new WatchRef(IDS.incrementAndGet(), "user", "x", "none")));
    EventEnvelope instant =
        release(
            inactive.id(),
            IDS.incrementAndGet(),
            "Inactive",
            List.of(new WatchRef(IDS.incrementAndGet(), "user", "x", "instant")));

    await().atMost(TIMEOUT).until(() -> inbox(quiet.id()).size() == 1);
    await().atMost(TIMEOUT).until(() -> inbox(inactive.id()).size() == 1);
    // Inbox entry and mail are written in one transaction: no row now means no mail ever.
    assertThat(deliveryCount(none.id())).isZero();
    assertThat(deliveryCount(instant.id())).isZero();
    assertThat(USER_SERVICE.lookups(quiet.id())).isZero();
    assertThat(USER_SERVICE.lookups(inactive.id())).isPositive();
    assertThat(messagesTo(smtp, inactive.email())).isEmpty();
  }

  @Test
  void aCommentOnABookmarkIsMailedOnlyToThoseWhoWantCommentMail() throws Exception {
    UserContact wants = user("wants", "ru", true, true);
    UserContact optedOut = user("optedout", "en", false, true);
    long torrentId = IDS.incrementAndGet();
    long commentId = IDS.incrementAndGet();
    EventEnvelope toWants = bookmark(wants.id(), torrentId, commentId, "Отличный <релиз>!");
    EventEnvelope toOptedOut = bookmark(optedOut.id(), torrentId, commentId, "hi");

    MimeMessage mail = awaitSingleMail(wants.email());
    assertThat(mail.getSubject()).isEqualTo("Новый комментарий к «Bookmarked» из закладок");
    assertThat(part(mail, 0))
        .contains("spike оставил(а) комментарий")
        .contains("Отличный <релиз>!")
        .contains("https://anime.test/torrents/" + torrentId + "#comment-" + commentId);
    assertThat(part(mail, 1)).contains("Отличный &lt;релиз&gt;!");

    await().atMost(TIMEOUT).until(() -> inbox(optedOut.id()).size() == 1);
    assertThat(deliveryCount(toOptedOut.id())).isZero();
    assertThat(deliveryCount(toWants.id())).isEqualTo(1);
    assertThat(
            jdbc.sql("select url from notification where user_id = :u and kind = 'comment'")
                .param("u", optedOut.id())
                .query(String.class)
                .single())
        .isEqualTo("/torrents/" + torrentId + "#comment-" + commentId);
  }

  @Test
  void aResolvedReportTellsTheReporterInTheirLanguageWithTheNote() throws Exception {
    UserContact reporter = user("reporter", "ru", false, true);
    long torrentId = IDS.incrementAndGet();
    long reportId = IDS.incrementAndGet();
    EventEnvelope event =
        EventEnvelope.wrap(
            String.valueOf(reporter.id()),
            new ReportResolved(
                reportId,
                reporter.id(),
                "torrent",
                torrentId,
                torrentId,
                "Fake <Release>",
                "fake",
                "delete",
                "Это фейк, удалено.",
                "admin",
                Instant.now()),
            mapper);
    publish(producer, Topics.MODERATION_EVENTS, event.key(), MailTesting.json(event, mapper));

    MimeMessage mail = awaitSingleMail(reporter.email());
    assertThat(mail.getSubject()).isEqualTo("Ваша жалоба на «Fake <Release>» рассмотрена");
    assertThat(part(mail, 0))
        .contains("Модератор admin рассмотрел(а) вашу жалобу.")
        .contains("Жалоба на: раздачу «Fake <Release>»")
        .contains("Причина: фейк")
        .contains("Решение: удалено")
        .contains("Это фейк, удалено.")
        .contains("https://anime.test/torrents/" + torrentId);
    assertThat(part(mail, 1)).contains("Fake &lt;Release&gt;").doesNotContain("<Release>");
    assertThat(
            jdbc.sql(
                    "select action || '|' || text || '|' || url from notification"
                        + " where user_id = :u and kind = 'report-resolved'")
                .param("u", reporter.id())
                .query(String.class)
                .single())
        .isEqualTo("delete|Это фейк, удалено.|/torrents/" + torrentId);

    send(Topics.MODERATION_EVENTS, event);
    // A later report of the same reporter (same key, same partition): once it is in, the replay
    // before it was consumed.
    send(
        Topics.MODERATION_EVENTS,
        EventEnvelope.wrap(
            String.valueOf(reporter.id()),
            new ReportResolved(
                IDS.incrementAndGet(),
                reporter.id(),
                "comment",
                IDS.incrementAndGet(),
                torrentId,
                "Another",
                "spam",
                "dismiss",
                null,
                "admin",
                Instant.now()),
            mapper));
    await().atMost(TIMEOUT).until(() -> inbox(reporter.id()).size() == 2);
    assertThat(deliveryCount(event.id())).isEqualTo(1);
    await().atMost(TIMEOUT).until(() -> messagesTo(smtp, reporter.email()).size() == 2);
  }

  private static WatchRef daily(long id, String label) {
    return new WatchRef(id, "series", label, "daily");
  }

  private UserContact user(String name, String locale, boolean notify, boolean active) {
    UserContact contact =
        new UserContact(IDS.incrementAndGet(), name, uniqueAddress(name), locale, notify, active);
    USER_SERVICE.putContact(contact.id(), contact);
    return contact;
  }

  private EventEnvelope release(long userId, long torrentId, String title, List<WatchRef> watches) {
    EventEnvelope envelope =
        EventEnvelope.wrap(
            String.valueOf(userId),
            new ReleaseMatched(userId, torrentId, title, "subsplease", watches, Instant.now()),
            mapper);
    send(envelope);
    return envelope;
  }

  private EventEnvelope bookmark(long userId, long torrentId, long commentId, String excerpt) {
    EventEnvelope envelope =
        EventEnvelope.wrap(
            String.valueOf(userId),
            new BookmarkCommented(
                userId, torrentId, "Bookmarked", commentId, "spike", excerpt, Instant.now()),
            mapper);
    send(envelope);
    return envelope;
  }

  private void send(EventEnvelope envelope) {
    send(Topics.COMMUNITY_EVENTS, envelope);
  }

  private void send(String topic, EventEnvelope envelope) {
    publish(producer, topic, envelope.key(), MailTesting.json(envelope, mapper));
  }

  private List<Long> inbox(long userId) {
    return jdbc.sql("select id from notification where user_id = :u")
        .param("u", userId)
        .query(Long.class)
        .list();
  }

  private MimeMessage awaitSingleMail(String email) {
    await().atMost(TIMEOUT).untilAsserted(() -> assertThat(messagesTo(smtp, email)).isNotEmpty());
    List<MimeMessage> messages = messagesTo(smtp, email);
    assertThat(messages).hasSize(1);
    return messages.getFirst();
  }

  private long deliveryCount(UUID eventId) {
    return jdbc.sql("select count(*) from mail_delivery where event_id = :id")
        .param("id", eventId)
        .query(Long.class)
        .single();
  }

  static String subject(MimeMessage mail) {
    try {
      return mail.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
