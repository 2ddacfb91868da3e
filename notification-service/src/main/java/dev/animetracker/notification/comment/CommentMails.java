package dev.animetracker.notification.comment;

import dev.animetracker.common.event.comment.CommentCreated;
import dev.animetracker.common.user.UserContact;
import dev.animetracker.notification.config.NotificationProperties;
import dev.animetracker.notification.mail.MailLocales;
import dev.animetracker.notification.mail.MailRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Decides whether a new comment is mailed to the torrent's uploader, and what the mail says. */
@Component
public class CommentMails {

  /** "Someone commented on your torrent", with a link to the comment and a way to opt out. */
  public static final String COMMENT_NOTIFICATION = "comment-notification";

  /** Longer comments are cut here in the mail (the link shows the whole text). */
  static final int MAX_TEXT_LENGTH = 2000;

  /** Longer titles are cut here (the title is also the subject). */
  static final int MAX_TITLE_LENGTH = 150;

  private final NotificationProperties properties;

  public CommentMails(NotificationProperties properties) {
    this.properties = properties;
  }

  /** Whether a comment calls for a mail at all (nobody is told about their own comment). */
  public static boolean concernsSomeoneElse(CommentCreated comment) {
    return comment.authorId() != comment.torrentUploaderId();
  }

  /**
   * The mail telling the uploader about the comment, or empty if they do not want it (opted out,
   * inactive account, no address).
   */
  public Optional<MailRequest> forUploader(CommentCreated comment, UserContact uploader) {
    if (!uploader.active()
        || !uploader.notifyOnComment()
        || uploader.email() == null
        || uploader.email().isBlank()) {
      return Optional.empty();
    }
    String title = title(comment);
    String author =
        comment.authorUsername() == null || comment.authorUsername().isBlank()
            ? "#" + comment.authorId()
            : comment.authorUsername();
    String recipientName =
        uploader.username() == null || uploader.username().isBlank()
            ? uploader.email().strip()
            : uploader.username();
    return Optional.of(
        new MailRequest(
            COMMENT_NOTIFICATION,
            uploader.email().strip(),
            MailLocales.resolve(uploader.locale()),
            Map.of(
                "username", recipientName,
                "authorName", author,
                "torrentTitle", title,
                "commentText", text(comment.text()),
                "link",
                    properties.link(
                        "/torrents/" + comment.torrentId() + "#comment-" + comment.commentId()),
                "settingsLink", properties.link("/profile"),
                "siteUrl", properties.link("/")),
            List.of(title)));
  }

  /** The title on one line (it goes into the subject header), cut to a sensible length. */
  private static String title(CommentCreated comment) {
    String title = comment.torrentTitle();
    if (title == null || title.isBlank()) {
      return "#" + comment.torrentId();
    }
    return cut(title.replaceAll("[\\p{Cntrl}\\s]+", " ").strip(), MAX_TITLE_LENGTH);
  }

  private static String text(String text) {
    return text == null ? "" : cut(text.strip(), MAX_TEXT_LENGTH);
  }

  private static String cut(String value, int max) {
    if (value.length() <= max) {
      return value;
    }
    int end = Character.isHighSurrogate(value.charAt(max - 1)) ? max - 1 : max;
    return value.substring(0, end) + "…";
  }
}
