package dev.animetracker.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.notification.inbox.Inbox;
import dev.animetracker.notification.inbox.MatchedBy;
import dev.animetracker.notification.inbox.NewNotification;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.testsupport.TestJwks;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inbox API over HTTP with tokens checked as in production (JWKS + issuer): paging newest
 * first, the unread filter and count, marking read (only one's own entries), and problems for bad
 * input or no token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class InboxApiIT {

  private static final String ISSUER = "animetracker";
  private static final TestJwks JWKS = new TestJwks(ISSUER);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final AtomicLong IDS =
      new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000));
  private static final String BASE = "/api/users/me/notifications";

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_notifications_inbox");
    Infrastructure.registerKafka(registry);
    Infrastructure.registerSmtp(registry);
    registry.add("animetracker.notification.jwt.jwks-uri", JWKS::jwksUri);
    registry.add("animetracker.notification.jwt.issuer", () -> ISSUER);
  }

  @AfterAll
  static void stopJwks() {
    JWKS.close();
  }

  @LocalServerPort int port;
  @Autowired Inbox inbox;
  @Autowired JdbcClient jdbc;
  @Autowired JsonMapper mapper;

  @Test
  void pagesNewestFirstWithTotalsAndTheUnreadFilter() throws Exception {
    long user = IDS.incrementAndGet();
    String token = token(user);
    List<Long> ids = fill(user, 25);
    fill(IDS.incrementAndGet(), 3);

    JsonNode first = get(BASE + "?size=10", token, 200);
    assertThat(first.get("total").asLong()).isEqualTo(25);
    assertThat(first.get("unread").asLong()).isEqualTo(25);
    assertThat(first.get("page").asInt()).isZero();
    assertThat(first.get("size").asInt()).isEqualTo(10);
    assertThat(idsOf(first)).isEqualTo(ids.reversed().subList(0, 10));
    JsonNode newest = first.get("items").get(0);
    assertThat(newest.get("kind").asString()).isEqualTo("release");
    assertThat(newest.get("title").asString()).isEqualTo("Release 24");
    assertThat(newest.get("url").asString()).startsWith("/torrents/");
    assertThat(newest.get("read").asBoolean()).isFalse();
    assertThat(newest.get("matchedBy").get(0).get("label").asString()).isEqualTo("Frieren");
    assertThat(newest.has("action")).isFalse();
    assertThat(newest.has("commentId")).isFalse();

    JsonNode last = get(BASE + "?size=10&page=2", token, 200);
    assertThat(idsOf(last)).isEqualTo(ids.reversed().subList(20, 25));
    assertThat(get(BASE, token, 200).get("items").size()).isEqualTo(20);

    JsonNode marked = post(BASE + "/read", token, "{\"ids\":" + ids.subList(0, 5) + "}", 200);
    assertThat(marked.get("unread").asLong()).isEqualTo(20);
    JsonNode unread = get(BASE + "?unread=true&size=100", token, 200);
    assertThat(unread.get("total").asLong()).isEqualTo(20);
    assertThat(idsOf(unread)).doesNotContainAnyElementsOf(ids.subList(0, 5));
    assertThat(get(BASE + "?size=100", token, 200).get("total").asLong()).isEqualTo(25);
    assertThat(get(BASE + "/unread", token, 200).get("unread").asLong()).isEqualTo(20);
  }

  @Test
  void markingReadTouchesOnlyTheCallersEntries() throws Exception {
    long alice = IDS.incrementAndGet();
    long bob = IDS.incrementAndGet();
    List<Long> alices = fill(alice, 2);
    List<Long> bobs = fill(bob, 2);

    List<Long> mixed = new ArrayList<>(alices.subList(0, 1));
    mixed.addAll(bobs);
    JsonNode answer = post(BASE + "/read", token(alice), "{\"ids\":" + mixed + "}", 200);
    assertThat(answer.get("unread").asLong()).isEqualTo(1);
    assertThat(get(BASE + "/unread", token(bob), 200).get("unread").asLong()).isEqualTo(2);

    assertThat(post(BASE + "/read", token(bob), "{\"all\":true}", 200).get("unread").asLong())
        .isZero();
    assertThat(get(BASE + "/unread", token(alice), 200).get("unread").asLong()).isEqualTo(1);
    assertThat(get(BASE, token(bob), 200).get("items").get(0).get("read").asBoolean()).isTrue();
  }

  @Test
  void badInputIsAProblemNeverA500() throws Exception {
    String token = token(IDS.incrementAndGet());
    for (String query : List.of("?page=-1", "?size=0", "?size=101", "?page=x", "?size=1e3")) {
      assertThat(get(BASE + query, token, 400).get("code").asString())
          .as(query)
          .isEqualTo("invalid-page");
    }
    assertThat(get(BASE + "?unread=maybe", token, 400).get("code").asString())
        .isEqualTo("invalid-unread");
    String tooMany = LongStream.rangeClosed(1, 501).boxed().toList().toString();
    for (String body :
        List.of(
            "{}",
            "{\"all\":false}",
            "{\"ids\":[]}",
            "{\"ids\":[1],\"all\":true}",
            "{\"ids\":[0]}",
            "{\"ids\":[null]}",
            "{\"ids\":" + tooMany + "}")) {
      assertThat(post(BASE + "/read", token, body, 400).get("code").asString())
          .as(body)
          .isEqualTo("invalid-read-request");
    }
    assertThat(post(BASE + "/read", token, "{\"ids\":\"x\"}", 400).get("code").asString())
        .isEqualTo("malformed-body");
    assertThat(post(BASE + "/read", token, "not json", 400).get("code").asString())
        .isEqualTo("malformed-body");
  }

  @Test
  void withoutAValidTokenEverythingIs401() throws Exception {
    long user = IDS.incrementAndGet();
    for (String path : List.of(BASE, BASE + "/unread")) {
      HttpResponse<String> none = send(HttpRequest.newBuilder(uri(path)).GET());
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(none.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(mapper.readTree(none.body()).get("code").asString()).isEqualTo("unauthorized");
    }
    for (String bad :
        List.of(
            JWKS.forgedToken(user, "u", List.of("USER")),
            JWKS.expiredToken(user, "u", List.of("USER")),
            JWKS.wrongIssuerToken(user, "u", List.of("USER")),
            JWKS.serviceToken("search-service"))) {
      assertThat(get(BASE + "/unread", bad, 401).get("code").asString())
          .isEqualTo("invalid-access-token");
    }
    HttpResponse<String> post =
        send(
            HttpRequest.newBuilder(uri(BASE + "/read"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"all\":true}")));
    assertThat(post.statusCode()).isEqualTo(401);
  }

  /** {@code count} release entries of the user, oldest first; their ids in that order. */
  private List<Long> fill(long userId, int count) {
    Instant start = Instant.now().minusSeconds(3600);
    for (int i = 0; i < count; i++) {
      inbox.add(
          new NewNotification(
              userId,
              Inbox.RELEASE,
              IDS.incrementAndGet(),
              null,
              null,
              "Release " + i,
              null,
              "subsplease",
              "/torrents/" + i,
              List.of(new MatchedBy("series", "Frieren")),
              null,
              start.plusSeconds(i)));
    }
    return jdbc.sql("select id from notification where user_id = :u order by created_at, id")
        .param("u", userId)
        .query(Long.class)
        .list();
  }

  private static List<Long> idsOf(JsonNode page) {
    List<Long> ids = new ArrayList<>();
    page.get("items").forEach(item -> ids.add(item.get("id").asLong()));
    return ids;
  }

  private static String token(long userId) {
    return JWKS.token(userId, "user" + userId, List.of("USER"));
  }

  private JsonNode get(String path, String token, int status) throws Exception {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
    assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(status);
    return mapper.readTree(response.body());
  }

  private JsonNode post(String path, String token, String body, int status) throws Exception {
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    assertThat(response.statusCode()).as(body + " " + response.body()).isEqualTo(status);
    return mapper.readTree(response.body());
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
