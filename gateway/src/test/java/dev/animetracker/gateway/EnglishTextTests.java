package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The guard of {@link PageLanguageIT} finds the leaks issue 14 reported and passes our Russian. */
class EnglishTextTests {

  @Test
  void findsTheServicesEnglishInsideRussianText() {
    assertThat(
            EnglishText.sentences(
                "<p>Размер от: must be a size in bytes</p>"
                    + "<div title=\"Invalid bencode at byte 0\">Ошибка</div>"))
        .containsExactly("Invalid bencode at byte", "size in bytes");
  }

  @Test
  void passesRussianWithCodesSlugsAndScripts() {
    assertThat(
            EnglishText.sentences(
                "<head><title>Not this page title at all</title></head>"
                    + "<p>Источник: BD, WEB, TV или DVD. Например sousou-no-frieren, 700MiB.</p>"
                    + "<script>var a = 'some english words here';</script>"
                    + "<!-- a comment in plain English -->"))
        .isEmpty();
  }
}
