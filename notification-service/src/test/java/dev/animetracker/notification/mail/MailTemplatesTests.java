package dev.animetracker.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.notification.account.AccountMails;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MailTemplatesTests {

  private static final String VERIFY_LINK =
      "https://animetracker.test/verify-email?token=abc-DEF_123%2B%3D";
  private static final String RESET_LINK = "https://animetracker.test/reset-password?token=r3set";

  private final MailTemplates templates = new MailTemplates();

  @Test
  void rendersTheVerificationMailInRussianByDefault() {
    RenderedMail mail = templates.render(request(AccountMails.VERIFICATION, MailLocales.RUSSIAN));

    assertThat(mail.subject()).isEqualTo("Подтвердите адрес почты на AnimeTracker");
    assertThat(mail.textBody())
        .contains("Привет, Сакура!")
        .contains(VERIFY_LINK)
        .contains("24 часа")
        .doesNotContain("[(", "#{", "??");
    assertThat(mail.htmlBody())
        .contains("Привет, Сакура!")
        .contains("href=\"" + VERIFY_LINK + "\"")
        .contains(">" + VERIFY_LINK + "<")
        .contains("Подтвердить почту")
        .contains("24 часа")
        .contains("<title>Подтвердите адрес почты на AnimeTracker</title>")
        .contains("lang=\"ru\"")
        .doesNotContain("th:text", "th:href", "xmlns:th", "??");
  }

  @Test
  void rendersTheVerificationMailInEnglish() {
    RenderedMail mail = templates.render(request(AccountMails.VERIFICATION, MailLocales.ENGLISH));

    assertThat(mail.subject()).isEqualTo("Confirm your e-mail address on AnimeTracker");
    assertThat(mail.textBody()).contains("Hi Сакура!").contains(VERIFY_LINK).contains("24 hours");
    assertThat(mail.htmlBody())
        .contains("Confirm e-mail")
        .contains("href=\"" + VERIFY_LINK + "\"")
        .contains("lang=\"en\"")
        .doesNotContain("Подтвердите");
  }

  @Test
  void rendersThePasswordResetMailInBothLanguagesWithItsOneHourExpiry() {
    RenderedMail russian = templates.render(resetRequest(MailLocales.RUSSIAN));
    RenderedMail english = templates.render(resetRequest(MailLocales.ENGLISH));

    assertThat(russian.subject()).isEqualTo("Сброс пароля на AnimeTracker");
    assertThat(russian.textBody()).contains(RESET_LINK).contains("1 час");
    assertThat(russian.htmlBody()).contains("href=\"" + RESET_LINK + "\"").contains("1 час");
    assertThat(english.subject()).isEqualTo("Reset your AnimeTracker password");
    assertThat(english.textBody()).contains(RESET_LINK).contains("1 hour");
    assertThat(english.htmlBody()).contains("href=\"" + RESET_LINK + "\"").contains("1 hour");
  }

  @Test
  void rendersThePasswordChangedNoticeWithAWayToReset() {
    MailRequest request =
        new MailRequest(
            AccountMails.PASSWORD_CHANGED,
            "sakura@example.test",
            MailLocales.ENGLISH,
            Map.of(
                "username", "sakura",
                "link", "https://animetracker.test/reset-password",
                "siteUrl", "https://animetracker.test/"));
    RenderedMail mail = templates.render(request);

    assertThat(mail.subject()).isEqualTo("Your AnimeTracker password was changed");
    assertThat(mail.textBody())
        .contains("If it was not you, reset your password")
        .contains("https://animetracker.test/reset-password");
    assertThat(mail.htmlBody()).contains("href=\"https://animetracker.test/reset-password\"");
  }

  @Test
  void escapesUserControlledValuesInHtml() {
    MailRequest request =
        new MailRequest(
            AccountMails.VERIFICATION,
            "evil@example.test",
            MailLocales.ENGLISH,
            Map.of(
                "username", "<script>alert('x')</script>&co",
                "link", VERIFY_LINK,
                "siteUrl", "https://animetracker.test/"));
    RenderedMail mail = templates.render(request);

    assertThat(mail.htmlBody())
        .doesNotContain("<script>")
        .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;co");
    assertThat(mail.textBody()).contains("Hi <script>alert('x')</script>&co!");
  }

  private static MailRequest request(String kind, Locale locale) {
    return new MailRequest(
        kind,
        "sakura@example.test",
        locale,
        Map.of("username", "Сакура", "link", VERIFY_LINK, "siteUrl", "https://animetracker.test/"));
  }

  private static MailRequest resetRequest(Locale locale) {
    return new MailRequest(
        AccountMails.PASSWORD_RESET,
        "sakura@example.test",
        locale,
        Map.of("username", "sakura", "link", RESET_LINK, "siteUrl", "https://animetracker.test/"));
  }
}
