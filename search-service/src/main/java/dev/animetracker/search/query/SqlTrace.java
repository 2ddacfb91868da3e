package dev.animetracker.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Records the statements a search runs on the calling thread, so the benchmark can replay exactly
 * them straight against PostgreSQL (the floor the service is compared with).
 */
public final class SqlTrace {

  /** One statement with its named parameters. */
  public record Statement(String sql, Map<String, Object> params) {}

  /** A result and the statements that produced it. */
  public record Traced<T>(T result, List<Statement> statements) {}

  private static final ThreadLocal<List<Statement>> CURRENT = new ThreadLocal<>();

  private SqlTrace() {}

  /** Runs the work and returns what it returned plus every statement it executed. */
  public static <T> Traced<T> trace(Supplier<T> work) {
    List<Statement> statements = new ArrayList<>();
    CURRENT.set(statements);
    try {
      return new Traced<>(work.get(), List.copyOf(statements));
    } finally {
      CURRENT.remove();
    }
  }

  static void record(String sql, Map<String, Object> params) {
    List<Statement> statements = CURRENT.get();
    if (statements != null) {
      statements.add(new Statement(sql, Map.copyOf(params)));
    }
  }
}
