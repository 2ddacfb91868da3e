package dev.animetracker.torrent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.common.bencode.BEncoder;
import dev.animetracker.common.bencode.BList;
import dev.animetracker.common.bencode.BString;
import dev.animetracker.common.bencode.BValue;
import dev.animetracker.common.event.Topics;
import dev.animetracker.testsupport.EventLog;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.testsupport.TestJwks;
import dev.animetracker.testsupport.UserServiceStub;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the integration tests: the whole service on a random port against a fresh PostgreSQL
 * database and a real Kafka broker, an empty legacy storage directory (nothing to import), and
 * tokens signed by {@link TestJwks} (the production decoder path: JWKS URI + issuer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class TorrentApiTestSupport {

  protected static final JsonMapper JSON = JsonMapper.builder().build();
  protected static final String ISSUER = "animetracker";
  protected static final String OUR_HTTP = "http://tracker.test:6969/announce";
  protected static final String OUR_UDP = "udp://tracker.test:6969/announce";
  protected static final long MAX_TORRENT_BYTES = 256 * 1024;

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final AtomicLong USER_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
  private static final Random RANDOM = new Random();

  /** The old on-disk storage the start-up import reads (empty: these databases start fresh). */
  protected static final Path LEGACY_STORAGE;

  /** Signs the tokens; its JWKS is what the service under test checks them against. */
  protected static final TestJwks JWKS = new TestJwks(ISSUER);

  private static final EventLog EVENTS = new EventLog(Topics.TORRENT_EVENTS, Topics.COMMENT_EVENTS);

  /** user-service's internal API key lookup, for downloads with {@code apikey}. */
  protected static final UserServiceStub USER_SERVICE = UserServiceStub.onFreePort();

  static {
    try {
      LEGACY_STORAGE = Files.createTempDirectory("torrent-legacy-storage-it");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_torrents");
    Infrastructure.registerKafka(registry);
    // Own consumer group: other cached contexts (other databases) must not take our partitions.
    String groupId = "torrent-service-it-" + UUID.randomUUID();
    registry.add("spring.kafka.consumer.group-id", () -> groupId);
    registry.add("animetracker.torrents.legacy-storage-dir", LEGACY_STORAGE::toString);
    registry.add("animetracker.torrents.max-torrent-size", () -> MAX_TORRENT_BYTES + "B");
    registry.add("animetracker.torrents.announce-urls", () -> OUR_HTTP + "," + OUR_UDP);
    registry.add("animetracker.torrents.jwt.jwks-uri", JWKS::jwksUri);
    registry.add("animetracker.torrents.jwt.issuer", () -> ISSUER);
    registry.add("animetracker.user-service.url", USER_SERVICE::url);
  }

  @LocalServerPort protected int port;

  @Autowired private JdbcClient storedFiles;

  // ------------------------------------------------------------------ users and tokens

  /** A user of a test, with a signed access token. */
  public record User(long id, String username, String token) {}

  protected static User user(String prefix) {
    return newUser(prefix, false);
  }

  protected static User moderator(String prefix) {
    return newUser(prefix, true);
  }

  private static User newUser(String prefix, boolean moderator) {
    long id = USER_IDS.incrementAndGet();
    String username = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
    return new User(id, username, JWKS.token(id, username, roles(moderator)));
  }

  /** The {@code roles} claim user-service gives a user or a moderator. */
  protected static List<String> roles(boolean moderator) {
    return moderator ? List.of("USER", "MODERATOR") : List.of("USER");
  }

  // ------------------------------------------------------------------ HTTP

  /** An HTTP answer. */
  public record Response(int status, java.net.http.HttpHeaders headers, byte[] bytes) {

    public String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
      return JSON.readTree(body());
    }

    public String text(String field) {
      JsonNode node = json().get(field);
      return node == null || node.isNull() ? null : node.asString();
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }

    public Response assertStatus(int expected) {
      assertThat(status).as("status of %s", body()).isEqualTo(expected);
      return this;
    }

    /** Asserts a problem+json answer with this status and code. */
    public Response assertProblem(int expectedStatus, String code) {
      assertThat(status).as("status of %s", body()).isEqualTo(expectedStatus);
      assertThat(header("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(text("code")).as(body()).isEqualTo(code);
      assertThat(json().get("status").asInt()).isEqualTo(expectedStatus);
      assertThat(body()).doesNotContain("Exception").doesNotContain("\tat ");
      return this;
    }
  }

  protected Response get(String path, User user) {
    return send("GET", path, null, null, user, Map.of());
  }

  protected Response get(String path) {
    return get(path, null);
  }

  /**
   * A GET of {@code /internal/**} as search-service or the tracker makes it: with a service token.
   */
  protected Response getInternal(String path) {
    return send(
        "GET",
        path,
        null,
        null,
        null,
        Map.of("Authorization", "Bearer " + JWKS.serviceToken("search-service")));
  }

  protected Response postJson(String path, Object body, User user) {
    return send("POST", path, JSON.writeValueAsBytes(body), "application/json", user, Map.of());
  }

  protected Response patchJson(String path, Object body, User user) {
    return send("PATCH", path, JSON.writeValueAsBytes(body), "application/json", user, Map.of());
  }

  protected Response delete(String path, User user) {
    return send("DELETE", path, null, null, user, Map.of());
  }

  protected Response send(
      String method,
      String path,
      byte[] body,
      String contentType,
      User user,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30));
    if (body != null) {
      request.header("Content-Type", contentType);
      request.method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    if (user != null) {
      request.header("Authorization", "Bearer " + user.token());
    }
    headers.forEach(request::header);
    try {
      HttpResponse<byte[]> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** multipart/form-data upload; {@code file} may be null to leave the part out. */
  protected Response upload(byte[] file, Map<String, String> fields, User user) {
    return upload(file, fields, user, Map.of());
  }

  /** An upload with extra headers (e.g. {@code X-Api-Key}); {@code user} may be null. */
  protected Response upload(
      byte[] file, Map<String, String> fields, User user, Map<String, String> headers) {
    String boundary = "----it" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    fields.forEach(
        (name, value) ->
            body.writeBytes(
                ("--"
                        + boundary
                        + "\r\nContent-Disposition: form-data; name=\""
                        + name
                        + "\"\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                        + value
                        + "\r\n")
                    .getBytes(StandardCharsets.UTF_8)));
    if (file != null) {
      body.writeBytes(
          ("--"
                  + boundary
                  + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.torrent\""
                  + "\r\nContent-Type: application/x-bittorrent\r\n\r\n")
              .getBytes(StandardCharsets.UTF_8));
      body.writeBytes(file);
      body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        "POST",
        "/api/torrents",
        body.toByteArray(),
        "multipart/form-data; boundary=" + boundary,
        user,
        headers);
  }

  protected Response upload(byte[] file, String category, User user) {
    return upload(file, Map.of("category", category), user);
  }

  /** Uploads and returns the created torrent. */
  protected JsonNode uploaded(byte[] file, Map<String, String> fields, User user) {
    Map<String, String> all = new LinkedHashMap<>(fields);
    all.putIfAbsent("category", "anime-eng");
    return upload(file, all, user).assertStatus(201).json();
  }

  // ------------------------------------------------------------------ torrents

  /** A unique single-file v1 torrent (random name, fake piece hashes). */
  protected static byte[] randomTorrent(String name) {
    return randomTorrent(name, List.of(List.of("http://tracker.example/announce")));
  }

  protected static byte[] randomTorrent(String name, List<List<String>> tiers) {
    long length = 100_000 + RANDOM.nextInt(1_000_000);
    long pieceLength = 16_384;
    int pieces = (int) ((length + pieceLength - 1) / pieceLength);
    byte[] hashes = new byte[pieces * 20];
    RANDOM.nextBytes(hashes);
    BDictionary info =
        BDictionary.builder()
            .put("length", length)
            .put("name", name)
            .put("piece length", pieceLength)
            .put("pieces", BString.of(hashes))
            .build();
    BDictionary.Builder root = BDictionary.builder().put("info", info);
    if (!tiers.isEmpty()) {
      root.put("announce", tiers.getFirst().getFirst());
      List<BValue> list = new ArrayList<>();
      for (List<String> tier : tiers) {
        list.add(new BList(tier.stream().map(url -> (BValue) BString.of(url)).toList()));
      }
      root.put("announce-list", new BList(list));
    }
    return BEncoder.encode(root.build());
  }

  /** How many .torrent files the database holds. */
  protected long storedFileCount() {
    return storedFiles.sql("select count(*) from torrent_file").query(Long.class).single();
  }

  /** The stored .torrent file of the torrent with this info hash (live or removed). */
  protected Optional<byte[]> storedFile(String infoHash) {
    return storedFiles
        .sql(
            """
            select f.content from torrent_file f join torrent t on t.id = f.torrent_id
            where t.info_hash = :hash
            """)
        .param("hash", infoHash)
        .query((rs, n) -> rs.getBytes(1))
        .optional();
  }

  // ------------------------------------------------------------------ events

  /**
   * Waits for an event of this type (on torrent-events or comment-events) whose payload matches.
   */
  protected static JsonNode awaitEvent(String type, Predicate<JsonNode> payload) {
    return EVENTS.await(type, payload);
  }
}
