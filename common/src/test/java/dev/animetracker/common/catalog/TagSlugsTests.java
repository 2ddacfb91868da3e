package dev.animetracker.common.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The union of what torrent-service (TagNames) and search-service (SearchRequest) asserted. */
class TagSlugsTests {

  @Test
  void slugsKeepUnicodeLettersAndDigits() {
    assertThat(TagSlugs.slug("Attack_on  Titan")).isEqualTo("attack-on-titan");
    assertThat(TagSlugs.slug("Сезон 2")).isEqualTo("сезон-2");
    assertThat(TagSlugs.slug("進撃の巨人")).isEqualTo("進撃の巨人");
    assertThat(TagSlugs.slug("ＦＵＬＬ ＨＤ!!")).isEqualTo("full-hd");
    assertThat(TagSlugs.slug("--a--b--")).isEqualTo("a-b");
    assertThat(TagSlugs.slug("<script>")).isEqualTo("script");
    assertThat(TagSlugs.slug("!!!")).isEmpty();
  }

  @Test
  void searchTermsSlugLikeStoredTags() {
    assertThat(TagSlugs.slug("Fantasy")).isEqualTo("fantasy");
    assertThat(TagSlugs.slug(" Slice of Life")).isEqualTo("slice-of-life");
    assertThat(TagSlugs.slug("A b")).isEqualTo(TagSlugs.slug("a_b"));
  }
}
