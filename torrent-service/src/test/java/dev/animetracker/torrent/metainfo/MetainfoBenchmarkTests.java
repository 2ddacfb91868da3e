package dev.animetracker.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the benchmark working: its synthetic torrents parse to the file counts they were built
 * with. How fast is the benchmark's to say ({@code make bench} prints each median against {@link
 * MetainfoBenchmark#YARDSTICK_MILLIS}), not a unit test's on a loaded CI machine.
 */
class MetainfoBenchmarkTests {

  @Test
  void benchmarkRunsAndParsesTheBigTorrents() {
    List<MetainfoBenchmark.Result> results = MetainfoBenchmark.run(3);
    assertThat(results)
        .extracting(MetainfoBenchmark.Result::files)
        .containsExactly(10_000, 100, 100);
  }
}
