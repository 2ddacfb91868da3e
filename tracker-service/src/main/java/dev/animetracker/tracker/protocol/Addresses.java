package dev.animetracker.tracker.protocol;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/** Address helpers that never touch DNS. */
public final class Addresses {

  private Addresses() {}

  /**
   * The address as a peer sees it: an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}, what a
   * dual-stack socket may report) becomes the IPv4 address, so it lands in {@code peers}.
   */
  public static InetAddress normalize(InetAddress address) {
    if (address instanceof Inet6Address) {
      byte[] bytes = address.getAddress();
      boolean mapped = bytes[10] == (byte) 0xff && bytes[11] == (byte) 0xff;
      for (int i = 0; mapped && i < 10; i++) {
        mapped = bytes[i] == 0;
      }
      if (mapped) {
        return fromBytes(Arrays.copyOfRange(bytes, 12, 16));
      }
    }
    return address;
  }

  /** An IP literal, or {@code null} when {@code text} is not one (host names are not resolved). */
  public static @Nullable InetAddress parseLiteral(String text) {
    if (text.isEmpty() || text.length() > 45) {
      return null;
    }
    // InetAddress.ofLiteral also takes BSD shorthands such as "10.1" or "167772161"; a peer address
    // is written as a dotted quad or as IPv6.
    if (text.indexOf(':') < 0 && text.chars().filter(c -> c == '.').count() != 3) {
      return null;
    }
    try {
      return normalize(InetAddress.ofLiteral(text));
    } catch (IllegalArgumentException notALiteral) {
      return null;
    }
  }

  /** The address of 4 or 16 raw bytes. */
  public static InetAddress fromBytes(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("an IP address has 4 or 16 bytes, got " + bytes.length, e);
    }
  }

  public static boolean isIpv4(InetAddress address) {
    return address instanceof Inet4Address;
  }

  /**
   * The network a client holds, as one number, for per-address limits: an IPv4 address, or an IPv6
   * address's /64 (what one subscriber is usually given, so a client cannot multiply itself by
   * rotating through its own addresses).
   */
  public static long network(InetAddress address) {
    byte[] ip = address.getAddress();
    if (ip.length == 4) {
      // 0:1::/32 is reserved (::/8), so no real IPv6 /64 shares this number with an IPv4 address.
      return 1L << 32 | (java.nio.ByteBuffer.wrap(ip).getInt() & 0xffffffffL);
    }
    return java.nio.ByteBuffer.wrap(ip).getLong();
  }
}
