package dev.animetracker.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalesTests {

  @Test
  void explicitChoiceWins() {
    assertThat(Locales.resolve("en", "ru-RU")).isEqualTo("en");
  }

  @Test
  void acceptLanguageIsReadByWeight() {
    assertThat(Locales.resolve(null, "de-DE,en;q=0.8,ru;q=0.5")).isEqualTo("en");
    assertThat(Locales.resolve(null, "en;q=0.3,ru-RU;q=0.9")).isEqualTo("ru");
    assertThat(Locales.resolve(null, "EN-us")).isEqualTo("en");
  }

  @Test
  void defaultsToRussian() {
    assertThat(Locales.resolve(null, null)).isEqualTo("ru");
    assertThat(Locales.resolve(null, "de, fr")).isEqualTo("ru");
    assertThat(Locales.resolve(null, ";;;not a header")).isEqualTo("ru");
    assertThat(Locales.resolve("xx", null)).isEqualTo("ru");
  }
}
