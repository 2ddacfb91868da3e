package dev.animetracker.system;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.system.Api.Response;
import dev.animetracker.system.TrackerClient.Event;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attacks on the real stack (issue 10), each with what the attacker sees. Every simulated party
 * sends from a loopback address of its own, as on the internet, so per-address rules apply to it.
 */
class HostileIT {

  private static final Pattern COMPLETE = Pattern.compile("8:completei(\\d+)e");
  private static final Pattern DOWNLOADED = Pattern.compile("10:downloadedi(\\d+)e");
  private static final Pattern INCOMPLETE = Pattern.compile("10:incompletei(\\d+)e");
  private static final int PEER_PORT = 51413;

  private static String token;

  @BeforeAll
  static void stack() {
    Stack.get();
    token =
        Api.registerVerifiedUser(Api.uniqueName("Hostile"), "hostile password")
            .path("accessToken")
            .asString();
  }

  @Test
  void spoofableUdpPacketsNeverGetMoreBytesBack() throws IOException {
    InetAddress attacker = Loopback.next();
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(attacker, 0))) {
      socket.setSoTimeout(1000);
      byte[] wrongMagic = ByteBuffer.allocate(16).putLong(0x1234L).putInt(0).putInt(7).array();
      byte[] unknownAction =
          ByteBuffer.allocate(16).putLong(0x41727101980L).putInt(9).putInt(8).array();
      assertThat(reply(socket, wrongMagic)).as("16 bytes with a wrong magic: silence").isNull();
      assertThat(reply(socket, unknownAction))
          .as("16 bytes of an unknown action: silence")
          .isNull();

      byte[] forgedAnnounce =
          ByteBuffer.allocate(98).putLong(0x0badc0ffeeL).putInt(1).putInt(9).array();
      byte[] answer = reply(socket, forgedAnnounce);
      assertThat(answer).as("an announce with a forged connection id gets an error").isNotNull();
      assertThat(answer.length).isLessThanOrEqualTo(forgedAnnounce.length);
      assertThat(ByteBuffer.wrap(answer).getInt()).as("BEP 15 error action").isEqualTo(3);
    }
  }

  @Test
  void anotherAddressCanNeitherStopNorMoveSomeonesPeer() {
    String infoHash = upload("Hijack");
    TrackerClient victim = new TrackerClient(Loopback.next(), Stack.TRACKER_PORT);
    TrackerClient attacker = new TrackerClient(Loopback.next(), Stack.TRACKER_PORT);
    String peerId = "-AT0001-victim000001";

    assertThat(victim.httpAnnounceReply(infoHash, peerId, PEER_PORT, 0, Event.STARTED))
        .contains("8:interval");
    assertThat(attacker.httpAnnounceReply(infoHash, peerId, PEER_PORT, 0, Event.STOPPED))
        .doesNotContain("failure");
    assertThat(number(COMPLETE, victim.scrapeReply(infoHash)))
        .as("the victim's seeder survives a 'stopped' from another address with its peer id")
        .isEqualTo(1);
  }

  @Test
  void oneAddressCannotFakeASwarm() {
    String infoHash = upload("Fake swarm");
    TrackerClient faker = new TrackerClient(Loopback.next(), Stack.TRACKER_PORT);
    int refused = 0;
    for (int i = 0; i < 20; i++) {
      String reply =
          faker.httpAnnounceReply(
              infoHash, String.format("-FK0001-%012d", i), PEER_PORT, 100, Event.STARTED);
      if (reply.contains("failure reason")) {
        refused++;
      }
    }
    assertThat(refused).as("announces beyond the per-address cap").isGreaterThanOrEqualTo(15);
    assertThat(number(INCOMPLETE, faker.scrapeReply(infoHash)))
        .as("leechers one address can fake")
        .isLessThanOrEqualTo(5);
  }

  @Test
  void completedCountsOncePerAddress() {
    String infoHash = upload("Completed once");
    TrackerClient inflater = new TrackerClient(Loopback.next(), Stack.TRACKER_PORT);
    for (int i = 0; i < 4; i++) {
      String peerId = String.format("-IN0001-%012d", i);
      inflater.httpAnnounceReply(infoHash, peerId, PEER_PORT, 100, Event.STARTED);
      inflater.httpAnnounceReply(infoHash, peerId, PEER_PORT, 0, Event.COMPLETED);
      inflater.httpAnnounceReply(infoHash, peerId, PEER_PORT, 0, Event.STOPPED);
    }
    Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> assertThat(number(DOWNLOADED, inflater.scrapeReply(infoHash))).isEqualTo(1));
  }

  @Test
  void aBannedAccountCanNeitherLogInNorUploadNorCommentUntilUnbanned() {
    String username = Api.uniqueName("Banned");
    String userToken =
        Api.registerVerifiedUser(username, "banned password").path("accessToken").asString();
    long torrentId = uploaded("Before the ban").json().path("id").asLong();
    String admin = Api.adminToken();

    Response ban =
        Api.put(
            "/api/users/" + username + "/ban",
            Map.of("banned", true, "reason", "spam uploads"),
            admin);
    assertThat(ban.status()).as(ban.raw().body()).isEqualTo(200);
    assertThat(ban.json().path("banned").asBoolean()).isTrue();

    Response login = Visitor.fresh().login(username, "banned password");
    assertThat(login.status()).isEqualTo(403);
    assertThat(login.text("code")).isEqualTo("banned");
    // The contract allows 30 s; the gateway's state cache is 2 s.
    Awaitility.await("the banned account's comment is refused")
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                Api.post(
                            "/api/torrents/" + torrentId + "/comments",
                            Map.of("text", "still here?"),
                            userToken)
                        .status()
                    == 403);
    Response upload =
        Torrents.upload(
            Torrents.make("After the ban " + Api.uniqueName("t")),
            Map.of("category", "other"),
            userToken);
    assertThat(upload.status()).as(upload.raw().body()).isEqualTo(403);
    assertThat(upload.text("code")).isEqualTo("banned");

    assertThat(Api.put("/api/users/" + username + "/ban", Map.of("banned", false), admin).status())
        .isEqualTo(200);
    assertThat(Visitor.fresh().login(username, "banned password").status()).isEqualTo(200);
  }

  @Test
  void onlyModeratorsBan() {
    String username = Api.uniqueName("Victim");
    Api.registerVerifiedUser(username, "victim password");
    String other =
        Api.registerVerifiedUser(Api.uniqueName("Rogue"), "rogue password")
            .path("accessToken")
            .asString();
    Response refused =
        Api.put("/api/users/" + username + "/ban", Map.of("banned", true, "reason", "x"), other);
    assertThat(refused.status()).isEqualTo(403);
    assertThat(Visitor.fresh().login(username, "victim password").status()).isEqualTo(200);
  }

  @Test
  void internalApisAnswerOnlyOurServicesOnLoopbackAndTheGatewayRoutesNone() throws Exception {
    long id = Api.get("/api/users/me", token).json().path("id").asLong();
    String contact = "/internal/users/" + id + "/contact";
    String userService = "http://127.0.0.1:" + Stack.USER_SERVICE_PORT;

    assertThat(direct(userService + contact, null).statusCode()).isEqualTo(401);
    HttpResponse<String> asUser = direct(userService + contact, token);
    assertThat(asUser.statusCode()).isEqualTo(401);
    assertThat(asUser.body()).doesNotContain("@");
    HttpResponse<String> asService = direct(userService + contact, Stack.serviceToken());
    assertThat(asService.statusCode()).isEqualTo(200);
    assertThat(asService.body()).contains("@");
    assertThat(
            direct(
                    "http://127.0.0.1:"
                        + Stack.TORRENT_SERVICE_PORT
                        + "/internal/torrents/whitelist",
                    token)
                .statusCode())
        .isEqualTo(401);
    HttpResponse<String> reindex =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + Stack.SEARCH_SERVICE_PORT + "/internal/reindex"))
                .timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(reindex.statusCode()).isEqualTo(401);

    // Through the public port, under any spelling, there is no internal API.
    for (String path :
        new String[] {
          contact, "/%69nternal/users/" + id + "/contact", "//internal/torrents/whitelist"
        }) {
      HttpResponse<String> answer = direct(Stack.baseUrl() + path, token);
      assertThat(answer.statusCode()).as(path).isIn(400, 404);
      assertThat(answer.body()).as(path).doesNotContain("@");
    }

    // The services listen on 127.0.0.1 only: another address of this very host is refused.
    for (int port :
        new int[] {
          Stack.USER_SERVICE_PORT, Stack.TORRENT_SERVICE_PORT, Stack.SEARCH_SERVICE_PORT
        }) {
      try (java.net.Socket socket = new java.net.Socket()) {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> socket.connect(new InetSocketAddress("127.0.0.2", port), 2000))
            .as("port %d on 127.0.0.2", port)
            .isInstanceOf(java.net.ConnectException.class);
      }
    }
  }

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> direct(String url, String bearer) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** Uploads a fresh torrent and waits until the tracker serves it; returns its info hash. */
  private static String upload(String name) {
    return uploaded(name).text("infoHash");
  }

  private static Response uploaded(String name) {
    Response created =
        Torrents.upload(
            Torrents.make(name + " " + Api.uniqueName("t")), Map.of("category", "other"), token);
    assertThat(created.status()).as(created.raw().body()).isEqualTo(201);
    String infoHash = created.text("infoHash");
    TrackerClient probe = new TrackerClient(Loopback.next(), Stack.TRACKER_PORT);
    Awaitility.await("the tracker serves the upload")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> probe.scrapeReply(infoHash).contains("8:complete"));
    return created;
  }

  private static byte[] reply(DatagramSocket socket, byte[] request) throws IOException {
    socket.send(
        new DatagramPacket(
            request,
            request.length,
            new InetSocketAddress(InetAddress.getLoopbackAddress(), Stack.TRACKER_PORT)));
    byte[] buffer = new byte[2048];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    try {
      socket.receive(packet);
    } catch (SocketTimeoutException silence) {
      return null;
    }
    byte[] answer = new byte[packet.getLength()];
    System.arraycopy(buffer, 0, answer, 0, answer.length);
    return answer;
  }

  private static long number(Pattern field, String bencoded) {
    Matcher matcher = field.matcher(bencoded);
    assertThat(matcher.find()).as("%s in %s", field, bencoded).isTrue();
    return Long.parseLong(matcher.group(1));
  }
}
