package dev.animetracker.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.notification.comment.CommentMails;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommentNotificationTemplateTests {

  private static final String LINK = "https://anime.test/torrents/42#comment-1001";
  private static final String SETTINGS = "https://anime.test/profile";
  private static final String EVIL = "<script>alert('x')</script> & <b>bold</b>\nsecond line";

  private final MailTemplates templates = new MailTemplates();

  @Test
  void rendersInRussian() {
    RenderedMail mail = templates.render(request(MailLocales.RUSSIAN, "Ковбой Бибоп", "Nice!"));

    assertThat(mail.subject()).isEqualTo("Новый комментарий к «Ковбой Бибоп»");
    assertThat(mail.textBody())
        .contains("Привет, sakura!")
        .contains("spike оставил(а) комментарий к вашей раздаче «Ковбой Бибоп»:")
        .contains("Nice!")
        .contains(LINK)
        .contains("Отключите уведомления о комментариях")
        .contains(SETTINGS)
        .doesNotContain("[(", "#{", "??");
    assertThat(mail.htmlBody())
        .contains("<title>Новый комментарий к «Ковбой Бибоп»</title>")
        .contains("href=\"" + LINK + "\"")
        .contains("href=\"" + SETTINGS + "\"")
        .contains("Открыть комментарий")
        .contains("Настройки профиля")
        .contains("lang=\"ru\"")
        .doesNotContain("th:text", "th:href", "xmlns:th", "??");
  }

  @Test
  void rendersInEnglish() {
    RenderedMail mail = templates.render(request(MailLocales.ENGLISH, "Cowboy Bebop", "Nice!"));

    assertThat(mail.subject()).isEqualTo("New comment on “Cowboy Bebop”");
    assertThat(mail.textBody())
        .contains("Hi sakura!")
        .contains("spike commented on your torrent “Cowboy Bebop”:")
        .contains("Nice!")
        .contains(LINK)
        .contains("Don't want these e-mails?")
        .contains(SETTINGS)
        .doesNotContain("Привет", "??");
    assertThat(mail.htmlBody())
        .contains("href=\"" + LINK + "\"")
        .contains("href=\"" + SETTINGS + "\"")
        .contains("View the comment")
        .contains("Don&#39;t want these e-mails?")
        .contains("lang=\"en\"")
        .doesNotContain("Открыть", "??");
  }

  @Test
  void theCommentIsPlainTextInTheTextPartAndEscapedInHtml() {
    for (Locale locale : List.of(MailLocales.RUSSIAN, MailLocales.ENGLISH)) {
      RenderedMail mail = templates.render(request(locale, "<i>T</i> {0} ''", EVIL));

      assertThat(mail.textBody()).contains(EVIL).contains("<i>T</i> {0} ''");
      assertThat(mail.htmlBody())
          .doesNotContain("<script>", "<b>bold</b>", "<i>T</i>")
          .contains(
              "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;\n"
                  + "second line")
          .contains("&lt;i&gt;T&lt;/i&gt; {0} &#39;&#39;");
      assertThat(mail.subject()).contains("<i>T</i> {0} ''");
    }
  }

  private static MailRequest request(Locale locale, String title, String text) {
    return new MailRequest(
        CommentMails.COMMENT_NOTIFICATION,
        "sakura@example.test",
        locale,
        Map.of(
            "username", "sakura",
            "authorName", "spike",
            "torrentTitle", title,
            "commentText", text,
            "link", LINK,
            "settingsLink", SETTINGS,
            "siteUrl", "https://anime.test/"),
        List.of(title));
  }
}
