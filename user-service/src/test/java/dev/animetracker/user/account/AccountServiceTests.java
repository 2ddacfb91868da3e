package dev.animetracker.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.common.web.DomainException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class AccountServiceTests {

  private static DataIntegrityViolationException violation(String message) {
    return new DataIntegrityViolationException("insert failed", new SQLException(message));
  }

  @Test
  void mapsTheUniqueIndexRaceToTakenProblems() {
    assertThat(
            AccountService.takenFrom(
                violation(
                    "ERROR: duplicate key value violates unique constraint"
                        + " \"users_username_lower_key\"")))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("username-taken"));
    assertThat(
            AccountService.takenFrom(
                violation(
                    "ERROR: duplicate key value violates unique constraint"
                        + " \"users_email_lower_key\"")))
        .isInstanceOfSatisfying(
            DomainException.class, e -> assertThat(e.code()).isEqualTo("email-taken"));
  }

  @Test
  void leavesOtherViolationsAlone() {
    DataIntegrityViolationException other = violation("null value in column \"locale\"");
    assertThat(AccountService.takenFrom(other)).isSameAs(other);
  }
}
