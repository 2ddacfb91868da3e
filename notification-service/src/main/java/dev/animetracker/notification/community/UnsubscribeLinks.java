package dev.animetracker.notification.community;

import dev.animetracker.common.event.community.WatchRef;
import dev.animetracker.common.mailtoken.MailTokenSealer;
import dev.animetracker.common.mailtoken.MailTokenSealer.Purpose;
import dev.animetracker.notification.config.NotificationProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.springframework.stereotype.Component;

/**
 * One-click unsubscribe links of release mails: {@code {base}/unsubscribe?u=<userId>&t=<sealed>},
 * the sealed text being {@code <watchId>,<watchId>,...} of the watches that caused the mail (sealed
 * for that user with purpose {@code UNSUBSCRIBE}; search-service opens it with the same {@code
 * MAIL_TOKEN_KEY} and sets those watches' delivery to {@code none}).
 */
@Component
public class UnsubscribeLinks {

  /** RFC 2369 header naming the link. */
  public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";

  /** RFC 8058 header saying a POST to the link unsubscribes at once. */
  public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";

  /**
   * The longest sealed text: keeps the header line well below SMTP's 998 characters (sealing adds
   * 28 bytes and Base64 a third). A mail caused by more watches names the first ones.
   */
  static final int MAX_SEALED_TEXT = 480;

  private final MailTokenSealer sealer;
  private final NotificationProperties properties;

  UnsubscribeLinks(MailTokenSealer sealer, NotificationProperties properties) {
    this.sealer = sealer;
    this.properties = properties;
  }

  /** The link turning off the given watches (those with a mail delivery) of the user. */
  public String link(long userId, Collection<WatchRef> watches) {
    Set<Long> ids = new LinkedHashSet<>();
    for (WatchRef watch : watches) {
      if (!Deliveries.NONE.equals(watch.delivery())) {
        ids.add(watch.watchId());
      }
    }
    StringJoiner text = new StringJoiner(",");
    for (long id : ids) {
      String next = Long.toString(id);
      if (text.length() + next.length() + 1 > MAX_SEALED_TEXT) {
        break;
      }
      text.add(next);
    }
    String sealed = sealer.seal(text.toString(), Purpose.UNSUBSCRIBE, userId);
    return properties.link(
        "/unsubscribe?u=" + userId + "&t=" + URLEncoder.encode(sealed, StandardCharsets.UTF_8));
  }

  /** The headers of a mail carrying the link. */
  public static Map<String, String> headers(String link) {
    return Map.of(
        LIST_UNSUBSCRIBE, "<" + link + ">", LIST_UNSUBSCRIBE_POST, "List-Unsubscribe=One-Click");
  }
}
