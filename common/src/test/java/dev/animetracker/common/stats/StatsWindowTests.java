package dev.animetracker.common.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.common.web.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class StatsWindowTests {

  /** Just after midnight UTC, while it is still the day before in New York. */
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-04T00:30:00Z"), ZoneId.of("America/New_York"));

  @Test
  void theWindowEndsTodayInUtcAndHasEveryDay() {
    StatsWindow window = StatsWindow.of("7", CLOCK);
    assertThat(window.last()).isEqualTo(LocalDate.parse("2026-12-04"));
    assertThat(window.first()).isEqualTo(LocalDate.parse("2026-11-28"));
    assertThat(window.dates()).hasSize(7).startsWith(window.first()).endsWith(window.last());
    assertThat(window.since()).hasToString("2026-11-28T00:00Z");
    assertThat(window.perDay(LocalDate::getDayOfMonth)).containsExactly(28, 29, 30, 1, 2, 3, 4);
  }

  @Test
  void absentOrBlankIsThirtyDaysAndTheBoundsAreAccepted() {
    assertThat(StatsWindow.of(null, CLOCK).days()).isEqualTo(30);
    assertThat(StatsWindow.of(" ", CLOCK).days()).isEqualTo(30);
    assertThat(StatsWindow.of(" 1 ", CLOCK).dates()).containsExactly(LocalDate.parse("2026-12-04"));
    assertThat(StatsWindow.of("90", CLOCK).dates()).hasSize(90);
  }

  @Test
  void anythingElseIsInvalidDays() {
    for (String bad : new String[] {"0", "91", "-1", "seven", "1.5", "99999999999"}) {
      assertThatThrownBy(() -> StatsWindow.of(bad, CLOCK))
          .as(bad)
          .isInstanceOfSatisfying(
              DomainException.class,
              e -> {
                assertThat(e.code()).isEqualTo("invalid-days");
                assertThat(e.status().value()).isEqualTo(400);
              });
    }
  }
}
