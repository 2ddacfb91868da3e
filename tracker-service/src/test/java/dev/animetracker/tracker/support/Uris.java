package dev.animetracker.tracker.support;

import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.PeerId;

/** Builds tracker URIs the way clients do. */
public final class Uris {

  public static final InfoHash HASH = InfoHash.fromHex("0123456789abcdef0123456789abcdef01234567");
  public static final PeerId PEER = PeerId.ofText("-qB5020-abcdefghijkl");

  private Uris() {}

  /** Every byte as {@code %XX}. */
  public static String percent(byte[] bytes) {
    StringBuilder out = new StringBuilder(bytes.length * 3);
    for (byte b : bytes) {
      out.append('%').append(String.format("%02X", b & 0xff));
    }
    return out.toString();
  }

  /** A complete, valid announce URI followed by {@code extra} ("&k=v..." or ""). */
  public static String announce(InfoHash hash, PeerId peer, int port, long left, String extra) {
    return "/announce?info_hash="
        + percent(hash.bytes())
        + "&peer_id="
        + percent(peer.bytes())
        + "&port="
        + port
        + "&uploaded=0&downloaded=0&left="
        + left
        + extra;
  }

  public static String announce(String extra) {
    return announce(HASH, PEER, 6881, 1000, extra);
  }
}
