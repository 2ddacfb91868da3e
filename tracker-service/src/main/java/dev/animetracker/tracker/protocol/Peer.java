package dev.animetracker.tracker.protocol;

import java.net.InetAddress;

/** A peer as handed out in announce replies. */
public record Peer(PeerId peerId, InetAddress address, int port) {

  public Peer {
    address = Addresses.normalize(address);
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
  }

  public boolean isIpv4() {
    return Addresses.isIpv4(address);
  }
}
