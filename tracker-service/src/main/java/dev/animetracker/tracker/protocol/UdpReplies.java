package dev.animetracker.tracker.protocol;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.nio.charset.StandardCharsets;

/** Encodes BEP 15 reply packets. */
public final class UdpReplies {

  private static final int ERROR_HEADER_BYTES = 8;

  private UdpReplies() {}

  public static void connect(ByteBuf out, int transactionId, long connectionId) {
    out.writeInt(UdpRequestDecoder.ACTION_CONNECT);
    out.writeInt(transactionId);
    out.writeLong(connectionId);
  }

  /**
   * An announce reply: interval, leechers, seeders, then the peers of the request's own family, 6
   * bytes each for IPv4 and 18 bytes each for IPv6 (BEP 15's IPv6 note).
   */
  public static void announce(
      ByteBuf out, int transactionId, AnnounceRequest request, AnnounceResult result) {
    out.writeInt(UdpRequestDecoder.ACTION_ANNOUNCE);
    out.writeInt(transactionId);
    out.writeInt(result.interval());
    out.writeInt(result.incomplete());
    out.writeInt(result.complete());
    HttpReplies.writeCompact(out, result.peers(), Addresses.isIpv4(request.address()));
  }

  /** A scrape reply: seeders, completed, leechers per requested hash, in request order. */
  public static void scrape(ByteBuf out, int transactionId, ScrapeResult result) {
    out.writeInt(UdpRequestDecoder.ACTION_SCRAPE);
    out.writeInt(transactionId);
    for (ScrapeResult.Entry entry : result.entries()) {
      out.writeInt(entry.complete());
      out.writeInt((int) Math.min(entry.downloaded(), Integer.MAX_VALUE));
      out.writeInt(entry.incomplete());
    }
  }

  public static void error(ByteBuf out, int transactionId, String message) {
    out.writeInt(UdpRequestDecoder.ACTION_ERROR);
    out.writeInt(transactionId);
    out.writeCharSequence(message, StandardCharsets.UTF_8);
  }

  /**
   * Whether the error reply to a request of {@code requestBytes} bytes would be no larger than the
   * request. A request whose source address is not proven (no valid connection id) may be spoofed,
   * so answering it with more bytes than it carried would make the tracker a UDP amplifier.
   */
  public static boolean errorFits(String message, int requestBytes) {
    return ERROR_HEADER_BYTES + ByteBufUtil.utf8Bytes(message) <= requestBytes;
  }
}
