package dev.animetracker.tracker.protocol;

import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * A peer as handed out in announce replies. Immutable; keeps its compact form (BEP 23 / BEP 7:
 * address then port, 6 or 18 bytes) so that writing a reply copies bytes instead of re-encoding
 * every peer of every reply.
 */
public final class Peer {

  private final PeerId peerId;
  private final InetAddress address;
  private final int port;
  private final boolean ipv4;
  private final byte[] compact;

  public Peer(PeerId peerId, InetAddress address, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    this.peerId = Objects.requireNonNull(peerId);
    this.address = Addresses.normalize(address);
    this.port = port;
    this.ipv4 = Addresses.isIpv4(this.address);
    byte[] ip = this.address.getAddress();
    this.compact = Arrays.copyOf(ip, ip.length + 2);
    compact[ip.length] = (byte) (port >>> 8);
    compact[ip.length + 1] = (byte) port;
  }

  public PeerId peerId() {
    return peerId;
  }

  public InetAddress address() {
    return address;
  }

  public int port() {
    return port;
  }

  public boolean isIpv4() {
    return ipv4;
  }

  /** Writes address and port in compact form into {@code out} (not exposed, so never changed). */
  void writeCompact(ByteBuf out) {
    out.writeBytes(compact);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Peer peer
        && port == peer.port
        && peerId.equals(peer.peerId)
        && address.equals(peer.address);
  }

  @Override
  public int hashCode() {
    return Objects.hash(peerId, address, port);
  }

  @Override
  public String toString() {
    return "Peer[peerId="
        + peerId
        + ", address="
        + address.getHostAddress()
        + ", port="
        + port
        + "]";
  }
}
