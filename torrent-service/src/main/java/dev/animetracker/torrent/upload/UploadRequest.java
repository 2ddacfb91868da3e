package dev.animetracker.torrent.upload;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.multipart.MultipartFile;

/**
 * The multipart form of {@code POST /api/torrents}. Bean Validation checks what its standard
 * constraints express exactly; {@link UploadRequestValidator} adds, in the same pass (one 400 with
 * every bad field), the rules that need the catalogue, the tag rules or a count in code points. The
 * size of {@code file} is limited by the multipart resolver while the body streams in ({@code
 * spring.servlet.multipart.max-file-size} = {@code animetracker.torrents.max-torrent-size}, 413
 * {@code torrent-too-large}), the one size check on this path.
 *
 * @param title optional; blank = the torrent's own name
 * @param description optional Markdown; blank = none
 * @param category a category slug
 * @param tags optional, comma-separated
 */
public record UploadRequest(
    @NotNull(message = "Choose a .torrent file to upload.") MultipartFile file,
    String title,
    String description,
    @NotBlank(message = "Choose a category.") String category,
    String tags) {

  /** The title stripped, or null when none was given. */
  public String cleanTitle() {
    return title == null || title.isBlank() ? null : title.strip();
  }

  /** The description, or null when blank. */
  public String cleanDescription() {
    return description == null || description.isBlank() ? null : description;
  }
}
