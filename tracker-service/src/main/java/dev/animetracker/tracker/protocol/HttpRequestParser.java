package dev.animetracker.tracker.protocol;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * Parses BEP 3 announce and BEP 48 scrape query strings straight from the request URI.
 *
 * <p>The URI is read as bytes (one char per byte, as Netty decodes the request line). Values are
 * percent-decoded byte for byte, so {@code %00} is a zero byte, and {@code +} stays a literal
 * {@code +} (this is not HTML form encoding). Unknown parameters are ignored; a known parameter
 * given twice is refused, because which of the two counts would be a guess.
 */
public final class HttpRequestParser {

  private static final int INFO_HASH = 1;
  private static final int PEER_ID = 1 << 1;
  private static final int PORT = 1 << 2;
  private static final int UPLOADED = 1 << 3;
  private static final int DOWNLOADED = 1 << 4;
  private static final int LEFT = 1 << 5;
  private static final int EVENT = 1 << 6;
  private static final int COMPACT = 1 << 7;
  private static final int NO_PEER_ID = 1 << 8;
  private static final int NUMWANT = 1 << 9;
  private static final int KEY = 1 << 10;
  private static final int IP = 1 << 11;

  private final TrackerSettings settings;

  public HttpRequestParser(TrackerSettings settings) {
    this.settings = settings;
  }

  /** The path of a request URI: everything before {@code ?} or {@code #}. */
  public static String path(String uri) {
    int end = uri.length();
    for (int i = 0; i < end; i++) {
      char c = uri.charAt(i);
      if (c == '?' || c == '#') {
        return uri.substring(0, i);
      }
    }
    return uri;
  }

  /**
   * Parses an announce.
   *
   * @param uri the request target, e.g. {@code /announce?info_hash=...}
   * @param source the client's address (after any forwarded-for resolution)
   * @param trustedSource whether the request came through a trusted proxy, the only case in which
   *     the {@code ip} parameter is believed
   */
  public AnnounceRequest parseAnnounce(String uri, InetAddress source, boolean trustedSource)
      throws TrackerProtocolException {
    int seen = 0;
    byte[] infoHash = null;
    byte[] peerId = null;
    int port = 0;
    long uploaded = 0;
    long downloaded = 0;
    long left = 0;
    AnnounceEvent event = AnnounceEvent.NONE;
    boolean compact = true;
    boolean noPeerId = false;
    int numWant = settings.defaultNumWant();
    OptionalInt key = OptionalInt.empty();
    String ip = null;

    int end = queryEnd(uri);
    int i = queryStart(uri, end);
    while (i < end) {
      int amp = indexOf(uri, '&', i, end);
      if (amp > i) {
        int eq = indexOf(uri, '=', i, amp);
        String name = decodeName(uri, i, eq);
        int flag = announceFlag(name);
        if (flag != 0) {
          if ((seen & flag) != 0) {
            throw new TrackerProtocolException("duplicate parameter: " + name);
          }
          seen |= flag;
          byte[] value = decode(uri, Math.min(eq + 1, amp), amp, name);
          switch (flag) {
            case INFO_HASH -> infoHash = id20(value, name);
            case PEER_ID -> peerId = id20(value, name);
            case PORT -> port = port(value);
            case UPLOADED -> uploaded = nonNegative(value, name);
            case DOWNLOADED -> downloaded = nonNegative(value, name);
            case LEFT -> left = nonNegative(value, name);
            case EVENT -> event = event(value);
            case COMPACT -> compact = !(value.length == 1 && value[0] == '0');
            case NO_PEER_ID -> noPeerId = value.length == 1 && value[0] == '1';
            case NUMWANT -> numWant = settings.clampNumWant(signed(value, name));
            case KEY -> key = key(value);
            case IP -> ip = new String(value, StandardCharsets.ISO_8859_1);
            default -> throw new IllegalStateException("unhandled flag " + flag);
          }
        }
      }
      i = amp + 1;
    }

    if (infoHash == null) {
      throw new TrackerProtocolException("missing info_hash");
    }
    if (peerId == null) {
      throw new TrackerProtocolException("missing peer_id");
    }
    if ((seen & PORT) == 0) {
      throw new TrackerProtocolException("missing port");
    }
    if ((seen & LEFT) == 0) {
      throw new TrackerProtocolException("missing left");
    }
    InetAddress address = source;
    if (trustedSource && ip != null) {
      InetAddress given = Addresses.parseLiteral(ip);
      if (given != null) {
        address = given;
      }
    }
    return new AnnounceRequest(
        InfoHash.wrap(infoHash),
        PeerId.wrap(peerId),
        address,
        port,
        uploaded,
        downloaded,
        left,
        event,
        numWant,
        compact,
        noPeerId,
        key,
        Transport.HTTP);
  }

