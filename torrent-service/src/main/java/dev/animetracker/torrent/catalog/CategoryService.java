package dev.animetracker.torrent.catalog;

import dev.animetracker.common.event.torrent.CategoryUpdated;
import dev.animetracker.common.i18n.Language;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.common.web.DomainException;
import dev.animetracker.torrent.audit.ModerationAudit;
import dev.animetracker.torrent.web.Caller;
import dev.animetracker.torrent.web.Problems;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Categories: the public list (by {@code position}, then id), and creation, renaming and reordering
 * by moderators. A creation or a change publishes {@code category.updated} through the outbox and
 * writes the moderation log in its transaction, so read models list a category before its first
 * torrent (Torznab caps list empty ones too).
 */
@Service
class CategoryService {

  private final Catalogue catalogue;
  private final Outbox outbox;
  private final ModerationAudit moderationLog;

  CategoryService(Catalogue catalogue, Outbox outbox, ModerationAudit moderationLog) {
    this.catalogue = catalogue;
    this.outbox = outbox;
    this.moderationLog = moderationLog;
  }

  /** Lowest and highest position a moderator may give; lists sort by it, then by id. */
  static final int MAX_POSITION = 1_000_000;

  /** A category as the API shows it, {@code name} in the caller's language. */
  record CategoryView(
      long id,
      String slug,
      String name,
      String nameRu,
      String nameEn,
      String description,
      int position,
      long torrentCount) {

    static CategoryView of(Catalogue.CategoryRow row, Language language) {
      return new CategoryView(
          row.id(),
          row.slug(),
          language.pick(row.nameRu(), row.nameEn()),
          row.nameRu(),
          row.nameEn(),
          row.description(),
          row.position(),
          row.torrentCount());
    }
  }

  record CreateCategory(
      @NotBlank @Size(max = 64) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*") String slug,
      @NotBlank @Size(max = 100) String nameRu,
      @NotBlank @Size(max = 100) String nameEn,
      @Size(max = 1000) String description,
      @Min(0) @Max(MAX_POSITION) Integer position) {}

  record UpdateCategory(
      @Size(min = 1, max = 100) String nameRu,
      @Size(min = 1, max = 100) String nameEn,
      @Size(max = 1000) String description,
      @Min(0) @Max(MAX_POSITION) Integer position) {}

  @Transactional(readOnly = true)
  public List<CategoryView> list(Language language) {
    return catalogue.categoryRows(null).stream()
        .map(row -> CategoryView.of(row, language))
        .toList();
  }

  /** 409 {@code category-exists} when the slug is taken. */
  @Transactional
  public CategoryView create(Caller caller, CreateCategory request, Language language) {
    try {
      catalogue.insertCategory(
          request.slug(),
          request.nameRu().strip(),
          request.nameEn().strip(),
          blankToNull(request.description()),
          request.position());
    } catch (DuplicateKeyException e) {
      throw new DomainException(
          HttpStatus.CONFLICT, "category-exists", "A category with this slug already exists.");
    }
    Catalogue.CategoryRow row = catalogue.categoryRows(request.slug()).getFirst();
    announce(row);
    moderationLog.record(
        caller, "category.create", "category", row.slug(), null, null, fields(row));
    return CategoryView.of(row, language);
  }

  /** Changes the given fields (null = unchanged); 404 {@code category-not-found}. */
  @Transactional
  public CategoryView update(
      Caller caller, String slug, UpdateCategory request, Language language) {
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
    Catalogue.CategoryRow old = catalogue.categoryRows(slug).getFirst();
    catalogue.updateCategory(
        category.id(),
        request.nameRu() == null ? category.nameRu() : request.nameRu().strip(),
        request.nameEn() == null ? category.nameEn() : request.nameEn().strip(),
        request.description() == null ? category.description() : blankToNull(request.description()),
        request.position() == null ? old.position() : request.position());
    Catalogue.CategoryRow row = catalogue.categoryRows(slug).getFirst();
    announce(row);
    Map<String, Object> before = fields(old);
    Map<String, Object> after = fields(row);
    // Only what changed; a PATCH that changes nothing still answers, but is no moderator action.
    before.keySet().removeIf(field -> Objects.equals(before.get(field), after.get(field)));
    after.keySet().retainAll(before.keySet());
    if (!after.isEmpty()) {
      moderationLog.record(caller, "category.update", "category", slug, null, before, after);
    }
    return CategoryView.of(row, language);
  }

  /**
   * Publishes every category as it stands. The categories the first migration creates were never
   * announced, and a read model rebuilt from torrents alone misses the empty ones; read models
   * apply a category only over an older {@code updatedAt}, so announcing again changes nothing.
   */
  @Transactional
  public int announceAll() {
    List<Catalogue.CategoryRow> rows = catalogue.categoryRows(null);
    rows.forEach(this::announce);
    return rows.size();
  }

  private void announce(Catalogue.CategoryRow row) {
    // Keyed by category, so one category's changes arrive in order; stamped with the row's own
    // time, so a repeated announcement is recognised as one already applied.
    outbox.publish("category-" + row.id(), new CategoryUpdated(row.ref(), row.updatedAt()));
  }

  private static Map<String, Object> fields(Catalogue.CategoryRow row) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("nameRu", row.nameRu());
    fields.put("nameEn", row.nameEn());
    fields.put("description", row.description());
    fields.put("position", row.position());
    return fields;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
