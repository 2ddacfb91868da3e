package dev.animetracker.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import dev.animetracker.testsupport.Infrastructure;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Several delivery workers on one mail table, as several notification-service instances run them
 * (each worker round on its own connections and transactions, racing for the same rows): every
 * queued mail reaches SMTP exactly once, with a Message-ID of its own delivery.
 */
@SpringBootTest
@DirtiesContext
class MailWorkersIT {

  private static final int MAILS = 60;
  private static final int WORKERS = 4;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_notifications_workers");
    Infrastructure.registerKafka(registry);
    Infrastructure.registerSmtp(registry);
    // The scheduled worker races too, as one more instance.
    registry.add("animetracker.notification.poll-interval", () -> "50ms");
    registry.add("animetracker.notification.batch-size", () -> "3");
  }

  @Autowired MailDeliveryWorker worker;
  @Autowired MailDeliveryRepository deliveries;
  @Autowired TransactionTemplate transactions;
  @Autowired JdbcClient jdbc;

  private final GreenMail smtp = Infrastructure.smtp();

  @Test
  void mailsQueuedForSeveralWorkersAreSentExactlyOnce() throws Exception {
    String domain = "workers-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
    transactions.executeWithoutResult(
        status -> {
          for (int i = 0; i < MAILS; i++) {
            deliveries.insert(
                UUID.randomUUID(),
                new MailRequest(
                    "account-verification",
                    "user" + i + "@" + domain,
                    Locale.ENGLISH,
                    Map.of(),
                    List.of()),
                new RenderedMail("Mail " + i, "text " + i, "<p>html " + i + "</p>"),
                Instant.now());
          }
        });

    ExecutorService instances = Executors.newFixedThreadPool(WORKERS);
    try {
      List<Future<?>> rounds = new ArrayList<>();
      for (int w = 0; w < WORKERS; w++) {
        rounds.add(
            instances.submit(
                () -> {
                  long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                  while (pending(domain) > 0 && System.nanoTime() < deadline) {
                    worker.deliverDue();
                  }
                }));
      }
      for (Future<?> round : rounds) {
        round.get();
      }
    } finally {
      instances.shutdown();
    }
    assertThat(pending(domain)).isZero();

    // Nothing more arrives while the workers keep polling.
    Awaitility.await()
        .during(Duration.ofMillis(1000))
        .atMost(Duration.ofSeconds(5))
        .until(() -> received(domain).size() == MAILS);
    List<MimeMessage> received = received(domain);
    List<String> recipients = new ArrayList<>();
    List<String> messageIds = new ArrayList<>();
    for (MimeMessage message : received) {
      recipients.add(message.getAllRecipients()[0].toString());
      messageIds.add(message.getMessageID());
    }
    assertThat(recipients).doesNotHaveDuplicates().hasSize(MAILS);
    assertThat(messageIds)
        .doesNotHaveDuplicates()
        .allMatch(id -> id.matches("<mail-\\d+\\.[0-9a-f-]{36}@animetracker\\.local>"));
    List<String> expectedIds =
        jdbc.sql(
                "select '<mail-' || id || '.' || event_id || '@animetracker.local>'"
                    + " from mail_delivery where recipient like :pattern")
            .param("pattern", "%@" + domain)
            .query(String.class)
            .list();
    assertThat(messageIds).containsExactlyInAnyOrderElementsOf(expectedIds);
  }

  private long pending(String domain) {
    return jdbc.sql(
            "select count(*) from mail_delivery where status <> 'SENT' and recipient like :pattern")
        .param("pattern", "%@" + domain)
        .query(Long.class)
        .single();
  }

  private List<MimeMessage> received(String domain) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> addressedTo(message, domain))
        .toList();
  }

  private static boolean addressedTo(MimeMessage message, String domain) {
    try {
      Address[] recipients = message.getAllRecipients();
      return recipients != null
          && Arrays.stream(recipients).anyMatch(r -> r.toString().endsWith("@" + domain));
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
