package dev.animetracker.tracker.peers;

import dev.animetracker.common.torrent.InfoHashes;
import dev.animetracker.common.web.DomainException;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.redis.RedisSwarmStore;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import dev.animetracker.tracker.swarm.PeerDirectory;
import dev.animetracker.tracker.swarm.Whitelist;
import io.lettuce.core.RedisException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Finds a torrent's swarm by either of its hashes and lists its peers. */
@Service
class PeersService {

  private final Whitelist whitelist;
  private final PeerDirectory directory;

  /** Every instance's peers from Redis when swarms are shared, else this instance's. */
  PeersService(Whitelist whitelist, InMemorySwarms swarms, ObjectProvider<RedisSwarmStore> shared) {
    this.whitelist = whitelist;
    RedisSwarmStore redis = shared.getIfAvailable();
    this.directory = redis != null ? redis : swarms;
  }

  /**
   * @param infoHash 40 hex digits (v1, or truncated v2) or 64 (v2)
   */
  List<PeerView> peersOf(String infoHash) {
    InfoHash key = whitelist.swarmOf(parse(infoHash));
    if (key == null) {
      throw new DomainException(
          HttpStatus.NOT_FOUND,
          "torrent-not-found",
          "No live torrent with info hash " + infoHash + " is registered on this tracker.");
    }
    try {
      return directory.peers(key).stream()
          .map(PeerView::of)
          .sorted(Comparator.comparing(PeerView::lastAnnounce).reversed())
          .toList();
    } catch (RedisException e) {
      throw new DomainException(
          HttpStatus.SERVICE_UNAVAILABLE,
          "swarm-store-unavailable",
          "The shared swarm store (Redis) is unavailable; try again shortly.");
    }
  }

  private static InfoHash parse(String hex) {
    if (InfoHashes.isV1(hex)) {
      return InfoHash.fromHex(hex);
    }
    if (InfoHashes.isV2(hex)) {
      return InfoHash.truncatedV2(HexFormat.of().parseHex(hex));
    }
    throw new DomainException(
        HttpStatus.BAD_REQUEST,
        "invalid-info-hash",
        "An info hash is 40 hexadecimal digits (v1 or truncated v2) or 64 (v2).");
  }
}
