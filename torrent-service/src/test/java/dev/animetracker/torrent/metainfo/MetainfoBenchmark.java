package dev.animetracker.torrent.metainfo;

import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.torrent.metainfo.SyntheticTorrents.Spec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times {@link MetainfoParser#parse} (decode + validate + hashing) on synthetic torrents built in
 * memory: 10 000 files, and 100 GiB of content (v1 and hybrid). Logs the median of N runs after a
 * warm-up. See docs/metainfo.md for how to run it.
 */
public final class MetainfoBenchmark {

  private static final Logger log = LoggerFactory.getLogger(MetainfoBenchmark.class);

  /** One case's result. */
  public record Result(String name, int torrentBytes, int files, double medianMillis) {}

  private MetainfoBenchmark() {}

  /**
   * The yardstick for one parse of each case: well under it on a developer machine, above it means
   * a gross regression (the figure is printed with every run, it fails no build).
   */
  public static final double YARDSTICK_MILLIS = 2_000;

  public static void main(String[] args) {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
    for (Result result : run(runs)) {
      log.info(
          "{}: {} KiB .torrent, {} files, parse+validate median {} ms over {} runs"
              + " (yardstick < {} ms: {})",
          result.name(),
          result.torrentBytes() / 1024,
          result.files(),
          String.format(java.util.Locale.ROOT, "%.2f", result.medianMillis()),
          runs,
          String.format(java.util.Locale.ROOT, "%.0f", YARDSTICK_MILLIS),
          result.medianMillis() < YARDSTICK_MILLIS ? "ok" : "OVER");
    }
  }

  /** Builds the torrents and times {@code runs} parses of each (after as many warm-up parses). */
  public static List<Result> run(int runs) {
    Map<String, byte[]> cases = new LinkedHashMap<>();
    cases.put("10 000 files (v1)", SyntheticTorrents.manyFiles(10_000, 3_000_000, 1 << 20));
    long gib = 1L << 30;
    long pieceLength = 4L << 20;
    List<Spec> big = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      big.add(Spec.file(gib, "Season 1", "Episode " + i + ".mkv"));
    }
    cases.put(
        "100 GiB (v1)",
        SyntheticTorrents.encode(
            SyntheticTorrents.torrent(SyntheticTorrents.v1Info("Big", pieceLength, big))));
    BDictionary[] hybrid =
        SyntheticTorrents.hybridInfoAndLayers(
            "Big hybrid", pieceLength, SyntheticTorrents.withPadFiles(big, pieceLength));
    cases.put(
        "100 GiB (hybrid)",
        SyntheticTorrents.encode(SyntheticTorrents.torrent(hybrid[0], hybrid[1])));

    MetainfoParser parser = new MetainfoParser();
    List<Result> results = new ArrayList<>();
    for (Map.Entry<String, byte[]> entry : cases.entrySet()) {
      byte[] torrent = entry.getValue();
      int files = 0;
      for (int i = 0; i < runs; i++) {
        files = parser.parse(torrent).fileCount(); // warm-up
      }
      long[] nanos = new long[runs];
      for (int i = 0; i < runs; i++) {
        long start = System.nanoTime();
        files = parser.parse(torrent).fileCount();
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      results.add(new Result(entry.getKey(), torrent.length, files, nanos[runs / 2] / 1e6));
    }
    return results;
  }
}
