package dev.animetracker.torrent.catalog;

import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.CategoryUpdated;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.common.web.DomainException;
import dev.animetracker.torrent.web.Problems;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/categories} (public, {@code name} in the Accept-Language language, Russian by
 * default); {@code POST /api/categories} and {@code PATCH /api/categories/{slug}} for moderators.
 */
@RestController
class CategoryController {

  private final JdbcClient jdbc;
  private final Catalogue catalogue;
  private final Outbox outbox;

  CategoryController(JdbcClient jdbc, Catalogue catalogue, Outbox outbox) {
    this.outbox = outbox;
    this.jdbc = jdbc;
    this.catalogue = catalogue;
  }

  record CategoryView(
      long id,
      String slug,
      String name,
      String nameRu,
      String nameEn,
      String description,
      long torrentCount) {}

  record CreateCategory(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String slug,
      @NotBlank @Size(max = 100) String nameRu,
      @NotBlank @Size(max = 100) String nameEn,
      @Size(max = 1000) String description) {}

  record UpdateCategory(
      @Size(min = 1, max = 100) String nameRu,
      @Size(min = 1, max = 100) String nameEn,
      @Size(max = 1000) String description) {}

  private record Row(
      long id, String slug, String nameRu, String nameEn, String description, long torrentCount) {
    CategoryView view(Language language) {
      return new CategoryView(
          id, slug, language.pick(nameRu, nameEn), nameRu, nameEn, description, torrentCount);
    }
  }

  @GetMapping("/api/categories")
  List<CategoryView> list(
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    Language language = Language.fromAcceptLanguage(acceptLanguage);
    return rows(null).stream().map(row -> row.view(language)).toList();
  }

  @PostMapping("/api/categories")
  @Transactional
  ResponseEntity<CategoryView> create(
      @Valid @RequestBody CreateCategory request,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    try {
      jdbc.sql(
              """
              insert into category (slug, name_ru, name_en, description, position)
              values (:slug, :nameRu, :nameEn, :description,
                      (select coalesce(max(position), 0) + 10 from category))
              """)
          .param("slug", request.slug())
          .param("nameRu", request.nameRu().strip())
          .param("nameEn", request.nameEn().strip())
          .param("description", blankToNull(request.description()))
          .update();
    } catch (DuplicateKeyException e) {
      throw new DomainException(
          HttpStatus.CONFLICT, "category-exists", "A category with this slug already exists.");
    }
    CategoryView view =
        rows(request.slug()).getFirst().view(Language.fromAcceptLanguage(acceptLanguage));
    return ResponseEntity.created(URI.create("/api/categories/" + view.slug())).body(view);
  }

  @PatchMapping("/api/categories/{slug}")
  @Transactional
  CategoryView update(
      @PathVariable String slug,
      @Valid @RequestBody UpdateCategory request,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    Category category =
        catalogue
            .category(slug)
            .orElseThrow(
                () ->
                    new DomainException(
                        HttpStatus.NOT_FOUND, "category-not-found", "There is no such category."));
    if (request.nameRu() != null && request.nameRu().isBlank()
        || request.nameEn() != null && request.nameEn().isBlank()) {
      throw Problems.validation("name", "NotBlank", "A category name cannot be blank.");
    }
    jdbc.sql(
            """
            update category set name_ru = :nameRu, name_en = :nameEn, description = :description,
                   updated_at = now()
            where id = :id
            """)
        .param("id", category.id())
        .param("nameRu", request.nameRu() == null ? category.nameRu() : request.nameRu().strip())
        .param("nameEn", request.nameEn() == null ? category.nameEn() : request.nameEn().strip())
        .param(
            "description",
            request.description() == null
                ? category.description()
                : blankToNull(request.description()))
        .update();
    Row row = rows(slug).getFirst();
    outbox.publish(
        "category-" + row.id(),
        new CategoryUpdated(
            new CategoryRef(row.id(), row.slug(), row.nameRu(), row.nameEn()), Instant.now()));
    return row.view(Language.fromAcceptLanguage(acceptLanguage));
  }

  private List<Row> rows(String slug) {
    return jdbc.sql(
            """
            select c.id, c.slug, c.name_ru, c.name_en, c.description,
                   (select count(*) from torrent t
                     where t.category_id = c.id and t.deleted_at is null) as torrent_count
            from category c
            where (cast(:slug as text) is null or c.slug = :slug)
            order by c.position, c.id
            """)
        .param("slug", slug)
        .query(Row.class)
        .list();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
