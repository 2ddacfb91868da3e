package dev.animetracker.common.release;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times {@link ReleaseParser#parse} over the corpus (name + file list, as the services will call
 * it), repeated: logs p50/p99/max microseconds per name and names per second against {@link
 * #YARDSTICK_MICROS}. {@code make bench-release} runs it; docs/releases.md has the figures.
 */
public final class ReleaseParserBenchmark {

  private static final Logger log = LoggerFactory.getLogger(ReleaseParserBenchmark.class);

  /**
   * The yardstick for the median parse of a name alone; above it means a gross regression. p99 is
   * printed too: on a shared two-core machine it carries GC pauses and the neighbours' load.
   */
  public static final double YARDSTICK_MICROS = 50;

  private ReleaseParserBenchmark() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    List<ReleaseCorpus.Entry> corpus = ReleaseCorpus.load();
    ReleaseParser parser = new ReleaseParser();
    int sink = 0;
    for (int round = 0; round < Math.max(20, rounds / 5); round++) {
      for (ReleaseCorpus.Entry entry : corpus) {
        sink += parser.parse(entry.name(), entry.files()).hashCode(); // warm-up
      }
    }
    long[] nanos = new long[rounds * corpus.size()];
    long[] namesOnly = new long[rounds * corpus.size()];
    int i = 0;
    long start = System.nanoTime();
    for (int round = 0; round < rounds; round++) {
      for (ReleaseCorpus.Entry entry : corpus) {
        long t0 = System.nanoTime();
        sink += parser.parse(entry.name(), entry.files()).hashCode();
        long t1 = System.nanoTime();
        sink += parser.parse(entry.name()).hashCode();
        long t2 = System.nanoTime();
        nanos[i] = t1 - t0;
        namesOnly[i] = t2 - t1;
        i++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Arrays.sort(nanos);
    Arrays.sort(namesOnly);
    double p50 = namesOnly[namesOnly.length / 2] / 1e3;
    log.info(
        "release parse over {} corpus names x {} rounds: name+files p50 {} µs, p99 {} µs, max {} µs;"
            + " name only p50 {} µs, p99 {} µs; {} parses/s (yardstick: name-only p50 <= {} µs: {}) [{}]",
        corpus.size(),
        rounds,
        micros(nanos[nanos.length / 2]),
        micros(nanos[(int) (nanos.length * 0.99)]),
        micros(nanos[nanos.length - 1]),
        micros(namesOnly[namesOnly.length / 2]),
        micros(namesOnly[(int) (namesOnly.length * 0.99)]),
        String.format(Locale.ROOT, "%.0f", 2.0 * nanos.length / seconds),
        String.format(Locale.ROOT, "%.0f", YARDSTICK_MICROS),
        p50 <= YARDSTICK_MICROS ? "ok" : "OVER",
        sink);
  }

  private static String micros(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1e3);
  }
}
