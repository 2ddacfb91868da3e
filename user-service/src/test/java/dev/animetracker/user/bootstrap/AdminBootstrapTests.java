package dev.animetracker.user.bootstrap;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdminBootstrapTests {

  @Test
  void refusesTheDefaultPasswordOutsideDevelopment() {
    assertThatThrownBy(
            () -> AdminBootstrap.checkPassword("admin-dev-password", new String[] {"prod"}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ADMIN_PASSWORD")
        .hasMessageContaining("dev");
    assertThatThrownBy(() -> AdminBootstrap.checkPassword("admin-dev-password", new String[0]))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void acceptsTheDefaultPasswordInDevelopmentAndOwnPasswordsEverywhere() {
    assertThatCode(() -> AdminBootstrap.checkPassword("admin-dev-password", new String[] {"dev"}))
        .doesNotThrowAnyException();
    assertThatCode(
            () -> AdminBootstrap.checkPassword("admin-dev-password", new String[] {"x", "test"}))
        .doesNotThrowAnyException();
    assertThatCode(() -> AdminBootstrap.checkPassword("a-real-secret-42", new String[0]))
        .doesNotThrowAnyException();
  }
}
