package dev.animetracker.torrent.catalog;

import dev.animetracker.common.event.torrent.CategoryRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Data access for categories and tags (transactions are the callers'). */
@Repository
public class Catalogue {

  private final JdbcClient jdbc;

  Catalogue(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Category> category(String slug) {
    return jdbc.sql(
            "select id, slug, name_ru, name_en, description from category where slug = :slug")
        .param("slug", slug)
        .query(Category.class)
        .optional();
  }

  public Optional<Category> category(long id) {
    return jdbc.sql("select id, slug, name_ru, name_en, description from category where id = :id")
        .param("id", id)
        .query(Category.class)
        .optional();
  }

  /** Creates missing tags (first name wins) and returns all of them in the given order. */
  @Transactional(propagation = Propagation.MANDATORY)
  public List<Tag> ensureTags(List<TagNames.Wanted> wanted) {
    List<Tag> tags = new ArrayList<>();
    for (TagNames.Wanted tag : wanted) {
      jdbc.sql("insert into tag (slug, name) values (:slug, :name) on conflict (slug) do nothing")
          .param("slug", tag.slug())
          .param("name", tag.name())
          .update();
      tags.add(
          jdbc.sql("select id, slug, name from tag where slug = :slug")
              .param("slug", tag.slug())
              .query(Tag.class)
              .single());
    }
    return tags;
  }

  /** A category with the number of live torrents in it. */
  record CategoryRow(
      long id,
      String slug,
      String nameRu,
      String nameEn,
      String description,
      int position,
      long torrentCount,
      Instant updatedAt) {

    CategoryRef ref() {
      return new CategoryRef(id, slug, nameRu, nameEn);
    }
  }

  /** One category by slug, or all of them (slug null) in display order. */
  List<CategoryRow> categoryRows(String slug) {
    return jdbc.sql(
            """
            select c.id, c.slug, c.name_ru, c.name_en, c.description, c.position,
                   (select count(*) from torrent t
                     where t.category_id = c.id and t.deleted_at is null) as torrent_count,
                   c.updated_at
            from category c
            where (cast(:slug as text) is null or c.slug = :slug)
            order by c.position, c.id
            """)
        .param("slug", slug)
        .query(CategoryRow.class)
        .list();
  }

  /**
   * Adds a category at {@code position}, or after the last one (null); {@code
   * DuplicateKeyException} when the slug is taken.
   */
  void insertCategory(
      String slug, String nameRu, String nameEn, String description, Integer position) {
    jdbc.sql(
            """
            insert into category (slug, name_ru, name_en, description, position)
            values (:slug, :nameRu, :nameEn, :description,
                    coalesce(cast(:position as integer),
                             (select coalesce(max(position), 0) + 10 from category)))
            """)
        .param("position", position)
        .param("slug", slug)
        .param("nameRu", nameRu)
        .param("nameEn", nameEn)
        .param("description", description)
        .update();
  }

  void updateCategory(long id, String nameRu, String nameEn, String description, int position) {
    jdbc.sql(
            """
            update category set name_ru = :nameRu, name_en = :nameEn, description = :description,
                   position = :position, updated_at = now()
            where id = :id
            """)
        .param("id", id)
        .param("position", position)
        .param("nameRu", nameRu)
        .param("nameEn", nameEn)
        .param("description", description)
        .update();
  }

  /** A tag with the number of live torrents carrying it. */
  record TagUse(long id, String slug, String name, long count) {}

  /** Tags whose slug starts with {@code prefix}, most used first, then by slug. */
  List<TagUse> tagsByUse(String prefix, int limit) {
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
        .param("limit", limit)
        .query(TagUse.class)
        .list();
  }
}
