package dev.animetracker.system;

import dev.animetracker.system.Api.Response;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Upload latency through the gateway against the real stack ({@code make bench}): registers
 * uploaders, makes fresh torrents with mktorrent, uploads them one after another and logs
 * p50/p95/p99 of the whole HTTP round trip (gateway → torrent-service: parse, validate, fsync,
 * commit with the outbox event). The per-account upload quotas stay at their defaults: every
 * {@value #UPLOADS_PER_ACCOUNT} uploads come from another new account, as from a crowd of
 * uploaders.
 */
public final class UploadBenchmark {

  private static final Logger log = LoggerFactory.getLogger(UploadBenchmark.class);

  /**
   * A new account's daily upload quota (torrent-service {@code
   * quotas.new-account-uploads-per-day}).
   */
  private static final int UPLOADS_PER_ACCOUNT = 10;

  private UploadBenchmark() {}

  public static void main(String[] args) {
    int uploads = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int warmUp = Math.max(10, uploads / 10);
    Stack.get();
    String user = Api.uniqueName("bench");
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < (uploads + warmUp + UPLOADS_PER_ACCOUNT - 1) / UPLOADS_PER_ACCOUNT; i++) {
      tokens.add(
          Api.registerVerifiedUser(user + i, "benchmark password").path("accessToken").asString());
    }

    List<Path> torrents = new ArrayList<>();
    for (int i = 0; i < uploads + warmUp; i++) {
      torrents.add(Torrents.make("Bench " + user + " " + i));
    }
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < torrents.size(); i++) {
      long started = System.nanoTime();
      String token = tokens.get(i / UPLOADS_PER_ACCOUNT);
      Response response = Torrents.upload(torrents.get(i), Map.of("category", "other"), token);
      long took = (System.nanoTime() - started) / 1000;
      if (response.status() != 201) {
        throw new IllegalStateException("upload failed: " + response.raw().body());
      }
      if (i >= warmUp) {
        micros.add(took);
      }
    }
    Collections.sort(micros);
    log.info(
        "upload through the gateway, {} sequential uploads after {} warm-up: p50 {} ms, p95 {} ms,"
            + " p99 {} ms, max {} ms",
        micros.size(),
        warmUp,
        percentile(micros, 50),
        percentile(micros, 95),
        percentile(micros, 99),
        micros.getLast() / 1000.0);
  }

  private static double percentile(List<Long> sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1000.0;
  }
}
