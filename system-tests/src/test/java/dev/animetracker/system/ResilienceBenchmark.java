package dev.animetracker.system;

import dev.animetracker.system.Api.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How quickly the gateway answers 503 for a stopped service against the real stack ({@code make
 * bench}): stops search-service and times {@code GET /api/search} through the gateway, the first
 * request (connection refused, before the circuit breaker opens) and the following ones, against
 * the 3 s budget ResilienceIT used to assert. ResilienceIT keeps the functional part (503 problem,
 * recovery to 200).
 */
public final class ResilienceBenchmark {

  private static final Logger log = LoggerFactory.getLogger(ResilienceBenchmark.class);

  private static final Duration BUDGET = Duration.ofSeconds(3);

  private ResilienceBenchmark() {}

  public static void main(String[] args) {
    int requests = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    Stack stack = Stack.get();
    stack.stop("search-service");
    List<Long> micros = new ArrayList<>();
    try {
      for (int i = 0; i < requests; i++) {
        long started = System.nanoTime();
        Response response = Api.get("/api/search?q=naruto", null);
        micros.add((System.nanoTime() - started) / 1000);
        if (response.status() != 503) {
          throw new IllegalStateException("expected 503, got " + response.status());
        }
      }
    } finally {
      stack.start("search-service");
    }
    long first = micros.getFirst();
    Collections.sort(micros);
    long max = micros.getLast();
    log.info(
        "503 through the gateway with search-service stopped, {} requests: first {} ms, p50 {} ms,"
            + " p99 {} ms, max {} ms (budget {} ms: {})",
        micros.size(),
        first / 1000.0,
        percentile(micros, 50),
        percentile(micros, 99),
        max / 1000.0,
        BUDGET.toMillis(),
        max <= BUDGET.toNanos() / 1000 ? "within" : "OVER");
  }

  private static double percentile(List<Long> sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1000.0;
  }
}
