package dev.animetracker.torrent.series;

import dev.animetracker.common.i18n.Language;
import dev.animetracker.torrent.web.Caller;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/series?q=}, {@code GET /api/series/{slug}} (public), {@code POST /api/series} (a
 * user) and {@code PATCH /api/series/{slug}} (a moderator, its creator or an uploader of one of its
 * releases).
 */
@RestController
class SeriesController {

  private final SeriesService series;

  SeriesController(SeriesService series) {
    this.series = series;
  }

  @GetMapping("/api/series")
  SeriesView.Page list(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size) {
    return series.list(q, page, size);
  }

  @GetMapping("/api/series/{slug}")
  SeriesView get(
      @PathVariable String slug,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    Caller caller = Caller.authenticated() ? Caller.current() : null;
    return series.get(slug, caller, Language.fromAcceptLanguage(acceptLanguage));
  }

  @PostMapping("/api/series")
  ResponseEntity<SeriesView> create(
      @RequestBody JsonNode body,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    SeriesView created =
        series.create(Caller.current(), body, Language.fromAcceptLanguage(acceptLanguage));
    return ResponseEntity.created(URI.create("/api/series/" + created.slug())).body(created);
  }

  @PatchMapping("/api/series/{slug}")
  SeriesView update(
      @PathVariable String slug,
      @RequestBody JsonNode body,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    return series.update(Caller.current(), slug, body, Language.fromAcceptLanguage(acceptLanguage));
  }
}
