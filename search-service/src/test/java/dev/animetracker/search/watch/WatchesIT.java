package dev.animetracker.search.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.Topics;
import dev.animetracker.common.event.comment.CommentCreated;
import dev.animetracker.common.event.torrent.SeriesRef;
import dev.animetracker.common.event.torrent.TorrentCreated;
import dev.animetracker.common.event.torrent.TorrentDeleted;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.common.event.torrent.TorrentUpdated;
import dev.animetracker.common.mailtoken.MailTokenProperties;
import dev.animetracker.common.mailtoken.MailTokenSealer;
import dev.animetracker.search.TorrentServiceStub.Listed;
import dev.animetracker.testsupport.EventLog;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import tools.jackson.databind.JsonNode;

/**
 * Follows, saved searches, bookmarks and the personal feed through the service's HTTP API and its
 * Kafka consumers, reading what it publishes back from {@code community-events}.
 */
@TestPropertySource(properties = "animetracker.search.watch.max-per-user=6")
class WatchesIT extends WatchTestSupport {

  private static final EventLog EVENTS = new EventLog(Topics.COMMUNITY_EVENTS);
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Autowired JdbcClient jdbc;
  @Autowired ReleaseMatcher matcher;
  @Autowired PlatformTransactionManager transactions;

  private static void created(TorrentSnapshot s) {
    publish(Topics.TORRENT_EVENTS, s.infoHash(), new TorrentCreated(s));
  }

  private static List<JsonNode> matched(long userId, long torrentId) {
    return EVENTS.all(
        "release.matched",
        p -> p.get("userId").asLong() == userId && p.get("torrentId").asLong() == torrentId);
  }

  private static JsonNode awaitMatched(long userId, long torrentId) {
    return EVENTS.await(
        "release.matched",
        p -> p.get("userId").asLong() == userId && p.get("torrentId").asLong() == torrentId);
  }

  private SeriesRef series(String word) {
    SeriesRef series = new SeriesRef(word, "Series " + word);
    writer.series(series, List.of(), 1, Instant.now());
    return series;
  }

