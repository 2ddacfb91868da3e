package dev.animetracker.tracker.protocol;

import java.nio.charset.StandardCharsets;

/** A peer's self-chosen 20-byte id, compared by content. */
public final class PeerId extends Id20 {

  private PeerId(byte[] bytes) {
    super(bytes);
  }

  /** Copies {@code bytes}, which must be exactly 20 bytes long. */
  public static PeerId of(byte[] bytes) {
    return new PeerId(bytes.clone());
  }

  /** The Latin-1 bytes of a 20-character text (convenient in tests and logs). */
  public static PeerId ofText(String text) {
    return new PeerId(text.getBytes(StandardCharsets.ISO_8859_1));
  }

  static PeerId wrap(byte[] bytes) {
    return new PeerId(bytes);
  }

  /** The client prefix (e.g. {@code -qB5020-}) when printable, then the id in hex. */
  @Override
  public String toString() {
    byte[] bytes = unsafeBytes();
    int printable = 0;
    while (printable < bytes.length && bytes[printable] >= 0x20 && bytes[printable] < 0x7f) {
      printable++;
    }
    return new String(bytes, 0, printable, StandardCharsets.ISO_8859_1) + "/" + hex();
  }
}
