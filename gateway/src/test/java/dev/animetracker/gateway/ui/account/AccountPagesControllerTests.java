package dev.animetracker.gateway.ui.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountPagesControllerTests {

  @Test
  void redirectsAfterLoginStayOnThisSite() {
    assertThat(AccountPagesController.safeRedirect("/profile?tab=1")).isEqualTo("/profile?tab=1");
    assertThat(AccountPagesController.safeRedirect("https://evil.example/")).isEqualTo("/");
    assertThat(AccountPagesController.safeRedirect("//evil.example/")).isEqualTo("/");
    assertThat(AccountPagesController.safeRedirect("/\\evil.example/")).isEqualTo("/");
    assertThat(AccountPagesController.safeRedirect(null)).isEqualTo("/");
  }
}
