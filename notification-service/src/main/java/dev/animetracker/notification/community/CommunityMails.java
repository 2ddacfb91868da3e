package dev.animetracker.notification.community;

import dev.animetracker.common.event.community.BookmarkCommented;
import dev.animetracker.common.event.community.ReleaseMatched;
import dev.animetracker.common.event.community.WatchRef;
import dev.animetracker.common.user.UserContact;
import dev.animetracker.notification.config.NotificationProperties;
import dev.animetracker.notification.mail.MailLocales;
import dev.animetracker.notification.mail.MailRequest;
import dev.animetracker.notification.mail.MailTexts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The mails of the community events: a new release, a digest of them, a bookmarked comment. */
@Component
class CommunityMails {

  /** One new release of a watch with instant delivery. */
  static final String RELEASE = "release";

  /** Every pending daily release of a user in one mail. */
  static final String RELEASE_DIGEST = "release-digest";

  /** Someone commented on a bookmarked torrent. */
  static final String BOOKMARK_COMMENT = "bookmark-comment";

  /** Longer titles are cut (a title is also part of a subject). */
  static final int MAX_TITLE_LENGTH = 150;

  /** Longer excerpts are cut (the event promises at most 300 characters; trust but bound). */
  static final int MAX_EXCERPT_LENGTH = 300;

  private final NotificationProperties properties;
  private final UnsubscribeLinks unsubscribe;

  CommunityMails(NotificationProperties properties, UnsubscribeLinks unsubscribe) {
    this.properties = properties;
    this.unsubscribe = unsubscribe;
  }

  /** The instant mail of a release, or empty if the user cannot be mailed. */
  Optional<MailRequest> release(ReleaseMatched release, UserContact contact) {
    if (!mailable(contact)) {
      return Optional.empty();
    }
    String title = title(release.title(), release.torrentId());
    String link = unsubscribe.link(release.userId(), release.matchedBy());
    Map<String, Object> variables = base(contact, link);
    variables.put("title", title);
    variables.put("uploader", uploader(release.uploader()));
    variables.put("reasons", reasons(release.matchedBy()));
    variables.put("link", properties.link("/torrents/" + release.torrentId()));
    return Optional.of(
        new MailRequest(
            RELEASE,
            contact.email().strip(),
            MailLocales.resolve(contact.locale()),
            variables,
            List.of(title),
            UnsubscribeLinks.headers(link)));
  }

  /** The digest of the items (oldest first), or empty if the user cannot be mailed. */
  Optional<MailRequest> digest(long userId, List<DigestItem> items, UserContact contact) {
    if (!mailable(contact) || items.isEmpty()) {
      return Optional.empty();
    }
    List<WatchRef> watches = new ArrayList<>();
    List<Map<String, Object>> releases = new ArrayList<>();
    for (DigestItem item : items) {
      watches.addAll(item.matchedBy());
      Map<String, Object> release = new LinkedHashMap<>();
      release.put("title", title(item.title(), item.torrentId()));
      release.put("uploader", uploader(item.uploader()));
      release.put("reasons", reasons(item.matchedBy()));
      release.put("link", properties.link("/torrents/" + item.torrentId()));
      releases.add(Map.copyOf(release));
    }
    String link = unsubscribe.link(userId, watches);
    Map<String, Object> variables = base(contact, link);
    variables.put("releases", List.copyOf(releases));
    variables.put("count", releases.size());
    variables.put("feedLink", properties.link("/me/feed"));
    return Optional.of(
        new MailRequest(
            RELEASE_DIGEST,
            contact.email().strip(),
            MailLocales.resolve(contact.locale()),
            variables,
            List.of(releases.size()),
            UnsubscribeLinks.headers(link)));
  }

  /** The mail about a comment on a bookmarked torrent, unless the user does not want it. */
  Optional<MailRequest> bookmarkComment(BookmarkCommented comment, UserContact contact) {
    if (!mailable(contact) || !contact.notifyOnComment()) {
      return Optional.empty();
    }
    String title = title(comment.torrentTitle(), comment.torrentId());
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("username", name(contact));
    variables.put("authorName", MailTexts.oneLine(comment.author(), 100, "?"));
    variables.put("torrentTitle", title);
    variables.put("commentText", MailTexts.block(comment.excerpt(), MAX_EXCERPT_LENGTH));
    variables.put(
        "link",
        properties.link("/torrents/" + comment.torrentId() + "#comment-" + comment.commentId()));
    variables.put("settingsLink", properties.link("/profile"));
    variables.put("siteUrl", properties.link("/"));
    return Optional.of(
        new MailRequest(
            BOOKMARK_COMMENT,
            contact.email().strip(),
            MailLocales.resolve(contact.locale()),
            variables,
            List.of(title)));
  }

  /** Whether mail may go to this contact at all: a confirmed, usable account with an address. */
  static boolean mailable(UserContact contact) {
    return contact.active() && contact.email() != null && !contact.email().isBlank();
  }

  static String title(@Nullable String title, long torrentId) {
    return MailTexts.oneLine(title, MAX_TITLE_LENGTH, "#" + torrentId);
  }

  private Map<String, Object> base(UserContact contact, String unsubscribeLink) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("username", name(contact));
    variables.put("unsubscribeLink", unsubscribeLink);
    variables.put("settingsLink", properties.link("/me/follows"));
    variables.put("siteUrl", properties.link("/"));
    return variables;
  }

  private static String uploader(@Nullable String uploader) {
    return MailTexts.oneLine(uploader, 100, "?");
  }

  /** Why it matched, one line per watch: a message key by kind and the watch's label. */
  private static List<Map<String, Object>> reasons(List<WatchRef> watches) {
    return watches.stream()
        .map(
            watch ->
                Map.<String, Object>of(
                    "key",
                    "watch." + watch.kind(),
                    "label",
                    MailTexts.oneLine(watch.label(), 150, "?")))
        .toList();
  }

  private static String name(UserContact contact) {
    return contact.username() == null || contact.username().isBlank()
        ? contact.email().strip()
        : contact.username();
  }
}
