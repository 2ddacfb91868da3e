package dev.animetracker.notification.community;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.community.ReleaseMatched;
import dev.animetracker.common.event.community.WatchRef;
import dev.animetracker.common.mailtoken.MailTokenSealer;
import dev.animetracker.common.mailtoken.MailTokenSealer.Purpose;
import dev.animetracker.common.user.UserContact;
import dev.animetracker.notification.config.NotificationProperties;
import dev.animetracker.notification.mail.MailRequest;
import dev.animetracker.notification.mail.MailTemplates;
import dev.animetracker.notification.mail.RenderedMail;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Release and digest mails in both languages, their unsubscribe links and the delivery rule. */
class CommunityMailsTests {

  private static final String KEY = "ZGV2ZWxvcG1lbnQtbWFpbC10b2tlbi1rZXktMzJieXQ=";
  private static final Pattern LINK =
      Pattern.compile("https://anime\\.test/unsubscribe\\?u=(\\d+)&t=(\\S+)");

  private final MailTokenSealer sealer = new MailTokenSealer(KEY);
  private final NotificationProperties properties =
      new NotificationProperties(
          "https://anime.test",
          "AnimeTracker <no-reply@anime.test>",
          Duration.ofSeconds(1),
          5,
          Duration.ofSeconds(5),
          Duration.ofMinutes(15),
          3);
  private final UnsubscribeLinks links = new UnsubscribeLinks(sealer, properties);
  private final CommunityMails mails = new CommunityMails(properties, links);
  private final MailTemplates templates = new MailTemplates();

  @Test
  void aRussianReleaseMailSaysWhyItMatched() {
    ReleaseMatched release =
        new ReleaseMatched(
            7,
            42,
            "Фрирен — 01",
            "erai",
            List.of(
                new WatchRef(1, "group", "Erai-raws", "instant"),
                new WatchRef(2, "series", "Фрирен", "daily")),
            Instant.now());
    MailRequest request = mails.release(release, contact(7, "ru", true)).orElseThrow();
    RenderedMail mail = templates.render(request);

    assertThat(mail.subject()).isEqualTo("Новый релиз: «Фрирен — 01»");
    assertThat(mail.textBody())
        .contains("erai выложил(а) «Фрирен — 01».")
        .contains("- группу Erai-raws")
        .contains("- серию «Фрирен»")
        .contains("https://anime.test/torrents/42")
        .contains("https://anime.test/me/follows");
    assertThat(mail.htmlBody()).contains("<li>группу Erai-raws</li>");
    Matcher link = LINK.matcher(mail.textBody());
    assertThat(link.find()).isTrue();
    assertThat(request.headers())
        .containsEntry("List-Unsubscribe", "<" + link.group() + ">")
        .containsEntry("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    assertThat(sealer.open(decode(link.group(2)), Purpose.UNSUBSCRIBE, 7)).isEqualTo("1,2");
  }

  @Test
  void noMailForAnInactiveAccount() {
    ReleaseMatched release =
        new ReleaseMatched(
            7, 42, "T", "u", List.of(new WatchRef(1, "user", "u", "instant")), Instant.now());
    assertThat(mails.release(release, contact(7, "en", false))).isEmpty();
  }

  @Test
  void aDigestInRussianListsEveryRelease() {
    List<DigestItem> items =
        List.of(
            item(1, "Первый", new WatchRef(5, "search", "Поиск", "daily")),
            item(2, "Второй", new WatchRef(6, "user", "erai", "daily")));
    RenderedMail mail =
        templates.render(mails.digest(7, items, contact(7, "ru", true)).orElseThrow());

    assertThat(mail.subject()).isEqualTo("Новые релизы по вашим подпискам: 2");
    assertThat(mail.textBody())
        .contains("* Первый (от up)")
        .contains("- сохранённый поиск «Поиск»")
        .contains("* Второй (от up)")
        .contains("https://anime.test/torrents/1")
        .contains("https://anime.test/me/feed");
    assertThat(mail.textBody().indexOf("Первый")).isLessThan(mail.textBody().indexOf("Второй"));
  }

  @Test
  void anEnglishDigestOfOneSaysSo() {
    RenderedMail mail =
        templates.render(
            mails
                .digest(
                    7,
                    List.of(item(1, "Only", new WatchRef(5, "group", "G", "daily"))),
                    contact(7, "en", true))
                .orElseThrow());
    assertThat(mail.subject()).isEqualTo("1 new release for you on AnimeTracker");
  }

  @Test
  void theSealedTextStaysShortEnoughForAHeaderLine() {
    List<WatchRef> many =
        LongStream.rangeClosed(1_000_000_000L, 1_000_000_500L)
            .mapToObj(id -> new WatchRef(id, "user", "u", "daily"))
            .toList();
    String link = links.link(7, many);
    assertThat(("List-Unsubscribe: <" + link + ">").length()).isLessThan(998);
    Matcher matcher = LINK.matcher(link);
    assertThat(matcher.find()).isTrue();
    String opened = sealer.open(decode(matcher.group(2)), Purpose.UNSUBSCRIBE, 7);
    assertThat(opened).startsWith("1000000000,1000000001,");
    assertThat(opened.length()).isLessThanOrEqualTo(UnsubscribeLinks.MAX_SEALED_TEXT);
  }

  @Test
  void theStrongestDeliveryDecides() {
    assertThat(
            Deliveries.strongest(
                List.of(
                    new WatchRef(1, "user", "a", "none"), new WatchRef(2, "user", "b", "daily"))))
        .isEqualTo("daily");
    assertThat(
            Deliveries.strongest(
                List.of(
                    new WatchRef(1, "user", "a", "daily"),
                    new WatchRef(2, "user", "b", "instant"))))
        .isEqualTo("instant");
    assertThat(Deliveries.strongest(List.of(new WatchRef(1, "user", "a", "none"))))
        .isEqualTo("none");
  }

  private static DigestItem item(long torrentId, String title, WatchRef watch) {
    return new DigestItem(torrentId, torrentId, title, "up", List.of(watch), Instant.now());
  }

  private static UserContact contact(long id, String locale, boolean active) {
    return new UserContact(id, "user" + id, "user" + id + "@example.test", locale, true, active);
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
