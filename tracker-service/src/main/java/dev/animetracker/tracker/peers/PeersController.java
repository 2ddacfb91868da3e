package dev.animetracker.tracker.peers;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tracker/torrents/{infoHash}/peers} (moderators, through the gateway): the live
 * peers of a torrent's swarm across every tracker instance, with their last reported counters.
 */
@RestController
class PeersController {

  private final PeersService peers;

  PeersController(PeersService peers) {
    this.peers = peers;
  }

  @GetMapping("/api/tracker/torrents/{infoHash}/peers")
  List<PeerView> peers(@PathVariable String infoHash) {
    return peers.peersOf(infoHash);
  }
}
