package dev.animetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.bencode.BDecoder;
import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.common.bencode.BEncoder;
import dev.animetracker.common.bencode.BInteger;
import dev.animetracker.common.bencode.BList;
import dev.animetracker.common.bencode.BRaw;
import dev.animetracker.common.bencode.BString;
import dev.animetracker.common.bencode.BValue;
import dev.animetracker.common.bencode.Span;
import dev.animetracker.system.Api.Response;
import dev.animetracker.system.clients.Aria2Client;
import dev.animetracker.system.clients.BitTorrentClient;
import dev.animetracker.system.clients.ClientProcess;
import dev.animetracker.system.clients.Content;
import dev.animetracker.system.clients.LibtorrentClient;
import dev.animetracker.system.clients.QbittorrentClient;
import dev.animetracker.system.clients.TransmissionClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * A torrent uploaded through the site is seeded by one real BitTorrent client and downloaded by a
 * different one, which finds the seeder only through tracker-service; each case's .torrent is the
 * site's download with its trackers narrowed to one transport, so the case proves that transport.
 * The bytes must arrive intact and the swarm's seeders and completed must reach the torrent through
 * the tracker's stats flush and torrent-service.
 */
class RealClientsIT {

  private static final Logger log = LoggerFactory.getLogger(RealClientsIT.class);

  private static final String HTTP_ANNOUNCE =
      "http://localhost:" + Stack.TRACKER_PORT + "/announce";
  private static final String UDP_ANNOUNCE = "udp://localhost:" + Stack.TRACKER_PORT + "/announce";
  private static final String ORIGINAL_ANNOUNCE = "http://original.example.org/announce";

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private static String uploader;
  private static String moderator;

  private final List<ClientProcess> clients = new ArrayList<>();

  /** target/real-clients/{test}: the .torrent, each client's work directory and logs. */
  private Path logs;

  /** The content and the download; kept after a failure for a look, removed after a success. */
  private Path data;

  private boolean passed;

  @BeforeAll
  static void stackAndAccounts() {
    Stack.get();
    uploader =
        Api.registerVerifiedUser(Api.uniqueName("Swarm"), "swarm password")
            .path("accessToken")
            .asString();
    moderator = Api.adminToken();
  }

