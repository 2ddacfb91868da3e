package dev.animetracker.torrent.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Data access for categories and tags. */
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
}
