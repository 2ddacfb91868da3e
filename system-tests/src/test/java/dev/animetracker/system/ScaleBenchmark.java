package dev.animetracker.system;

import dev.animetracker.system.Api.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code make bench-scale}: throughput with one vs two instances of the service in question on
 * {@code make cluster}, the same load each time, with the second instance killed and then started
 * again. Each load is warmed up first, then measured in the order two, one, one, two (one kill and
 * one restart; the restarted instance is warmed up again), so a drift over the run (a growing
 * table, a warming JIT) weighs on both sides alike. Loads: uploads (torrent-service) and searches
 * (search-service) through HAProxy and the gateways, UDP announces (tracker-service, the two
 * processes sharing 6969 through SO_REUSEPORT) with infra/bench/tracker's udpload. The yardstick:
 * two instances ≥ 1× one; ideal 2×. This machine's two cores cap it: the load generator, both
 * gateways, Kafka, Redis and PostgreSQL share them with the service measured, so a second instance
 * adds threads, not cores.
 */
public final class ScaleBenchmark {

  private static final Logger log = LoggerFactory.getLogger(ScaleBenchmark.class);

  /** A new account's daily upload quota (torrent-service quotas.new-account-uploads-per-day). */
  private static final int UPLOADS_PER_ACCOUNT = 10;

  private static final int UPLOAD_CONCURRENCY = 4;
  private static final int SEARCH_CONCURRENCY = 8;
  private static final int ANNOUNCE_HASHES = 100;

  /**
   * Peers udpload simulates from its one address: 4 per swarm and 400 in all, below the tracker's
   * per-address caps (5 per swarm, 500 across swarms), so every announce is served, none refused.
   */
  private static final int ANNOUNCE_PEERS = 400;

  private static final Duration SETTLE = Duration.ofSeconds(8);

  private ScaleBenchmark() {}

  /** A measured throughput: requests answered as expected per second, and the failures beside. */
  private record Rate(double perSecond, long failures) {

    static Rate mean(List<Rate> runs) {
      return new Rate(
          runs.stream().mapToDouble(Rate::perSecond).average().orElse(0),
          runs.stream().mapToLong(Rate::failures).sum());
    }
  }

  /** A load that runs for the time it is given and reports its rate. */
  @FunctionalInterface
  private interface Load {
    Rate run(Duration duration) throws Exception;
  }

  /** Measured phases per load (two, one, one, two) plus the two warm-ups. */
  private static final int PHASES = 6;

  public static void main(String[] args) throws Exception {
    Duration duration = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 15);
    Cluster cluster = new Cluster(Cluster.Settings.fromSystemProperties());
    // exec:java runs in the directory make was started from: the table goes next to the module.
    Path target = cluster.settings().repository().resolve("system-tests/target");
    Files.createDirectories(target);

    int perPhase = (int) Math.min(300, 20 * duration.toSeconds());
    List<String> tokens = register(PHASES * perPhase / UPLOADS_PER_ACCOUNT + 1);
    List<Path> torrents = new ArrayList<>();
    for (int i = 0; i < PHASES * perPhase; i++) {
      torrents.add(Torrents.make("Scalebench " + Api.uniqueName("t") + " " + i));
    }
    List<String> infoHashes = new java.util.concurrent.CopyOnWriteArrayList<>();
    AtomicInteger next = new AtomicInteger();

    List<String> rows = new ArrayList<>();
    rows.add(
        ratio(
            "uploads/s (torrent-service)",
            cluster,
            "torrent-service-2",
            duration,
            time -> uploads(torrents, perPhase, next, tokens, infoHashes, time)));

    Path hashes = target.resolve("scale-hashes.txt");
    List<String> announced = infoHashes.subList(0, Math.min(ANNOUNCE_HASHES, infoHashes.size()));
    Files.write(hashes, announced);
    awaitWhitelisted(cluster, announced.getLast());
    Path udpload = udpload(cluster.settings().repository(), target);
    rows.add(
        ratio(
            "UDP announces/s (tracker-service)",
            cluster,
            "tracker-service-2",
            duration,
            time -> announces(udpload, hashes, cluster.settings().trackerPort(), time)));
    rows.add(
        ratio(
            "searches/s (search-service)",
            cluster,
            "search-service-2",
            duration,
            ScaleBenchmark::searches));

