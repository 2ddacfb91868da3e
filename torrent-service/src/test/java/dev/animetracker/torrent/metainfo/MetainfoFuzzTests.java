package dev.animetracker.torrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.animetracker.common.bencode.BDictionary;
import dev.animetracker.torrent.metainfo.SyntheticTorrents.Spec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random-mutation fuzzing of the parser: mutated valid v1/v2/hybrid torrents either parse or
 * give a {@link MetainfoException} with a known code — never another exception, never slowly.
 */
class MetainfoFuzzTests {

  private static final List<String> KNOWN_CODES =
      List.of(
          "not-bencode",
          "trailing-data",
          "nesting-too-deep",
          "torrent-too-large",
          "not-a-dictionary",
          "missing-info",
          "bad-info",
          "missing-name",
          "bad-piece-length",
          "pieces-mismatch",
          "bad-file-list",
          "bad-length",
          "unsafe-path",
          "duplicate-path",
          "too-many-files",
          "too-many-values",
          "too-large",
          "bad-v2-structure",
          "hybrid-mismatch",
          "bad-field");

  private final MetainfoParser parser = new MetainfoParser();

  @Test
  void mutatedTorrentsParseOrFailWithACode() {
    List<Spec> files =
        List.of(Spec.file(40_000, "a.mkv"), Spec.file(20_000, "Папка", "b.ass"), Spec.file(5, "c"));
    BDictionary[] v2 = SyntheticTorrents.v2InfoAndLayers("v2", 16_384, files);
    BDictionary[] hybrid =
        SyntheticTorrents.hybridInfoAndLayers(
            "hy", 16_384, SyntheticTorrents.withPadFiles(files, 16_384));
    List<byte[]> seeds =
        List.of(
            SyntheticTorrents.encode(
                SyntheticTorrents.torrent(SyntheticTorrents.v1Info("v1", 16_384, files))),
            SyntheticTorrents.encode(SyntheticTorrents.torrent(v2[0], v2[1])),
            SyntheticTorrents.encode(SyntheticTorrents.torrent(hybrid[0], hybrid[1])));
    Map<String, Integer> outcomes = new HashMap<>();
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          Random random = new Random(20_251_124L);
          for (int i = 0; i < 30_000; i++) {
            byte[] input = mutate(seeds.get(i % seeds.size()), random);
            try {
              parser.parse(input);
              outcomes.merge("ok", 1, Integer::sum);
            } catch (MetainfoException e) {
              assertThat(KNOWN_CODES).as(e.getMessage()).contains(e.code());
              assertThat(e.getMessage()).isNotBlank();
              outcomes.merge(e.code(), 1, Integer::sum);
            }
          }
        });
    // The mutations reach past the decoder into the validation rules.
    assertThat(outcomes).containsKeys("ok", "not-bencode", "pieces-mismatch");
    assertThat(outcomes.size()).isGreaterThan(6);
  }

  @Test
  void randomBytesFailWithACode() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(10),
        () -> {
          Random random = new Random(7);
          for (int i = 0; i < 20_000; i++) {
            byte[] input = new byte[random.nextInt(300)];
            random.nextBytes(input);
            if (i % 2 == 0 && input.length > 0) {
              input[0] = 'd';
            }
            try {
              parser.parse(input);
            } catch (MetainfoException e) {
              assertThat(KNOWN_CODES).contains(e.code());
            }
          }
        });
  }

  private static byte[] mutate(byte[] seed, Random random) {
    byte[] bytes = seed;
    int rounds = 1 + random.nextInt(3);
    for (int round = 0; round < rounds && bytes.length > 0; round++) {
      int at = random.nextInt(bytes.length);
      switch (random.nextInt(6)) {
        case 0 -> {
          bytes = bytes.clone();
          bytes[at] = (byte) random.nextInt(256);
        }
        case 1 -> {
          bytes = bytes.clone();
          bytes[at] = (byte) "0123456789:ilde-./".charAt(random.nextInt(18));
        }
        case 2 -> bytes = Arrays.copyOf(bytes, at);
        case 3 -> {
          // Replace one digit run (an integer or a string length) with another number.
          int start = at;
          while (start < bytes.length && !Character.isDigit(bytes[start])) {
            start++;
          }
          int end = start;
          while (end < bytes.length && Character.isDigit(bytes[end])) {
            end++;
          }
          byte[] number =
              Long.toString(random.nextBoolean() ? random.nextInt(1 << 20) : random.nextLong())
                  .getBytes(StandardCharsets.US_ASCII);
          bytes = splice(bytes, start, end, number);
        }
        case 4 -> {
          int end = Math.min(bytes.length, at + 1 + random.nextInt(40));
          bytes = splice(bytes, at, end, new byte[0]);
        }
        default -> {
          int end = Math.min(bytes.length, at + 1 + random.nextInt(40));
          bytes = splice(bytes, at, at, Arrays.copyOfRange(bytes, at, end));
        }
      }
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
