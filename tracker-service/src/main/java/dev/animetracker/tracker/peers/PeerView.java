package dev.animetracker.tracker.peers;

import dev.animetracker.tracker.swarm.PeerState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One peer as moderators see it.
 *
 * @param peerId the peer id as text where printable (client prefixes like {@code -qB5020-}), other
 *     bytes as {@code %XX}
 * @param peerIdHex the 20 bytes in hex
 * @param ip the address the peer announced from (or was vouched for by a trusted proxy)
 */
record PeerView(
    String peerId,
    String peerIdHex,
    String ip,
    int port,
    long uploaded,
    long downloaded,
    long left,
    boolean seeder,
    boolean completed,
    Instant lastAnnounce) {

  static PeerView of(PeerState peer) {
    return new PeerView(
        printable(peer.peerId().bytes()),
        peer.peerId().hex(),
        peer.address().getHostAddress(),
        peer.port(),
        peer.uploaded(),
        peer.downloaded(),
        peer.left(),
        peer.seeder(),
        peer.completed(),
        peer.lastAnnounce());
  }

  private static String printable(byte[] id) {
    StringBuilder text = new StringBuilder(id.length * 3);
    for (byte b : id) {
      if (b >= 0x21 && b < 0x7f && b != '%') {
        text.append(new String(new byte[] {b}, StandardCharsets.US_ASCII));
      } else {
        text.append('%').append("%02X".formatted(b & 0xff));
      }
    }
    return text.toString();
  }
}
