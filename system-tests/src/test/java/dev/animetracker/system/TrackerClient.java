package dev.animetracker.system;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A BitTorrent client's tracker calls from one source address: HTTP announces and scrapes (BEP 3,
 * 48) and UDP announces (BEP 15). Failures come back as an {@link Announce} that is not {@code ok},
 * never as exceptions, so a load loop can count them.
 */
final class TrackerClient {

  /** What an announce got: whether the tracker answered with peers, and which (ip:port). */
  record Announce(boolean ok, String failure, Set<String> peers, long completedInReply) {

    static Announce failed(String why) {
      return new Announce(false, why, Set.of(), -1);
    }
  }

  /** BEP 15 events. */
  enum Event {
    NONE(0, ""),
    COMPLETED(1, "completed"),
    STARTED(2, "started"),
    STOPPED(3, "stopped");

    final int udp;
    final String http;

    Event(int udp, String http) {
      this.udp = udp;
      this.http = http;
    }
  }

  private static final long UDP_PROTOCOL_ID = 0x41727101980L;
  private static final String UNREACHABLE = "unreachable";

  private final InetAddress from;
  private final InetAddress tracker;
  private final int port;
  private final HttpClient http;

  TrackerClient(InetAddress from, int port) {
    this.from = from;
    this.tracker = InetAddress.getLoopbackAddress();
    this.port = port;
    this.http =
        HttpClient.newBuilder()
            // HTTP/1.1 as browsers speak it over http://: an h2c upgrade through HAProxy is a 502.
            .version(HttpClient.Version.HTTP_1_1)
            .localAddress(from)
            .connectTimeout(Duration.ofSeconds(3))
            .build();
  }

  InetAddress address() {
    return from;
  }

  Announce httpAnnounce(String infoHash, String peerId, int peerPort, long left, Event event) {
    String reply = get(announcePath(infoHash, peerId, peerPort, left, event));
    if (reply == null) {
      return Announce.failed("unreachable");
    }
    if (reply.contains("failure reason") || !reply.contains("5:peers")) {
      return Announce.failed(reply);
    }
    int peers = reply.indexOf("5:peers") + "5:peers".length();
    int colon = reply.indexOf(':', peers);
    int length = Integer.parseInt(reply.substring(peers, colon));
    byte[] compact =
        reply.substring(colon + 1, colon + 1 + length).getBytes(StandardCharsets.ISO_8859_1);
    return new Announce(true, null, compactPeers(ByteBuffer.wrap(compact)), -1);
  }

  /** The bencoded reply to an HTTP announce as it came, or {@code "unreachable"}. */
  String httpAnnounceReply(String infoHash, String peerId, int peerPort, long left, Event event) {
    String reply = get(announcePath(infoHash, peerId, peerPort, left, event));
    return reply == null ? UNREACHABLE : reply;
  }

  /** The bencoded reply to a scrape as it came, or {@code "unreachable"}. */
  String scrapeReply(String infoHash) {
    String reply = get("/scrape?info_hash=" + escaped(infoHash));
    return reply == null ? UNREACHABLE : reply;
  }

  private static String announcePath(
      String infoHash, String peerId, int peerPort, long left, Event event) {
    return "/announce?info_hash="
        + escaped(infoHash)
        + "&peer_id="
        + peerId
        + "&port="
        + peerPort
        + "&uploaded=0&downloaded=0&left="
        + left
        + "&compact=1&numwant=200"
        + (event == Event.NONE ? "" : "&event=" + event.http);
  }

  /** The {@code downloaded} (completed) count a scrape reports, or -1 when it fails. */
  long scrapeCompleted(String infoHash) {
    String reply = get("/scrape?info_hash=" + escaped(infoHash));
    if (reply == null) {
      return -1;
    }
    java.util.regex.Matcher matcher =
        java.util.regex.Pattern.compile("10:downloadedi(\\d+)e").matcher(reply);
    return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
  }

  /** Connect + announce over UDP, one fresh socket (a client's port) per announce. */
  Announce udpAnnounce(String infoHash, byte[] peerId, int peerPort, long left, Event event) {
    try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(from, 0))) {
      socket.setSoTimeout(2000);
      int transaction = ThreadLocalRandom.current().nextInt();
      ByteBuffer connect =
          ByteBuffer.allocate(16).putLong(UDP_PROTOCOL_ID).putInt(0).putInt(transaction);
      ByteBuffer connected = exchange(socket, connect.array());
      if (connected == null || connected.remaining() < 16 || connected.getInt() != 0) {
        return Announce.failed("no connect reply");
      }
      connected.getInt();
      long connection = connected.getLong();
      transaction = ThreadLocalRandom.current().nextInt();
      ByteBuffer announce =
          ByteBuffer.allocate(98)
              .putLong(connection)
              .putInt(1)
              .putInt(transaction)
              .put(HexFormat.of().parseHex(infoHash))
              .put(peerId)
              .putLong(0)
              .putLong(left)
              .putLong(0)
              .putInt(event.udp)
              .putInt(0)
              .putInt(ThreadLocalRandom.current().nextInt())
              .putInt(200)
              .putShort((short) peerPort);
      ByteBuffer answer = exchange(socket, announce.array());
      if (answer == null) {
        return Announce.failed("no announce reply");
      }
      int action = answer.getInt();
      if (action != 1 || answer.remaining() < 16) {
        return Announce.failed("action " + action);
      }
      answer.getInt(); // transaction
      answer.getInt(); // interval
      answer.getInt(); // leechers
      answer.getInt(); // seeders
      return new Announce(true, null, compactPeers(answer), -1);
    } catch (IOException e) {
      return Announce.failed(e.toString());
    }
  }

  private ByteBuffer exchange(DatagramSocket socket, byte[] request) throws IOException {
    socket.send(new DatagramPacket(request, request.length, new InetSocketAddress(tracker, port)));
    byte[] buffer = new byte[4096];
    DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
    try {
      socket.receive(packet);
    } catch (java.net.SocketTimeoutException silence) {
      return null;
    }
    return ByteBuffer.wrap(buffer, 0, packet.getLength());
  }

  private static Set<String> compactPeers(ByteBuffer compact) {
    Set<String> peers = new HashSet<>();
    while (compact.remaining() >= 6) {
      byte[] ip = new byte[4];
      compact.get(ip);
      int peerPort = Short.toUnsignedInt(compact.getShort());
      peers.add(
          (ip[0] & 0xff)
              + "."
              + (ip[1] & 0xff)
              + "."
              + (ip[2] & 0xff)
              + "."
              + (ip[3] & 0xff)
              + ":"
              + peerPort);
    }
    return peers;
  }

  private String get(String pathAndQuery) {
    try {
      HttpResponse<byte[]> response =
          http.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                  .timeout(Duration.ofSeconds(3))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return new String(response.body(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String escaped(String infoHashHex) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : HexFormat.of().parseHex(infoHashHex)) {
      encoded.append('%').append(String.format("%02X", b & 0xff));
    }
    return encoded.toString();
  }
}
