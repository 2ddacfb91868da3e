package dev.animetracker.torrent.release;

import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.common.release.ReleaseParser;
import dev.animetracker.torrent.web.Problems;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /api/releases/parse} {@code {name, files?}}: what the parser reads from a release
 * name (and its file paths), for the upload form to prefill its fields before sending. Anyone may
 * ask (nothing is stored); the gateway's rate limit covers it like every API call, and the bounds
 * below keep one request cheap.
 */
@RestController
class ReleaseController {

  /** Longest name accepted; the parser reads at most {@link ReleaseParser#MAX_NAME} of it. */
  static final int MAX_NAME = 2_000;

  /** Most file paths; the upload form sends a .torrent's, which may hold thousands. */
  static final int MAX_FILES = 1_000;

  static final int MAX_PATH = 4_000;

  private final Releases releases;

  ReleaseController(Releases releases) {
    this.releases = releases;
  }

  @PostMapping("/api/releases/parse")
  ParsedRelease parse(@RequestBody JsonNode body) {
    if (body == null || !body.isObject()) {
      throw Problems.validation("body", "Type", "Send a JSON object.");
    }
    Problems.Errors errors = new Problems.Errors();
    JsonNode nameNode = body.get("name");
    String name = null;
    if (nameNode == null || nameNode.isNull() || !nameNode.isString()) {
      errors.add("name", "NotBlank", "name must be the release name (a string).");
    } else if (nameNode.asString().length() > MAX_NAME) {
      errors.add("name", "Size", "name is longer than " + MAX_NAME + " characters.");
    } else {
      name = nameNode.asString();
    }
    List<String> files = new ArrayList<>();
    JsonNode filesNode = body.get("files");
    if (filesNode != null && !filesNode.isNull()) {
      if (!filesNode.isArray()) {
        errors.add("files", "Type", "files must be a list of file paths.");
      } else if (filesNode.size() > MAX_FILES) {
        errors.add("files", "Size", "files holds more than " + MAX_FILES + " paths.");
      } else {
        for (JsonNode file : filesNode) {
          if (!file.isString() || file.asString().length() > MAX_PATH) {
            errors.add(
                "files", "Type", "files must be paths of at most " + MAX_PATH + " characters.");
            break;
          }
          files.add(file.asString());
        }
      }
    }
    errors.throwIfAny();
    return releases.parse(name, files);
  }
}
