package dev.animetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.system.Api.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tracker serves exactly the torrents registered on the site, fed through Kafka and, at
 * start-up, from torrent-service's whitelist.
 */
class TrackerWhitelistIT {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @BeforeAll
  static void stack() {
    Stack.get();
  }

  @Test
  void anUploadIsServedWithinTwoSecondsAndADeletionStopsItWithinTwoSeconds() {
    String token =
        Api.registerVerifiedUser(Api.uniqueName("Seeder"), "seeder password")
            .path("accessToken")
            .asString();
    String admin = Api.adminToken();
    Path file = Torrents.make("Whitelisted " + Api.uniqueName("t"));
    assertThat(announce("0123456789abcdef0123456789abcdef01234567"))
        .as("an unknown torrent")
        .contains("failure reason");

    Response created = Torrents.upload(file, Map.of("category", "other"), token);
    assertThat(created.status()).isEqualTo(201);
    String infoHash = created.text("infoHash");

    Awaitility.await("the tracker serves the new upload")
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> announce(infoHash).contains("8:interval"));

    long id = created.json().path("id").asLong();
    Awaitility.await("the announced seeder reaches the torrent page within a flush interval + 1 s")
        .atMost(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> Api.get("/api/torrents/" + id, null).json().path("seeders").asLong() == 1);

    assertThat(Api.delete("/api/torrents/" + id, admin).status()).isEqualTo(204);
    Awaitility.await("the tracker stops serving the deleted torrent")
        .atMost(Duration.ofSeconds(2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> announce(infoHash).contains("failure reason"));
  }

  /**
   * A tracker restarted while Kafka is down can only learn the torrents from torrent-service's
   * whitelist (the start-up bootstrap): it serves an existing upload over HTTP and UDP at once, and
   * still refuses unknown hashes. Kafka comes back afterwards and the restarted tracker follows new
   * uploads through it again, so later tests find the stack as they expect.
   */
  @Test
  void aTrackerRestartedWithoutKafkaServesExistingTorrentsFromTorrentService() throws Exception {
    Stack stack = Stack.get();
    String token =
        Api.registerVerifiedUser(Api.uniqueName("Keeper"), "keeper password")
            .path("accessToken")
            .asString();
    Response created =
        Torrents.upload(
            Torrents.make("Bootstrapped " + Api.uniqueName("t")),
            Map.of("category", "other"),
            token);
    assertThat(created.status()).isEqualTo(201);
    String infoHash = created.text("infoHash");
    Awaitility.await("the tracker serves the upload before the restart")
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> announce(infoHash).contains("8:interval"));

    Path trackerLog = stack.logOf("tracker-service");
    stack.stop("kafka");
    try {
      long logBefore = Files.size(trackerLog);
      stack.stop("tracker-service");
      stack.start("tracker-service");

      Awaitility.await("the restarted tracker serves the upload over HTTP without Kafka")
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> announce(infoHash).contains("8:interval"));
      assertThat(udpAnnounce(infoHash)).as("UDP announce of the upload").isEqualTo(1);
      assertThat(announce("89abcdef0123456789abcdef0123456789abcdef"))
          .as("an unknown torrent after the restart")
          .contains("failure reason");
      assertThat(udpAnnounce("89abcdef0123456789abcdef0123456789abcdef"))
          .as("UDP announce of an unknown torrent: BEP 15 error")
          .isEqualTo(3);
      String restartLog;
      try (InputStream in = Files.newInputStream(trackerLog)) {
        in.skipNBytes(logBefore);
        restartLog = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      assertThat(restartLog)
          .as("the restarted tracker's log")
          .containsPattern("Loaded [1-9]\\d* torrents into the whitelist from torrent-service");
    } finally {
      stack.start("kafka");
    }

    Response later =
        Torrents.upload(
            Torrents.make("After Kafka " + Api.uniqueName("t")),
            Map.of("category", "other"),
            token);
    assertThat(later.status()).isEqualTo(201);
    Awaitility.await("the restarted tracker follows torrent-events again once Kafka is back")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(250))
        .until(() -> announce(later.text("infoHash")).contains("8:interval"));
  }

  /**
   * A BEP 15 connect + announce (as a seeder, event started) over UDP; returns the action of the
   * announce reply: 1 (announce) when served, 3 (error) when refused.
   */
  private static int udpAnnounce(String infoHashHex) throws IOException {
    try (DatagramSocket socket = new DatagramSocket()) {
      socket.setSoTimeout(2000);
      InetSocketAddress tracker = new InetSocketAddress("127.0.0.1", Stack.TRACKER_PORT);
      ThreadLocalRandom random = ThreadLocalRandom.current();

      int connectTransaction = random.nextInt();
      ByteBuffer connect = ByteBuffer.allocate(16);
      connect.putLong(0x41727101980L).putInt(0).putInt(connectTransaction);
      ByteBuffer connected = exchange(socket, tracker, connect.array());
      assertThat(connected.getInt(0)).as("connect action").isZero();
      assertThat(connected.getInt(4)).as("connect transaction id").isEqualTo(connectTransaction);
      long connectionId = connected.getLong(8);

      int announceTransaction = random.nextInt();
      ByteBuffer announce = ByteBuffer.allocate(98);
      announce
          .putLong(connectionId)
          .putInt(1)
          .putInt(announceTransaction)
          .put(HexFormat.of().parseHex(infoHashHex))
          .put("-AT0001-udpbootstrap".getBytes(StandardCharsets.US_ASCII))
          .putLong(0) // downloaded
          .putLong(0) // left: a seeder
          .putLong(0) // uploaded
          .putInt(2) // event: started
          .putInt(0) // ip: the sender's
          .putInt(random.nextInt()) // key
          .putInt(-1) // num_want: default
          .putShort((short) 51414);
      ByteBuffer reply = exchange(socket, tracker, announce.array());
      assertThat(reply.getInt(4)).as("announce transaction id").isEqualTo(announceTransaction);
      return reply.getInt(0);
    }
  }

  private static ByteBuffer exchange(DatagramSocket socket, InetSocketAddress to, byte[] request)
      throws IOException {
    socket.send(new DatagramPacket(request, request.length, to));
    byte[] buffer = new byte[2048];
    DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
    socket.receive(reply);
    assertThat(reply.getLength()).as("UDP reply length").isGreaterThanOrEqualTo(8);
    return ByteBuffer.wrap(buffer, 0, reply.getLength());
  }

  /** A BEP 3 announce as a seeder; returns the bencoded reply as Latin-1 text. */
  private static String announce(String infoHashHex) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : HexFormat.of().parseHex(infoHashHex)) {
      encoded.append('%').append(String.format("%02X", b & 0xff));
    }
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + Stack.TRACKER_PORT
                + "/announce?info_hash="
                + encoded
                + "&peer_id=-AT0001-abcdefghijkl&port=51413&uploaded=0&downloaded=0&left=0"
                + "&compact=1&event=started");
    try {
      HttpResponse<byte[]> response =
          HTTP.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return new String(response.body(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "unreachable: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
