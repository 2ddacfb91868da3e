package dev.animetracker.tracker.protocol;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * Decodes BEP 15 request packets. It never throws on bad input: a packet with a readable
 * transaction id (16 bytes or more) always decodes to something that can be answered, shorter ones
 * to {@code null} (dropped, since an error packet needs the transaction id).
 */
public final class UdpRequestDecoder {

  /** The magic connection id of a connect request. */
  public static final long PROTOCOL_ID = 0x41727101980L;

  public static final int ACTION_CONNECT = 0;
  public static final int ACTION_ANNOUNCE = 1;
  public static final int ACTION_SCRAPE = 2;
  public static final int ACTION_ERROR = 3;

  static final int HEADER_LENGTH = 16;

  /** An announce without BEP 41 options. */
  static final int ANNOUNCE_LENGTH = 98;

  private final ConnectionIds connectionIds;
  private final TrackerSettings settings;

  public UdpRequestDecoder(ConnectionIds connectionIds, TrackerSettings settings) {
    this.connectionIds = connectionIds;
    this.settings = settings;
  }

  /**
   * Decodes one packet without moving its reader index.
   *
   * @return the request, or {@code null} when the packet is too short to carry a transaction id
   */
  public @Nullable UdpRequest decode(ByteBuf packet, InetSocketAddress sender) {
    int base = packet.readerIndex();
    int length = packet.readableBytes();
    if (length < HEADER_LENGTH) {
      return null;
    }
    long connectionId = packet.getLong(base);
    int action = packet.getInt(base + 8);
    int transactionId = packet.getInt(base + 12);
    if (action == ACTION_CONNECT) {
      return connectionId == PROTOCOL_ID
          ? new UdpRequest.Connect(transactionId)
          : new UdpRequest.Invalid(transactionId, "invalid protocol id");
    }
    if (action != ACTION_ANNOUNCE && action != ACTION_SCRAPE) {
      return new UdpRequest.Invalid(transactionId, "unknown action");
    }
    if (sender.getAddress() == null || !connectionIds.isValid(connectionId, sender)) {
      return new UdpRequest.Invalid(transactionId, "connection id expired");
    }
    return action == ACTION_ANNOUNCE
        ? announce(packet, base, length, transactionId, sender)
        : scrape(packet, base, length, transactionId);
  }

  private UdpRequest announce(
      ByteBuf packet, int base, int length, int transactionId, InetSocketAddress sender) {
    if (length < ANNOUNCE_LENGTH) {
      return new UdpRequest.Invalid(transactionId, "announce packet too short");
    }
    byte[] infoHash = new byte[Id20.LENGTH];
    packet.getBytes(base + 16, infoHash);
    byte[] peerId = new byte[Id20.LENGTH];
    packet.getBytes(base + 36, peerId);
    long downloaded = packet.getLong(base + 56);
    long left = packet.getLong(base + 64);
    long uploaded = packet.getLong(base + 72);
    AnnounceEvent event = AnnounceEvent.fromUdp(packet.getInt(base + 80));
    int ip = packet.getInt(base + 84);
    int key = packet.getInt(base + 88);
    int numWant = packet.getInt(base + 92);
    int port = packet.getUnsignedShort(base + 96);
    // Bytes from offset 98 on are BEP 41 options (e.g. the URL path); nothing here needs them, so
    // they are tolerated whatever they contain.
    if (event == null) {
      return new UdpRequest.Invalid(transactionId, "invalid event");
    }
    if (port == 0) {
      return new UdpRequest.Invalid(transactionId, "invalid port: 0");
    }
    if (downloaded < 0 || left < 0 || uploaded < 0) {
      return new UdpRequest.Invalid(transactionId, "negative byte count");
    }
    InetAddress address = Addresses.normalize(sender.getAddress());
    if (ip != 0 && Addresses.isIpv4(address) && settings.isTrustedProxy(address)) {
      address =
          Addresses.fromBytes(
              new byte[] {(byte) (ip >>> 24), (byte) (ip >>> 16), (byte) (ip >>> 8), (byte) ip});
    }
    int wanted =
        Math.min(
            settings.clampNumWant(numWant),
            TrackerSettings.udpPeerLimit(!Addresses.isIpv4(address)));
    return new UdpRequest.Announce(
        transactionId,
        new AnnounceRequest(
            InfoHash.wrap(infoHash),
            PeerId.wrap(peerId),
            address,
            port,
            uploaded,
            downloaded,
            left,
            event,
            wanted,
            true,
            true,
            OptionalInt.of(key),
            Transport.UDP));
  }

  private UdpRequest scrape(ByteBuf packet, int base, int length, int transactionId) {
    int body = length - HEADER_LENGTH;
    if (body == 0 || body % Id20.LENGTH != 0) {
      return new UdpRequest.Invalid(transactionId, "scrape packet must carry whole info hashes");
    }
    int count = body / Id20.LENGTH;
    if (count > settings.maxScrapeHashes()) {
      return new UdpRequest.Invalid(
          transactionId, "too many info hashes (at most " + settings.maxScrapeHashes() + ")");
    }
    List<InfoHash> hashes = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] hash = new byte[Id20.LENGTH];
      packet.getBytes(base + HEADER_LENGTH + i * Id20.LENGTH, hash);
      hashes.add(InfoHash.wrap(hash));
    }
    return new UdpRequest.Scrape(transactionId, new ScrapeRequest(hashes));
  }

  /**
   * The BEP 41 URLData of an announce packet (the path and query of the tracker URL, split over as
   * many options as needed), or an empty array. Malformed or unknown options end the list instead
   * of failing the announce.
   */
  public static byte[] urlData(ByteBuf packet) {
    ByteArrayOutputStream url = new ByteArrayOutputStream();
    int i = packet.readerIndex() + ANNOUNCE_LENGTH;
    int end = packet.writerIndex();
    while (i < end) {
      int type = packet.getUnsignedByte(i++);
      if (type == 0x1) {
        continue;
      }
      if (type != 0x2 || i >= end) {
        break;
      }
      int length = packet.getUnsignedByte(i++);
      if (i + length > end) {
        break;
      }
      byte[] part = new byte[length];
      packet.getBytes(i, part);
      url.writeBytes(part);
      i += length;
    }
    return url.toByteArray();
  }
}
