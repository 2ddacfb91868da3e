package dev.animetracker.tracker.whitelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.animetracker.tracker.protocol.InfoHash;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The start-up load against a real HTTP server standing in for torrent-service's internal whitelist
 * endpoint: what it seeds, what it skips, and how it retries.
 */
class WhitelistBootstrapTests {

  private static final String V1 = "0123456789abcdef0123456789abcdef01234567";
  private static final String V2 =
      "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";
  private static final String V2_TRUNCATED = V2.substring(0, 40);
  private static final String OTHER = "1111111111111111111111111111111111111111";

  /** Answers, in order, for successive requests; the last one repeats. */
  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();

  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> paths = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private final KafkaWhitelist whitelist = new KafkaWhitelist();
  private HttpServer server;
  private WhitelistBootstrap bootstrap;

  private record Answer(int status, String body) {}

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          synchronized (paths) {
            paths.add(exchange.getRequestURI().getPath());
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
          }
          Answer answer = answers.size() > 1 ? answers.poll() : answers.peek();
          byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(answer.status(), body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    bootstrap =
        new WhitelistBootstrap(
            whitelist,
            new TorrentServiceWhitelistClient(
                url,
                (request, body, execution) -> {
                  request.getHeaders().setBearerAuth("tracker-service-token");
                  return execution.execute(request, body);
                }),
            Duration.ofMillis(5));
  }

  @AfterEach
  void stop() {
    bootstrap.stop();
    server.stop(0);
  }

  @Test
  void loadSeedsEveryLiveTorrentFromTheInternalEndpoint() {
    answers.add(
        new Answer(
            200,
            """
            [{"infoHash":"%s","infoHashV2":null},
             {"infoHash":"%s","infoHashV2":"%s"}]
            """
                .formatted(V1, V2_TRUNCATED, V2)));

    assertThat(bootstrap.load()).isEqualTo(2);

    assertThat(paths).containsExactly(TorrentServiceWhitelistClient.PATH);
    assertThat(authorizations).containsExactly("Bearer tracker-service-token");
    assertThat(whitelist.swarmOf(InfoHash.fromHex(V1))).isEqualTo(InfoHash.fromHex(V1));
    assertThat(whitelist.swarmOf(InfoHash.fromHex(V2_TRUNCATED)))
        .isEqualTo(InfoHash.fromHex(V2_TRUNCATED));
    assertThat(whitelist.swarmOf(InfoHash.fromHex(OTHER))).isNull();
    assertThat(whitelist.size()).isEqualTo(2);
  }

  @Test
  void unreadableEntriesAreSkippedAndTheRestLoaded() {
    answers.add(
        new Answer(
            200,
            """
            [{"infoHash":null,"infoHashV2":null},
             {"infoHash":"not-hex","infoHashV2":null},
             {"infoHash":"%s","infoHashV2":null}]
            """
                .formatted(V1)));

    assertThat(bootstrap.load()).isEqualTo(1);
    assertThat(whitelist.size()).isEqualTo(1);
  }

  @Test
  void anEventAlreadyAppliedWinsOverTheLoad() {
    whitelist.delete(InfoHash.fromHex(V1), null, 3);
    answers.add(new Answer(200, "[{\"infoHash\":\"%s\",\"infoHashV2\":null}]".formatted(V1)));

    assertThat(bootstrap.load()).isZero();
    assertThat(whitelist.swarmOf(InfoHash.fromHex(V1))).isNull();
  }

  @Test
  void theWhitelistIsReportedLoadedOnlyOnceTheLoadHasRun() throws InterruptedException {
    answers.add(new Answer(503, "{}"));
    answers.add(new Answer(200, "[{\"infoHash\":\"%s\",\"infoHashV2\":null}]".formatted(V1)));
    assertThat(whitelist.awaitLoaded(Duration.ofMillis(50))).isFalse();

    bootstrap.start();

    assertThat(whitelist.awaitLoaded(Duration.ofSeconds(10))).isTrue();
    // What the tracker binds its port on: the torrent is already served.
    assertThat(whitelist.swarmOf(InfoHash.fromHex(V1))).isEqualTo(InfoHash.fromHex(V1));
  }

  @Test
  void aLoadThatGivesUpStillLetsTheTrackerBind() throws InterruptedException {
    answers.add(new Answer(503, "{}"));

    bootstrap.start();

    assertThat(whitelist.awaitLoaded(Duration.ofSeconds(10))).isTrue();
    assertThat(requests.get()).isEqualTo(WhitelistBootstrap.ATTEMPTS);
    assertThat(whitelist.size()).isZero();
  }

  @Test
  void startRetriesUntilTorrentServiceAnswers() {
    answers.add(new Answer(503, "{}"));
    answers.add(new Answer(503, "{}"));
    answers.add(new Answer(200, "[{\"infoHash\":\"%s\",\"infoHashV2\":null}]".formatted(V1)));

    bootstrap.start();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> whitelist.swarmOf(InfoHash.fromHex(V1)) != null);
    assertThat(requests).hasValue(3);
  }

  @Test
  void startGivesUpAfterTheLastAttempt() {
    answers.add(new Answer(503, "{}"));

    bootstrap.start();

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> requests.get() == WhitelistBootstrap.ATTEMPTS);
    // A further retry would come 2^5 * 5 ms later; the count must hold well past that.
    await()
        .during(Duration.ofMillis(500))
        .atMost(Duration.ofSeconds(2))
        .until(() -> requests.get() == WhitelistBootstrap.ATTEMPTS);
    assertThat(bootstrap.isRunning()).isTrue();
    assertThat(whitelist.size()).isZero();
  }
}
