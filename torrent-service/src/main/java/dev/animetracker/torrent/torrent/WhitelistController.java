package dev.animetracker.torrent.torrent;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/torrents/whitelist}: info hashes of every live torrent, for the tracker
 * (internal network only; the gateway does not route {@code /internal/**}).
 */
@RestController
class WhitelistController {

  private final TorrentService torrents;

  WhitelistController(TorrentService torrents) {
    this.torrents = torrents;
  }

  @GetMapping("/internal/torrents/whitelist")
  List<TorrentService.WhitelistEntry> whitelist() {
    return torrents.whitelist();
  }
}
