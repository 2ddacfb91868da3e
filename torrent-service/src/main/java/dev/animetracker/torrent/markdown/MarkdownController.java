package dev.animetracker.torrent.markdown;

import dev.animetracker.torrent.core.TorrentFields;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/markdown/preview}: the HTML a description or comment would get. */
@RestController
class MarkdownController {

  private final MarkdownRenderer renderer;

  MarkdownController(MarkdownRenderer renderer) {
    this.renderer = renderer;
  }

  record PreviewRequest(@NotNull @Size(max = TorrentFields.MAX_DESCRIPTION) String text) {}

  record PreviewResponse(String html) {}

  @PostMapping("/api/markdown/preview")
  PreviewResponse preview(@Valid @RequestBody PreviewRequest request) {
    return new PreviewResponse(renderer.renderForWrite(request.text(), "text"));
  }
}
