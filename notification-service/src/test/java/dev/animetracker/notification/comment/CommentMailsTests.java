package dev.animetracker.notification.comment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.comment.CommentCreated;
import dev.animetracker.common.user.UserContact;
import dev.animetracker.notification.config.NotificationProperties;
import dev.animetracker.notification.mail.MailLocales;
import dev.animetracker.notification.mail.MailRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CommentMailsTests {

  private final CommentMails mails =
      new CommentMails(
          new NotificationProperties(
              "https://anime.test/",
              "AnimeTracker <no-reply@anime.test>",
              Duration.ofSeconds(1),
              20,
              Duration.ofSeconds(5),
              Duration.ofMinutes(15),
              40));

  @Test
  void mailsTheUploaderInTheirLanguageWithTheCommentLink() {
    MailRequest mail = mails.forUploader(comment(7, 9), contact("en", true, true)).orElseThrow();

    assertThat(mail.kind()).isEqualTo(CommentMails.COMMENT_NOTIFICATION);
    assertThat(mail.recipient()).isEqualTo("sakura@example.test");
    assertThat(mail.locale()).isEqualTo(MailLocales.ENGLISH);
    assertThat(mail.subjectArguments()).containsExactly("Cowboy Bebop");
    assertThat(mail.variables())
        .containsEntry("username", "sakura")
        .containsEntry("authorName", "spike")
        .containsEntry("torrentTitle", "Cowboy Bebop")
        .containsEntry("commentText", "See you, space cowboy")
        .containsEntry("link", "https://anime.test/torrents/42#comment-1001")
        .containsEntry("settingsLink", "https://anime.test/profile")
        .containsEntry("siteUrl", "https://anime.test/");
  }

  @Test
  void russianIsTheDefaultLanguage() {
    assertThat(mails.forUploader(comment(7, 9), contact(null, true, true)).orElseThrow().locale())
        .isEqualTo(MailLocales.RUSSIAN);
  }

  @Test
  void noMailForOptedOutOrInactiveUploadersNorForOwnComments() {
    assertThat(mails.forUploader(comment(7, 9), contact("ru", false, true))).isEmpty();
    assertThat(mails.forUploader(comment(7, 9), contact("ru", true, false))).isEmpty();
    assertThat(CommentMails.concernsSomeoneElse(comment(7, 7))).isFalse();
    assertThat(CommentMails.concernsSomeoneElse(comment(7, 9))).isTrue();
  }

  @Test
  void longTextsAreCutAndTitlesKeptOnOneLine() {
    CommentCreated comment =
        new CommentCreated(
            1, 42, "Line one\r\nBcc: x@y", 7, 9, "spike", "x".repeat(5000), Instant.now(), 3);

    MailRequest mail = mails.forUploader(comment, contact("en", true, true)).orElseThrow();

    assertThat(mail.subjectArguments()).containsExactly("Line one Bcc: x@y");
    assertThat((String) mail.variables().get("commentText"))
        .hasSize(CommentMails.MAX_TEXT_LENGTH + 1)
        .endsWith("…");
  }

  private static CommentCreated comment(long uploaderId, long authorId) {
    return new CommentCreated(
        1001,
        42,
        "Cowboy Bebop",
        uploaderId,
        authorId,
        "spike",
        "  See you, space cowboy \n",
        Instant.now(),
        5);
  }

  private static UserContact contact(String locale, boolean notify, boolean active) {
    return new UserContact(7, "sakura", " sakura@example.test", locale, notify, active);
  }
}
