package dev.animetracker.common.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LanguageTests {

  @Test
  void languageFollowsAcceptLanguageWithRussianByDefault() {
    assertThat(Language.fromAcceptLanguage(null)).isEqualTo(Language.RU);
    assertThat(Language.fromAcceptLanguage("")).isEqualTo(Language.RU);
    assertThat(Language.fromAcceptLanguage("en-US,en;q=0.9")).isEqualTo(Language.EN);
    assertThat(Language.fromAcceptLanguage("ru,en;q=0.5")).isEqualTo(Language.RU);
    assertThat(Language.fromAcceptLanguage("de")).isEqualTo(Language.RU);
    assertThat(Language.fromAcceptLanguage(";;;garbage")).isEqualTo(Language.RU);
  }

  @Test
  void picksTheTextOfItsLanguage() {
    assertThat(Language.RU.pick("Аниме", "Anime")).isEqualTo("Аниме");
    assertThat(Language.EN.pick("Аниме", "Anime")).isEqualTo("Anime");
  }
}
