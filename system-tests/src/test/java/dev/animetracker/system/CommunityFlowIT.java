package dev.animetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.system.Api.Response;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13 end to end through the gateway: follows and saved searches notify on site, by mail
 * (instantly or in a digest) and in the personal feed; the unsubscribe link works without a login;
 * bookmarks notify of comments; reports reach the moderation queue and their outcome the reporter;
 * moderator actions land in the audit log; release groups upload with their API key.
 */
class CommunityFlowIT {

  private static final Duration DELIVERED = Duration.ofSeconds(40);
  private static final Duration QUIET = Duration.ofSeconds(4);
  private static final Pattern UNSUBSCRIBE =
      Pattern.compile("(/unsubscribe\\?u=\\d+&(?:amp;)?t=[A-Za-z0-9_\\-.~%]+)");

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void stack() {
    Stack.get();
  }

  @Test
  void aFollowerHearsOfANewReleaseOnceOnSiteByMailAndInTheFeedAndCanUnsubscribe() {
    String uploaderName = Api.uniqueName("Uploader");
    String uploader = token(uploaderName);
    String fanName = Api.uniqueName("Fan");
    String fan = token(fanName);
    String group = "Grp" + Api.uniqueWord(6);

    Response followed =
        Api.put("/api/users/me/follows/users/" + uploaderName, Map.of("delivery", "instant"), fan);
    assertThat(followed.status()).as(followed.raw().body()).isEqualTo(200);
    // The same release matches twice over: still one notification and one mail.
    assertThat(
            Api.put("/api/users/me/follows/groups/" + group, Map.of("delivery", "instant"), fan)
                .status())
        .isEqualTo(200);
    assertThat(Api.put("/api/users/me/follows/users/" + fanName, Map.of(), fan).status())
        .as("following yourself")
        .isEqualTo(400);
    assertThat(
            Api.put("/api/users/me/follows/users/nobody_" + Api.uniqueWord(8), Map.of(), fan)
                .status())
        .isEqualTo(404);
    assertThat(Api.get("/api/users/me/follows", fan).json().path("items").size()).isEqualTo(2);

    long first = upload("[" + group + "] " + Api.uniqueWord(8) + " - 01 (1080p).mkv", uploader);

    JsonNode notification = awaitNotification(fan, first);
    assertThat(notification.path("kind").asString()).isEqualTo("release");
    assertThat(notification.path("read").asBoolean()).isFalse();
    String fanMail = email(fanName);
    MailSink.Mail mail = MailSink.awaitMail(fanMail, 2, DELIVERED);
    assertThat(mail.text()).contains("/torrents/" + first);
    assertQuietFor(fanMail, 2);
    assertThat(notificationsFor(fan, first)).as("one notification per release").hasSize(1);

    JsonNode feed = Api.get("/api/users/me/feed", fan).json();
    assertThat(ids(feed)).contains(first);
    String apiKey = apiKey(fan);
    assertThat(text("/rss/me?apikey=" + apiKey)).contains("/torrents/" + first);
    assertThat(status("/rss/me?apikey=not-a-key")).isEqualTo(401);

    Response read = Api.post("/api/users/me/notifications/read", Map.of("all", true), fan);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.json().path("unread").asInt()).isZero();

