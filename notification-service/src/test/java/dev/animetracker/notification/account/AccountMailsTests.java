package dev.animetracker.notification.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.user.PasswordChanged;
import dev.animetracker.common.event.user.PasswordResetRequested;
import dev.animetracker.common.event.user.UserRegistered;
import dev.animetracker.common.event.user.UserVerified;
import dev.animetracker.common.event.user.VerificationRequested;
import dev.animetracker.common.mailtoken.MailTokenProperties;
import dev.animetracker.common.mailtoken.MailTokenSealer;
import dev.animetracker.common.mailtoken.MailTokenSealer.Purpose;
import dev.animetracker.notification.config.NotificationProperties;
import dev.animetracker.notification.mail.MailLocales;
import dev.animetracker.notification.mail.MailRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AccountMailsTests {

  private static final MailTokenSealer SEALER =
      new MailTokenSealer(MailTokenProperties.DEVELOPMENT_KEY);

  private final JsonMapper mapper = JsonMapper.builder().build();

  private static String verification(String token) {
    return SEALER.seal(token, Purpose.EMAIL_VERIFICATION, 7);
  }

  private final AccountMails mails =
      new AccountMails(
          new NotificationProperties(
              "https://anime.test/",
              "AnimeTracker <no-reply@anime.test>",
              Duration.ofSeconds(1),
              20,
              Duration.ofSeconds(5),
              Duration.ofMinutes(15),
              40),
          mapper,
          SEALER);

  @Test
  void registrationAsksToVerifyWithAnEncodedTokenLink() {
    UserRegistered event =
        new UserRegistered(
            7, "sakura", " sakura@example.test ", "en", verification("a+b/c="), Instant.now());

    MailRequest mail = mails.forEvent(wrap(event)).orElseThrow();

    assertThat(mail.kind()).isEqualTo(AccountMails.VERIFICATION);
    assertThat(mail.recipient()).isEqualTo("sakura@example.test");
    assertThat(mail.locale()).isEqualTo(MailLocales.ENGLISH);
    assertThat(mail.variables())
        .containsEntry("link", "https://anime.test/verify-email?token=a%2Bb%2Fc%3D")
        .containsEntry("username", "sakura");
  }

  @Test
  void aVerificationRequestSendsTheSameKindOfMailInRussianByDefault() {
    VerificationRequested event =
        new VerificationRequested(
            7, "sakura", "sakura@example.test", null, verification("tok"), Instant.now());

    MailRequest mail = mails.forEvent(wrap(event)).orElseThrow();

    assertThat(mail.kind()).isEqualTo(AccountMails.VERIFICATION);
    assertThat(mail.locale()).isEqualTo(MailLocales.RUSSIAN);
    assertThat(mail.variables()).containsEntry("link", "https://anime.test/verify-email?token=tok");
  }

  @Test
  void aResetRequestLinksToTheResetPage() {
    PasswordResetRequested event =
        new PasswordResetRequested(
            7,
            "sakura",
            "sakura@example.test",
            "ru",
            SEALER.seal("r", Purpose.PASSWORD_RESET, 7),
            Instant.now());

    MailRequest mail = mails.forEvent(wrap(event)).orElseThrow();

    assertThat(mail.kind()).isEqualTo(AccountMails.PASSWORD_RESET);
    assertThat(mail.variables()).containsEntry("link", "https://anime.test/reset-password?token=r");
  }

  @Test
  void aPasswordChangeSendsANotice() {
    MailRequest mail =
        mails
            .forEvent(wrap(new PasswordChanged(7, "sakura", "sakura@example.test", "en")))
            .orElseThrow();

    assertThat(mail.kind()).isEqualTo(AccountMails.PASSWORD_CHANGED);
    assertThat(mail.variables()).containsEntry("link", "https://anime.test/reset-password");
  }

  @Test
  void otherEventsSendNothing() {
    assertThat(mails.forEvent(wrap(new UserVerified(7, "sakura")))).isEmpty();
  }

  @Test
  void anEventWithoutAddressOrTokenIsPoison() {
    assertThatThrownBy(
            () ->
                mails.forEvent(
                    wrap(
                        new UserRegistered(
                            7, "sakura", null, "ru", verification("tok"), Instant.now()))))
        .isInstanceOf(PoisonEventException.class);
    assertThatThrownBy(
            () ->
                mails.forEvent(
                    wrap(
                        new UserRegistered(
                            7, "sakura", "s@example.test", "ru", "", Instant.now()))))
        .isInstanceOf(PoisonEventException.class);
  }

  @Test
  void aTokenThatDoesNotOpenForItsPurposeAndUserIsPoisonAndNeverALink() {
    String forAnotherUser = SEALER.seal("tok", Purpose.EMAIL_VERIFICATION, 8);
    String forAReset = SEALER.seal("tok", Purpose.PASSWORD_RESET, 7);
    String otherKey =
        new MailTokenSealer("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
            .seal("tok", Purpose.EMAIL_VERIFICATION, 7);
    for (String sealed : new String[] {forAnotherUser, forAReset, otherKey, "plain-old-token"}) {
      assertThatThrownBy(
              () ->
                  mails.forEvent(
                      wrap(
                          new VerificationRequested(
                              7, "sakura", "s@example.test", "ru", sealed, Instant.now()))))
          .as(sealed)
          .isInstanceOf(PoisonEventException.class);
    }
    assertThatThrownBy(
            () ->
                mails.forEvent(
                    wrap(
                        new PasswordResetRequested(
                            7, "sakura", "s@example.test", "ru", forAnotherUser, Instant.now()))))
        .isInstanceOf(PoisonEventException.class);
  }

  private EventEnvelope wrap(Object payload) {
    return EventEnvelope.wrap("7", payload, mapper);
  }
}
