package dev.animetracker.search.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CandidatePageTests {

  @Test
  void fewerCandidatesThanTheLimitAreAllTheMatches() {
    assertThat(new CandidatePage(List.of(), 22, 1000).total(1000)).isEqualTo(22);
    // Counting stops at the cap, so must this.
    assertThat(new CandidatePage(List.of(), 700, 1000).total(500)).isEqualTo(500);
  }

  @Test
  void aFullCandidateSetTellsOnlyThatTheCapIsReached() {
    assertThat(new CandidatePage(List.of(), 1000, 1000).total(1000)).isEqualTo(1000);
    assertThat(new CandidatePage(List.of(), 1000, 1000).total(100)).isEqualTo(100);
    assertThat(new CandidatePage(List.of(), 1000, 1000).total(5000)).isNull();
  }

  @Test
  void anEmptyPageTellsNothing() {
    assertThat(new CandidatePage(List.of(), -1, 1000).total(1000)).isNull();
  }
}
