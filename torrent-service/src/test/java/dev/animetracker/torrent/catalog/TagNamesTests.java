package dev.animetracker.torrent.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.common.web.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TagNamesTests {

  @Test
  void slugsKeepUnicodeLettersAndDigits() {
    assertThat(TagNames.slug("Attack_on  Titan")).isEqualTo("attack-on-titan");
    assertThat(TagNames.slug("Сезон 2")).isEqualTo("сезон-2");
    assertThat(TagNames.slug("進撃の巨人")).isEqualTo("進撃の巨人");
    assertThat(TagNames.slug("ＦＵＬＬ ＨＤ!!")).isEqualTo("full-hd");
    assertThat(TagNames.slug("--a--b--")).isEqualTo("a-b");
    assertThat(TagNames.slug("<script>")).isEqualTo("script");
    assertThat(TagNames.slug("!!!")).isEmpty();
  }

  @Test
  void listsAreDeduplicatedAndLimited() {
    assertThat(TagNames.parse("A b, a_b ,, c", "tags"))
        .containsExactly(new TagNames.Wanted("a-b", "A b"), new TagNames.Wanted("c", "c"));
    assertThat(TagNames.parse(null, "tags")).isEmpty();
    assertThatThrownBy(() -> TagNames.parse("1,2,3,4,5,6,7,8,9,10,11", "tags"))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> TagNames.normalise(List.of("x".repeat(33)), "tags"))
        .isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> TagNames.normalise(List.of("???"), "tags"))
        .isInstanceOf(DomainException.class);
    assertThat(TagNames.normalise(List.of("я".repeat(32)), "tags")).hasSize(1);
  }

  @Test
  void languageFollowsAcceptLanguageWithRussianByDefault() {
    assertThat(Language.fromAcceptLanguage(null)).isEqualTo(Language.RU);
    assertThat(Language.fromAcceptLanguage("en-US,en;q=0.9")).isEqualTo(Language.EN);
    assertThat(Language.fromAcceptLanguage("ru,en;q=0.5")).isEqualTo(Language.RU);
    assertThat(Language.fromAcceptLanguage("de")).isEqualTo(Language.RU);
    assertThat(Language.fromAcceptLanguage(";;;garbage")).isEqualTo(Language.RU);
  }
}
