package dev.animetracker.torrent.audit;

import dev.animetracker.torrent.web.Paging;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/moderation/audit}: moderators only (the security chain). */
@RestController
class AuditController {

  private final AuditService audit;

  AuditController(AuditService audit) {
    this.audit = audit;
  }

  /** A page of the log. */
  record AuditPage(List<ModerationAudit.Entry> items, int page, int size, long total) {}

  @GetMapping("/api/moderation/audit")
  AuditPage list(
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String actor,
      @RequestParam(required = false) String action,
      @RequestParam(required = false) String targetType,
      @RequestParam(required = false) String target) {
    Paging paging = Paging.of(page, size);
    return audit.page(
        new ModerationAudit.Filter(blank(actor), blank(action), blank(targetType), blank(target)),
        paging);
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
