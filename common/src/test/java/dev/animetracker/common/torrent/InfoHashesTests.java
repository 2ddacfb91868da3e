package dev.animetracker.common.torrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InfoHashesTests {

  private static final String V1 = "0123456789abcdef0123456789abcdef01234567";
  private static final String V2 =
      "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

  @Test
  void v1IsFortyHexDigitsInEitherCase() {
    assertThat(InfoHashes.isV1(V1)).isTrue();
    assertThat(InfoHashes.isV1(V1.toUpperCase())).isTrue();
    assertThat(InfoHashes.isV1(null)).isFalse();
    assertThat(InfoHashes.isV1("")).isFalse();
    assertThat(InfoHashes.isV1(V1.substring(1))).isFalse();
    assertThat(InfoHashes.isV1(V1 + "0")).isFalse();
    assertThat(InfoHashes.isV1(V1.substring(1) + "g")).isFalse();
    assertThat(InfoHashes.isV1(V2)).isFalse();
  }

  @Test
  void v2IsSixtyFourHexDigits() {
    assertThat(InfoHashes.isV2(V2)).isTrue();
    assertThat(InfoHashes.isV2(V1)).isFalse();
    assertThat(InfoHashes.isV2(V2.substring(1) + "z")).isFalse();
  }

  @Test
  void requiredAndOptionalFormsAreReadAsLowerCase() {
    assertThat(InfoHashes.requireV1(V1.toUpperCase(), "infoHash")).isEqualTo(V1);
    assertThat(InfoHashes.optionalV2(V2.toUpperCase(), "infoHashV2")).isEqualTo(V2);
    assertThat(InfoHashes.optionalV2(null, "infoHashV2")).isNull();
    assertThatThrownBy(() -> InfoHashes.requireV1(null, "infoHash"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("infoHash");
    assertThatThrownBy(() -> InfoHashes.requireV1("nothex", "infoHash"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InfoHashes.optionalV2("", "infoHashV2"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> InfoHashes.optionalV2(V1, "infoHashV2"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
