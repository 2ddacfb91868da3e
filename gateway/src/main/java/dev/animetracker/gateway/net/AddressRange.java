package dev.animetracker.gateway.net;

import java.net.InetAddress;

/**
 * A range of addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}), or one address
 * without a prefix. An IPv4-mapped IPv6 address ({@code ::ffff:10.1.2.3}) is an IPv4 address to
 * Java, so it matches IPv4 ranges.
 */
public record AddressRange(byte[] base, int prefix) {

  /**
   * Parses an address literal with an optional {@code /prefix}; never resolves a host name.
   *
   * @throws IllegalArgumentException when it is no address literal or the prefix does not fit
   */
  public static AddressRange parse(String cidr) {
    String text = cidr.strip();
    int slash = text.indexOf('/');
    InetAddress base;
    int prefix;
    try {
      base = InetAddress.ofLiteral(slash < 0 ? text : text.substring(0, slash));
      prefix =
          slash < 0 ? base.getAddress().length * 8 : Integer.parseInt(text.substring(slash + 1));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(cidr + " is not an address or address/prefix", e);
    }
    if (prefix < 0 || prefix > base.getAddress().length * 8) {
      throw new IllegalArgumentException(cidr + " has a prefix longer than its address");
    }
    return new AddressRange(base.getAddress(), prefix);
  }

  public boolean contains(InetAddress address) {
    byte[] bytes = address.getAddress();
    if (bytes.length != base.length) {
      return false;
    }
    for (int bit = 0; bit < prefix; bit++) {
      int mask = 0x80 >> (bit % 8);
      if ((bytes[bit / 8] & mask) != (base[bit / 8] & mask)) {
        return false;
      }
    }
    return true;
  }
}
