package dev.animetracker.torrent.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.Topics;
import dev.animetracker.testsupport.EventLog;
import dev.animetracker.testsupport.UserServiceStub;
import dev.animetracker.torrent.TorrentApiTestSupport;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Reports and their resolution: validation, duplicates (also raced), unknown targets, the queue
 * grouping several reporters of one target, each action with its effect, {@code report.resolved}
 * per reporter read back from Kafka, and a ban while user-service is down resolving nothing.
 */
class ReportsIT extends TorrentApiTestSupport {

  private static final EventLog MODERATION = new EventLog(Topics.MODERATION_EVENTS);

  @Autowired JdbcClient jdbc;

  private long torrentOf(User uploader) {
    return uploaded(randomTorrent("reported " + System.nanoTime()), Map.of(), uploader)
        .get("id")
        .asLong();
  }

  private Response report(long torrentId, User reporter, String reason, String text) {
    Map<String, Object> body = new HashMap<>();
    body.put("reason", reason);
    if (text != null) {
      body.put("text", text);
    }
    return postJson("/api/torrents/" + torrentId + "/reports", body, reporter);
  }

  private Response resolve(long reportId, User moderator, Map<String, Object> body) {
    return postJson("/api/moderation/reports/" + reportId + "/resolve", body, moderator);
  }

  /** The open queue's item of this target, if listed (the queue may hold other tests' items). */
  private JsonNode queueItem(String state, String targetType, long targetId, User moderator) {
    JsonNode page =
        get("/api/moderation/reports?state=" + state + "&size=100", moderator)
            .assertStatus(200)
            .json();
    for (JsonNode item : page.get("items")) {
      if (item.get("targetType").asString().equals(targetType)
          && item.get("targetId").asLong() == targetId) {
        return item;
      }
    }
    return null;
  }

  private static List<JsonNode> resolvedEvents(long targetId, String targetType) {
    return MODERATION.all(
        "report.resolved",
        p ->
            p.get("targetId").asLong() == targetId
                && p.get("targetType").asString().equals(targetType));
  }

  @Test
  void reportsAreValidatedAndTheSameUserReportsATargetOnce() {
    long torrentId = torrentOf(user("up"));
    User alice = user("alice");
    String path = "/api/torrents/" + torrentId + "/reports";

    postJson(path, Map.of("reason", "fake"), null).assertProblem(401, "unauthorized");
    postJson(path, Map.of(), alice).assertProblem(400, "validation-failed");
    postJson(path, Map.of("reason", "boring"), alice).assertProblem(400, "validation-failed");
    postJson(path, Map.of("reason", 5), alice).assertProblem(400, "validation-failed");
    report(torrentId, alice, "other", null).assertProblem(400, "validation-failed");
    report(torrentId, alice, "other", "   ").assertProblem(400, "validation-failed");
    report(torrentId, alice, "spam", "x".repeat(2001)).assertProblem(400, "validation-failed");
    send("POST", path, "{not json".getBytes(), "application/json", alice, Map.of())
        .assertStatus(400);
    report(999_999_999L, alice, "fake", null).assertProblem(404, "torrent-not-found");
    postJson("/api/torrents/abc/reports", Map.of("reason", "fake"), alice)
        .assertProblem(404, "torrent-not-found");
    postJson("/api/comments/999999999/reports", Map.of("reason", "spam"), alice)
        .assertProblem(404, "comment-not-found");

    Response created = report(torrentId, alice, "other", "  Not what it says  ").assertStatus(201);
    JsonNode report = created.json();
    assertThat(report.get("targetType").asString()).isEqualTo("torrent");
    assertThat(report.get("targetId").asLong()).isEqualTo(torrentId);
    assertThat(report.get("reason").asString()).isEqualTo("other");
    assertThat(report.get("state").asString()).isEqualTo("open");
    assertThat(report.get("createdAt").asString()).isNotBlank();
    report(torrentId, alice, "fake", null).assertProblem(409, "already-reported");
    assertThat(
            jdbc.sql("select text from report where id = :id")
                .param("id", report.get("id").asLong())
                .query(String.class)
                .single())
        .isEqualTo("Not what it says");
  }

