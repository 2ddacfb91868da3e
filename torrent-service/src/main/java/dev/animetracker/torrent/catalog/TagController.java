package dev.animetracker.torrent.catalog;

import dev.animetracker.common.catalog.TagSlugs;
import dev.animetracker.torrent.web.Problems;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/tags?q=&limit=}: tags with the number of live torrents carrying them, most used
 * first; {@code q} filters by slug prefix (normalised like a tag).
 */
@RestController
class TagController {

  private static final int DEFAULT_LIMIT = 100;
  private static final int MAX_LIMIT = 1000;

  private final Catalogue catalogue;

  TagController(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @GetMapping("/api/tags")
  List<Catalogue.TagUse> list(
      @RequestParam(required = false) String q, @RequestParam(required = false) String limit) {
    int max = DEFAULT_LIMIT;
    if (limit != null) {
      try {
        max = Integer.parseInt(limit.strip());
      } catch (NumberFormatException e) {
        max = -1;
      }
      if (max < 1 || max > MAX_LIMIT) {
        throw Problems.validation(
            "limit", "Range", "limit must be a number from 1 to " + MAX_LIMIT + ".");
      }
    }
    String prefix = q == null || q.isBlank() ? "" : TagSlugs.slug(q);
    return catalogue.tagsByUse(prefix, max);
  }
}
