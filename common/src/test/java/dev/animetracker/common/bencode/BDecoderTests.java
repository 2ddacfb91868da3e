package dev.animetracker.common.bencode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.animetracker.common.bencode.BencodeException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BDecoderTests {

  private static BValue decode(String text) {
    return BDecoder.strict().decode(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  private static BencodeException failure(String text) {
    try {
      decode(text);
    } catch (BencodeException e) {
      return e;
    }
    throw new AssertionError("expected a BencodeException for: " + text);
  }

  @ParameterizedTest
  @CsvSource({
    "i0e, 0",
    "i42e, 42",
    "i-42e, -42",
    "i9223372036854775807e, 9223372036854775807",
    "i-9223372036854775808e, -9223372036854775808"
  })
  void decodesIntegersWithinLongRange(String input, long expected) {
    assertThat(decode(input)).isEqualTo(BInteger.of(expected));
  }

  @ParameterizedTest
  @CsvSource({
    "i03e, NON_CANONICAL, 1, leading zero",
    "i00e, NON_CANONICAL, 1, leading zero",
    "i-03e, NON_CANONICAL, 2, leading zero",
    "i-0e, NON_CANONICAL, 0, negative zero",
    "ie, MALFORMED, 1, no digits",
    "i-e, MALFORMED, 2, no digits",
    "i--1e, MALFORMED, 2, no digits",
    "i+1e, MALFORMED, 1, no digits",
    "i1.5e, MALFORMED, 2, inside an integer",
    "i 1e, MALFORMED, 1, no digits",
    "i9223372036854775808e, OUT_OF_RANGE, 0, 64-bit",
    "i-9223372036854775809e, OUT_OF_RANGE, 0, 64-bit",
    "i99999999999999999999999999999999e, OUT_OF_RANGE, 0, 64-bit",
    "i12, TRUNCATED, 3, middle of an integer",
    "i, TRUNCATED, 1, middle of an integer"
  })
  void rejectsBadIntegers(String input, Reason reason, long offset, String message) {
    BencodeException e = failure(input);
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.offset()).isEqualTo(offset);
    assertThat(e.getMessage()).startsWith("Invalid bencode at byte " + offset + ": ");
    assertThat(e.getMessage()).contains(message);
  }

  @Test
  void decodesStrings() {
    assertThat(decode("4:spam")).isEqualTo(BString.of("spam"));
    assertThat(decode("0:")).isEqualTo(BString.of(""));
    byte[] binary = {'3', ':', 0, (byte) 0xff, '\n'};
    assertThat(((BString) BDecoder.strict().decode(binary)).bytes()).containsExactly(0, 0xff, '\n');
  }

  @ParameterizedTest
  @CsvSource({
    "04:spam, NON_CANONICAL, 0, leading zero",
    "00:, NON_CANONICAL, 0, leading zero",
    "5:spam, TRUNCATED, 0, declares 5 bytes but only 4 remain",
    "4spam, MALFORMED, 1, expected ':'",
    "4, TRUNCATED, 1, string length",
    "-1:x, MALFORMED, 0, unexpected byte '-'"
  })
  void rejectsBadStrings(String input, Reason reason, long offset, String message) {
    BencodeException e = failure(input);
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.offset()).isEqualTo(offset);
    assertThat(e.getMessage()).contains(message);
  }

  @Test
  void hugeDeclaredLengthsFailBeforeAnyAllocation() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> {
          assertThat(failure("99999999999:x").getMessage())
              .contains("declares 99999999999 bytes but only 1 remain");
          assertThat(failure("2147483647:x").reason()).isEqualTo(Reason.TRUNCATED);
          assertThat(failure("l1000000000:xe").reason()).isEqualTo(Reason.TRUNCATED);
          String manyDigits = "9".repeat(100_000) + ":x";
          BencodeException e = failure(manyDigits);
          assertThat(e.reason()).isEqualTo(Reason.TRUNCATED);
          assertThat(e.getMessage()).contains("100000 digits");
        });
  }

  @Test
  void decodesListsAndDictionaries() {
    assertThat(decode("le")).isEqualTo(BList.of());
    assertThat(decode("l4:spami42ee")).isEqualTo(BList.of(BString.of("spam"), BInteger.of(42)));
    BDictionary dictionary = (BDictionary) decode("d3:bar4:spam3:fooi42ee");
    assertThat(dictionary.get("bar")).isEqualTo(BString.of("spam"));
    assertThat(dictionary.get("foo")).isEqualTo(BInteger.of(42));
    assertThat(dictionary.get("baz")).isNull();
    assertThat(dictionary.entries().keySet()).containsExactly(BString.of("bar"), BString.of("foo"));
    assertThat(decode("de")).isEqualTo(BDictionary.empty());
  }

  @Test
  void keysAreOrderedByUnsignedRawBytes() {
    // 0x7f sorts before 0x80..0xff (a signed comparison would put 0xe3 first).
    byte[] input = concat("d1:", new byte[] {0x7f}, "i1e1:", new byte[] {(byte) 0xe3}, "i2ee");
    BDictionary dictionary = (BDictionary) BDecoder.strict().decode(input);
    assertThat(dictionary.size()).isEqualTo(2);
    byte[] reversed = concat("d1:", new byte[] {(byte) 0xe3}, "i2e1:", new byte[] {0x7f}, "i1ee");
    assertThatThrownBy(() -> BDecoder.strict().decode(reversed))
        .isInstanceOf(BencodeException.class)
        .hasMessageContaining("not sorted");
    // A prefix sorts first.
    assertThat(decode("d1:ai1e2:aai2ee")).isInstanceOf(BDictionary.class);
    assertThat(failure("d2:aai2e1:ai1ee").reason()).isEqualTo(Reason.NON_CANONICAL);
  }

  @Test
  void rejectsUnsortedDuplicateAndNonStringKeys() {
    BencodeException unsorted = failure("d3:fooi1e3:bari2ee");
    assertThat(unsorted.reason()).isEqualTo(Reason.NON_CANONICAL);
    assertThat(unsorted.offset()).isEqualTo(9);
    assertThat(unsorted.getMessage()).contains("\"bar\" is not sorted").contains("\"foo\"");

    BencodeException duplicate = failure("d3:fooi1e3:fooi2ee");
    assertThat(duplicate.reason()).isEqualTo(Reason.NON_CANONICAL);
    assertThat(duplicate.getMessage()).contains("duplicate dictionary key \"foo\"");

    assertThat(failure("di1ei2ee").getMessage()).contains("key must be a byte string");
    assertThat(failure("dlei2ee").getMessage()).contains("key must be a byte string");
    assertThat(failure("ddei2ee").reason()).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void limitsNesting() {
    String depth64 = "l".repeat(64) + "e".repeat(64);
    assertThat(decode(depth64)).isInstanceOf(BList.class);
    BencodeException e = failure("l".repeat(65) + "e".repeat(65));
    assertThat(e.reason()).isEqualTo(Reason.NESTING_TOO_DEEP);
    assertThat(e.offset()).isEqualTo(64);
    assertThat(e.getMessage()).contains("more than 64 levels");
    assertThat(failure("d1:a".repeat(70) + "i1e" + "e".repeat(70)).reason())
        .isEqualTo(Reason.NESTING_TOO_DEEP);

    BDecoder shallow = new BDecoder(2);
    assertThat(shallow.decode("llee".getBytes(StandardCharsets.US_ASCII))).isNotNull();
    assertThatThrownBy(() -> shallow.decode("llleee".getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(BencodeException.class)
        .hasMessageContaining("more than 2 levels");
    assertThatThrownBy(() -> new BDecoder(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BDecoder(100_000)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void veryDeepNestingFailsFastWithoutStackOverflow() {
    String bomb = "l".repeat(5_000_000);
    assertTimeoutPreemptively(
        Duration.ofSeconds(2),
        () -> assertThat(failure(bomb).reason()).isEqualTo(Reason.NESTING_TOO_DEEP));
  }

  @ParameterizedTest
  @CsvSource({"i1ei2e, 3", "4:spamx, 6", "dee, 2", "lee, 2", "0:0:, 2"})
  void rejectsTrailingData(String input, long offset) {
    BencodeException e = failure(input);
    assertThat(e.reason()).isEqualTo(Reason.TRAILING_DATA);
    assertThat(e.offset()).isEqualTo(offset);
    assertThat(e.getMessage()).contains("after the end of the top-level value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"l", "li1e", "d", "d3:foo", "d3:fooi1e", "l4:spa", "d3:foo4:sp", "lld"})
  void rejectsTruncatedInput(String input) {
    assertThat(failure(input).reason()).isEqualTo(Reason.TRUNCATED);
  }

  @Test
  void rejectsEmptyInputAndUnknownTypes() {
    BencodeException empty = failure("");
    assertThat(empty.reason()).isEqualTo(Reason.TRUNCATED);
    assertThat(empty.getMessage()).isEqualTo("Invalid bencode at byte 0: the input is empty");
    assertThat(failure("x").getMessage()).contains("unexpected byte 'x'");
    assertThat(failure("e").reason()).isEqualTo(Reason.MALFORMED);
    assertThat(failure(" i1e").getMessage()).contains("byte 0x20");
    assertThat(failure("{}").reason()).isEqualTo(Reason.MALFORMED);
  }

  @Test
  void decodeDictionaryRequiresADictionary() {
    assertThatThrownBy(() -> BDecoder.strict().decodeDictionary("le".getBytes()))
        .isInstanceOf(BencodeException.class)
        .hasMessageContaining("not a dictionary");
  }

  @Test
  void recordsTheExactSpanOfEveryDictionaryValue() {
    String text = "d4:infod6:lengthi5e4:name1:xe3:zzzli1ei2eee";
    byte[] input = text.getBytes(StandardCharsets.US_ASCII);
    BDictionary root = (BDictionary) BDecoder.strict().decode(input);
    Span info = root.spanOf("info").orElseThrow();
    assertThat(new String(info.slice(input), StandardCharsets.US_ASCII))
        .isEqualTo("d6:lengthi5e4:name1:xe");
    assertThat(info.start()).isEqualTo(7);
    Span zzz = root.spanOf("zzz").orElseThrow();
    assertThat(new String(zzz.slice(input), StandardCharsets.US_ASCII)).isEqualTo("li1ei2ee");
    assertThat(zzz.end()).isEqualTo(input.length - 1);
    BDictionary inner = (BDictionary) root.get("info");
    Span name = inner.spanOf("name").orElseThrow();
    assertThat(new String(name.slice(input), StandardCharsets.US_ASCII)).isEqualTo("1:x");
    assertThat(root.spanOf("missing")).isEmpty();
    assertThat(BDictionary.builder().put("a", 1).build().spanOf("a")).isEmpty();
  }

  @Test
  void valuesHaveContentEquality() {
    assertThat(BString.of("a")).isEqualTo(BString.of(new byte[] {'a'}));
    assertThat(BString.of("a").hashCode()).isEqualTo(BString.of(new byte[] {'a'}).hashCode());
    BDictionary decoded = (BDictionary) decode("d1:ai1ee");
    assertThat(decoded).isEqualTo(BDictionary.builder().put("a", 1).build());
    assertThat(BList.of(BInteger.of(1))).isEqualTo(new BList(List.of(BInteger.of(1))));
    byte[] source = {'a'};
    BString copy = BString.of(source);
    source[0] = 'b';
    assertThat(copy.utf8()).isEqualTo("a");
  }

  static byte[] concat(Object... parts) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (Object part : parts) {
      out.writeBytes(
          part instanceof byte[] bytes
              ? bytes
              : ((String) part).getBytes(StandardCharsets.ISO_8859_1));
    }
    return out.toByteArray();
  }
}
