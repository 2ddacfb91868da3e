package dev.animetracker.search.reindex;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * The one reindex of all search-service instances: a PostgreSQL session advisory lock, held on a
 * connection of its own for as long as the reindex runs (it spans many transactions). When the
 * instance dies, PostgreSQL ends the session and the lock goes with it, so a killed reindex never
 * blocks the next one.
 */
@Component
class ReindexLock {

  private static final Logger log = LoggerFactory.getLogger(ReindexLock.class);

  /** The lock's key: the same in every instance, distinct from other advisory locks. */
  static final String KEY = "search-service.reindex";

  private final DataSource dataSource;

  ReindexLock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A held lock; closing releases it. */
  interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Takes the lock if no instance holds it.
   *
   * @return the held lock, or empty while a reindex runs anywhere
   */
  Optional<Held> tryAcquire() {
    Connection connection;
    try {
      connection = dataSource.getConnection();
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("No connection for the reindex lock", e);
    }
    try {
      // Autocommit, so the session lock is not tied to (or released by) a transaction.
      connection.setAutoCommit(true);
      if (call(connection, "select pg_try_advisory_lock(hashtext(?))")) {
        return Optional.of(() -> release(connection));
      }
      connection.close();
      return Optional.empty();
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new DataAccessResourceFailureException("Cannot take the reindex lock", e);
    }
  }

  private static void release(Connection connection) {
    try {
      call(connection, "select pg_advisory_unlock(hashtext(?))");
    } catch (SQLException e) {
      // Closing the connection below still ends the session (and its lock) unless the pool keeps
      // it; a broken connection is evicted by the pool, a healthy one answered the unlock.
      log.warn("Releasing the reindex lock failed: {}", e.getMessage());
    } finally {
      closeQuietly(connection);
    }
  }

  private static boolean call(Connection connection, String sql) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, KEY);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      log.debug("Closing the reindex lock connection failed", e);
    }
  }
}