  /** Parses a scrape: one or more {@code info_hash} parameters; a full scrape is not offered. */
  public ScrapeRequest parseScrape(String uri) throws TrackerProtocolException {
    List<InfoHash> hashes = new ArrayList<>();
    int end = queryEnd(uri);
    int i = queryStart(uri, end);
    while (i < end) {
      int amp = indexOf(uri, '&', i, end);
      if (amp > i) {
        int eq = indexOf(uri, '=', i, amp);
        String name = decodeName(uri, i, eq);
        if (name.equals("info_hash")) {
          if (hashes.size() == settings.maxScrapeHashes()) {
            throw new TrackerProtocolException(
                "too many info_hash values (at most " + settings.maxScrapeHashes() + ")");
          }
          hashes.add(InfoHash.wrap(id20(decode(uri, Math.min(eq + 1, amp), amp, name), name)));
        }
      }
      i = amp + 1;
    }
    if (hashes.isEmpty()) {
      throw new TrackerProtocolException("missing info_hash (full scrape is not supported)");
    }
    return new ScrapeRequest(hashes);
  }

  private static int announceFlag(String name) {
    return switch (name) {
      case "info_hash" -> INFO_HASH;
      case "peer_id" -> PEER_ID;
      case "port" -> PORT;
      case "uploaded" -> UPLOADED;
      case "downloaded" -> DOWNLOADED;
      case "left" -> LEFT;
      case "event" -> EVENT;
      case "compact" -> COMPACT;
      case "no_peer_id" -> NO_PEER_ID;
      case "numwant" -> NUMWANT;
      case "key" -> KEY;
      case "ip" -> IP;
      default -> 0;
    };
  }

  private static int queryEnd(String uri) {
    int hash = uri.indexOf('#');
    return hash < 0 ? uri.length() : hash;
  }

  private static int queryStart(String uri, int end) {
    int question = indexOf(uri, '?', 0, end);
    return question == end ? end : question + 1;
  }

  /** The index of {@code c} in {@code [from, to)}, or {@code to}. */
  private static int indexOf(String s, char c, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == c) {
        return i;
      }
    }
    return to;
  }

  private static String decodeName(String uri, int from, int to) throws TrackerProtocolException {
    if (indexOf(uri, '%', from, to) == to) {
      return uri.substring(from, to);
    }
    return new String(decode(uri, from, to, "parameter name"), StandardCharsets.ISO_8859_1);
  }

  /** Percent-decodes {@code [from, to)} into bytes; {@code +} is kept as is. */
  static byte[] decode(String s, int from, int to, String name) throws TrackerProtocolException {
    byte[] out = new byte[to - from];
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c == '%') {
        int hi = i + 1 < to ? Character.digit(s.charAt(i + 1), 16) : -1;
        int lo = i + 2 < to ? Character.digit(s.charAt(i + 2), 16) : -1;
        if (hi < 0 || lo < 0) {
          throw new TrackerProtocolException("invalid percent-encoding in " + name);
        }
        out[n++] = (byte) (hi << 4 | lo);
        i += 2;
      } else if (c > 0xff) {
        throw new TrackerProtocolException("invalid character in " + name);
      } else {
        out[n++] = (byte) c;
      }
    }
    return n == out.length ? out : Arrays.copyOf(out, n);
  }

  private static byte[] id20(byte[] value, String name) throws TrackerProtocolException {
    if (value.length != Id20.LENGTH) {
      throw new TrackerProtocolException(
          "invalid " + name + ": 20 bytes expected, got " + value.length);
    }
    return value;
  }

  private static int port(byte[] value) throws TrackerProtocolException {
    long port = nonNegative(value, "port");
    if (port < 1 || port > 65535) {
      throw new TrackerProtocolException("invalid port: " + port);
    }
    return (int) port;
  }

  private static AnnounceEvent event(byte[] value) throws TrackerProtocolException {
    AnnounceEvent event = AnnounceEvent.fromHttp(new String(value, StandardCharsets.ISO_8859_1));
    if (event == null) {
      throw new TrackerProtocolException("invalid event");
    }
    return event;
  }

  private static OptionalInt key(byte[] value) {
    if (value.length == 0) {
      return OptionalInt.empty();
    }
    if (value.length <= 8) {
      int parsed = 0;
      boolean hex = true;
      for (byte b : value) {
        int digit = Character.digit(b, 16);
        hex &= b > 0 && digit >= 0;
        parsed = parsed << 4 | Math.max(digit, 0);
      }
      if (hex) {
        return OptionalInt.of(parsed);
      }
    }
    return OptionalInt.of(Arrays.hashCode(value));
  }

  /** A decimal integer that may carry a minus sign (only {@code numwant} allows one). */
  private static long signed(byte[] value, String name) throws TrackerProtocolException {
    if (value.length > 1 && value[0] == '-') {
      return -nonNegative(Arrays.copyOfRange(value, 1, value.length), name);
    }
    return nonNegative(value, name);
  }

  static long nonNegative(byte[] value, String name) throws TrackerProtocolException {
    if (value.length == 0) {
      throw new TrackerProtocolException("invalid " + name + ": not a number");
    }
    long result = 0;
    for (byte b : value) {
      if (b < '0' || b > '9') {
        throw new TrackerProtocolException("invalid " + name + ": not a non-negative number");
      }
      if (result > (Long.MAX_VALUE - (b - '0')) / 10) {
        throw new TrackerProtocolException("invalid " + name + ": too large");
      }
      result = result * 10 + (b - '0');
    }
    return result;
  }
}
