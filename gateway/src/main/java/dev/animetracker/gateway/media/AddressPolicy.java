package dev.animetracker.gateway.media;

import dev.animetracker.gateway.net.AddressRange;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * Which addresses the image proxy may dial: public unicast only. Refused: unspecified, loopback,
 * private (RFC 1918), CGNAT (100.64/10), link-local, unique-local (fc00::/7), site-local,
 * multicast, broadcast and reserved ranges, and IPv6 forms that embed one of those (IPv4-mapped,
 * IPv4-compatible, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}). {@code allowedNetworks}
 * (tests only) lets chosen networks through.
 */
final class AddressPolicy {

  private final List<AddressRange> allowed;

  AddressPolicy(List<String> allowedNetworks) {
    this.allowed = allowedNetworks.stream().map(AddressPolicy::allowedNetwork).toList();
  }

  private static AddressRange allowedNetwork(String cidr) {
    try {
      return AddressRange.parse(cidr);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "animetracker.gateway.media.allowed-networks: not a network: " + cidr, e);
    }
  }

  /**
   * The address to dial for {@code host}: every address the name resolves to must be allowed (a
   * name with one private address among public ones is refused), and the first one is returned.
   */
  InetAddress resolve(String host) throws UnknownHostException {
    InetAddress[] addresses = InetAddress.getAllByName(host);
    for (InetAddress address : addresses) {
      if (!allowed(address)) {
        throw new RefusedTargetException("refused address for " + host);
      }
    }
    return addresses[0];
  }

  boolean allowed(InetAddress address) {
    for (AddressRange network : allowed) {
      if (network.contains(address)) {
        return true;
      }
    }
    return isPublic(address);
  }

  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicV4(b);
    }
    if (address instanceof Inet6Address) {
      int first = b[0] & 0xff;
      // fc00::/7 unique-local, ff00::/8 multicast (checked above), fec0::/10 site-local.
      if ((first & 0xfe) == 0xfc) {
        return false;
      }
      boolean zeroPrefix = Arrays.equals(Arrays.copyOf(b, 10), new byte[10]);
      // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible): judge the IPv4 inside.
      if (zeroPrefix
          && (((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) || (b[10] | b[11]) == 0)) {
        return isPublicV4(Arrays.copyOfRange(b, 12, 16));
      }
      // 64:ff9b::/96 (NAT64) embeds an IPv4 in the last four bytes.
      if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
        return isPublicV4(Arrays.copyOfRange(b, 12, 16));
      }
      // 2002::/16 (6to4) embeds one in bytes 2..5.
      if (b[0] == 0x20 && b[1] == 0x02) {
        return isPublicV4(Arrays.copyOfRange(b, 2, 6));
      }
      // Documentation 2001:db8::/32 and anything outside global unicast 2000::/3.
      if (b[0] == 0x20 && b[1] == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
        return false;
      }
      return (first & 0xe0) == 0x20;
    }
    return false;
  }

  private static boolean isPublicV4(byte[] b) {
    int a = b[0] & 0xff;
    int c = b[1] & 0xff;
    return !(a == 0 // "this network"
        || a == 10
        || a == 127
        || (a == 100 && c >= 64 && c <= 127) // CGNAT
        || (a == 169 && c == 254)
        || (a == 172 && c >= 16 && c <= 31)
        || (a == 192 && c == 168)
        || (a == 192 && c == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
        || (a == 198 && (c == 18 || c == 19)) // benchmarking
        || a >= 224); // multicast, reserved, broadcast
  }
}
