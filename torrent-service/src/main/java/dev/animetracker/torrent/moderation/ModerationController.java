package dev.animetracker.torrent.moderation;

import dev.animetracker.common.i18n.Language;
import dev.animetracker.torrent.core.TorrentExceptions;
import dev.animetracker.torrent.listing.TorrentView;
import dev.animetracker.torrent.web.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code PATCH} and {@code DELETE /api/torrents/{id}}: the uploader or a moderator. */
@RestController
class ModerationController {

  private final ModerationService moderation;

  ModerationController(ModerationService moderation) {
    this.moderation = moderation;
  }

  @PatchMapping("/api/torrents/{id}")
  TorrentView update(
      @PathVariable String id,
      @RequestBody JsonNode body,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    long torrentId = TorrentExceptions.parseId(id);
    return moderation.update(
        Caller.current(), torrentId, body, Language.fromAcceptLanguage(acceptLanguage));
  }

  @DeleteMapping("/api/torrents/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    moderation.delete(Caller.current(), TorrentExceptions.parseId(id));
    return ResponseEntity.noContent().build();
  }
}
