package dev.animetracker.torrent.catalog;

import dev.animetracker.torrent.web.Problems;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
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

  private final JdbcClient jdbc;

  TagController(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  record TagView(long id, String slug, String name, long count) {}

  @GetMapping("/api/tags")
  List<TagView> list(
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
    String prefix = q == null || q.isBlank() ? "" : TagNames.slug(q);
    String pattern = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return jdbc.sql(
            """
            select g.id, g.slug, g.name,
                   count(t.id) as count
            from tag g
            left join torrent_tag tt on tt.tag_id = g.id
            left join torrent t on t.id = tt.torrent_id and t.deleted_at is null
            where g.slug like :pattern
            group by g.id, g.slug, g.name
            order by count(t.id) desc, g.slug
            limit :limit
            """)
        .param("pattern", pattern)
        .param("limit", max)
        .query(TagView.class)
        .list();
  }
}
