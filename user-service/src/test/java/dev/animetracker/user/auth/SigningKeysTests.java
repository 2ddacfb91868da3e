package dev.animetracker.user.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Which key signs and which are published, across a rotation and a database outage. */
class SigningKeysTests {

  private static final Instant T0 = Instant.parse("2026-12-04T12:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final List<SigningKeys.StoredKey> table = new ArrayList<>();
  private final AtomicBoolean databaseDown = new AtomicBoolean();

  private SigningKeys keys() {
    return new SigningKeys(
        () -> {
          if (databaseDown.get()) {
            throw new IllegalStateException("database down");
          }
          return List.copyOf(table);
        },
        Duration.ofMinutes(1),
        clock);
  }

  @Test
  void aNextKeyIsPublishedAtOnceButSignsOnlyFromItsNotBefore() throws Exception {
    RSAKey old = key("old");
    table.add(new SigningKeys.StoredKey(old, T0.minusSeconds(3600)));
    SigningKeys keys = keys();
    assertThat(keys.current().getKeyID()).isEqualTo("old");

    RSAKey next = key("next");
    table.add(new SigningKeys.StoredKey(next, T0.plus(Duration.ofMinutes(10))));
    clock.advance(Duration.ofMinutes(2));

    assertThat(kids(keys)).containsExactlyInAnyOrder("old", "next");
    assertThat(keys.current().getKeyID()).as("before its notBefore").isEqualTo("old");
    assertThat(keys.publicJwkSet().getKeys()).allMatch(k -> !k.isPrivate());

    clock.advance(Duration.ofMinutes(9));
    assertThat(keys.current().getKeyID()).isEqualTo("next");
    assertThat(kids(keys)).as("the old key still verifies its tokens").contains("old");

    table.removeIf(k -> k.key().getKeyID().equals("old"));
    clock.advance(Duration.ofMinutes(2));
    assertThat(kids(keys)).containsExactly("next");
  }

  @Test
  void keysAreReadAgainOnlyAfterTheRefreshAndKeptWhileTheDatabaseIsDown() throws Exception {
    table.add(new SigningKeys.StoredKey(key("first"), T0.minusSeconds(60)));
    SigningKeys keys = keys();
    table.add(new SigningKeys.StoredKey(key("second"), T0.minusSeconds(30)));

    assertThat(keys.current().getKeyID()).as("within the refresh period").isEqualTo("first");
    databaseDown.set(true);
    clock.advance(Duration.ofMinutes(2));
    assertThat(keys.current().getKeyID()).as("the database is down").isEqualTo("first");

    databaseDown.set(false);
    clock.advance(Duration.ofMinutes(2));
    assertThat(keys.current().getKeyID()).isEqualTo("second");
  }

  private static List<String> kids(SigningKeys keys) {
    return keys.publicJwkSet().getKeys().stream().map(JWK::getKeyID).toList();
  }

  private static RSAKey key(String kid) throws Exception {
    return new RSAKeyGenerator(2048).keyID(kid).generate();
  }

  private static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
