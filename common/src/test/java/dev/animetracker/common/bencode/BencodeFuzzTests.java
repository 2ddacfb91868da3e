package dev.animetracker.common.bencode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.Size;

/**
 * Property/fuzz tests (jqwik, which runs on the JUnit 6 platform Boot 4 manages): whatever the
 * input, the decoder either returns a value or throws {@link BencodeException}, quickly; what it
 * accepts is canonical, so re-encoding gives back the same bytes.
 */
class BencodeFuzzTests {

  private static final Duration QUICKLY = Duration.ofSeconds(2);

  /** Decodes under a preemptive timeout; returns null when the input was rejected properly. */
  private static BValue decodeOrReject(byte[] input) {
    return assertTimeoutPreemptively(
        QUICKLY,
        () -> {
          try {
            BValue value = BDecoder.strict().decode(input);
            // Strict decoding accepts only canonical input: re-encoding is the identity.
            assertThat(BEncoder.encode(value)).isEqualTo(input);
            return value;
          } catch (BencodeException expected) {
            assertThat(expected.getMessage()).startsWith("Invalid bencode at byte ");
            assertThat(expected.offset()).isBetween(0L, (long) input.length);
            return null;
          }
        });
  }

  @Property(tries = 2000)
  void arbitraryBytesDecodeOrFailWithBencodeException(@ForAll @Size(max = 512) byte[] input) {
    decodeOrReject(input);
  }

  @Property(tries = 2000)
  void bencodeAlphabetSoupDecodesOrFailsWithBencodeException(@ForAll("bencodeish") byte[] input) {
    decodeOrReject(input);
  }

  @Property(tries = 1000)
  void mutatedTorrentsDecodeOrFailWithBencodeException(@ForAll long seed) {
    Random random = new Random(seed);
    byte[] mutated = mutate(sampleTorrent(random), random);
    decodeOrReject(mutated);
  }

  @Property(tries = 500)
  void encodedValuesRoundTrip(@ForAll("values") BValue value) {
    byte[] encoded = BEncoder.encode(value);
    BValue decoded = new BDecoder(BDecoder.MAX_SUPPORTED_DEPTH).decode(encoded);
    assertThat(decoded).isEqualTo(value);
    assertThat(BEncoder.encode(decoded)).isEqualTo(encoded);
  }

  @Provide
  Arbitrary<byte[]> bencodeish() {
    byte[] alphabet = "0123456789:ilde-x".getBytes(StandardCharsets.US_ASCII);
    return Arbitraries.integers()
        .between(0, alphabet.length - 1)
        .map(i -> alphabet[i])
        .list()
        .ofMaxSize(64)
        .map(
            list -> {
              byte[] bytes = new byte[list.size()];
              for (int i = 0; i < bytes.length; i++) {
                bytes[i] = list.get(i);
              }
              return bytes;
            });
  }

  @Provide
  Arbitrary<BValue> values() {
    return value(4);
  }

  private Arbitrary<BValue> value(int depth) {
    Arbitrary<BValue> integer = Arbitraries.longs().map(BInteger::of);
    Arbitrary<BValue> string =
        Arbitraries.bytes().array(byte[].class).ofMaxSize(40).map(BString::of);
    Arbitrary<BValue> leaf = Arbitraries.oneOf(integer, string);
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<BValue> child = value(depth - 1);
    Arbitrary<BValue> list = child.list().ofMaxSize(4).map(BList::new);
    Arbitrary<BValue> dictionary =
        Arbitraries.maps(Arbitraries.strings().ofMaxLength(6), child)
            .ofMaxSize(4)
            .map(BencodeFuzzTests::dictionaryOf);
    return Arbitraries.frequencyOf(Tuple.of(4, leaf), Tuple.of(1, list), Tuple.of(1, dictionary));
  }

  private static BValue dictionaryOf(Map<String, BValue> map) {
    BDictionary.Builder builder = BDictionary.builder();
    map.forEach(builder::put);
    return builder.build();
  }

  /** A realistic multi-file torrent with random content. */
  static byte[] sampleTorrent(Random random) {
    int fileCount = 1 + random.nextInt(5);
    List<BValue> files = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < fileCount; i++) {
      long length = random.nextInt(200_000);
      total += length;
      files.add(
          BDictionary.builder()
              .put("length", length)
              .put("path", BList.of(BString.of("dir" + i), BString.of("ファイル " + i + ".mkv")))
              .build());
    }
    long pieceLength = 16_384;
    byte[] pieces = new byte[(int) ((total + pieceLength - 1) / pieceLength) * 20];
    random.nextBytes(pieces);
    BDictionary info =
        BDictionary.builder()
            .put("files", new BList(files))
            .put("name", "Сериал [1080p]")
            .put("piece length", pieceLength)
            .put("pieces", BString.of(pieces))
            .put("private", 1)
            .build();
    return BEncoder.encode(
        BDictionary.builder()
            .put("announce", "http://tracker.example/announce")
            .put(
                "announce-list",
                BList.of(
                    BList.of(BString.of("http://tracker.example/announce")),
                    BList.of(BString.of("udp://backup.example:6969"))))
            .put("comment", "fuzz")
            .put("creation date", 1_700_000_000L)
            .put("info", info)
            .build());
  }

  /** Applies 1..4 random byte-level mutations. */
  static byte[] mutate(byte[] input, Random random) {
    byte[] bytes = input;
    int rounds = 1 + random.nextInt(4);
    for (int round = 0; round < rounds && bytes.length > 0; round++) {
      int at = random.nextInt(bytes.length);
      bytes =
          switch (random.nextInt(7)) {
            case 0 -> {
              byte[] copy = bytes.clone();
              copy[at] = (byte) random.nextInt(256);
              yield copy;
            }
            case 1 -> {
              byte[] copy = bytes.clone();
              copy[at] = (byte) "0123456789:ilde-".charAt(random.nextInt(16));
              yield copy;
            }
            case 2 -> Arrays.copyOf(bytes, at); // truncate
            case 3 ->
                splice(
                    bytes,
                    at,
                    at + 1 + random.nextInt(Math.min(32, bytes.length - at)),
                    new byte[0]); // delete a range
            case 4 ->
                splice(
                    bytes,
                    at,
                    at,
                    String.valueOf(random.nextLong() >>> random.nextInt(64))
                        .getBytes(StandardCharsets.US_ASCII)); // insert digits
            case 5 -> {
              int end = Math.min(bytes.length, at + 1 + random.nextInt(64));
              yield splice(bytes, at, at, Arrays.copyOfRange(bytes, at, end)); // duplicate range
            }
            default -> splice(bytes, bytes.length, bytes.length, new byte[] {'e'}); // trailing
          };
    }
    return bytes;
  }

  private static byte[] splice(byte[] bytes, int from, int to, byte[] insert) {
    byte[] out = new byte[bytes.length - (to - from) + insert.length];
    System.arraycopy(bytes, 0, out, 0, from);
    System.arraycopy(insert, 0, out, from, insert.length);
    System.arraycopy(bytes, to, out, from + insert.length, bytes.length - to);
    return out;
  }
}