    // One click, no login: the mail's link turns its watches' mail off.
    Matcher link = UNSUBSCRIBE.matcher(mail.text());
    assertThat(link.find()).as("unsubscribe link in:\n" + mail.text()).isTrue();
    assertThat(status(link.group(1).replace("&amp;", "&"))).isEqualTo(200);
    Awaitility.await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              List<String> deliveries = new ArrayList<>();
              Api.get("/api/users/me/follows", fan)
                  .json()
                  .path("items")
                  .forEach(item -> deliveries.add(item.path("delivery").asString()));
              return deliveries.equals(List.of("none", "none"));
            });
    assertThat(status(link.group(1).replace("&amp;", "&").replaceAll("t=[^&]+$", "t=v1.forged")))
        .isEqualTo(400);

    long second = upload("[" + group + "] " + Api.uniqueWord(8) + " - 02 (1080p).mkv", uploader);
    awaitNotification(fan, second);
    assertQuietFor(fanMail, 2);
  }

  @Test
  void aDailySubscriptionSendsOneDigestWithEveryMatchingRelease() {
    String uploader = token(Api.uniqueName("Digester"));
    String readerName = Api.uniqueName("Reader");
    String reader = token(readerName);
    String word = Api.uniqueWord(10);

    Response saved =
        Api.post(
            "/api/users/me/subscriptions",
            Map.of("q", word, "resolution", "1080p", "delivery", "daily"),
            reader);
    assertThat(saved.status()).as(saved.raw().body()).isEqualTo(201);
    assertThat(
            Api.post("/api/users/me/subscriptions", Map.of("delivery", "daily"), reader).status())
        .as("a subscription without any criterion")
        .isEqualTo(400);

    long one = upload("[Dg] " + word + " - 01 (1080p).mkv", uploader);
    long two = upload("[Dg] " + word + " - 02 (1080p).mkv", uploader);
    long other = upload("[Dg] " + word + " - 03 (720p).mkv", uploader);
    awaitNotification(reader, one);
    awaitNotification(reader, two);

    String address = email(readerName);
    MailSink.Mail digest = MailSink.awaitMail(address, 2, Duration.ofSeconds(90));
    assertThat(digest.text()).contains("/torrents/" + one, "/torrents/" + two);
    assertThat(digest.text()).doesNotContain("/torrents/" + other);
    assertQuietFor(address, 2);
    assertThat(notificationsFor(reader, other)).as("720p does not match").isEmpty();
  }

  @Test
  void bookmarksListTorrentsAndTellOfNewComments() {
    String uploader = token(Api.uniqueName("Shelf"));
    String keeper = token(Api.uniqueName("Keeper"));
    String talker = token(Api.uniqueName("Talker"));
    long id = upload("[Bk] " + Api.uniqueWord(8) + " - 01 (720p).mkv", uploader);

    assertThat(Api.put("/api/users/me/bookmarks/" + id, Map.of(), keeper).status()).isEqualTo(204);
    assertThat(Api.put("/api/users/me/bookmarks/999999999", Map.of(), keeper).status())
        .isEqualTo(404);
    Awaitility.await()
        .atMost(DELIVERED)
        .until(() -> ids(Api.get("/api/users/me/bookmarks", keeper).json()).contains(id));

    Response comment =
        Api.post("/api/torrents/" + id + "/comments", Map.of("text", "Отличный релиз"), talker);
    assertThat(comment.status()).isEqualTo(201);
    JsonNode notification = awaitNotification(keeper, id);
    assertThat(notification.path("kind").asString()).isEqualTo("comment");

    assertThat(Api.delete("/api/users/me/bookmarks/" + id, keeper).status()).isEqualTo(204);
    assertThat(ids(Api.get("/api/users/me/bookmarks", keeper).json())).doesNotContain(id);
  }

  @Test
  void aReportReachesTheQueueAndItsOutcomeTheReporterAndTheAuditLogShowsIt() {
    String uploaderName = Api.uniqueName("Faker");
    String uploader = token(uploaderName);
    String reporterName = Api.uniqueName("Reporter");
    String reporter = token(reporterName);
    String second = token(Api.uniqueName("Witness"));
    String admin = Api.adminToken();
    long id = upload("[Fk] " + Api.uniqueWord(8) + " - 01 (1080p).mkv", uploader);

    Response report =
        Api.post(
            "/api/torrents/" + id + "/reports",
            Map.of("reason", "fake", "text", "пустые файлы"),
            reporter);
    assertThat(report.status()).as(report.raw().body()).isEqualTo(201);
    assertThat(
            Api.post("/api/torrents/" + id + "/reports", Map.of("reason", "fake"), reporter)
                .status())
        .as("the same report twice")
        .isEqualTo(409);
    assertThat(
            Api.post("/api/torrents/" + id + "/reports", Map.of("reason", "malware"), second)
                .status())
        .isEqualTo(201);
    assertThat(
            Api.post("/api/torrents/" + id + "/reports", Map.of("reason", "nonsense"), second)
                .status())
        .isEqualTo(400);

    for (String path : List.of("/api/moderation/reports?state=open", "/api/moderation/audit")) {
      assertThat(Api.get(path, reporter).status()).as(path + " for a non-moderator").isEqualTo(403);
    }

    JsonNode queue = Api.get("/api/moderation/reports?state=open&size=100", admin).json();
    JsonNode group = null;
    for (JsonNode item : queue.path("items")) {
      if (item.path("targetType").asString().equals("torrent")
          && item.path("targetId").asLong() == id) {
        group = item;
      }
    }
    assertThat(group).as("the reported torrent in the open queue").isNotNull();
    assertThat(group.path("reports").size()).as("both reports grouped").isEqualTo(2);

    Response resolved =
        Api.post(
            "/api/moderation/reports/" + group.path("id").asLong() + "/resolve",
            Map.of("action", "remake", "note", "marked as remake"),
            admin);
    assertThat(resolved.status()).as(resolved.raw().body()).isEqualTo(200);
    assertThat(Api.get("/api/torrents/" + id, null).json().path("remake").asBoolean()).isTrue();

    JsonNode outcome = awaitNotification(reporter, id);
    assertThat(outcome.path("kind").asString()).isEqualTo("report-resolved");
    awaitNotification(second, id);

    assertThat(
            Api.put("/api/users/" + uploaderName + "/trusted", Map.of("trusted", true), admin)
                .status())
        .isEqualTo(200);
    Awaitility.await()
        .atMost(DELIVERED)
        .until(
            () -> {
              List<String> actions = new ArrayList<>();
              Api.get("/api/moderation/audit?size=100", admin)
                  .json()
                  .path("items")
                  .forEach(
                      item -> {
                        if (item.path("target").asString().contains(uploaderName)
                            || item.path("target").asString().equals(String.valueOf(id))) {
                          actions.add(item.path("action").asString());
                        }
                      });
              return actions.contains("user.trusted") && actions.size() >= 2;
            });
  }

  @Test
  void aReleaseGroupUploadsWithItsApiKey() {
    String name = Api.uniqueName("Script");
    String key = apiKey(token(name));
    Map<String, String> fields = new HashMap<>();
    fields.put("title", "[Sc] " + Api.uniqueWord(8) + " - 01 (1080p).mkv");
    fields.put("category", "anime-eng");
    Response created =
        Torrents.uploadWithApiKey(Torrents.make("script " + Api.uniqueWord(6)), fields, key);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    assertThat(created.json().path("uploader").path("username").asString()).isEqualTo(name);
    assertThat(
            Torrents.uploadWithApiKey(Torrents.make("bad " + Api.uniqueWord(6)), fields, "nope")
                .status())
        .isEqualTo(401);
  }

  private static String token(String username) {
    return Api.registerVerifiedUser(username, "community pass 1").path("accessToken").asString();
  }

  private static String email(String username) {
    return username.toLowerCase(java.util.Locale.ROOT) + "@example.org";
  }

  private static long upload(String title, String token) {
    Response created =
        Torrents.upload(
            Torrents.make("community " + Api.uniqueWord(6)),
            Map.of("title", title, "category", "anime-eng"),
            token);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    return created.json().path("id").asLong();
  }

  private static String apiKey(String token) {
    return Api.post("/api/users/me/api-key", Map.of(), token).json().path("apiKey").asString();
  }

  private static JsonNode awaitNotification(String token, long torrentId) {
    List<JsonNode> found = new ArrayList<>();
    Awaitility.await("notification about torrent " + torrentId)
        .atMost(DELIVERED)
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              found.clear();
              found.addAll(notificationsFor(token, torrentId));
              return !found.isEmpty();
            });
    return found.getFirst();
  }

  private static List<JsonNode> notificationsFor(String token, long torrentId) {
    List<JsonNode> matching = new ArrayList<>();
    Api.get("/api/users/me/notifications?size=100", token)
        .json()
        .path("items")
        .forEach(
            item -> {
              if (item.path("torrentId").asLong() == torrentId) {
                matching.add(item);
              }
            });
    return matching;
  }

  /** The address has exactly this many mails and gets no more for a while (no repeats). */
  private static void assertQuietFor(String address, int count) {
    Awaitility.await()
        .pollDelay(QUIET)
        .atMost(QUIET.plusSeconds(5))
        .until(() -> MailSink.inbox(address).size() == count);
  }

  private static List<Long> ids(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.path("items").forEach(item -> ids.add(item.path("id").asLong()));
    return ids;
  }

  private static HttpResponse<String> get(String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(Stack.baseUrl() + path))
              .timeout(Duration.ofSeconds(30))
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int status(String path) {
    return get(path).statusCode();
  }

  private static String text(String path) {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }
}
