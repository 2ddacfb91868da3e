package dev.animetracker.gateway.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats the proxy serves, recognised by their magic bytes (never by the sender's type).
 */
enum ImageType {
  PNG("image/png"),
  JPEG("image/jpeg"),
  GIF("image/gif"),
  WEBP("image/webp"),
  AVIF("image/avif");

  private final String mediaType;

  ImageType(String mediaType) {
    this.mediaType = mediaType;
  }

  String mediaType() {
    return mediaType;
  }

  private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  static Optional<ImageType> sniff(byte[] b) {
    if (starts(b, 0, PNG_MAGIC)) {
      return Optional.of(PNG);
    }
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return Optional.of(JPEG);
    }
    if (starts(b, 0, ascii("GIF87a")) || starts(b, 0, ascii("GIF89a"))) {
      return Optional.of(GIF);
    }
    if (starts(b, 0, ascii("RIFF")) && starts(b, 8, ascii("WEBP"))) {
      return Optional.of(WEBP);
    }
    if (starts(b, 4, ascii("ftyp"))
        && (starts(b, 8, ascii("avif")) || starts(b, 8, ascii("avis")))) {
      return Optional.of(AVIF);
    }
    return Optional.empty();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean starts(byte[] b, int offset, byte[] magic) {
    return b.length >= offset + magic.length
        && Arrays.equals(b, offset, offset + magic.length, magic, 0, magic.length);
  }
}
