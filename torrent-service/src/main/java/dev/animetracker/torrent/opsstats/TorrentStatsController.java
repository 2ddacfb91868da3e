package dev.animetracker.torrent.opsstats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/moderation/stats/torrents?days=30}: moderators only (the security chain's rule
 * for {@code /api/moderation/**}).
 */
@RestController
class TorrentStatsController {

  private final TorrentStatsService stats;

  TorrentStatsController(TorrentStatsService stats) {
    this.stats = stats;
  }

  @GetMapping("/api/moderation/stats/torrents")
  TorrentStats stats(@RequestParam(required = false) String days) {
    return stats.stats(days);
  }
}