  @AfterEach
  void stopClients() {
    clients.forEach(ClientProcess::close);
    clients.clear();
    if (passed && data != null) {
      Content.delete(data);
    }
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void overHttpLibtorrentSeedsAFolderAndAria2DownloadsIt(TestInfo test) {
    exchange(test, HTTP_ANNOUNCE, Content::folder, new LibtorrentClient(), new Aria2Client());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void overUdpTransmissionSeedsAFileAndQbittorrentDownloadsIt(TestInfo test) {
    exchange(test, UDP_ANNOUNCE, Content::file, new TransmissionClient(), new QbittorrentClient());
  }

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void overUdpAria2SeedsAFolderAndLibtorrentDownloadsIt(TestInfo test) {
    exchange(test, UDP_ANNOUNCE, Content::folder, new Aria2Client(), new LibtorrentClient());
  }

  /** Content made by {@code makeContent(parent, name)}, announced to {@code announce} only. */
  private void exchange(
      TestInfo test,
      String announce,
      ContentMaker makeContent,
      BitTorrentClient seeder,
      BitTorrentClient downloader) {
    String caseName = test.getTestMethod().orElseThrow().getName();
    logs =
        Path.of(System.getProperty("animetracker.repository", ".."))
            .toAbsolutePath()
            .resolve("system-tests/target/real-clients/" + caseName);
    data = logs.resolve("data");
    Path seedData = data.resolve("seeder");
    Path downloadData = data.resolve("downloader");
    try {
      Content.delete(logs);
      Files.createDirectories(seedData);
      Files.createDirectories(downloadData);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    String name = "Real clients " + UUID.randomUUID().toString().substring(0, 8);
    Path content = makeContent.make(seedData, name, new Random());
    Path original = Content.torrent(content, logs.resolve("original.torrent"), ORIGINAL_ANNOUNCE);
    SortedMap<String, String> expected = Content.digests(seedData);
    assertThat(expected).as("the content's files").isNotEmpty();

    Response created =
        Torrents.upload(
            original,
            Map.of("category", "anime-raw", "description", "Seeded by " + seeder.name()),
            uploader);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    long id = created.json().path("id").asLong();
    String infoHash = created.text("infoHash");

    HttpResponse<byte[]> downloaded = Torrents.download(id, uploader);
    assertThat(downloaded.statusCode()).isEqualTo(200);
    Path torrent = logs.resolve(caseName + ".torrent");
    writeSingleTrackerTorrent(downloaded.body(), announce, infoHash, torrent);

    String seederLabel = "seeder " + seeder.name();
    String downloaderLabel = "downloader " + downloader.name();
    try {
      ClientProcess seeding = seeder.start(torrent, seedData, workDirectory(seederLabel));
      clients.add(seeding);
      // Clients announce again only after the tracker's interval (minutes): the downloader's first
      // announce must already find the seeder.
      Awaitility.await("the tracker counts " + seederLabel + " as a seeder")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () -> {
                seeding.assertRunning();
                return scrape(infoHash).complete() >= 1;
              });

      ClientProcess downloading =
          downloader.start(torrent, downloadData, workDirectory(downloaderLabel));
      clients.add(downloading);
      Awaitility.await(downloaderLabel + " has every file, byte for byte")
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(500))
          .untilAsserted(
              () -> {
                seeding.assertRunning();
                downloading.assertRunning();
                assertThat(Content.digests(downloadData, expected.keySet()))
                    .as("SHA-256 by path in %s", downloadData)
                    .isEqualTo(expected);
              });

      Awaitility.await("seeders and completed reach the torrent through torrent-service")
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(250))
          .untilAsserted(
              () -> {
                JsonNode page = Api.get("/api/torrents/" + id, null).json();
                assertThat(page.path("seeders").asLong()).as("seeders").isGreaterThanOrEqualTo(1);
                assertThat(page.path("completed").asLong())
                    .as("completed")
                    .isGreaterThanOrEqualTo(1);
              });
      Scrape scrape = scrape(infoHash);
      assertThat(scrape.complete())
          .as("the tracker's own count of seeders")
          .isGreaterThanOrEqualTo(1);
      assertThat(scrape.downloaded()).as("the tracker's own completed").isGreaterThanOrEqualTo(1);
      checkPeersApi(infoHash, seeder, downloader);
      log.info(
          "{}: {} seeded {} files to {} over {}; tracker scrape {}",
          caseName,
          seeder.name(),
          expected.size(),
          downloader.name(),
          announce,
          scrape);
      passed = true;
    } catch (Throwable failure) {
      String diagnostics = diagnostics(id, infoHash);
      log.error("{} failed; logs in {}\n{}", caseName, logs, diagnostics);
      throw new AssertionError(
          failure.getMessage() + "\nlogs in " + logs + "\n" + diagnostics, failure);
    }
  }

