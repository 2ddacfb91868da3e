package dev.animetracker.gateway.nyaa;

import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Nyaa's page addresses redirected to ours. The patterns admit only numeric ids and valid usernames
 * (user-service's rule), so anything else is our 404 page and a redirect's target is always one of
 * our own paths.
 */
@Controller
class NyaaLinksController {

  private static final String ID = "{id:\\d{1,18}}";

  private static final String USERNAME = "{name:[A-Za-z0-9_-]{3,32}}";

  @GetMapping("/view/" + ID)
  ResponseEntity<Void> view(@PathVariable String id) {
    return redirect(HttpStatus.MOVED_PERMANENTLY, "/torrents/{id}", id, null);
  }

  /**
   * Temporary, as the download is not a page: it is counted and may depend on who asks. {@code
   * apikey} is kept for feed readers that add it.
   */
  @GetMapping("/download/" + ID + ".torrent")
  ResponseEntity<Void> download(
      @PathVariable String id, @RequestParam(required = false) @Nullable String apikey) {
    return redirect(HttpStatus.FOUND, "/api/torrents/{id}/download", id, apikey);
  }

  @GetMapping("/user/" + USERNAME)
  ResponseEntity<Void> user(@PathVariable String name) {
    return redirect(HttpStatus.MOVED_PERMANENTLY, "/users/{name}", name, null);
  }

  private static ResponseEntity<Void> redirect(
      HttpStatus status, String template, String value, @Nullable String apikey) {
    UriComponentsBuilder target = UriComponentsBuilder.fromPath(template);
    if (apikey != null && !apikey.isBlank()) {
      target.queryParam("apikey", apikey);
    }
    URI location = target.encode().buildAndExpand(value).toUri();
    return ResponseEntity.status(status).location(location).build();
  }
}