  @Test
  void twoParallelReportsOfOneUserMakeOneReport() throws Exception {
    long torrentId = torrentOf(user("up"));
    User racer = user("racer");
    List<Callable<Integer>> calls =
        List.of(
            () -> report(torrentId, racer, "spam", null).status(),
            () -> report(torrentId, racer, "spam", null).status(),
            () -> report(torrentId, racer, "fake", null).status());
    List<Integer> statuses = new java.util.ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(3)) {
      for (Future<Integer> status : pool.invokeAll(calls)) {
        statuses.add(status.get());
      }
    }
    assertThat(statuses).containsExactlyInAnyOrder(201, 409, 409);
    assertThat(
            jdbc.sql("select count(*) from report where reporter_id = :id")
                .param("id", racer.id())
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theQueueGroupsReportersOfOneTargetAndDismissingAnswersEachReporter() {
    User uploader = user("up");
    long torrentId = torrentOf(uploader);
    User alice = user("alice");
    User bob = user("bob");
    User carol = user("carol");
    User moderator = moderator("mod");
    long first = report(torrentId, alice, "fake", null).assertStatus(201).json().get("id").asLong();
    report(torrentId, bob, "fake", null).assertStatus(201);
    report(torrentId, carol, "malware", "it runs an exe").assertStatus(201);

    get("/api/moderation/reports", alice).assertProblem(403, "forbidden");
    get("/api/moderation/reports?state=closed", moderator).assertProblem(400, "validation-failed");
    get("/api/moderation/reports?size=101", moderator).assertProblem(400, "validation-failed");

    JsonNode item = queueItem("open", "torrent", torrentId, moderator);
    assertThat(item).isNotNull();
    assertThat(item.get("id").asLong()).isEqualTo(first);
    assertThat(item.get("torrentId").asLong()).isEqualTo(torrentId);
    assertThat(item.get("state").asString()).isEqualTo("open");
    assertThat(item.get("target").get("uploader").asString()).isEqualTo(uploader.username());
    assertThat(item.get("target").get("title").asString()).startsWith("reported ");
    assertThat(item.get("target").get("deleted").asBoolean()).isFalse();
    assertThat(item.get("reports")).hasSize(3);
    assertThat(item.get("reports").get(0).get("reporter").asString()).isEqualTo(alice.username());
    assertThat(item.get("reports").get(2).get("text").asString()).isEqualTo("it runs an exe");
    assertThat(item.get("reasons").get(0).get("reason").asString()).isEqualTo("fake");
    assertThat(item.get("reasons").get(0).get("count").asLong()).isEqualTo(2);
    assertThat(item.get("reasons").get(1).get("reason").asString()).isEqualTo("malware");
    assertThat(item.get("reasons").get(1).get("count").asLong()).isEqualTo(1);
    JsonNode history = item.get("reports").get(0).get("reporterHistory");
    assertThat(history.get("reports").asLong()).isEqualTo(1);
    assertThat(history.get("upheld").asLong()).isZero();
    assertThat(history.get("dismissed").asLong()).isZero();

    resolve(first, alice, Map.of("action", "dismiss")).assertProblem(403, "forbidden");
    resolve(first, moderator, Map.of("action", "ignore")).assertProblem(400, "validation-failed");
    resolve(first, moderator, Map.of("action", "dismiss", "banDays", 3))
        .assertProblem(400, "validation-failed");
    resolve(999_999_999L, moderator, Map.of("action", "dismiss"))
        .assertProblem(404, "report-not-found");

    JsonNode resolved =
        resolve(first, moderator, Map.of("action", "dismiss", "note", "looks fine"))
            .assertStatus(200)
            .json();
    assertThat(resolved.get("state").asString()).isEqualTo("resolved");
    assertThat(resolved.get("resolution").get("action").asString()).isEqualTo("dismiss");
    assertThat(resolved.get("resolution").get("note").asString()).isEqualTo("looks fine");
    assertThat(resolved.get("resolution").get("by").asString()).isEqualTo(moderator.username());
    assertThat(resolved.get("reports")).hasSize(3);
    assertThat(resolved.get("reports").get(0).get("reporterHistory").get("dismissed").asLong())
        .isEqualTo(1);
    resolve(first, moderator, Map.of("action", "delete")).assertProblem(409, "report-resolved");
    assertThat(queueItem("open", "torrent", torrentId, moderator)).isNull();
    JsonNode listed = queueItem("resolved", "torrent", torrentId, moderator);
    assertThat(listed.get("id").asLong()).isEqualTo(first);
    get("/api/torrents/" + torrentId).assertStatus(200);

    MODERATION.await(
        "report.resolved",
        p -> p.get("targetId").asLong() == torrentId && p.get("reporterId").asLong() == carol.id());
    List<JsonNode> events = resolvedEvents(torrentId, "torrent");
    assertThat(events).hasSize(3);
    assertThat(events.stream().map(e -> e.get("_key").asString()))
        .containsExactlyInAnyOrder(
            Long.toString(alice.id()), Long.toString(bob.id()), Long.toString(carol.id()));
    JsonNode carolEvent =
        events.stream()
            .filter(e -> e.get("payload").get("reporterId").asLong() == carol.id())
            .findFirst()
            .orElseThrow()
            .get("payload");
    assertThat(carolEvent.get("reason").asString()).isEqualTo("malware");
    assertThat(carolEvent.get("action").asString()).isEqualTo("dismiss");
    assertThat(carolEvent.get("note").asString()).isEqualTo("looks fine");
    assertThat(carolEvent.get("resolvedBy").asString()).isEqualTo(moderator.username());
    assertThat(carolEvent.get("targetTitle").asString()).startsWith("reported ");

    // Resolved reports no longer block a new report of the same target.
    report(torrentId, alice, "fake", "still fake").assertStatus(201);
  }

  @Test
  void deleteRemovesTheTorrentAsADeleteDoes() {
    long torrentId = torrentOf(user("up"));
    User reporter = user("rep");
    long id =
        report(torrentId, reporter, "illegal", null).assertStatus(201).json().get("id").asLong();
    User moderator = moderator("mod");

    JsonNode resolved =
        resolve(id, moderator, Map.of("action", "delete", "note", "gone")).assertStatus(200).json();

    assertThat(resolved.get("target").get("deleted").asBoolean()).isTrue();
    get("/api/torrents/" + torrentId).assertProblem(404, "torrent-not-found");
    JsonNode deleted = awaitEvent("torrent.deleted", p -> p.get("torrentId").asLong() == torrentId);
    assertThat(deleted.get("payload").get("deletedBy").asLong()).isEqualTo(moderator.id());
    MODERATION.await(
        "report.resolved",
        p ->
            p.get("targetId").asLong() == torrentId && p.get("action").asString().equals("delete"));
    // A report of a removed torrent cannot be made any more.
    report(torrentId, user("late"), "fake", null).assertProblem(404, "torrent-not-found");
  }

  @Test
  void remakeFlagsTheTorrentAndIsRefusedForComments() {
    User uploader = user("up");
    long torrentId = torrentOf(uploader);
    User moderator = moderator("mod");
    long id =
        report(torrentId, user("rep"), "fake", null).assertStatus(201).json().get("id").asLong();

    resolve(id, moderator, Map.of("action", "remake")).assertStatus(200);

    assertThat(get("/api/torrents/" + torrentId).json().get("remake").asBoolean()).isTrue();
    awaitEvent(
        "torrent.updated",
        p ->
            p.get("torrent").get("torrentId").asLong() == torrentId
                && p.get("torrent").get("remake").asBoolean());

    long commentId =
        postJson("/api/torrents/" + torrentId + "/comments", Map.of("text", "buy pills"), uploader)
            .assertStatus(201)
            .json()
            .get("id")
            .asLong();
    long commentReport =
        postJson("/api/comments/" + commentId + "/reports", Map.of("reason", "spam"), user("r"))
            .assertStatus(201)
            .json()
            .get("id")
            .asLong();
    resolve(commentReport, moderator, Map.of("action", "remake"))
        .assertProblem(400, "invalid-action");
    assertThat(queueItem("open", "comment", commentId, moderator)).isNotNull();
  }

  @Test
  void aCommentReportShowsTheTextAndDeleteRemovesTheComment() {
    User uploader = user("up");
    long torrentId = torrentOf(uploader);
    User spammer = user("spammer");
    long commentId =
        postJson("/api/torrents/" + torrentId + "/comments", Map.of("text", "cheap pills"), spammer)
            .assertStatus(201)
            .json()
            .get("id")
            .asLong();
    User reporter = user("rep");
    long id =
        postJson("/api/comments/" + commentId + "/reports", Map.of("reason", "spam"), reporter)
            .assertStatus(201)
            .json()
            .get("id")
            .asLong();
    User moderator = moderator("mod");
    JsonNode item = queueItem("open", "comment", commentId, moderator);
    assertThat(item.get("torrentId").asLong()).isEqualTo(torrentId);
    assertThat(item.get("target").get("text").asString()).isEqualTo("cheap pills");
    assertThat(item.get("target").get("uploader").asString()).isEqualTo(spammer.username());

    JsonNode resolved = resolve(id, moderator, Map.of("action", "delete")).assertStatus(200).json();

    assertThat(resolved.get("target").get("deleted").asBoolean()).isTrue();
    assertThat(resolved.get("target").get("text").asString()).isEqualTo("cheap pills");
    assertThat(get("/api/torrents/" + torrentId + "/comments").json()).isEmpty();
    awaitEvent("comment.deleted", p -> p.get("commentId").asLong() == commentId);
    JsonNode event =
        MODERATION.await(
            "report.resolved",
            p ->
                p.get("targetId").asLong() == commentId
                    && p.get("targetType").asString().equals("comment"));
    assertThat(event.get("payload").get("torrentId").asLong()).isEqualTo(torrentId);
  }

  @Test
  void banUploaderBansThroughUserServiceWithTheModeratorsTokenAndDeletesNothing() {
    User uploader = user("up");
    long torrentId = torrentOf(uploader);
    long id =
        report(torrentId, user("rep"), "malware", null).assertStatus(201).json().get("id").asLong();
    User moderator = moderator("mod");
    int before = USER_SERVICE.banCalls().size();

    resolve(id, moderator, Map.of("action", "ban-uploader", "note", "malware again", "banDays", 7))
        .assertStatus(200);

    List<UserServiceStub.BanCall> calls = USER_SERVICE.banCalls();
    assertThat(calls).hasSize(before + 1);
    UserServiceStub.BanCall call = calls.getLast();
    assertThat(call.username()).isEqualTo(uploader.username());
    assertThat(call.authorization()).isEqualTo("Bearer " + moderator.token());
    JsonNode body = JSON.readTree(call.body());
    assertThat(body.get("banned").asBoolean()).isTrue();
    assertThat(body.get("reason").asString()).isEqualTo("malware again");
    assertThat(Instant.parse(body.get("until").asString()))
        .isBetween(
            Instant.now().plus(7, ChronoUnit.DAYS).minusSeconds(120),
            Instant.now().plus(7, ChronoUnit.DAYS).plusSeconds(120));
    get("/api/torrents/" + torrentId).assertStatus(200);
    MODERATION.await(
        "report.resolved",
        p ->
            p.get("targetId").asLong() == torrentId
                && p.get("action").asString().equals("ban-uploader"));
  }

  @Test
  void aBanUserServiceRefusesResolvesNothing() {
    User uploader = user("up");
    USER_SERVICE.unknownUser(uploader.username());
    long torrentId = torrentOf(uploader);
    long id =
        report(torrentId, user("rep"), "spam", null).assertStatus(201).json().get("id").asLong();

    resolve(id, moderator("mod"), Map.of("action", "ban-uploader"))
        .assertProblem(404, "user-not-found");

    assertThat(queueItem("open", "torrent", torrentId, moderator("m2"))).isNotNull();
  }

  @Test
  void userServiceDownIs503AndTheReportStaysOpen() {
    long torrentId = torrentOf(user("up"));
    long id =
        report(torrentId, user("rep"), "fake", null).assertStatus(201).json().get("id").asLong();
    User moderator = moderator("mod");
    int port = USER_SERVICE.port();
    USER_SERVICE.close();
    try {
      resolve(id, moderator, Map.of("action", "ban-uploader", "note", "x"))
          .assertProblem(503, "user-service-unavailable");
    } finally {
      USER_SERVICE.start(port);
    }
    JsonNode item = queueItem("open", "torrent", torrentId, moderator);
    assertThat(item).isNotNull();
    assertThat(item.get("state").asString()).isEqualTo("open");
    assertThat(
            jdbc.sql("select count(*) from report where target_id = :id and state = 'resolved'")
                .param("id", torrentId)
                .query(Long.class)
                .single())
        .isZero();
    // Once user-service is back the same resolution goes through.
    resolve(id, moderator, Map.of("action", "ban-uploader", "note", "x")).assertStatus(200);
  }
}
