package dev.animetracker.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MailLocalesTests {

  @Test
  void writesEnglishForEnglishTagsAndRussianOtherwise() {
    assertThat(MailLocales.resolve("en")).isEqualTo(MailLocales.ENGLISH);
    assertThat(MailLocales.resolve("en-GB")).isEqualTo(MailLocales.ENGLISH);
    assertThat(MailLocales.resolve("en_US")).isEqualTo(MailLocales.ENGLISH);
    assertThat(MailLocales.resolve("ru")).isEqualTo(MailLocales.RUSSIAN);
    assertThat(MailLocales.resolve("ja")).isEqualTo(MailLocales.RUSSIAN);
    assertThat(MailLocales.resolve("")).isEqualTo(MailLocales.RUSSIAN);
    assertThat(MailLocales.resolve(null)).isEqualTo(MailLocales.RUSSIAN);
  }
}
