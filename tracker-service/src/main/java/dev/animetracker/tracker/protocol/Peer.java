package dev.animetracker.tracker.protocol;

import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A peer as handed out in announce replies. Immutable; keeps its compact form (BEP 23 / BEP 7:
 * address then port, 6 or 18 bytes) so that writing a reply copies bytes instead of re-encoding
 * every peer of every reply. An IPv4 peer keeps it as one number (written as an int and a short:
 * cheaper than copying a 6-byte array, the most frequent write of a busy tracker, and 24 bytes
 * smaller per peer); an IPv6 peer as an array.
 */
public final class Peer {

  private final PeerId peerId;
  private final InetAddress address;
  private final int port;
  private final boolean ipv4;
  private final int ipv4Bits;
  private final byte @Nullable [] compact6;

  public Peer(PeerId peerId, InetAddress address, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    this.peerId = Objects.requireNonNull(peerId);
    this.address = Addresses.normalize(address);
    this.port = port;
    this.ipv4 = Addresses.isIpv4(this.address);
    byte[] ip = this.address.getAddress();
    if (ipv4) {
      this.ipv4Bits =
          (ip[0] & 0xff) << 24 | (ip[1] & 0xff) << 16 | (ip[2] & 0xff) << 8 | ip[3] & 0xff;
      this.compact6 = null;
    } else {
      this.ipv4Bits = 0;
      byte[] compact = Arrays.copyOf(ip, ip.length + 2);
      compact[ip.length] = (byte) (port >>> 8);
      compact[ip.length + 1] = (byte) port;
      this.compact6 = compact;
    }
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
    byte[] v6 = compact6;
    if (v6 == null) {
      out.writeInt(ipv4Bits);
      out.writeShort(port);
    } else {
      out.writeBytes(v6);
    }
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
