package dev.animetracker.search.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TorznabCategoriesTests {

  @Test
  void seededCategoriesMapToStandardIds() {
    assertThat(TorznabCategories.standard("anime-rus-subs").id()).isEqualTo(5070);
    assertThat(TorznabCategories.standard("anime-rus-voice").id()).isEqualTo(5070);
    assertThat(TorznabCategories.standard("anime-eng").id()).isEqualTo(5070);
    assertThat(TorznabCategories.standard("anime-raw").id()).isEqualTo(5070);
    assertThat(TorznabCategories.standard("music-ost").id()).isEqualTo(3000);
    assertThat(TorznabCategories.standard("manga").id()).isEqualTo(7030);
    assertThat(TorznabCategories.standard("live-action").id()).isEqualTo(5000);
    assertThat(TorznabCategories.standard("other").id()).isEqualTo(8000);
  }

  @Test
  void newCategoriesAreMappedByTheWordsOfTheirSlug() {
    assertThat(TorznabCategories.standard("anime-ost").id()).isEqualTo(3000);
    assertThat(TorznabCategories.standard("light-novels").id()).isEqualTo(7000);
    assertThat(TorznabCategories.standard("films").id()).isEqualTo(2000);
    assertThat(TorznabCategories.standard("animedia").id()).isEqualTo(8000);
  }

  @Test
  void itemsCarryTheStandardIdThenTheirOwn() {
    assertThat(TorznabCategories.ids(Hits.ANIME_ENG)).containsExactly(5070, 100003);
    assertThat(TorznabCategories.ids(Hits.MUSIC)).containsExactly(3000, 100005);
  }

  @Test
  void catListsSelectByParentStandardOrOwnId() {
    assertThat(TorznabCategories.slugs(List.of(5070), Hits.SEEDED)).containsExactly("anime-eng");
    assertThat(TorznabCategories.slugs(List.of(5000), Hits.SEEDED))
        .containsExactly("anime-eng", "live-action");
    assertThat(TorznabCategories.slugs(List.of(100006, 3000), Hits.SEEDED))
        .containsExactly("music-ost", "manga");
    assertThat(TorznabCategories.slugs(List.of(2000, 100099, 6000), Hits.SEEDED)).isEmpty();
  }
}
