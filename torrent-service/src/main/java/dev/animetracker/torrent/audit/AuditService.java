package dev.animetracker.torrent.audit;

import dev.animetracker.torrent.web.Paging;
import dev.animetracker.torrent.web.Problems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the moderation log with filters. */
@Service
class AuditService {

  private static final int MAX_FILTER = 200;

  private final ModerationAudit audit;

  AuditService(ModerationAudit audit) {
    this.audit = audit;
  }

  /** 400 {@code validation-failed} for an unknown target type or an over-long filter. */
  @Transactional(readOnly = true)
  public AuditController.AuditPage page(ModerationAudit.Filter filter, Paging paging) {
    Problems.Errors errors = new Problems.Errors();
    if (filter.targetType() != null
        && !ModerationAudit.TARGET_TYPES.contains(filter.targetType())) {
      errors.add(
          "targetType", "Pattern", "targetType is one of " + ModerationAudit.TARGET_TYPES + ".");
    }
    tooLong("actor", filter.actor(), errors);
    tooLong("action", filter.action(), errors);
    tooLong("target", filter.target(), errors);
    errors.throwIfAny();
    return new AuditController.AuditPage(
        audit.page(filter, paging.page(), paging.size()),
        paging.page(),
        paging.size(),
        audit.count(filter));
  }

  private static void tooLong(String field, String value, Problems.Errors errors) {
    if (value != null && value.length() > MAX_FILTER) {
      errors.add(field, "Size", field + " is at most " + MAX_FILTER + " characters long.");
    }
  }
}
