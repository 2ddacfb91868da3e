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

  @Test
  void oddRedirectsFallBackToTheHomePage() {
    for (String odd :
        new String[] {
          "/\t/evil.example",
          "/a\tb",
          "/\u0000",
          "/ x",
          "/%09/evil.example",
          "/%2f/evil.example",
          "/%2F%2Fevil.example",
          "/%5Cevil.example",
          "/%0d%0aSet-Cookie:x=y",
          "/{id}",
          "/%zz",
          "/путь",
          "",
          "javascript:alert(1)",
          "/" + "a".repeat(3000)
        }) {
      assertThat(AccountPagesController.safeRedirect(odd)).as(odd).isEqualTo("/");
    }
    assertThat(AccountPagesController.safeRedirect("/torrents/5?tab=files#c-1"))
        .isEqualTo("/torrents/5?tab=files#c-1");
    assertThat(AccountPagesController.safeRedirect("/search?q=%D1%84%20x"))
        .isEqualTo("/search?q=%D1%84%20x");
  }
}
