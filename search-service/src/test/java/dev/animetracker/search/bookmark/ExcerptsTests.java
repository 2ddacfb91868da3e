package dev.animetracker.search.bookmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExcerptsTests {

  @Test
  void markdownBecomesPlainTextOfAtMost300Characters() {
    assertThat(Excerpts.plain("# Title\n> quoted **bold** `code` [link](http://x) ![img](y)"))
        .isEqualTo("Title quoted bold code link img");
    assertThat(Excerpts.plain("<b>hi</b>\u0000 there")).isEqualTo("hi there");
    assertThat(Excerpts.plain(null)).isEmpty();
    String words = Excerpts.plain("word ".repeat(200));
    assertThat(words.codePointCount(0, words.length())).isEqualTo(300);
    assertThat(words).endsWith("…");
    String emoji = Excerpts.plain("😀".repeat(400));
    assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(300);
  }
}
