package dev.animetracker.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.event.EventEnvelope;
import dev.animetracker.common.event.EventTypes;
import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.TagRef;
import dev.animetracker.common.event.torrent.TorrentSnapshot;
import dev.animetracker.search.index.ReadModelWriter;
import dev.animetracker.testsupport.Infrastructure;
import dev.animetracker.testsupport.TestJwks;
import dev.animetracker.testsupport.UserServiceStub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the read-model integration tests: the whole service on a random port against a fresh
 * PostgreSQL database and the real Kafka broker, its own consumer group, a stand-in torrent-service
 * for reindexing. Tests isolate their data by a unique uploader or word, since they share the
 * database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SearchTestSupport {

  protected static final JsonMapper JSON = JsonMapper.builder().build();
  protected static final CategoryRef ANIME =
      new CategoryRef(3, "anime-eng", "Аниме: английский перевод", "Anime: English-translated");
  protected static final CategoryRef MANGA = new CategoryRef(6, "manga", "Манга", "Manga");
  protected static final CategoryRef MUSIC =
      new CategoryRef(5, "music-ost", "Музыка и саундтреки", "Music and OST");
  protected static final TorrentServiceStub TORRENT_SERVICE = TorrentServiceStub.start();

  /** Hands out the service tokens search-service puts on its calls to torrent-service. */
  protected static final UserServiceStub USER_SERVICE = UserServiceStub.onFreePort();

  /** Signs the service tokens that {@code POST /internal/reindex} is called with. */
  protected static final TestJwks JWKS = new TestJwks("animetracker");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final AtomicLong IDS = new AtomicLong(1_000_000 + new Random().nextInt(1_000_000));
  private static final Random RANDOM = new Random();
  private static KafkaProducer<String, String> producer;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    Infrastructure.registerDatabase(registry, "it_search");
    Infrastructure.registerKafka(registry);
    String groupId = "search-service-it-" + UUID.randomUUID();
    registry.add("spring.kafka.consumer.group-id", () -> groupId);
    registry.add("animetracker.search.torrent-service-url", TORRENT_SERVICE::url);
    registry.add("animetracker.search.reindex-page-size", () -> 2);
    registry.add("animetracker.user-service.url", USER_SERVICE::url);
    registry.add("animetracker.search.jwt.jwks-uri", JWKS::jwksUri);
    registry.add(
        "animetracker.search.announce-urls",
        () -> "http://tracker.test:6969/announce,udp://tracker.test:6969/announce");
  }

  @LocalServerPort protected int port;
  @Autowired protected ReadModelWriter writer;

  // ------------------------------------------------------------------ data

  protected static long nextId() {
    return IDS.incrementAndGet();
  }

  protected static String randomHash(int hexLength) {
    byte[] bytes = new byte[hexLength / 2];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** A unique lower-case word of letters only, for isolating a test's data. */
  protected static String uniqueWord(String prefix) {
    StringBuilder word = new StringBuilder(prefix);
    for (int i = 0; i < 8; i++) {
      word.append((char) ('a' + RANDOM.nextInt(26)));
    }
    return word.toString();
  }

  /** A v1 torrent's snapshot at version 1. */
  protected static TorrentSnapshot snapshot(
      String title, CategoryRef category, List<String> tags, String uploader) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    return new TorrentSnapshot(
        nextId(),
        randomHash(40),
        null,
        title,
        "",
        category,
        tags.stream().map(tag -> new TagRef(tag.toLowerCase().replace(' ', '-'), tag)).toList(),
        1_000_000,
        1,
        42,
        uploader,
        now,
        now,
        1,
        null,
        false,
        false,
        false,
        null);
  }

  protected static TorrentSnapshot with(
      TorrentSnapshot s,
      String title,
      String description,
      long size,
      Instant createdAt,
      long version) {
    return new TorrentSnapshot(
        s.torrentId(),
        s.infoHash(),
        s.infoHashV2(),
        title,
        description,
        s.category(),
        s.tags(),
        size,
        s.fileCount(),
        s.uploaderId(),
        s.uploaderUsername(),
        createdAt,
        createdAt,
        version,
        null,
        false,
        false,
        false,
        null);
  }

  protected void index(TorrentSnapshot... snapshots) {
    writer.snapshots(List.of(snapshots));
  }

  // ------------------------------------------------------------------ HTTP

  /** An HTTP answer. */
  public record Response(int status, String contentType, String body) {

    public JsonNode json() {
      return JSON.readTree(body);
    }

    public Response assertStatus(int expected) {
      assertThat(status).as("status of %s", body).isEqualTo(expected);
      return this;
    }

    /** The titles of the items of a search answer, in order. */
    public List<String> titles() {
      List<String> titles = new ArrayList<>();
      json().get("items").forEach(item -> titles.add(item.get("title").asString()));
      return titles;
    }

    public List<Long> ids() {
      List<Long> ids = new ArrayList<>();
      json().get("items").forEach(item -> ids.add(item.get("id").asLong()));
      return ids;
    }

    public long total() {
      return json().get("total").asLong();
    }
  }

  /** GET /api/search with name/value pairs, strictly encoded. */
  protected Response search(String... pairs) {
    StringBuilder query = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      query.append(query.isEmpty() ? "?" : "&");
      query.append(encode(pairs[i])).append('=').append(encode(pairs[i + 1]));
    }
    return get("/api/search" + query, null);
  }

  protected Response get(String pathAndQuery, String acceptLanguage) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(Duration.ofSeconds(30))
            .GET();
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    return send(request.build());
  }

  /** A POST as the operator's {@code make reindex} sends it: with a service token. */
  protected Response post(String path) {
    return post(path, JWKS.serviceToken("operator"));
  }

  /** A POST with this bearer token, or none when it is null. */
  protected Response post(String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.noBody());
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request.build());
  }

  private static Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  protected static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  // ------------------------------------------------------------------ Kafka

  /** Publishes an event as the producing service would (a fresh envelope). */
  protected static EventEnvelope publish(String topic, String key, Object payload) {
    EventEnvelope envelope = EventEnvelope.wrap(key, payload, JSON);
    publish(topic, key, envelope);
    return envelope;
  }

  /** Publishes an envelope as is (to repeat one, or to set its time). */
  protected static void publish(String topic, String key, EventEnvelope envelope) {
    send(topic, key, JSON.writeValueAsString(envelope));
  }

  /** An envelope of this payload with a chosen occurrence time. */
  protected static EventEnvelope envelope(String key, Object payload, Instant occurredAt) {
    return new EventEnvelope(
        UUID.randomUUID(),
        EventTypes.of(payload.getClass()).value(),
        EventTypes.of(payload.getClass()).version(),
        occurredAt,
        key,
        JSON.valueToTree(payload));
  }

  /** Sends a raw record value (also for unreadable ones). */
  protected static void send(String topic, String key, String value) {
    send(new ProducerRecord<>(topic, key, value));
  }

  /** Sends an envelope to a chosen partition. */
  protected static void sendTo(String topic, int partition, String key, EventEnvelope envelope) {
    send(new ProducerRecord<>(topic, partition, key, JSON.writeValueAsString(envelope)));
  }

  /** The partition the default partitioner gives this key. */
  protected static int partition(String topic, String key) {
    int partitions = producer().partitionsFor(topic).size();
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  private static void send(ProducerRecord<String, String> record) {
    try {
      producer().send(record).get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Could not publish to " + record.topic(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static synchronized KafkaProducer<String, String> producer() {
    if (producer == null) {
      Properties properties = new Properties();
      properties.put(
          ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafkaBootstrapServers());
      properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
      properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
      properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
      producer = new KafkaProducer<>(properties);
    }
    return producer;
  }
}
