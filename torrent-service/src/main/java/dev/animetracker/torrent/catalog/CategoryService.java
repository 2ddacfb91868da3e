package dev.animetracker.torrent.catalog;

import dev.animetracker.common.event.torrent.CategoryRef;
import dev.animetracker.common.event.torrent.CategoryUpdated;
import dev.animetracker.common.i18n.Language;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.common.web.DomainException;
import dev.animetracker.torrent.web.Problems;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Categories: the public list, and creation and renaming by moderators. A change publishes {@code
 * category.updated} through the outbox in its transaction.
 */
@Service
class CategoryService {

  private final Catalogue catalogue;
  private final Outbox outbox;

  CategoryService(Catalogue catalogue, Outbox outbox) {
    this.catalogue = catalogue;
    this.outbox = outbox;
  }

  /** A category as the API shows it, {@code name} in the caller's language. */
  record CategoryView(
      long id,
      String slug,
      String name,
      String nameRu,
      String nameEn,
      String description,
      long torrentCount) {

    static CategoryView of(Catalogue.CategoryRow row, Language language) {
      return new CategoryView(
          row.id(),
          row.slug(),
          language.pick(row.nameRu(), row.nameEn()),
          row.nameRu(),
          row.nameEn(),
          row.description(),
          row.torrentCount());
    }
  }

  record CreateCategory(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String slug,
      @NotBlank @Size(max = 100) String nameRu,
      @NotBlank @Size(max = 100) String nameEn,
      @Size(max = 1000) String description) {}

  record UpdateCategory(
      @Size(min = 1, max = 100) String nameRu,
      @Size(min = 1, max = 100) String nameEn,
      @Size(max = 1000) String description) {}

  @Transactional(readOnly = true)
  public List<CategoryView> list(Language language) {
    return catalogue.categoryRows(null).stream()
        .map(row -> CategoryView.of(row, language))
        .toList();
  }

  /** 409 {@code category-exists} when the slug is taken. */
  @Transactional
  public CategoryView create(CreateCategory request, Language language) {
    try {
      catalogue.insertCategory(
          request.slug(),
          request.nameRu().strip(),
          request.nameEn().strip(),
          blankToNull(request.description()));
    } catch (DuplicateKeyException e) {
      throw new DomainException(
          HttpStatus.CONFLICT, "category-exists", "A category with this slug already exists.");
    }
    return CategoryView.of(catalogue.categoryRows(request.slug()).getFirst(), language);
  }

  /** Changes the given fields (null = unchanged); 404 {@code category-not-found}. */
  @Transactional
  public CategoryView update(String slug, UpdateCategory request, Language language) {
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
    catalogue.updateCategory(
        category.id(),
        request.nameRu() == null ? category.nameRu() : request.nameRu().strip(),
        request.nameEn() == null ? category.nameEn() : request.nameEn().strip(),
        request.description() == null
            ? category.description()
            : blankToNull(request.description()));
    Catalogue.CategoryRow row = catalogue.categoryRows(slug).getFirst();
    outbox.publish(
        "category-" + row.id(),
        new CategoryUpdated(
            new CategoryRef(row.id(), row.slug(), row.nameRu(), row.nameEn()), Instant.now()));
    return CategoryView.of(row, language);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