  /**
   * Checks the site's download (our tracker first, HTTP before UDP, then the uploader's) and writes
   * it with only {@code announce} as its tracker, the info dictionary copied byte for byte.
   */
  private static void writeSingleTrackerTorrent(
      byte[] served, String announce, String infoHash, Path target) {
    BDictionary metainfo = BDecoder.strict().decodeDictionary(served);
    assertThat(utf8(metainfo.get("announce"))).isEqualTo(HTTP_ANNOUNCE);
    List<List<String>> tiers = new ArrayList<>();
    for (BValue tier : ((BList) metainfo.get("announce-list")).values()) {
      tiers.add(((BList) tier).values().stream().map(RealClientsIT::utf8).toList());
    }
    assertThat(tiers)
        .as("announce-list: our HTTP tier, our UDP tier, then the uploader's")
        .containsExactly(List.of(HTTP_ANNOUNCE), List.of(UDP_ANNOUNCE), List.of(ORIGINAL_ANNOUNCE));
    assertThat(sha1Hex(info(served))).as("the served info hash").isEqualTo(infoHash);

    Span infoSpan = metainfo.spanOf("info").orElseThrow();
    byte[] rewritten =
        BEncoder.encode(
            metainfo.toBuilder()
                .put("announce", announce)
                .put("announce-list", BList.of(BList.of(BString.of(announce))))
                .put("info", BRaw.of(served, infoSpan))
                .build());
    BDictionary check = BDecoder.strict().decodeDictionary(rewritten);
    assertThat(utf8(check.get("announce"))).isEqualTo(announce);
    assertThat(check.get("announce-list")).isEqualTo(BList.of(BList.of(BString.of(announce))));
    assertThat(sha1Hex(info(rewritten))).as("the rewritten info hash").isEqualTo(infoHash);
    try {
      Files.write(target, rewritten);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] info(byte[] torrent) {
    return BDecoder.strict().decodeDictionary(torrent).spanOf("info").orElseThrow().slice(torrent);
  }

  /**
   * The moderators' peers API lists the swarm: exactly the seeder and the downloader, told apart by
   * their clients' peer ids; the downloader has every byte by now and its completion was counted.
   */
  private static void checkPeersApi(
      String infoHash, BitTorrentClient seeder, BitTorrentClient downloader) {
    // The API reads the swarm as instances share it in Redis, written every redis-sync-interval
    // (1 s): the downloader's completed announce reaches it a sync round after the scrape.
    Response[] last = new Response[1];
    Awaitility.await("the peers API lists the seeder and the completed downloader")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(250))
        .untilAsserted(
            () -> {
              Response peers = Api.get("/api/tracker/torrents/" + infoHash + "/peers", moderator);
              assertThat(peers.status()).as("peers API: %s", peers.raw().body()).isEqualTo(200);
              assertThat(peers.json()).as("peers API body").isNotNull();
              assertThat(peers.json().isArray()).as("peers API body is a list").isTrue();
              List<JsonNode> listed = new ArrayList<>();
              peers.json().forEach(listed::add);
              assertThat(listed).as("peers listed by the tracker: %s", listed).hasSize(2);
              assertThat(listed)
                  .as("the seeder (%s) is listed as one", seeder.name())
                  .anySatisfy(
                      peer -> {
                        assertThat(peer.path("peerId").asString())
                            .startsWith(seeder.peerIdPrefix());
                        assertThat(peer.path("seeder").asBoolean()).isTrue();
                      });
              assertThat(listed)
                  .as("the downloader (%s) is listed, complete", downloader.name())
                  .anySatisfy(
                      peer -> {
                        assertThat(peer.path("peerId").asString())
                            .startsWith(downloader.peerIdPrefix());
                        assertThat(peer.path("left").asLong()).isZero();
                        assertThat(peer.path("completed").asBoolean()).isTrue();
                      });
              last[0] = peers;
            });
    log.info("peers API lists {}", last[0].json());
  }

  private Path workDirectory(String label) {
    try {
      return Files.createDirectories(logs.resolve(label.replace(' ', '-')));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private String diagnostics(long id, String infoHash) {
    StringBuilder text = new StringBuilder();
    try {
      text.append("tracker scrape: ").append(scrape(infoHash)).append('\n');
    } catch (RuntimeException e) {
      text.append("tracker scrape failed: ").append(e).append('\n');
    }
    try {
      text.append("torrent: ").append(Api.get("/api/torrents/" + id, null).raw().body());
      text.append('\n');
    } catch (RuntimeException e) {
      text.append("torrent page failed: ").append(e).append('\n');
    }
    clients.forEach(client -> text.append(client.diagnostics()));
    return text.toString();
  }

  /** One torrent's line of the tracker's HTTP scrape. */
  record Scrape(long complete, long incomplete, long downloaded, String raw) {}

  private static Scrape scrape(String infoHash) {
    byte[] hash = HexFormat.of().parseHex(infoHash);
    StringBuilder encoded = new StringBuilder();
    for (byte b : hash) {
      encoded.append('%').append(String.format("%02X", b & 0xff));
    }
    URI uri = URI.create("http://127.0.0.1:" + Stack.TRACKER_PORT + "/scrape?info_hash=" + encoded);
    try {
      HttpResponse<byte[]> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      BDictionary reply = BDecoder.strict().decodeDictionary(response.body());
      if (!(reply.get("files") instanceof BDictionary files)
          || !(files.get(BString.of(hash)) instanceof BDictionary counts)) {
        return new Scrape(0, 0, 0, reply.toString());
      }
      return new Scrape(
          number(counts.get("complete")),
          number(counts.get("incomplete")),
          number(counts.get("downloaded")),
          counts.toString());
    } catch (IOException e) {
      throw new IllegalStateException("scrape " + uri + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static long number(BValue value) {
    return value instanceof BInteger integer ? integer.value() : -1;
  }

  private static String utf8(BValue value) {
    return value instanceof BString string ? string.utf8() : String.valueOf(value);
  }

  private static String sha1Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Makes a torrent's content (a folder or a file) named {@code name} in {@code parent}. */
  @FunctionalInterface
  private interface ContentMaker {
    Path make(Path parent, String name, Random random);
  }
}