    StringBuilder table = new StringBuilder();
    table.append(
        "| load | one instance (mean of 2 runs) | two instances (mean of 2 runs) | ratio (two / one) |\n");
    table.append("|---|---|---|---|\n");
    rows.forEach(row -> table.append(row).append('\n'));
    table.append(
        "\nYardstick: two instances >= 1x one instance on this machine; ideal 2x. Two cores cap it:"
            + " the load generator, the other services, Kafka, Redis and PostgreSQL run on the same"
            + " two cores as both instances, so a second instance adds threads, not CPU.\n");
    Files.writeString(target.resolve("scale-bench.md"), table, StandardCharsets.UTF_8);
    log.info(
        "One vs two instances on make cluster ({} s per run):\n{}", duration.toSeconds(), table);
  }

  /**
   * Warms the load up with both instances, measures two, one, one, two ({@code second} killed
   * between), warming the restarted instance before the last run, and compares the means.
   */
  private static String ratio(
      String what, Cluster cluster, String second, Duration duration, Load load) throws Exception {
    Duration warmUp = Duration.ofSeconds(Math.max(5, duration.toSeconds() / 3));
    log.info("{}: warming up both instances ({} s)", what, warmUp.toSeconds());
    load.run(warmUp);
    List<Rate> two = new ArrayList<>();
    List<Rate> one = new ArrayList<>();
    two.add(measured(what, "two instances", load, duration));
    cluster.kill(second);
    try {
      // The gateways' balancers and HAProxy's checks notice the dead instance first.
      hold(SETTLE);
      one.add(measured(what, "one instance", load, duration));
      one.add(measured(what, "one instance", load, duration));
    } finally {
      cluster.start(second);
      hold(SETTLE);
    }
    log.info("{}: warming up the restarted {} ({} s)", what, second, warmUp.toSeconds());
    load.run(warmUp);
    two.add(measured(what, "two instances", load, duration));
    Rate oneMean = Rate.mean(one);
    Rate twoMean = Rate.mean(two);
    return String.format(
        java.util.Locale.ROOT,
        "| %s | %.1f (runs %s; %d failed) | %.1f (runs %s; %d failed) | %.2fx |",
        what,
        oneMean.perSecond(),
        runs(one),
        oneMean.failures(),
        twoMean.perSecond(),
        runs(two),
        twoMean.failures(),
        oneMean.perSecond() == 0 ? 0 : twoMean.perSecond() / oneMean.perSecond());
  }

  private static Rate measured(String what, String shape, Load load, Duration duration)
      throws Exception {
    Rate rate = load.run(duration);
    log.info("{} with {}: {}", what, shape, rate);
    return rate;
  }

  private static String runs(List<Rate> rates) {
    return String.join(
        ", ",
        rates.stream()
            .map(rate -> String.format(java.util.Locale.ROOT, "%.1f", rate.perSecond()))
            .toList());
  }

  private static List<String> register(int accounts) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> registered = new ArrayList<>();
      String prefix = Api.uniqueName("scale");
      for (int i = 0; i < accounts; i++) {
        String name = prefix + i;
        registered.add(
            pool.submit(
                () ->
                    Api.registerVerifiedUser(name, "benchmark password")
                        .path("accessToken")
                        .asString()));
      }
      List<String> tokens = new ArrayList<>();
      for (Future<String> token : registered) {
        tokens.add(token.get());
      }
      return tokens;
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Up to {@code count} uploads of the prepared torrents, {@value #UPLOAD_CONCURRENCY} at a time.
   */
  private static Rate uploads(
      List<Path> torrents,
      int count,
      AtomicInteger next,
      List<String> tokens,
      List<String> infoHashes,
      Duration duration)
      throws InterruptedException {
    int end = Math.min(torrents.size(), next.get() + count);
    AtomicLong accepted = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long deadline = System.nanoTime() + duration.toNanos();
    long started = System.nanoTime();
    ExecutorService workers = Executors.newFixedThreadPool(UPLOAD_CONCURRENCY);
    for (int w = 0; w < UPLOAD_CONCURRENCY; w++) {
      workers.execute(
          () -> {
            int i;
            while (System.nanoTime() < deadline && (i = next.getAndIncrement()) < end) {
              try {
                Response response =
                    Torrents.upload(
                        torrents.get(i),
                        Map.of("category", "other"),
                        tokens.get(i / UPLOADS_PER_ACCOUNT));
                if (response.status() == 201) {
                  accepted.incrementAndGet();
                  infoHashes.add(response.text("infoHash"));
                } else {
                  failed.incrementAndGet();
                }
              } catch (RuntimeException e) {
                failed.incrementAndGet();
              }
            }
          });
    }
    workers.shutdown();
    workers.awaitTermination(duration.toSeconds() + 120, TimeUnit.SECONDS);
    next.set(end);
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Rate(accepted.get() / seconds, failed.get());
  }

  /**
   * Anonymous searches, {@value #SEARCH_CONCURRENCY} in flight, each from an address of its own.
   */
  private static Rate searches(Duration duration) throws InterruptedException {
    AtomicLong answered = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    long deadline = System.nanoTime() + duration.toNanos();
    long started = System.nanoTime();
    String[] queries = {"scalebench", "scalebench 1", "scalebench 2", "scalebench t"};
    ExecutorService workers = Executors.newFixedThreadPool(SEARCH_CONCURRENCY);
    for (int w = 0; w < SEARCH_CONCURRENCY; w++) {
      Visitor visitor = Visitor.fresh();
      int worker = w;
      workers.execute(
          () -> {
            int n = worker;
            while (System.nanoTime() < deadline) {
              String query = queries[n++ % queries.length].replace(" ", "+");
              try {
                if (visitor.get("/api/search?q=" + query, null).status() == 200) {
                  answered.incrementAndGet();
                } else {
                  failed.incrementAndGet();
                }
              } catch (RuntimeException e) {
                failed.incrementAndGet();
              }
            }
          });
    }
    workers.shutdown();
    workers.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Rate(answered.get() / seconds, failed.get());
  }

  private static final Pattern RESULT =
      Pattern.compile("RESULT .* rps=(\\d+) .* errors=(\\d+) err_packets=(\\d+) timeouts=(\\d+)");

  /** infra/bench/tracker's udpload against the shared port: announces answered per second. */
  private static Rate announces(Path udpload, Path hashes, int port, Duration duration)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(
                udpload.toString(),
                "-p",
                String.valueOf(port),
                "-f",
                hashes.toString(),
                "-P",
                String.valueOf(ANNOUNCE_PEERS),
                "-d",
                String.valueOf(duration.toSeconds()),
                "-w",
                "2")
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor(duration.toSeconds() + 30, TimeUnit.SECONDS);
    Matcher result = RESULT.matcher(output);
    if (!result.find()) {
      throw new IllegalStateException("udpload printed no RESULT line:\n" + output);
    }
    long failures =
        Long.parseLong(result.group(2))
            + Long.parseLong(result.group(3))
            + Long.parseLong(result.group(4));
    return new Rate(Double.parseDouble(result.group(1)), failures);
  }

  /** Compiles the tracker benchmark's UDP load generator (reused, not copied) into target/. */
  private static Path udpload(Path repository, Path target)
      throws IOException, InterruptedException {
    Path source = repository.resolve("infra/bench/tracker/udpload.c");
    Path binary = target.resolve("udpload").toAbsolutePath();
    Process gcc =
        new ProcessBuilder("gcc", "-O2", "-o", binary.toString(), source.toString())
            .inheritIO()
            .start();
    if (!gcc.waitFor(120, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
      throw new IllegalStateException("gcc could not build " + source);
    }
    return binary;
  }

  private static void awaitWhitelisted(Cluster cluster, String infoHash) {
    TrackerClient probe = new TrackerClient(Loopback.next(), cluster.settings().trackerPort());
    Awaitility.await("the trackers serve the uploaded torrents")
        .atMost(Duration.ofSeconds(30))
        .until(() -> probe.scrapeCompleted(infoHash) >= 0);
  }

  private static void hold(Duration duration) {
    Awaitility.await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
  }
}
