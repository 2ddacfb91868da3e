package dev.animetracker.common.bencode;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BEncoderTests {

  private static String encode(BValue value) {
    return new String(BEncoder.encode(value), StandardCharsets.ISO_8859_1);
  }

  @Test
  void encodesEveryType() {
    assertThat(encode(BInteger.of(0))).isEqualTo("i0e");
    assertThat(encode(BInteger.of(-7))).isEqualTo("i-7e");
    assertThat(encode(BInteger.of(Long.MIN_VALUE))).isEqualTo("i-9223372036854775808e");
    assertThat(encode(BString.of(""))).isEqualTo("0:");
    assertThat(encode(BString.of("spam"))).isEqualTo("4:spam");
    assertThat(encode(BString.of("日本"))).isEqualTo("6:" + iso("日本"));
    assertThat(encode(BList.of(BInteger.of(1), BString.of("a"), BList.of())))
        .isEqualTo("li1e1:alee");
  }

  @Test
  void sortsDictionaryKeysByRawBytes() {
    BDictionary dictionary =
        BDictionary.builder()
            .put("zeta", 1)
            .put("announce", "http://t/a")
            .put(BString.of(new byte[] {(byte) 0xe3}), BInteger.of(3))
            .put("Z", 2)
            .put("a", BDictionary.builder().put("y", 1).put("x", 2).build())
            .build();
    assertThat(encode(dictionary))
        .isEqualTo("d1:Zi2e1:ad1:xi2e1:yi1ee8:announce10:http://t/a4:zetai1e1:\u00e3i3ee");
  }

  @Test
  void splicesRawValuesVerbatim() {
    byte[] original = "d8:announce5:old/a4:infod4:name1:xee".getBytes(StandardCharsets.US_ASCII);
    BDictionary root = BDecoder.strict().decodeDictionary(original);
    BDictionary rewritten =
        root.with("announce", BString.of("http://new/announce"))
            .with("info", BRaw.of(original, root.spanOf("info").orElseThrow()))
            .with("announce-list", BList.of(BList.of(BString.of("http://new/announce"))));
    assertThat(encode(rewritten))
        .isEqualTo(
            "d8:announce19:http://new/announce13:announce-listll19:http://new/announceee"
                + "4:infod4:name1:xee");
    assertThat(BDecoder.strict().decode(BEncoder.encode(rewritten))).isNotNull();
    assertThat(encode(root.without("announce"))).isEqualTo("d4:infod4:name1:xee");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "i0e",
        "i-9223372036854775808e",
        "0:",
        "le",
        "de",
        "d1:ad1:bl1:ci3eeee",
        "d8:announce15:http://t/ann/ce4:infod6:lengthi1e4:name1:x12:piece lengthi16384e6:pieces0:ee"
      })
  void decodeThenEncodeGivesBackTheSameBytes(String text) {
    byte[] input = text.getBytes(StandardCharsets.ISO_8859_1);
    assertThat(BEncoder.encode(BDecoder.strict().decode(input))).isEqualTo(input);
  }

  @Test
  void encodeThenDecodeGivesBackTheSameValue() {
    BValue value =
        BDictionary.builder()
            .put("list", new BList(List.of(BInteger.of(Long.MAX_VALUE), BString.of(new byte[256]))))
            .put("nested", BDictionary.builder().put("k", "v").build())
            .build();
    assertThat(BDecoder.strict().decode(BEncoder.encode(value))).isEqualTo(value);
  }

  private static String iso(String utf8) {
    return new String(utf8.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
  }
}
