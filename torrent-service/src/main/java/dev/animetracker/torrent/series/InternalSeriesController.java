package dev.animetracker.torrent.series;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/series?after=&limit=}: every series in slug order with its titles and
 * version, so search-service can rebuild its copy (internal network and service tokens only, like
 * the torrent snapshots). Page on with {@code nextAfter}.
 */
@RestController
@Validated
class InternalSeriesController {

  private final SeriesService series;

  InternalSeriesController(SeriesService series) {
    this.series = series;
  }

  @GetMapping("/internal/series")
  SeriesView.InternalPage list(
      @RequestParam(defaultValue = "") @Size(max = 200) String after,
      @RequestParam(defaultValue = "500") @Min(1) @Max(SeriesService.MAX_INTERNAL_LIMIT)
          int limit) {
    return series.internal(after, limit);
  }
}
