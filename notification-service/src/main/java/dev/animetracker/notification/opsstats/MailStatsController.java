package dev.animetracker.notification.opsstats;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/notifications/stats?days=30}: moderators only ({@link MailStatsSecurity}). */
@RestController
class MailStatsController {

  private final MailStatsService stats;

  MailStatsController(MailStatsService stats) {
    this.stats = stats;
  }

  @GetMapping(MailStatsSecurity.PATH)
  MailStats stats(@RequestParam(required = false) String days) {
    return stats.stats(days);
  }
}
