package dev.animetracker.search.index;

import dev.animetracker.common.consume.PoisonEventException;
import dev.animetracker.common.event.EventEnvelope;
import java.util.HexFormat;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Checks the info hashes events carry; a malformed one makes the event poison. */
final class InfoHashes {

  private InfoHashes() {}

  static String require(@Nullable String infoHash, EventEnvelope envelope) {
    if (!isHex(infoHash, 40)) {
      throw new PoisonEventException(
          envelope.type() + " event " + envelope.id() + " with a malformed infoHash", null);
    }
    return infoHash.toLowerCase(Locale.ROOT);
  }

  static @Nullable String optionalV2(@Nullable String infoHashV2, EventEnvelope envelope) {
    if (infoHashV2 == null) {
      return null;
    }
    if (!isHex(infoHashV2, 64)) {
      throw new PoisonEventException(
          envelope.type() + " event " + envelope.id() + " with a malformed infoHashV2", null);
    }
    return infoHashV2.toLowerCase(Locale.ROOT);
  }

  static boolean isHex(@Nullable String value, int length) {
    return value != null
        && value.length() == length
        && value.chars().allMatch(HexFormat::isHexDigit);
  }
}
