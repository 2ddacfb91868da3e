package dev.animetracker.search.reindex;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/reindex}: rebuilds the read model from torrent-service and answers what
 * changed (internal network only: the gateway does not route {@code /internal/**}; {@code make
 * reindex} calls it).
 */
@RestController
class ReindexController {

  private final ReindexService reindex;

  ReindexController(ReindexService reindex) {
    this.reindex = reindex;
  }

  @PostMapping("/internal/reindex")
  ReindexService.Report reindex() {
    return reindex.reindex();
  }
}
