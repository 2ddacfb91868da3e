package dev.animetracker.torrent.download;

import dev.animetracker.torrent.core.TorrentExceptions;
import dev.animetracker.torrent.user.ApiKeyUsers;
import dev.animetracker.torrent.web.Caller;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/torrents/{id}/download}: the .torrent with our trackers. */
@RestController
class DownloadController {

  static final MediaType BITTORRENT = MediaType.parseMediaType("application/x-bittorrent");

  private final DownloadService downloads;
  private final ApiKeyUsers apiKeyUsers;

  DownloadController(DownloadService downloads, ApiKeyUsers apiKeyUsers) {
    this.downloads = downloads;
    this.apiKeyUsers = apiKeyUsers;
  }

  /**
   * With a token the download counts for its user; without one, {@code apikey} (feeds, Torznab)
   * names the user instead. A token wins when both are sent.
   */
  @GetMapping("/api/torrents/{id}/download")
  ResponseEntity<byte[]> download(
      @PathVariable String id, @RequestParam(required = false) String apikey) {
    Caller caller =
        apikey == null || Caller.authenticated() ? Caller.current() : apiKeyUsers.caller(apikey);
    DownloadService.Download download = downloads.download(caller, TorrentExceptions.parseId(id));
    return ResponseEntity.ok()
        .contentType(BITTORRENT)
        .header(HttpHeaders.CONTENT_DISPOSITION, TorrentLinks.contentDisposition(download.title()))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(download.bytes());
  }
}
