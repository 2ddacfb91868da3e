package dev.animetracker.tracker.protocol;

import java.net.InetAddress;
import java.util.OptionalInt;

/**
 * One validated announce, HTTP (BEP 3) or UDP (BEP 15).
 *
 * @param address where other peers reach this one: the source address of the request, or the {@code
 *     ip} given by a trusted proxy
 * @param left bytes still missing; 0 means a seeder
 * @param numWant how many peers to return, already defaulted and capped
 * @param compact BEP 23 compact peer strings (HTTP); always true for UDP
 * @param noPeerId leave {@code peer id} out of dictionary-form peers (HTTP, compact=0 only)
 * @param key the client's session key (BEP 7), if sent; HTTP keys of up to 8 hex digits are read as
 *     the number, other keys are hashed to one
 */
public record AnnounceRequest(
    InfoHash infoHash,
    PeerId peerId,
    InetAddress address,
    int port,
    long uploaded,
    long downloaded,
    long left,
    AnnounceEvent event,
    int numWant,
    boolean compact,
    boolean noPeerId,
    OptionalInt key,
    Transport transport) {

  public AnnounceRequest {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    if (uploaded < 0 || downloaded < 0 || left < 0 || numWant < 0) {
      throw new IllegalArgumentException("negative count");
    }
    address = Addresses.normalize(address);
  }

  public boolean isSeeder() {
    return left == 0;
  }

  /**
   * Whether a peer at {@code peerAddress} can go into the reply: any family over HTTP (BEP 7 {@code
   * peers6}), only the request's own family over UDP (BEP 15).
   */
  public boolean canReceive(InetAddress peerAddress) {
    return transport == Transport.HTTP
        || Addresses.isIpv4(peerAddress) == Addresses.isIpv4(address);
  }
}
