package dev.animetracker.tracker.protocol;

import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.common.bencode.BEncoder;
import dev.animetracker.common.bencode.BList;
import dev.animetracker.common.bencode.BString;
import dev.animetracker.common.bencode.BValue;
import io.netty.buffer.ByteBuf;
import io.netty.util.NetUtil;
import java.util.ArrayList;
import java.util.List;

/**
 * Encodes bencoded HTTP tracker replies (BEP 3, 7, 23, 48) with the common {@link BEncoder}, whose
 * dictionaries keep keys in the byte order bencode requires. (A hand-rolled writer straight into
 * the {@code ByteBuf} was measured at the same speed for a 50-peer reply, so it is not worth a
 * second encoder.)
 */
public final class HttpReplies {

  private static final BString FAILURE_REASON = BString.of("failure reason");

  private HttpReplies() {}

  /**
   * An announce reply. Compact form (BEP 23): IPv4 peers as 6-byte entries in {@code peers}, IPv6
   * peers as 18-byte entries in {@code peers6} (BEP 7, only when there are any). Dictionary form
   * ({@code compact=0}): every peer as {@code {ip, peer id, port}} in {@code peers} (IPv6 in RFC
   * 5952 text), with {@code peer id} only when {@code peerIds} allows it and the client did not ask
   * {@code no_peer_id=1}: a peer id handed out lets anyone impersonate that peer elsewhere.
   */
  public static void announce(
      ByteBuf out, AnnounceRequest request, AnnounceResult result, boolean peerIds) {
    BDictionary.Builder reply =
        BDictionary.builder()
            .put("complete", result.complete())
            .put("downloaded", result.downloaded())
            .put("incomplete", result.incomplete())
            .put("interval", result.interval())
            .put("min interval", result.minInterval());
    List<Peer> peers = result.peers();
    if (request.compact()) {
      int ipv4 = 0;
      for (Peer peer : peers) {
        ipv4 += peer.isIpv4() ? 1 : 0;
      }
      reply.put("peers", BString.of(compact(peers, true, ipv4 * 6)));
      if (ipv4 < peers.size()) {
        reply.put("peers6", BString.of(compact(peers, false, (peers.size() - ipv4) * 18)));
      }
    } else {
      List<BValue> list = new ArrayList<>(peers.size());
      for (Peer peer : peers) {
        BDictionary.Builder entry =
            BDictionary.builder()
                .put("ip", NetUtil.toAddressString(peer.address()))
                .put("port", peer.port());
        if (peerIds && !request.noPeerId()) {
          entry.put("peer id", BString.of(peer.peerId().unsafeBytes()));
        }
        list.add(entry.build());
      }
      reply.put("peers", new BList(list));
    }
    out.writeBytes(BEncoder.encode(reply.build()));
  }

  /**
   * A scrape reply: {@code files} keyed by the raw 20-byte info hashes, each with {@code complete},
   * {@code downloaded} and {@code incomplete}.
   */
  public static void scrape(ByteBuf out, ScrapeResult result) {
    BDictionary.Builder files = BDictionary.builder();
    for (ScrapeResult.Entry entry : result.entries()) {
      files.put(
          BString.of(entry.infoHash().unsafeBytes()),
          BDictionary.builder()
              .put("complete", entry.complete())
              .put("downloaded", entry.downloaded())
              .put("incomplete", entry.incomplete())
              .build());
    }
    out.writeBytes(BEncoder.encode(BDictionary.builder().put("files", files.build()).build()));
  }

  /** A BEP 3 failure: {@code d14:failure reason<n>:<text>e}, the text in UTF-8. */
  public static void failure(ByteBuf out, String reason) {
    out.writeBytes(
        BEncoder.encode(BDictionary.builder().put(FAILURE_REASON, BString.of(reason)).build()));
  }

  private static byte[] compact(List<Peer> peers, boolean ipv4, int length) {
    byte[] bytes = new byte[length];
    int at = 0;
    for (Peer peer : peers) {
      if (peer.isIpv4() == ipv4) {
        byte[] address = peer.address().getAddress();
        System.arraycopy(address, 0, bytes, at, address.length);
        at += address.length;
        bytes[at++] = (byte) (peer.port() >>> 8);
        bytes[at++] = (byte) peer.port();
      }
    }
    return bytes;
  }

  /** BEP 15 peers: the same 6- or 18-byte entries, straight into the packet. */
  static void writeCompact(ByteBuf out, List<Peer> peers, boolean ipv4) {
    for (Peer peer : peers) {
      if (peer.isIpv4() == ipv4) {
        peer.writeCompact(out);
      }
    }
  }
}
