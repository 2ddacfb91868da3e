package dev.animetracker.gateway.ui.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SizesTests {

  private static final Locale RU = Locale.forLanguageTag("ru");

  @Test
  void smallSizesAreBytes() {
    assertThat(Sizes.human(0, Locale.ENGLISH)).isEqualTo("0\u00a0B");
    assertThat(Sizes.human(1023, Locale.ENGLISH)).isEqualTo("1023\u00a0B");
    assertThat(Sizes.human(512, RU)).isEqualTo("512\u00a0Б");
  }

  @Test
  void binaryUnitsWithOneDecimal() {
    assertThat(Sizes.human(1024, Locale.ENGLISH)).isEqualTo("1.0\u00a0KiB");
    assertThat(Sizes.human(1536, Locale.ENGLISH)).isEqualTo("1.5\u00a0KiB");
    assertThat(Sizes.human(734_003_200L, Locale.ENGLISH)).isEqualTo("700.0\u00a0MiB");
    assertThat(Sizes.human(1_610_612_736L, Locale.ENGLISH)).isEqualTo("1.5\u00a0GiB");
    assertThat(Sizes.human(3L * 1024 * 1024 * 1024 * 1024, Locale.ENGLISH))
        .isEqualTo("3.0\u00a0TiB");
  }

  @Test
  void russianUsesTheDecimalCommaAndRussianUnits() {
    assertThat(Sizes.human(1_610_612_736L, RU)).isEqualTo("1,5\u00a0ГиБ");
    assertThat(Sizes.human(1536, RU)).isEqualTo("1,5\u00a0КиБ");
  }

  @Test
  void roundingUpToTheNextUnitSaysSo() {
    assertThat(Sizes.human(1024L * 1024 - 1, Locale.ENGLISH)).isEqualTo("1.0\u00a0MiB");
  }

  @Test
  void exactBytesAreGrouped() {
    assertThat(Sizes.exact(1_234_567, Locale.ENGLISH)).isEqualTo("1,234,567");
    assertThat(Sizes.exact(1_234_567, RU).replace('\u202f', ' ').replace('\u00a0', ' '))
        .isEqualTo("1 234 567");
  }
}
