package dev.animetracker.torrent.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.common.web.DomainException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The slug rule itself is common's {@code TagSlugsTests}; the language rule {@code LanguageTests}.
 */
class TagNamesTests {

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
}
