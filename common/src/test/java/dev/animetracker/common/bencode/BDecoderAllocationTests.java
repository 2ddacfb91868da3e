package dev.animetracker.common.bencode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.animetracker.testsupport.Allocations;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * What decoding allocates, measured per thread ({@code com.sun.management.ThreadMXBean}): floods of
 * the cheapest values (empty lists and dictionaries, one-byte strings, small integers, small
 * dictionaries) used to cost 20–60 times their size in tree maps, hash maps, spans and copied
 * arrays. Now every input costs a bounded multiple of its size, and the value budget stops floods
 * early.
 */
class BDecoderAllocationTests {

  /** Allocated bytes per input byte, transient garbage included. */
  private static final long PER_BYTE = 24;

  private static final long OVERHEAD = 64 * 1024;

  @Provide
  Arbitrary<byte[]> floods() {
    Arbitrary<String> unit =
        Arbitraries.of(
            "le",
            "de",
            "0:",
            "1:a",
            "i0e",
            "i7e",
            "i1234567e",
            "li1ee",
            "llee",
            "ldee",
            "d1:ai0ee",
            "d0:le1:ai0ee",
            "l1:a1:b1:ce");
    return Arbitraries.integers()
        .between(1, 200_000)
        .flatMap(
            times ->
                unit.list()
                    .ofMinSize(1)
                    .ofMaxSize(3)
                    .map(units -> flood(String.join("", units), times)));
  }

  private static byte[] flood(String unit, int times) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(unit.length() * times + 2);
    out.write('l');
    byte[] bytes = unit.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < times; i++) {
      out.writeBytes(bytes);
    }
    out.write('e');
    return out.toByteArray();
  }

  @Property(tries = 60)
  void decodingAllocatesABoundedMultipleOfTheInput(@ForAll("floods") byte[] input) {
    BDecoder decoder = new BDecoder(64, 1 << 20);
    long allocated =
        Allocations.allocatedBy(
            () -> {
              try {
                decoder.decode(input);
              } catch (BencodeException e) {
                assertThat(e.reason()).isEqualTo(BencodeException.Reason.TOO_MANY_VALUES);
              }
            });
    assertThat(allocated)
        .as("allocated for %d bytes", input.length)
        .isLessThan(PER_BYTE * input.length + OVERHEAD);
  }

  @Test
  void theValueBudgetStopsAFloodWithItsOwnReason() {
    byte[] flood = flood("de", 1000);
    assertThat(((BList) new BDecoder(8, 1001).decode(flood)).size()).isEqualTo(1000);
    assertThatThrownBy(() -> new BDecoder(8, 1000).decode(flood))
        .isInstanceOfSatisfying(
            BencodeException.class,
            e -> assertThat(e.reason()).isEqualTo(BencodeException.Reason.TOO_MANY_VALUES));
  }

  @Test
  void decodedStringsAndDictionariesBehaveAsBefore() {
    BDictionary dictionary =
        BDecoder.strict().decodeDictionary("d1:a2:xy1:bli1ei300ee1:cdee".getBytes());
    assertThat(dictionary.get("a")).isEqualTo(BString.of("xy"));
    assertThat(dictionary.get("b")).isEqualTo(BList.of(BInteger.of(1), BInteger.of(300)));
    assertThat(dictionary.get("c")).isEqualTo(BDictionary.empty());
    assertThat(dictionary.spanOf("a").orElseThrow()).isEqualTo(new Span(4, 8));
    assertThat(dictionary.entries().keySet())
        .containsExactlyElementsOf(List.of(BString.of("a"), BString.of("b"), BString.of("c")));
    assertThat(dictionary)
        .isEqualTo(
            BDictionary.builder()
                .put("a", "xy")
                .put("b", BList.of(BInteger.of(1), BInteger.of(300)))
                .put("c", BDictionary.empty())
                .build())
        .hasSameHashCodeAs(
            BDictionary.builder()
                .put("a", "xy")
                .put("b", BList.of(BInteger.of(1), BInteger.of(300)))
                .put("c", BDictionary.empty())
                .build());
    assertThat(BEncoder.encode(dictionary)).isEqualTo("d1:a2:xy1:bli1ei300ee1:cdee".getBytes());
  }
}
