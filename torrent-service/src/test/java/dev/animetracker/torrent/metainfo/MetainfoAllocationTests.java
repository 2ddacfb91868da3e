package dev.animetracker.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.testsupport.Allocations;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What parsing the worst legal .torrent allocates, measured per thread ({@code
 * com.sun.management.ThreadMXBean}), must stay a small multiple of the file's size.
 */
class MetainfoAllocationTests {

  private static final Logger LOG = LoggerFactory.getLogger(MetainfoAllocationTests.class);

  static final int MAX_BYTES = 10 * 1024 * 1024;

  /** Allocated bytes per byte of the worst legal file. */
  static final long LIMIT = 8;

  @Test
  void theWorstLegalTorrentCostsASmallMultipleOfItsSize() {
    MetainfoParser parser =
        new MetainfoParser(MetainfoLimits.defaults().withMaxTorrentBytes(MAX_BYTES));
    long worst = 0;
    for (int depth : new int[] {2, 8, 32}) {
      int files =
          Math.min(parser.limits().maxFiles(), WorstCaseTorrents.filesThatFit(MAX_BYTES, depth));
      while (files > 1) {
        byte[] torrent = WorstCaseTorrents.v1(MAX_BYTES, files, depth);
        try {
          parser.parse(torrent);
        } catch (MetainfoException e) {
          LOG.info("{} files of depth {}: {} {}", files, depth, e.code(), e.getMessage());
          files = files * 9 / 10; // over a budget: the worst legal case has fewer files
          continue;
        }
        long allocated = Allocations.allocatedBy(() -> parser.parse(torrent));
        LOG.info(
            "worst legal: depth {}, {} files, {} bytes -> {} bytes allocated ({}x)",
            depth,
            files,
            torrent.length,
            allocated,
            String.format("%.1f", (double) allocated / torrent.length));
        worst = Math.max(worst, allocated);
        break;
      }
    }
    assertThat(worst).isLessThan(LIMIT * MAX_BYTES);
  }
}
