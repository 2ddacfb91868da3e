package dev.animetracker.torrent.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/torrents/snapshots?afterId=&limit=}: live torrents in id order with their
 * snapshot fields and counters, so search-service can rebuild its read model (internal network
 * only; the gateway does not route {@code /internal/**}). Page on with {@code nextAfterId}.
 */
@RestController
@Validated
class SnapshotController {

  static final int MAX_LIMIT = 1000;

  private final InternalTorrents snapshots;

  SnapshotController(InternalTorrents snapshots) {
    this.snapshots = snapshots;
  }

  @GetMapping("/internal/torrents/snapshots")
  SnapshotRepository.Page snapshots(
      @RequestParam(defaultValue = "0") @Min(0) long afterId,
      @RequestParam(defaultValue = "500") @Min(1) @Max(MAX_LIMIT) int limit) {
    return snapshots.page(afterId, limit);
  }
}
