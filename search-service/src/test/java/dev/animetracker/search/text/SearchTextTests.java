package dev.animetracker.search.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTests {

  @Test
  void seriesTitlesWeighCTwoPositionsApartAndAreCapped() {
    assertThat(SearchText.seriesTsvector("frieren", "Sousou no Frieren", List.of("Фрирен")))
        .isEqualTo("'series.frieren':3C 'sousou':3C 'no':4C 'frieren':5C 'фрирен':8C");
    assertThat(SearchText.seriesTsvector("it's-x", "x", List.of("'); drop -- :* &")))
        .isEqualTo("'series.its-x':3C 'x':3C 'drop':6C");
    String huge = SearchText.seriesTsvector("a", "a", List.of("word ".repeat(5000)));
    assertThat(huge.split(" ")).hasSize(SearchText.MAX_SERIES_TOKENS + 1);
  }

  @Test
  void releaseTitlesSplitOnBracketsDashesDotsAndUnderscores() {
    assertThat(SearchText.tokens("[SubsPlease] Sousou no Frieren - 05 (1080p) [ABCD1234].mkv"))
        .containsExactly("subsplease", "sousou", "no", "frieren", "5", "1080p", "abcd1234", "mkv");
    assertThat(SearchText.tokens("Frieren_S01E05.HEVC-Group"))
        .containsExactly("frieren", "s01e05", "hevc", "group");
  }

  @Test
  void caseAccentsFullWidthAndYoAreFolded() {
    assertThat(SearchText.tokens("ＦＲＩＥＲＥＮ Pokémon Ёлка ФРИРЕН"))
        .containsExactly("frieren", "pokemon", "елка", "фрирен");
    // Cyrillic letters keep their marks: й is not и.
    assertThat(SearchText.tokens("Мой")).containsExactly("мой");
  }

  @Test
  void japaneseRunsBecomeBigrams() {
    assertThat(SearchText.tokens("葬送のフリーレン"))
        .containsExactly("葬送", "送の", "のフ", "フリ", "リー", "ーレ", "レン");
    assertThat(SearchText.tokens("葬")).containsExactly("葬");
    assertThat(SearchText.tokens("フリーレン第2期"))
        .containsExactly("フリ", "リー", "ーレ", "レン", "ン第", "2", "期");
    assertThat(SearchText.isCjkToken("葬送")).isTrue();
    assertThat(SearchText.isCjkToken("abc")).isFalse();
  }

  @Test
  void controlCharactersAndHugeTokensAreTamed() {
    assertThat(SearchText.tokens("a\u0000b")).containsExactly("a", "b");
    assertThat(SearchText.tokens("x".repeat(5000)).getFirst()).hasSize(SearchText.MAX_TOKEN_LENGTH);
    assertThat(SearchText.tokens("'; drop table torrent_doc; --"))
        .containsExactly("drop", "table", "torrent", "doc");
  }

  @Test
  void tsvectorWeighsFieldsAndKeepsThemApart() {
    String tsv = SearchText.tsvector("Frieren - 05", List.of("Fantasy"), "An elf");
    assertThat(tsv)
        .isEqualTo("'frieren':1A '5':2A 'e.5':3A 'ep.5':3A 'fantasy':5B 'an':8D 'elf':9D");
  }

  @Test
  void releaseMarkersKnowSeasonEpisodeAndAbsoluteNumbering() {
    assertThat(SearchText.releaseMarkers("Frieren S01E05 1080p"))
        .containsExactlyInAnyOrder("se.1.5", "e.5", "s.1");
    assertThat(SearchText.releaseMarkers("[Group] Frieren - 05v2 (1080p)"))
        .containsExactlyInAnyOrder("ep.5", "e.5");
    assertThat(SearchText.releaseMarkers("Frieren 2nd Season - 03"))
        .containsExactlyInAnyOrder("se.2.3", "e.3", "s.2");
    assertThat(SearchText.releaseMarkers("Фрирен 5 серия")).contains("e.5", "ep.5");
    assertThat(SearchText.releaseMarkers("Movie - 2019")).isEmpty();
    assertThat(SearchText.releaseMarkers("Frieren 1x12")).contains("se.1.12");
  }

  @Test
  void vocabularyHasOnlyCorrectableWords() {
    assertThat(SearchText.vocabulary("Sousou no Frieren - 05 葬送", List.of("Fantasy")))
        .containsExactly("sousou", "frieren", "fantasy");
  }

  @Test
  void sortKeyIsCaseInsensitive() {
    assertThat(SearchText.sortKey("[B] Élan")).isEqualTo(SearchText.sortKey("b elan"));
  }
}
