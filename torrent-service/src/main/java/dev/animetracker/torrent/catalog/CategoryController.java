package dev.animetracker.torrent.catalog;

import dev.animetracker.common.i18n.Language;
import dev.animetracker.torrent.web.Caller;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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

  private final CategoryService categories;

  CategoryController(CategoryService categories) {
    this.categories = categories;
  }

  @GetMapping("/api/categories")
  List<CategoryService.CategoryView> list(
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    return categories.list(Language.fromAcceptLanguage(acceptLanguage));
  }

  @PostMapping("/api/categories")
  ResponseEntity<CategoryService.CategoryView> create(
      @Valid @RequestBody CategoryService.CreateCategory request,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    CategoryService.CategoryView view =
        categories.create(Caller.current(), request, Language.fromAcceptLanguage(acceptLanguage));
    return ResponseEntity.created(URI.create("/api/categories/" + view.slug())).body(view);
  }

  @PatchMapping("/api/categories/{slug}")
  CategoryService.CategoryView update(
      @PathVariable String slug,
      @Valid @RequestBody CategoryService.UpdateCategory request,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    return categories.update(
        Caller.current(), slug, request, Language.fromAcceptLanguage(acceptLanguage));
  }
}
