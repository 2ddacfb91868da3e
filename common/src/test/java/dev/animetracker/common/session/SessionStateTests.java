package dev.animetracker.common.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionStateTests {

  private static final Instant NOW = Instant.parse("2026-12-02T06:00:00Z");

  @Test
  void roundTripsThroughTheRedisHash() {
    SessionState temporary = new SessionState(7, true, Instant.ofEpochSecond(1_800_000_000L));
    Map<String, String> hash = temporary.toHash();
    assertThat(hash).containsEntry("ver", "7").containsEntry("bannedUntil", "1800000000");
    assertThat(SessionState.fromFields(hash.get("ver"), hash.get("bannedUntil")))
        .isEqualTo(temporary);

    SessionState forever = new SessionState(3, true, null);
    assertThat(forever.toHash()).containsEntry("bannedUntil", "0");
    assertThat(SessionState.fromFields("3", "0")).isEqualTo(forever);

    assertThat(new SessionState(2, false, null).toHash()).containsOnlyKeys("ver");
  }

  @Test
  void aBanCountsUntilItsEnd() {
    assertThat(new SessionState(1, true, null).bannedAt(NOW)).isTrue();
    assertThat(new SessionState(1, true, NOW.plusSeconds(1)).bannedAt(NOW)).isTrue();
    assertThat(new SessionState(1, true, NOW).bannedAt(NOW)).isFalse();
    assertThat(SessionState.NONE.bannedAt(NOW)).isFalse();
  }

  @Test
  void onlyOlderTokenVersionsAreRevoked() {
    SessionState state = new SessionState(4, false, null);
    assertThat(state.revokes(3)).isTrue();
    assertThat(state.revokes(4)).isFalse();
    assertThat(state.revokes(5)).isFalse();
    assertThat(SessionState.NONE.revokes(0)).isFalse();
  }

  @Test
  void missingOrGarbageFieldsReadAsNothingRecorded() {
    assertThat(SessionState.fromFields(null, null)).isEqualTo(SessionState.NONE);
    assertThat(SessionState.fromFields("x", "y")).isEqualTo(SessionState.NONE);
    assertThat(SessionState.fromFields("-5", null)).isEqualTo(SessionState.NONE);
  }

  @Test
  void rejectsInconsistentStates() {
    assertThatThrownBy(() -> new SessionState(-1, false, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SessionState(1, false, NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