  @Test
  void aReleaseFollowedFourWaysIsOneEventWithEveryWatchAndReplaysAddNothing() {
    User fan = user("fan");
    User other = user("oth");
    User uploader = user("upl");
    String word = uniqueWord("kw");
    String group = uniqueWord("grp");
    SeriesRef series = series(uniqueWord("ser"));
    put("/api/users/me/follows/users/" + uploader.name(), fan, null).assertStatus(200);
    put("/api/users/me/follows/groups/" + group.toUpperCase(), fan, "{\"delivery\":\"daily\"}")
        .assertStatus(200);
    put("/api/users/me/follows/series/" + series.slug(), fan, "{\"delivery\":\"none\"}")
        .assertStatus(200);
    long search = save(fan, "{\"q\":\"" + word + "\",\"resolution\":\"1080p\",\"name\":\"mine\"}");
    put("/api/users/me/follows/groups/" + group, other, null).assertStatus(200);
    // The uploader's own follow never matches their own release.
    put("/api/users/me/follows/groups/" + group, uploader, null).assertStatus(200);

    TorrentSnapshot release =
        release("[" + group + "] " + word + " - 05 (1080p).mkv", ANIME, uploader, false, series);
    EventEnvelope envelope =
        EventEnvelope.wrap(release.infoHash(), new TorrentCreated(release), JSON);
    publish(Topics.TORRENT_EVENTS, release.infoHash(), envelope);

    JsonNode event = awaitMatched(fan.id(), release.torrentId());
    assertThat(event.get("_key").asString()).isEqualTo(Long.toString(fan.id()));
    JsonNode payload = event.get("payload");
    assertThat(payload.get("title").asString()).isEqualTo(release.title());
    assertThat(payload.get("uploader").asString()).isEqualTo(uploader.name());
    List<String> refs = new ArrayList<>();
    payload
        .get("matchedBy")
        .forEach(
            ref ->
                refs.add(
                    ref.get("kind").asString()
                        + ":"
                        + ref.get("label").asString()
                        + ":"
                        + ref.get("delivery").asString()));
    assertThat(refs)
        .containsExactlyInAnyOrder(
            "user:" + uploader.name() + ":instant",
            "group:" + group.toUpperCase() + ":daily",
            "series:" + series.title() + ":none",
            "search:mine:daily");
    assertThat(payload.get("matchedBy").findValues("watchId").stream().map(JsonNode::asLong))
        .contains(search);
    awaitMatched(other.id(), release.torrentId());

    // Replays, then a marker release on the same partition: once it matched, the replays were
    // consumed and changed nothing.
    publish(Topics.TORRENT_EVENTS, release.infoHash(), envelope);
    publish(Topics.TORRENT_EVENTS, release.infoHash(), envelope);
    TorrentSnapshot marker =
        release("[" + group + "] marker (720p).mkv", ANIME, uploader, false, null);
    sendTo(
        Topics.TORRENT_EVENTS,
        partition(Topics.TORRENT_EVENTS, release.infoHash()),
        marker.infoHash(),
        EventEnvelope.wrap(marker.infoHash(), new TorrentCreated(marker), JSON));
    awaitMatched(other.id(), marker.torrentId());
    assertThat(matched(fan.id(), release.torrentId())).hasSize(1);
    assertThat(matched(other.id(), release.torrentId())).hasSize(1);
    assertThat(matched(uploader.id(), release.torrentId())).isEmpty();
    assertThat(matched(uploader.id(), marker.torrentId())).isEmpty();

    // The feed: newest match first, with what matched.
    JsonNode feed = get("/api/users/me/feed", fan).assertStatus(200).json();
    assertThat(feed.get("total").asLong()).isEqualTo(2);
    JsonNode items = feed.get("items");
    assertThat(items.get(0).get("id").asLong()).isEqualTo(marker.torrentId());
    assertThat(items.get(1).get("id").asLong()).isEqualTo(release.torrentId());
    assertThat(items.get(1).get("title").asString()).isEqualTo(release.title());
    assertThat(items.get(1).get("magnetUri").asString()).startsWith("magnet:?");
    assertThat(items.get(1).get("matchedAt").asString()).isNotBlank();
    assertThat(items.get(1).get("matchedBy").findValuesAsString("kind"))
        .containsExactlyInAnyOrder("user", "group", "series", "search");
    assertThat(items.get(0).get("matchedBy").findValuesAsString("kind"))
        .containsExactlyInAnyOrder("user", "group");
    assertThat(
            get("/api/users/me/feed?page=1&size=1", fan)
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asLong())
        .isEqualTo(release.torrentId());

    // RSS by API key, links carrying it.
    String key = USER_SERVICE.keyOf(fan.id(), fan.name(), true);
    Response rss = get("/rss/me?apikey=" + key, (User) null).assertStatus(200);
    assertThat(rss.contentType()).startsWith("application/rss+xml");
    assertThat(rss.body()).contains(release.title(), "apikey=" + key);
    assertThat(get("/rss/me?apikey=" + USER_SERVICE.newKey(), (User) null).status()).isEqualTo(401);
    assertThat(get("/rss/me", (User) null).status()).isEqualTo(401);
    assertThat(
            get("/rss/me?apikey=" + USER_SERVICE.bannedKeyOf(fan.id(), fan.name()), (User) null)
                .status())
        .isEqualTo(403);

    // Deleted: out of the feed (and its rows gone).
    publish(
        Topics.TORRENT_EVENTS,
        release.infoHash(),
        new TorrentDeleted(
            release.torrentId(), release.infoHash(), null, uploader.id(), 1, Instant.now(), 2));
    await()
        .atMost(WAIT)
        .until(() -> get("/api/users/me/feed", fan).json().get("total").asLong() == 1);
    assertThat(
            jdbc.sql("select count(*) from watch_match where torrent_id = :t")
                .param("t", release.torrentId())
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void aSeriesAttachedByAnUpdateSoonAfterTheUploadStillNotifies() {
    User fan = user("sfan");
    User uploader = user("supl");
    SeriesRef series = series(uniqueWord("late"));
    put("/api/users/me/follows/series/" + series.slug(), fan, null).assertStatus(200);
    TorrentSnapshot release =
        release("[X] " + uniqueWord("t") + " - 01 (1080p).mkv", ANIME, uploader, false, null);
    created(release);
    publish(
        Topics.TORRENT_EVENTS,
        release.infoHash(),
        new TorrentUpdated(withSeries(release, series, 2), 1));
    awaitMatched(fan.id(), release.torrentId());
  }

  @Test
  void aTorrentNotIndexedYetIsBookmarkedIfTorrentServiceListsIt() {
    User fan = user("bnew");
    User uploader = user("bnup");
    TorrentSnapshot fresh =
        release("[Y] " + uniqueWord("bn") + " - 01 (1080p).mkv", ANIME, uploader, false, null);
    TORRENT_SERVICE.put(new Listed(fresh, 0, 0, 0, Instant.now(), 0, 0));
    try {
      TORRENT_SERVICE.down(true);
      assertThat(
              code(
                  put("/api/users/me/bookmarks/" + fresh.torrentId(), fan, null).assertStatus(503)))
          .isEqualTo("torrent-service-unavailable");
      TORRENT_SERVICE.down(false);
      assertThat(get("/api/users/me/bookmarks/" + fresh.torrentId(), fan).status())
          .as("a refused bookmark is not kept")
          .isEqualTo(404);

      put("/api/users/me/bookmarks/" + fresh.torrentId(), fan, null).assertStatus(204);
      assertThat(
              code(
                  put("/api/users/me/bookmarks/" + (fresh.torrentId() + 1_000_000_000L), fan, null)
                      .assertStatus(404)))
          .as("an id torrent-service does not list")
          .isEqualTo("torrent-not-found");
      assertThat(get("/api/users/me/bookmarks", fan).json().get("total").asLong())
          .as("listed once indexed")
          .isZero();

      index(fresh);
      await()
          .atMost(WAIT)
          .until(() -> get("/api/users/me/bookmarks", fan).json().get("total").asLong() == 1);

      publish(
          Topics.TORRENT_EVENTS,
          fresh.infoHash(),
          new TorrentDeleted(
              fresh.torrentId(), fresh.infoHash(), null, uploader.id(), 1, Instant.now(), 2));
      await()
          .atMost(WAIT)
          .until(() -> get("/api/users/me/bookmarks", fan).json().get("total").asLong() == 0);
      TORRENT_SERVICE.down(true);
      assertThat(
              code(
                  put("/api/users/me/bookmarks/" + fresh.torrentId(), fan, null).assertStatus(404)))
          .as("a torrent the index saw deleted is gone without asking torrent-service")
          .isEqualTo("torrent-not-found");
    } finally {
      TORRENT_SERVICE.down(false);
      TORRENT_SERVICE.remove(fresh.torrentId());
    }
  }

  @Test
  void bookmarkersHearOfCommentsByOthersOnce() {
    User fan = user("bfan");
    User author = user("baut");
    User uploader = user("bupl");
    TorrentSnapshot release =
        release("[Y] " + uniqueWord("bm") + " - 01 (1080p).mkv", ANIME, uploader, false, null);
    index(release);
    put("/api/users/me/bookmarks/" + release.torrentId(), fan, null).assertStatus(204);
    put("/api/users/me/bookmarks/" + release.torrentId(), fan, null).assertStatus(204);
    put("/api/users/me/bookmarks/" + release.torrentId(), author, null).assertStatus(204);
    put("/api/users/me/bookmarks/" + release.torrentId(), uploader, null).assertStatus(204);
    assertThat(code(put("/api/users/me/bookmarks/999999999999", fan, null).assertStatus(404)))
        .isEqualTo("torrent-not-found");
    get("/api/users/me/bookmarks/" + release.torrentId(), fan).assertStatus(200);
    assertThat(get("/api/users/me/bookmarks/" + release.torrentId(), user("nob")).status())
        .isEqualTo(404);
    JsonNode page = get("/api/users/me/bookmarks", fan).assertStatus(200).json();
    assertThat(page.get("total").asLong()).isEqualTo(1);
    assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(release.torrentId());
    assertThat(page.get("items").get(0).get("bookmarkedAt").asString()).isNotBlank();

    String text = "**Great** release, see [here](http://x.test)! " + "long ".repeat(100);
    Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    EventEnvelope comment =
        envelope(
            Long.toString(release.torrentId()),
            new CommentCreated(
                77,
                release.torrentId(),
                release.title(),
                uploader.id(),
                author.id(),
                author.name(),
                text,
                at,
                1),
            at);
    publish(Topics.COMMENT_EVENTS, Long.toString(release.torrentId()), comment);
    publish(Topics.COMMENT_EVENTS, Long.toString(release.torrentId()), comment);
    JsonNode event =
        EVENTS
            .await("bookmark.commented", p -> p.get("userId").asLong() == fan.id())
            .get("payload");
    assertThat(event.get("torrentId").asLong()).isEqualTo(release.torrentId());
    assertThat(event.get("author").asString()).isEqualTo(author.name());
    assertThat(event.get("commentId").asLong()).isEqualTo(77);
    String excerpt = event.get("excerpt").asString();
    assertThat(excerpt).startsWith("Great release, see here!").doesNotContain("*", "http");
    assertThat(excerpt.length()).isLessThanOrEqualTo(300);

    // A marker comment behind the repeat: then exactly one event for the fan, none for the others.
    EventEnvelope second =
        envelope(
            Long.toString(release.torrentId()),
            new CommentCreated(
                78,
                release.torrentId(),
                release.title(),
                uploader.id(),
                author.id(),
                author.name(),
                "again",
                at,
                2),
            at.plusMillis(1));
    publish(Topics.COMMENT_EVENTS, Long.toString(release.torrentId()), second);
    EVENTS.await(
        "bookmark.commented",
        p -> p.get("userId").asLong() == fan.id() && p.get("commentId").asLong() == 78);
    assertThat(
            EVENTS.all(
                "bookmark.commented",
                p -> p.get("userId").asLong() == fan.id() && p.get("commentId").asLong() == 77))
        .hasSize(1);
    assertThat(
            EVENTS.all(
                "bookmark.commented",
                p ->
                    p.get("userId").asLong() == author.id()
                        || p.get("userId").asLong() == uploader.id()))
        .isEmpty();

    delete("/api/users/me/bookmarks/" + release.torrentId(), fan).assertStatus(204);
    assertThat(get("/api/users/me/bookmarks", fan).json().get("total").asLong()).isZero();

    // A deleted torrent leaves bookmark lists.
    publish(
        Topics.TORRENT_EVENTS,
        release.infoHash(),
        new TorrentDeleted(
            release.torrentId(), release.infoHash(), null, uploader.id(), 1, Instant.now(), 2));
    await()
        .atMost(WAIT)
        .until(() -> get("/api/users/me/bookmarks", author).json().get("total").asLong() == 0);
  }

  @Test
  void unsubscribeTurnsOffTheSealedWatchesOfThatUserOnly() {
    User fan = user("ufan");
    User other = user("uoth");
    long group =
        put("/api/users/me/follows/groups/" + uniqueWord("g"), fan, null).json().get("id").asLong();
    long search = save(fan, "{\"q\":\"" + uniqueWord("u") + "\",\"delivery\":\"instant\"}");
    long foreign =
        put("/api/users/me/follows/groups/" + uniqueWord("g"), other, null)
            .json()
            .get("id")
            .asLong();
    MailTokenSealer sealer = new MailTokenSealer(MailTokenProperties.DEVELOPMENT_KEY);
    String token =
        sealer.seal(
            group + "," + search + "," + foreign, MailTokenSealer.Purpose.UNSUBSCRIBE, fan.id());
    String body = "{\"u\":" + fan.id() + ",\"t\":\"" + token + "\"}";
    JsonNode answer = post("/api/users/unsubscribe", null, body).assertStatus(200).json();
    assertThat(answer.get("watches").findValuesAsString("kind"))
        .containsExactlyInAnyOrder("group", "search");
    // Idempotent.
    post("/api/users/unsubscribe", null, body).assertStatus(200);
    assertThat(
            get("/api/users/me/follows", fan).json().get("items").get(0).get("delivery").asString())
        .isEqualTo("none");
    assertThat(
            get("/api/users/me/subscriptions", fan)
                .json()
                .get("items")
                .get(0)
                .get("delivery")
                .asString())
        .isEqualTo("none");
    assertThat(
            get("/api/users/me/follows", other)
                .json()
                .get("items")
                .get(0)
                .get("delivery")
                .asString())
        .isEqualTo("instant");

    // Another user's token, a tampered one, another purpose, garbage: 400.
    for (String bad :
        List.of(
            "{\"u\":" + other.id() + ",\"t\":\"" + token + "\"}",
            "{\"u\":" + fan.id() + ",\"t\":\"" + token.substring(0, token.length() - 2) + "AA\"}",
            "{\"u\":"
                + fan.id()
                + ",\"t\":\""
                + sealer.seal("" + group, MailTokenSealer.Purpose.PASSWORD_RESET, fan.id())
                + "\"}",
            "{\"u\":"
                + fan.id()
                + ",\"t\":\""
                + sealer.seal("x,y", MailTokenSealer.Purpose.UNSUBSCRIBE, fan.id())
                + "\"}",
            "{\"u\":" + fan.id() + "}",
            "{}")) {
      assertThat(code(post("/api/users/unsubscribe", null, bad).assertStatus(400)))
          .as(bad)
          .isEqualTo("invalid-unsubscribe");
    }
    assertThat(post("/api/users/unsubscribe", null, "not json").status()).isEqualTo(400);
  }

  @Test
  void everyBadRequestIsAClearProblem() {
    User fan = user("vfan");
    User other = user("voth");
    for (String path :
        List.of(
            "/api/users/me/follows",
            "/api/users/me/subscriptions",
            "/api/users/me/bookmarks",
            "/api/users/me/feed")) {
      assertThat(get(path, (User) null).status()).as(path).isEqualTo(401);
      assertThat(call("GET", path, "not-a-token", null).status()).as(path).isEqualTo(401);
    }
    assertThat(put("/api/users/me/follows/groups/x", null, null).status()).isEqualTo(401);
    // The public search ignores a bad token.
    assertThat(call("GET", "/api/search?q=x", "not-a-token", null).status()).isEqualTo(200);

    assertThat(code(put("/api/users/me/follows/users/" + uniqueWord("nobody"), fan, null)))
        .isEqualTo("user-not-found");
    assertThat(code(put("/api/users/me/follows/users/" + fan.name(), fan, null).assertStatus(400)))
        .isEqualTo("cannot-follow-self");
    assertThat(
            code(
                put("/api/users/me/follows/series/" + uniqueWord("nos"), fan, null)
                    .assertStatus(404)))
        .isEqualTo("series-not-found");
    assertThat(
            code(
                put("/api/users/me/follows/groups/" + "g".repeat(101), fan, null)
                    .assertStatus(400)))
        .isEqualTo("validation-failed");
    assertThat(
            code(
                put("/api/users/me/follows/groups/x", fan, "{\"delivery\":\"hourly\"}")
                    .assertStatus(400)))
        .isEqualTo("validation-failed");
    assertThat(put("/api/users/me/follows/groups/x", fan, "{\"delivery\":").status())
        .isEqualTo(400);
    assertThat(
            code(delete("/api/users/me/follows/groups/" + uniqueWord("g"), fan).assertStatus(404)))
        .isEqualTo("follow-not-found");
    assertThat(code(delete("/api/users/me/follows/users/" + other.name(), fan).assertStatus(404)))
        .isEqualTo("follow-not-found");

    // A repeated PUT updates the one follow.
    long first =
        put("/api/users/me/follows/users/" + other.name(), fan, null)
            .assertStatus(200)
            .json()
            .get("id")
            .asLong();
    JsonNode again =
        put(
                "/api/users/me/follows/users/" + other.name().toUpperCase(),
                fan,
                "{\"delivery\":\"daily\"}")
            .assertStatus(200)
            .json();
    assertThat(again.get("id").asLong()).isEqualTo(first);
    assertThat(again.get("delivery").asString()).isEqualTo("daily");
    assertThat(again.get("target").asString()).isEqualTo(other.name());
    assertThat(get("/api/users/me/follows", fan).json().get("items")).hasSize(1);

    assertThat(code(post("/api/users/me/subscriptions", fan, "{}").assertStatus(400)))
        .isEqualTo("empty-subscription");
    assertThat(
            code(
                post("/api/users/me/subscriptions", fan, "{\"q\":\"  \",\"name\":\"x\"}")
                    .assertStatus(400)))
        .isEqualTo("empty-subscription");
    Response bad =
        post(
                "/api/users/me/subscriptions",
                fan,
                "{\"q\":\"x\",\"resolution\":\"huge\",\"season\":1000,\"sort\":\"size\",\"tag\":{}}")
            .assertStatus(400);
    assertThat(code(bad)).isEqualTo("validation-failed");
    assertThat(bad.json().get("errors").findValuesAsString("field"))
        .contains("resolution", "season", "sort", "tag");
    assertThat(
            code(
                post("/api/users/me/subscriptions", fan, "{\"q\":\"" + "a".repeat(301) + "\"}")
                    .assertStatus(400)))
        .isEqualTo("validation-failed");
    assertThat(
            code(
                post(
                        "/api/users/me/subscriptions",
                        fan,
                        "{\"q\":\"x\",\"name\":\"" + "n".repeat(101) + "\"}")
                    .assertStatus(400)))
        .isEqualTo("validation-failed");
    assertThat(
            code(
                post("/api/users/me/subscriptions", fan, "{\"q\":\"x\",\"delivery\":\"weekly\"}")
                    .assertStatus(400)))
        .isEqualTo("validation-failed");
    assertThat(
            code(
                post("/api/users/me/subscriptions", fan, "{\"q\":\"" + randomHash(40) + "\"}")
                    .assertStatus(400)))
        .isEqualTo("validation-failed");
    assertThat(post("/api/users/me/subscriptions", fan, "[1]").status()).isEqualTo(400);

    JsonNode saved =
        post(
                "/api/users/me/subscriptions",
                fan,
                "{\"q\":\"frieren\",\"group\":\"SubsPlease\",\"resolution\":\"1080\",\"category\":[\"anime-eng\",\"-manga\"],\"batch\":false}")
            .assertStatus(201)
            .json();
    assertThat(saved.get("delivery").asString()).isEqualTo("daily");
    assertThat(saved.get("name").asString())
        .isEqualTo("frieren · category: anime-eng, -manga · SubsPlease · 1080p · batch: false");
    assertThat(saved.get("query").get("resolution").asString()).isEqualTo("1080p");
    assertThat(saved.get("query").has("season")).isFalse();
    long id = saved.get("id").asLong();
    assertThat(
            patch(
                    "/api/users/me/subscriptions/" + id,
                    fan,
                    "{\"delivery\":\"instant\",\"name\":\"Frieren\"}")
                .assertStatus(200)
                .json()
                .get("name")
                .asString())
        .isEqualTo("Frieren");
    assertThat(
            code(
                patch("/api/users/me/subscriptions/" + id, other, "{\"delivery\":\"none\"}")
                    .assertStatus(404)))
        .isEqualTo("subscription-not-found");
    assertThat(code(delete("/api/users/me/subscriptions/" + id, other).assertStatus(404)))
        .isEqualTo("subscription-not-found");
    assertThat(
            code(
                patch("/api/users/me/subscriptions/" + id, fan, "{\"delivery\":\"x\"}")
                    .assertStatus(400)))
        .isEqualTo("validation-failed");
    assertThat(patch("/api/users/me/subscriptions/abc", fan, "{}").status()).isEqualTo(400);
    assertThat(code(get("/api/users/me/feed?size=101", fan).assertStatus(400)))
        .isEqualTo("validation-failed");
    assertThat(code(get("/api/users/me/bookmarks?page=-1", fan).assertStatus(400)))
        .isEqualTo("validation-failed");
    assertThat(put("/api/users/me/bookmarks/abc", fan, null).status()).isEqualTo(400);

    // The cap (6 here): one follow and one search held; four more, then 409.
    for (int i = 0; i < 4; i++) {
      put("/api/users/me/follows/groups/" + uniqueWord("cap"), fan, null).assertStatus(200);
    }
    assertThat(
            code(
                put("/api/users/me/follows/groups/" + uniqueWord("cap"), fan, null)
                    .assertStatus(409)))
        .isEqualTo("too-many-watches");
    assertThat(code(post("/api/users/me/subscriptions", fan, "{\"q\":\"more\"}").assertStatus(409)))
        .isEqualTo("too-many-watches");
    // Updating one held is not a new one.
    put("/api/users/me/follows/users/" + other.name(), fan, null).assertStatus(200);
    delete("/api/users/me/subscriptions/" + id, fan).assertStatus(204);
    post("/api/users/me/subscriptions", fan, "{\"q\":\"more\"}").assertStatus(201);
  }

  @Test
  void twoInstancesMatchingTheSameReleaseNotifyOnce() throws Exception {
    User fan = user("race");
    User uploader = user("rupl");
    String group = uniqueWord("rg");
    put("/api/users/me/follows/groups/" + group, fan, null).assertStatus(200);
    TorrentSnapshot release =
        release("[" + group + "] " + uniqueWord("r") + " - 01.mkv", ANIME, uploader, false, null);
    index(release);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<Integer>> instances = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        instances.add(
            () -> {
              TransactionStatus status =
                  transactions.getTransaction(new DefaultTransactionDefinition());
              try {
                int notified = matcher.match(release.torrentId());
                transactions.commit(status);
                return notified;
              } catch (RuntimeException e) {
                transactions.rollback(status);
                throw e;
              }
            });
      }
      int total = 0;
      for (Future<Integer> result : pool.invokeAll(instances)) {
        total += result.get();
      }
      assertThat(total).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(
            jdbc.sql(
                    "select count(*) from outbox_event where event_type = 'release.matched'"
                        + " and event_key = :k and envelope like :t")
                .param("k", Long.toString(fan.id()))
                .param("t", "%\"torrentId\":" + release.torrentId() + "%")
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }
}
