package dev.animetracker.torrent.upload;

import dev.animetracker.common.web.FieldProblem;
import dev.animetracker.torrent.core.TorrentFields;
import dev.animetracker.torrent.release.ReleaseCorrections;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * @param remake optional flag ({@code true}/{@code on}/{@code 1}); absent = not a remake
 * @param complete optional flag; absent = not a complete batch
 * @param series optional series slug; blank = found from the parsed release title
 * @param mediaInfo optional MediaInfo/NFO text, cleaned by {@link TorrentFields#cleanMediaInfo};
 *     blank = none
 *     <p>The release fields ({@code group} … {@code audioLanguages}, see {@link
 *     ReleaseCorrections#FORM_KEYS}) are optional corrections of what the title and the file list
 *     say; blank = as parsed.
 */
public record UploadRequest(
    @NotNull(message = "Choose a .torrent file to upload.") MultipartFile file,
    String title,
    String description,
    @NotBlank(message = "Choose a category.") String category,
    String tags,
    String group,
    String season,
    String episodeFrom,
    String episodeTo,
    String batch,
    String version,
    String resolution,
    String source,
    String videoCodec,
    String audioCodec,
    String crc32,
    String subtitleLanguages,
    String audioLanguages,
    String remake,
    String complete,
    String series,
    String mediaInfo) {

  /** The title stripped, or null when none was given. */
  public String cleanTitle() {
    return title == null || title.isBlank() ? null : title.strip();
  }

  /** The description, or null when blank. */
  public String cleanDescription() {
    return description == null || description.isBlank() ? null : description;
  }

  /** The MediaInfo text as stored, or null when none was given. */
  public String cleanMediaInfo() {
    return TorrentFields.cleanMediaInfo(mediaInfo);
  }

  /** The release corrections of the form; their problems are added to {@code problems}. */
  public ReleaseCorrections releaseCorrections(List<FieldProblem> problems) {
    Map<String, String> form = new HashMap<>();
    form.put(ReleaseCorrections.GROUP, group);
    form.put(ReleaseCorrections.SEASON, season);
    form.put(ReleaseCorrections.EPISODE_FROM, episodeFrom);
    form.put(ReleaseCorrections.EPISODE_TO, episodeTo);
    form.put(ReleaseCorrections.BATCH, batch);
    form.put(ReleaseCorrections.VERSION, version);
    form.put(ReleaseCorrections.RESOLUTION, resolution);
    form.put(ReleaseCorrections.SOURCE, source);
    form.put(ReleaseCorrections.VIDEO_CODEC, videoCodec);
    form.put(ReleaseCorrections.AUDIO_CODEC, audioCodec);
    form.put(ReleaseCorrections.CRC32, crc32);
    form.put(ReleaseCorrections.SUBTITLE_LANGUAGES, subtitleLanguages);
    form.put(ReleaseCorrections.AUDIO_LANGUAGES, audioLanguages);
    return ReleaseCorrections.fromForm(form, problems);
  }

  /** Whether the form says remake (problems added for an unreadable value). */
  public boolean remakeFlag(List<FieldProblem> problems) {
    return Boolean.TRUE.equals(ReleaseCorrections.flag("remake", remake, problems));
  }

  /** Whether the form says complete (problems added for an unreadable value). */
  public boolean completeFlag(List<FieldProblem> problems) {
    return Boolean.TRUE.equals(ReleaseCorrections.flag("complete", complete, problems));
  }
}
