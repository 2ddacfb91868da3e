package dev.animetracker.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the benchmark working and catches gross regressions (generous bounds for slow CI). */
class MetainfoBenchmarkTests {

  @Test
  void benchmarkRunsAndParsesTheBigTorrentsQuickly() {
    List<MetainfoBenchmark.Result> results = MetainfoBenchmark.run(3);
    assertThat(results)
        .extracting(MetainfoBenchmark.Result::files)
        .containsExactly(10_000, 100, 100);
    assertThat(results).allSatisfy(r -> assertThat(r.medianMillis()).isLessThan(2_000));
  }
}
