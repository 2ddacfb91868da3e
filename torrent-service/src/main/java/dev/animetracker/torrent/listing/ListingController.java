package dev.animetracker.torrent.listing;

import dev.animetracker.common.i18n.Language;
import dev.animetracker.torrent.core.TorrentExceptions;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/torrents/{id}} and the listing {@code GET /api/torrents}. */
@RestController
class ListingController {

  private final ListingService listing;

  ListingController(ListingService listing) {
    this.listing = listing;
  }

  @GetMapping("/api/torrents/{id}")
  TorrentView get(
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    return listing.get(TorrentExceptions.parseId(id), Language.fromAcceptLanguage(acceptLanguage));
  }

  @GetMapping("/api/torrents")
  ListingService.Page list(
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String uploader,
      @RequestParam(required = false) String category,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    return listing.list(
        new ListingService.Query(page, size, uploader, category),
        Language.fromAcceptLanguage(acceptLanguage));
  }
}
