package dev.animetracker.torrent.release;

import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.common.release.ReleaseParser;
import dev.animetracker.torrent.core.TorrentRow;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one {@link ReleaseParser} of the service (stateless and thread-safe) and the ways features
 * feed it: a title with a .torrent's file paths, or a stored row (its title and file list).
 */
@Component
public class Releases {

  private final ReleaseParser parser = new ReleaseParser();
  private final JsonMapper json;

  Releases(JsonMapper json) {
    this.json = json;
  }

  /** What the name and the file paths say. */
  public ParsedRelease parse(String name, List<String> filePaths) {
    return parser.parse(name, filePaths);
  }

  /** What a stored torrent's title and file list say. */
  public ParsedRelease parse(TorrentRow row) {
    return parse(row.title(), row);
  }

  /** What {@code name} says with a stored torrent's file list (a title being edited). */
  public ParsedRelease parse(String name, TorrentRow row) {
    return parse(name, filePaths(row.files()));
  }

  /** What {@code name} with its corrections applied says, the upload's and edit's step. */
  public ParsedRelease parse(String name, List<String> filePaths, ReleaseCorrections corrections) {
    return corrections.applyTo(parse(name, filePaths));
  }

  /** The paths of the stored file list ({@code [{path, size}]}). */
  private List<String> filePaths(String files) {
    JsonNode list = json.readTree(files);
    return list.valueStream()
        .limit(ReleaseParser.MAX_FILES)
        .map(file -> file.path("path").asString(""))
        .toList();
  }
}
