package dev.animetracker.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.animetracker.notification.config.NotificationProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

class MailDeliveryWorkerTests {

  private static final Instant NOW = Instant.parse("2026-11-01T10:00:00Z");

  private final MailDeliveryRepository deliveries = mock(MailDeliveryRepository.class);
  private final JavaMailSender sender = mock(JavaMailSender.class);
  private final MeterRegistry meters = new SimpleMeterRegistry();
  private MailDeliveryWorker worker;

  @BeforeEach
  void setUp() {
    NotificationProperties properties =
        new NotificationProperties(
            "https://anime.test",
            "AnimeTracker <no-reply@anime.test>",
            Duration.ofSeconds(1),
            5,
            Duration.ofSeconds(5),
            Duration.ofMinutes(15),
            3);
    when(sender.createMimeMessage())
        .thenAnswer(invocation -> new MimeMessage(Session.getInstance(new Properties())));
    worker =
        new MailDeliveryWorker(
            new DueMailSender(
                deliveries, sender, properties, Clock.fixed(NOW, ZoneOffset.UTC), meters),
            deliveries,
            properties,
            meters);
  }

  @Test
  void sendsDueMailAsTextAndHtmlAlternativesAndMarksItSent() throws Exception {
    when(deliveries.lockNextDue(NOW))
        .thenReturn(Optional.of(delivery(1, 0)), Optional.of(delivery(2, 0)), Optional.empty());
    when(deliveries.countPending()).thenReturn(0L);

    worker.deliverDue();

    ArgumentCaptor<MimeMessage> sent = ArgumentCaptor.forClass(MimeMessage.class);
    verify(sender, times(2)).send(sent.capture());
    MimeMessage message = sent.getValue();
    assertThat(message.getSubject()).isEqualTo("Тема");
    assertThat(message.getContentType()).startsWith("multipart/alternative");
    verify(deliveries).markSent(1, NOW);
    verify(deliveries).markSent(2, NOW);
    assertThat(meters.get("notification.mails.sent").tag("kind", "k").counter().count())
        .isEqualTo(2.0);
  }

  @Test
  void aFailedAttemptIsRetriedWithBackoffAndEndsTheRound() {
    when(deliveries.lockNextDue(NOW)).thenReturn(Optional.of(delivery(1, 1)));
    doThrow(new MailSendException("Mail server connection failed"))
        .when(sender)
        .send(any(MimeMessage.class));

    worker.deliverDue();

    verify(sender, times(1)).send(any(MimeMessage.class));
    verify(deliveries)
        .markRetry(
            eq(1L),
            eq(2),
            eq(NOW.plus(Duration.ofSeconds(10))),
            eq("Mail server connection failed"));
    verify(deliveries, never()).markSent(anyLong(), any());
    verify(deliveries, never()).markFailed(anyLong(), anyInt(), anyString());
  }

  @Test
  void theLastAllowedAttemptFailingGivesTheMailUp() {
    when(deliveries.lockNextDue(NOW)).thenReturn(Optional.of(delivery(1, 2)));
    doThrow(new MailSendException("550 no such user")).when(sender).send(any(MimeMessage.class));

    worker.deliverDue();

    verify(deliveries).markFailed(1L, 3, "550 no such user");
    verify(deliveries, never()).markRetry(anyLong(), anyInt(), any(), anyString());
    assertThat(meters.get("notification.mails.failed").tag("kind", "k").counter().count())
        .isEqualTo(1.0);
  }

  @Test
  void aRecipientThatIsNoAddressIsGivenUpAtOnce() {
    when(deliveries.lockNextDue(NOW))
        .thenReturn(
            Optional.of(
                new MailDelivery(1, UUID.randomUUID(), "k", "a b@@c", "S", "t", "<p>h</p>", 0)));

    worker.deliverDue();

    verify(sender, never()).send(any(MimeMessage.class));
    verify(deliveries).markFailed(eq(1L), eq(1), anyString());
  }

  @Test
  void reportsThePendingCount() {
    when(deliveries.lockNextDue(NOW)).thenReturn(Optional.empty());
    when(deliveries.countPending()).thenReturn(7L);

    worker.deliverDue();

    assertThat(meters.get("notification.mails.pending").gauge().value()).isEqualTo(7.0);
  }

  private static MailDelivery delivery(long id, int attempts) {
    return new MailDelivery(
        id,
        UUID.randomUUID(),
        "k",
        "sakura@example.test",
        "Тема",
        "Текст",
        "<p>Текст</p>",
        attempts);
  }
}
