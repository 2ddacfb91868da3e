package dev.animetracker.notification.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import dev.animetracker.common.user.UserContact;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.testsupport.UserServiceStub;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Several digest workers at once, as several instances run them, racing for the same due users:
 * every user gets exactly one digest listing all their items, and the items end up sent. Users who
 * cannot be mailed (inactive, gone) get none, and their items are not retried forever.
 */
@SpringBootTest
@DirtiesContext
class DigestWorkersIT {

  private static final int USERS = 8;
  private static final int ITEMS = 3;
  private static final int WORKERS = 4;
  private static final UserServiceStub USER_SERVICE = new UserServiceStub().start(0);
  private static final AtomicLong IDS =
      new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000));

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_notifications_digests");
    Infrastructure.registerKafka(registry);
    Infrastructure.registerSmtp(registry);
    registry.add("animetracker.notification.poll-interval", () -> "100ms");
    registry.add("animetracker.notification.digest.period", () -> "1h");
    registry.add("animetracker.notification.digest.poll-interval", () -> "50ms");
    registry.add("animetracker.notification.digest.batch-size", () -> "2");
    registry.add("animetracker.user-service.url", USER_SERVICE::url);
  }

  @AfterAll
  static void stop() {
    USER_SERVICE.close();
  }

  @Autowired DigestWorker worker;
  @Autowired JdbcClient jdbc;

  private final GreenMail smtp = Infrastructure.smtp();

  @Test
  void racingWorkersSendEachDigestOnce() throws Exception {
    String domain = "digest-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    List<Long> users = new ArrayList<>();
    for (int u = 0; u < USERS; u++) {
      long id = IDS.incrementAndGet();
      users.add(id);
      USER_SERVICE.putContact(
          id, new UserContact(id, "u" + u, "u" + u + "@" + domain, "en", true, true));
    }
    long inactive = IDS.incrementAndGet();
    USER_SERVICE.putContact(
        inactive, new UserContact(inactive, "sleeper", "sleeper@" + domain, "en", true, false));
    long gone = IDS.incrementAndGet();
    List<Long> everyone = new ArrayList<>(users);
    everyone.add(inactive);
    everyone.add(gone);
    Instant old = Instant.now().minus(Duration.ofHours(2));
    for (long user : everyone) {
      jdbc.sql("insert into digest_recipient (user_id) values (:u)").param("u", user).update();
      for (int i = 0; i < ITEMS; i++) {
        jdbc.sql(
                """
                insert into digest_item (user_id, torrent_id, title, uploader, matched_by, created_at)
                values (:u, :t, :title, 'up', cast(:m as jsonb), :at)
                """)
            .param("u", user)
            .param("t", IDS.incrementAndGet())
            .param("title", "Title " + user + "-" + i)
            .param(
                "m",
                "[{\"watchId\":"
                    + (user + i)
                    + ",\"kind\":\"series\",\"label\":\"S\","
                    + "\"delivery\":\"daily\"}]")
            .param("at", old.plusSeconds(i).atOffset(ZoneOffset.UTC))
            .update();
      }
    }

    ExecutorService instances = Executors.newFixedThreadPool(WORKERS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<?>> rounds = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        rounds.add(
            instances.submit(
                () -> {
                  start.await();
                  for (int round = 0; round < USERS; round++) {
                    worker.sendDue();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> round : rounds) {
        round.get();
      }
    } finally {
      instances.shutdownNow();
    }

    for (long user : everyone) {
      assertThat(
              jdbc.sql("select count(*) from digest_item where user_id = :u and sent_at is null")
                  .param("u", user)
                  .query(Long.class)
                  .single())
          .isZero();
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from mail_delivery where kind = 'release-digest'"
                        + " and recipient like :d")
                .param("d", "%@" + domain)
                .query(Long.class)
                .single())
        .isEqualTo(USERS);
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(received(domain)).hasSize(USERS));
    for (int u = 0; u < USERS; u++) {
      long user = users.get(u);
      List<MimeMessage> mails = to("u" + u + "@" + domain);
      assertThat(mails).hasSize(1);
      assertThat(mails.getFirst().getSubject()).isEqualTo("3 new releases for you on AnimeTracker");
      for (int i = 0; i < ITEMS; i++) {
        assertThat(mailText(mails.getFirst())).contains("Title " + user + "-" + i);
      }
    }
    assertThat(to("sleeper@" + domain)).isEmpty();
  }

  private List<MimeMessage> received(String domain) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> recipients(message).stream().anyMatch(a -> a.endsWith("@" + domain)))
        .toList();
  }

  private List<MimeMessage> to(String address) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> recipients(message).contains(address))
        .toList();
  }

  private static List<String> recipients(MimeMessage message) {
    try {
      Address[] all = message.getAllRecipients();
      return all == null ? List.of() : Arrays.stream(all).map(Address::toString).toList();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String mailText(MimeMessage message) throws Exception {
    jakarta.mail.Multipart parts = (jakarta.mail.Multipart) message.getContent();
    return String.valueOf(parts.getBodyPart(0).getContent());
  }
}
