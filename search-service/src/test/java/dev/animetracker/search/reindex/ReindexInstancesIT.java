package dev.animetracker.search.reindex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.search.SearchTestSupport;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Reindex on several instances: another instance's reindex (its own lock over its own connections
 * to the same database) makes this one answer {@code 409 reindex-running}; once it finished, or its
 * instance died without releasing anything, this one runs.
 */
class ReindexInstancesIT extends SearchTestSupport {

  @Value("${spring.datasource.url}")
  String url;

  @Value("${spring.datasource.username}")
  String username;

  @Value("${spring.datasource.password}")
  String password;

  /** The lock as a second search-service instance holds it: own data source, same database. */
  private ReindexLock otherInstance() {
    return new ReindexLock(new DriverManagerDataSource(url, username, password));
  }

  @Test
  void aReindexRunningOnAnotherInstanceIsAConflictUntilItFinishes() {
    Optional<ReindexLock.Held> held = otherInstance().tryAcquire();
    assertThat(held).as("no reindex runs yet").isPresent();
    try (ReindexLock.Held running = held.get()) {
      Response refused = post("/internal/reindex");
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.json().get("code").asString()).isEqualTo("reindex-running");
      assertThat(otherInstance().tryAcquire()).as("a third instance is refused too").isEmpty();
    }
    post("/internal/reindex").assertStatus(200);
  }

  @Test
  void aReindexOfAKilledInstanceDoesNotBlockTheNext() throws Exception {
    // The dead instance's session: it takes the lock and disappears without unlocking.
    Connection dying = DriverManager.getConnection(url, username, password);
    try (var statement = dying.prepareStatement("select pg_try_advisory_lock(hashtext(?))")) {
      statement.setString(1, ReindexLock.KEY);
      try (var result = statement.executeQuery()) {
        assertThat(result.next() && result.getBoolean(1)).isTrue();
      }
    }
    post("/internal/reindex").assertStatus(409);
    dying.close();

    post("/internal/reindex").assertStatus(200);
  }

  @Test
  void theLockIsFreeAgainAfterAReindexHere() {
    post("/internal/reindex").assertStatus(200);
    Optional<ReindexLock.Held> afterwards = otherInstance().tryAcquire();
    assertThat(afterwards).isPresent();
    afterwards.get().close();
  }
}
