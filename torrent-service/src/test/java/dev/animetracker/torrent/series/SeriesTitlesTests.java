package dev.animetracker.torrent.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesTitlesTests {

  @Test
  void keysIgnoreCasePunctuationAndSpacing() {
    assertThat(SeriesTitles.key("Frieren: Beyond Journey's End"))
        .isEqualTo("frieren beyond journeys end")
        .isEqualTo(SeriesTitles.key("  FRIEREN —  beyond   journeys end!! "))
        .isEqualTo(SeriesTitles.key("Frieren - Beyond Journey’s End"));
    assertThat(SeriesTitles.key("Re:Zero kara Hajimeru Isekai Seikatsu"))
        .isEqualTo(SeriesTitles.key("Re Zero Kara Hajimeru Isekai Seikatsu"));
  }

  @Test
  void keysFoldFullWidthFormsAndRussianYo() {
    assertThat(SeriesTitles.key("ＦＲＩＥＲＥＮ　２")).isEqualTo("frieren 2");
    assertThat(SeriesTitles.key("Ёлки-Палки")).isEqualTo(SeriesTitles.key("елки палки"));
    assertThat(SeriesTitles.key("葬送のフリーレン")).isEqualTo("葬送のフリーレン");
  }

  @Test
  void aTitleOfNothingButPunctuationHasNoKey() {
    assertThat(SeriesTitles.key("!!! ... ???")).isEmpty();
    assertThat(SeriesTitles.key("")).isEmpty();
  }

  @Test
  void slugsAreLowerCaseAsciiWordsJoinedByDashes() {
    assertThat(SeriesTitles.slug("Sousou no Frieren")).isEqualTo("sousou-no-frieren");
    assertThat(SeriesTitles.slug("Re:Zero kara Hajimeru Isekai Seikatsu"))
        .isEqualTo("re-zero-kara-hajimeru-isekai-seikatsu");
    assertThat(SeriesTitles.slug("Frieren: Beyond Journey's End"))
        .isEqualTo("frieren-beyond-journeys-end");
    assertThat(SeriesTitles.slug("Pokémon: Mewtwo Strikes Back — Évolution"))
        .isEqualTo("pokemon-mewtwo-strikes-back-evolution");
    assertThat(SeriesTitles.slug("  --Mob Psycho 100!!-- ")).isEqualTo("mob-psycho-100");
  }

  @Test
  void cyrillicIsTransliterated() {
    assertThat(SeriesTitles.slug("Провожающая в последний путь Фрирен"))
        .isEqualTo("provozhayushchaya-v-posledniy-put-friren");
    assertThat(SeriesTitles.slug("Ёжик в тумане: Щит")).isEqualTo("ezhik-v-tumane-shchit");
    assertThat(SeriesTitles.slug("Атака титанов")).isEqualTo("ataka-titanov");
  }

  @Test
  void japaneseOnlyTitlesGiveNoSlugAndMixedOnesKeepTheirLatinPart() {
    assertThat(SeriesTitles.slug("葬送のフリーレン")).isEmpty();
    assertThat(SeriesTitles.slug("進撃の巨人 Attack on Titan")).isEqualTo("attack-on-titan");
    assertThat(SeriesTitles.idSlug(42)).isEqualTo("series-42");
    assertThat(SeriesTitles.SLUG.matcher(SeriesTitles.idSlug(42)).matches()).isTrue();
  }

  @Test
  void longTitlesAreCutAtAWordBoundary() {
    String title = "The Very Long Title Of A Light Novel Adaptation ".repeat(6);
    String slug = SeriesTitles.slug(title);
    assertThat(slug).hasSizeLessThanOrEqualTo(SeriesTitles.MAX_SLUG).doesNotEndWith("-");
    assertThat(title.toLowerCase().replace(' ', '-')).startsWith(slug + "-");

    String oneWord = "a".repeat(500);
    assertThat(SeriesTitles.slug(oneWord)).isEqualTo("a".repeat(SeriesTitles.MAX_SLUG));
    assertThat(SeriesTitles.withSuffix(SeriesTitles.slug(oneWord), 12))
        .hasSizeLessThanOrEqualTo(SeriesMatcher.MAX_NAMED_SLUG);
  }

  @Test
  void anyTitleGivesAWellFormedSlugOrNone() {
    Random random = new Random(12);
    String pieces = "aZ9 -_:'.!?/ёЖщ葬のé\u0301\u200b\tＡ１·—";
    for (int i = 0; i < 2000; i++) {
      StringBuilder title = new StringBuilder();
      int length = random.nextInt(300);
      for (int j = 0; j < length; j++) {
        title.append(
            random.nextInt(10) == 0
                ? (char) random.nextInt(0x3000)
                : pieces.charAt(random.nextInt(pieces.length())));
      }
      String slug = SeriesTitles.slug(title.toString());
      assertThat(slug.isEmpty() || SeriesTitles.SLUG.matcher(slug).matches())
          .as("slug %s of %s", slug, title)
          .isTrue();
      assertThat(slug.length()).isLessThanOrEqualTo(SeriesTitles.MAX_SLUG);
      String key = SeriesTitles.key(title.toString());
      assertThat(SeriesTitles.key(key)).as("a key is its own key").isEqualTo(key);
    }
  }
}
