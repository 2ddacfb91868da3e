package dev.animetracker.tracker.whitelist;

import dev.animetracker.tracker.config.TrackerProperties;
import dev.animetracker.tracker.protocol.InfoHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Seeds the {@link KafkaWhitelist} from a static file ({@code animetracker.tracker.whitelist-file})
 * before the sockets open, so a tracker can serve a fixed set of torrents without torrent-service
 * (benchmarks, a mirror of another site). One info hash a line: 40 hex digits (v1) or 64 (v2,
 * served under its truncated form); {@code #} starts a comment. Entries are seeded like the
 * torrent-service bulk load: a {@code torrent-events} event about the same torrent overrides them.
 * A line that is not a hash fails the start-up, naming the line: a silently shorter whitelist would
 * only show up as clients refused later.
 */
@Component
class WhitelistFile implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(WhitelistFile.class);

  private static final int V1_HEX = 40;
  private static final int V2_HEX = 64;
  private static final int MAX_ECHOED = 80;

  private final KafkaWhitelist whitelist;
  private final String file;

  WhitelistFile(KafkaWhitelist whitelist, TrackerProperties properties) {
    this.whitelist = whitelist;
    this.file = properties.whitelistFile();
  }

  @Override
  public void afterPropertiesSet() {
    seed(whitelist, file);
  }

  /**
   * Seeds {@code whitelist} with the hashes of {@code file}; nothing when {@code file} is blank.
   *
   * @return how many hashes were new to the whitelist
   */
  static int seed(KafkaWhitelist whitelist, String file) {
    if (file.isBlank()) {
      return 0;
    }
    Path path = Path.of(file.strip());
    List<InfoHash> hashes = read(path);
    int added = 0;
    for (InfoHash hash : hashes) {
      if (whitelist.seed(hash, hash)) {
        added++;
      }
    }
    log.info(
        "Whitelist file {}: {} info hashes read, {} added to the whitelist",
        path.toAbsolutePath(),
        hashes.size(),
        added);
    return added;
  }

  /**
   * The swarm keys listed in {@code path}, in file order (duplicates kept).
   *
   * @throws IllegalStateException naming the file and line when the file cannot be read or a line
   *     is not an info hash
   */
  static List<InfoHash> read(Path path) {
    List<String> lines;
    try {
      lines = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Cannot read the whitelist file " + path.toAbsolutePath() + " (" + e + ")", e);
    }
    List<InfoHash> hashes = new ArrayList<>(lines.size());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int comment = line.indexOf('#');
      String value = (comment >= 0 ? line.substring(0, comment) : line).strip();
      if (value.isEmpty()) {
        continue;
      }
      try {
        hashes.add(parse(value));
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException(
            "Whitelist file "
                + path.toAbsolutePath()
                + " line "
                + (i + 1)
                + ": expected an info hash of 40 (v1) or 64 (v2) hex digits, got \""
                + echo(value)
                + "\"",
            e);
      }
    }
    return hashes;
  }

  private static InfoHash parse(String hex) {
    return switch (hex.length()) {
      case V1_HEX -> InfoHash.fromHex(hex);
      case V2_HEX -> InfoHash.truncatedV2(HexFormat.of().parseHex(hex));
      default -> throw new IllegalArgumentException(hex.length() + " characters");
    };
  }

  private static String echo(String value) {
    return value.length() <= MAX_ECHOED ? value : value.substring(0, MAX_ECHOED) + "...";
  }
}
