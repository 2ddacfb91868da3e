package dev.animetracker.torrent.upload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.torrent.TorrentApiTestSupport;
import dev.animetracker.torrent.metainfo.MetainfoLimits;
import dev.animetracker.torrent.metainfo.WorstCaseTorrents;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The worst legal upload (10 MB of deep-path file entries, as many as the value budget allows),
 * alone and six at once from six accounts: each is accepted, what one costs the JVM in allocated
 * bytes is a small multiple of its size (the dev stack runs torrent-service with {@code -Xmx256m}),
 * and afterwards the service is healthy and takes a normal upload. An over-budget file is a 400.
 */
class WorstCaseUploadIT extends TorrentApiTestSupport {

  private static final Logger LOG = LoggerFactory.getLogger(WorstCaseUploadIT.class);

  private static final int MAX_BYTES = 10 * 1024 * 1024;
  private static final int DEPTH = 32;
  private static final int PARALLEL = 6;

  /**
   * The production upload limit, not the small one the other suites run with (the shared
   * registration of {@code max-torrent-size} wins over a subclass's, so the multipart limit that
   * enforces it is set directly).
   */
  @DynamicPropertySource
  static void productionUploadLimit(DynamicPropertyRegistry registry) {
    registry.add("spring.servlet.multipart.max-file-size", () -> "10MB");
  }

  private static byte[] worst(String name) {
    int files =
        WorstCaseTorrents.filesWithinBudget(MetainfoLimits.defaults().maxValues(), DEPTH) - 16;
    return WorstCaseTorrents.v1(MAX_BYTES, files, DEPTH, name);
  }

  private static long totalAllocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getTotalThreadAllocatedBytes();
  }

  @Test
  void theWorstLegalUploadCostsASmallMultipleOfItsSizeAndParallelOnesLeaveTheServiceHealthy()
      throws Exception {
    byte[] warmUp = worst("warm " + System.nanoTime());
    upload(warmUp, "anime-eng", user("warm")).assertStatus(201);

    byte[] one = worst("one " + System.nanoTime());
    User alone = user("alone");
    long before = totalAllocated();
    upload(one, "anime-eng", alone).assertStatus(201);
    long allocated = totalAllocated() - before;
    LOG.info(
        "worst legal upload: {} bytes -> {} bytes allocated by the whole JVM, test client"
            + " included ({}x)",
        one.length,
        allocated,
        String.format("%.1f", (double) allocated / one.length));
    assertThat(allocated).isLessThan(20L * one.length);

    List<Callable<Response>> uploads = new ArrayList<>();
    for (int i = 0; i < PARALLEL; i++) {
      byte[] torrent = worst("parallel " + i + " " + System.nanoTime());
      User uploader = user("par" + i);
      uploads.add(() -> upload(torrent, "anime-eng", uploader));
    }
    try (ExecutorService pool = Executors.newFixedThreadPool(PARALLEL)) {
      for (Future<Response> result : pool.invokeAll(uploads)) {
        result.get().assertStatus(201);
      }
    }

    assertThat(get("/actuator/health").assertStatus(200).text("status")).isEqualTo("UP");
    uploaded(randomTorrent("after " + System.nanoTime()), Map.of(), user("after"));
  }

  @Test
  void aFileOverTheValueBudgetIsA400WithItsOwnCode() {
    int files = WorstCaseTorrents.filesWithinBudget(MetainfoLimits.defaults().maxValues(), 64);
    byte[] over = WorstCaseTorrents.v1(MAX_BYTES, files + 2000, 64, "over " + System.nanoTime());
    upload(over, "anime-eng", user("over")).assertProblem(400, "too-many-values");
  }
}
