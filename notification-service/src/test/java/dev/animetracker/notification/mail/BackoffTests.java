package dev.animetracker.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTests {

  private final Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(15));

  @Test
  void startsAtTheInitialPauseAndDoublesAfterEachFailure() {
    assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(5));
    assertThat(backoff.after(2)).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.after(3)).isEqualTo(Duration.ofSeconds(20));
    assertThat(backoff.after(4)).isEqualTo(Duration.ofSeconds(40));
    assertThat(backoff.after(8)).isEqualTo(Duration.ofSeconds(640));
  }

  @Test
  void isCappedAtTheMaximumWithoutOverflowing() {
    assertThat(backoff.after(9)).isEqualTo(Duration.ofMinutes(15));
    assertThat(backoff.after(40)).isEqualTo(Duration.ofMinutes(15));
    assertThat(backoff.after(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void neverExceedsAMaximumSmallerThanTheInitialPause() {
    Backoff odd = new Backoff(Duration.ofMinutes(1), Duration.ofSeconds(30));
    assertThat(odd.after(0)).isEqualTo(Duration.ofSeconds(30));
    assertThat(odd.after(1)).isEqualTo(Duration.ofSeconds(30));
    assertThat(odd.after(5)).isEqualTo(Duration.ofSeconds(30));
  }
}
