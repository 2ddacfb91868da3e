package dev.animetracker.torrent.quota;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.torrent.TorrentApiTestSupport;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Per-account upload and comment limits, from distinct accounts: the burst and daily limits, the
 * lower daily limit of new accounts, 429 with {@code Retry-After} and a stable code, refused writes
 * not counted, one account's parallel uploads counted exactly, other accounts unaffected. Small
 * limits so that reaching them is quick; the defaults are documented in docs/security.md.
 */
class WriteQuotasIT extends TorrentApiTestSupport {

  @DynamicPropertySource
  static void smallLimits(DynamicPropertyRegistry registry) {
    registry.add("animetracker.torrents.quotas.uploads-per-hour", () -> "3");
    registry.add("animetracker.torrents.quotas.uploads-per-day", () -> "5");
    registry.add("animetracker.torrents.quotas.new-account-uploads-per-day", () -> "2");
    registry.add("animetracker.torrents.quotas.comments-per-minute", () -> "3");
    registry.add("animetracker.torrents.quotas.new-account-age", () -> "1h");
    registry.add("animetracker.torrents.quotas.reports-per-hour", () -> "2");
  }

  @Autowired JdbcClient jdbc;

  private void seenLongAgo(User user) {
    jdbc.sql("insert into account_first_seen (user_id, first_seen_at) values (:id, :at)")
        .param("id", user.id())
        .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(30))))
        .update();
  }

  private Response uploadOne(User user) {
    return upload(randomTorrent("q " + System.nanoTime()), "anime-eng", user);
  }

  private static long retryAfter(Response response) {
    return Long.parseLong(response.header("Retry-After").orElseThrow());
  }

  @Test
  void reportsHaveAnHourlyLimitAndRefusedOnesCostNothing() {
    User uploader = user("reported");
    User reporter = user("reporter");
    long first = uploadOne(uploader).assertStatus(201).json().get("id").asLong();
    long second = uploadOne(uploader).assertStatus(201).json().get("id").asLong();
    String path = "/api/torrents/%d/reports";
    postJson(path.formatted(first), Map.of("reason", "fake"), reporter).assertStatus(201);
    // A duplicate is refused and not counted.
    postJson(path.formatted(first), Map.of("reason", "fake"), reporter)
        .assertProblem(409, "already-reported");
    postJson(path.formatted(second), Map.of("reason", "spam"), reporter).assertStatus(201);
    long third = uploadOne(user("other")).assertStatus(201).json().get("id").asLong();
    Response refused =
        postJson(path.formatted(third), Map.of("reason", "spam"), reporter)
            .assertProblem(429, "rate-limited");
    assertThat(retryAfter(refused)).isBetween(3_500L, 3_600L);
    postJson(path.formatted(third), Map.of("reason", "spam"), user("fresh reporter"))
        .assertStatus(201);
  }

  @Test
  void uploadsByApiKeyCountLikeUploadsByToken() {
    User scripted = user("scripted");
    String key = USER_SERVICE.keyOf(scripted.id(), scripted.username(), true);
    Map<String, String> fields = Map.of("category", "anime-eng");
    Map<String, String> header = Map.of("X-Api-Key", key);
    upload(randomTorrent("k " + System.nanoTime()), fields, null, header).assertStatus(201);
    uploadOne(scripted).assertStatus(201);
    upload(randomTorrent("k " + System.nanoTime()), fields, null, header)
        .assertProblem(429, "upload-quota-exceeded");
  }

  @Test
  void aNewAccountHasTheLowerDailyLimit() {
    User fresh = user("fresh");
    uploadOne(fresh).assertStatus(201);
    uploadOne(fresh).assertStatus(201);
    Response refused = uploadOne(fresh).assertProblem(429, "upload-quota-exceeded");
    assertThat(retryAfter(refused)).isBetween(86_000L, 86_400L);
    assertThat(refused.json().get("retryAfter").asLong()).isEqualTo(retryAfter(refused));
    uploadOne(user("neighbour")).assertStatus(201);
  }

  @Test
  void anOldAccountHasTheBurstLimitPerHour() {
    User old = user("old");
    seenLongAgo(old);
    for (int i = 0; i < 3; i++) {
      uploadOne(old).assertStatus(201);
    }
    Response refused = uploadOne(old).assertProblem(429, "upload-quota-exceeded");
    assertThat(retryAfter(refused)).isBetween(3_500L, 3_600L);
  }

  @Test
  void refusedUploadsCostNothing() {
    User clumsy = user("clumsy");
    for (int i = 0; i < 5; i++) {
      upload("not a torrent".getBytes(), "anime-eng", clumsy).assertStatus(400);
    }
    uploadOne(clumsy).assertStatus(201);
    uploadOne(clumsy).assertStatus(201);
  }

  @Test
  void parallelUploadsOfOneAccountAreCountedExactly() throws Exception {
    User racer = user("racer");
    List<Callable<Response>> uploads = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      uploads.add(() -> uploadOne(racer));
    }
    int created = 0;
    int refused = 0;
    try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
      for (Future<Response> result : pool.invokeAll(uploads)) {
        Response response = result.get();
        if (response.status() == 201) {
          created++;
        } else {
          response.assertProblem(429, "upload-quota-exceeded");
          refused++;
        }
      }
    }
    assertThat(created).isEqualTo(2);
    assertThat(refused).isEqualTo(4);
  }

  @Test
  void commentsHaveABurstLimitPerMinute() {
    User uploader = user("host");
    long id = uploadOne(uploader).assertStatus(201).json().get("id").asLong();
    User chatty = user("chatty");
    for (int i = 0; i < 3; i++) {
      postJson("/api/torrents/" + id + "/comments", Map.of("text", "hi " + i), chatty)
          .assertStatus(201);
    }
    Response refused =
        postJson("/api/torrents/" + id + "/comments", Map.of("text", "again"), chatty)
            .assertProblem(429, "comment-quota-exceeded");
    assertThat(retryAfter(refused)).isBetween(1L, 60L);
    postJson("/api/torrents/" + id + "/comments", Map.of("text", "me too"), user("quiet"))
        .assertStatus(201);
  }
}
