package dev.animetracker.common.bencode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes canonical bencode: dictionary keys in raw byte order (the {@link BDictionary} keeps them
 * so), integers in shortest form. {@link BRaw} values are copied verbatim. For any value decoded by
 * {@link BDecoder}, {@code encode(decode(bytes))} gives back exactly {@code bytes}.
 */
public final class BEncoder {

  private BEncoder() {}

  public static byte[] encode(BValue value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    write(value, out);
    return out.toByteArray();
  }

  /** Appends the encoding of {@code value} to {@code out}. */
  public static void write(BValue value, ByteArrayOutputStream out) {
    switch (value) {
      case BInteger integer -> {
        out.write('i');
        writeAscii(Long.toString(integer.value()), out);
        out.write('e');
      }
      case BString string -> writeString(string, out);
      case BList list -> {
        out.write('l');
        for (BValue element : list.values()) {
          write(element, out);
        }
        out.write('e');
      }
      case BDictionary dictionary -> {
        out.write('d');
        for (int i = 0; i < dictionary.size(); i++) {
          writeString(dictionary.keyAt(i), out);
          write(dictionary.valueAt(i), out);
        }
        out.write('e');
      }
      case BRaw raw -> out.writeBytes(raw.unsafeEncoded());
    }
  }

  private static void writeString(BString string, ByteArrayOutputStream out) {
    writeAscii(Integer.toString(string.length()), out);
    out.write(':');
    string.writeTo(out);
  }

  private static void writeAscii(String text, ByteArrayOutputStream out) {
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
  }
}
