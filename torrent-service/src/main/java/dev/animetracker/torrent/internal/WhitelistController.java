package dev.animetracker.torrent.internal;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/torrents/whitelist}: info hashes of every live torrent, for the tracker
 * (internal network only; the gateway does not route {@code /internal/**}).
 */
@RestController
class WhitelistController {

  private final InternalTorrents torrents;

  WhitelistController(InternalTorrents torrents) {
    this.torrents = torrents;
  }

  @GetMapping("/internal/torrents/whitelist")
  List<SnapshotRepository.WhitelistEntry> whitelist() {
    return torrents.whitelist();
  }
}
