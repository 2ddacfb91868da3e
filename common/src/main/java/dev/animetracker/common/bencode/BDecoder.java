package dev.animetracker.common.bencode;

import dev.animetracker.common.bencode.BencodeException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Strict BEP 3 decoder. Accepts only canonical bencode: integers without leading zeros or {@code
 * -0} and within {@code long} range; byte strings whose declared length fits in the remaining input
 * (checked before anything is allocated); dictionary keys that are byte strings in strictly
 * ascending raw byte order (so unique); nesting up to {@link #maxDepth()}; no bytes after the
 * top-level value. Every malformed input gives a {@link BencodeException}.
 *
 * <p>Work and memory are bounded, not just linear: at most {@link #maxValues()} values (integers,
 * strings, lists, dictionaries) are decoded, strings are slices of the input, dictionaries sorted
 * arrays, and empty values and small integers shared, so a decoded value retains at most ~30 bytes
 * per value on top of the input.
 *
 * <p>Thread-safe and reusable.
 */
public final class BDecoder {

  public static final int DEFAULT_MAX_DEPTH = 64;

  /** The recursive descent needs a stack frame per level, so the configurable limit is capped. */
  public static final int MAX_SUPPORTED_DEPTH = 512;

  /** Values (of any type, at any depth) decoded at most by default. */
  public static final int DEFAULT_MAX_VALUES = 1 << 20;

  private static final BDecoder DEFAULT = new BDecoder(DEFAULT_MAX_DEPTH);

  private static final BInteger[] SMALL = new BInteger[256];

  static {
    for (int i = 0; i < SMALL.length; i++) {
      SMALL[i] = new BInteger(i);
    }
  }

  private final int maxDepth;
  private final int maxValues;

  public BDecoder(int maxDepth) {
    this(maxDepth, DEFAULT_MAX_VALUES);
  }

  /**
   * @param maxDepth deepest nesting of lists/dictionaries (1..{@value #MAX_SUPPORTED_DEPTH})
   * @param maxValues most values decoded in one input ({@link Reason#TOO_MANY_VALUES} above)
   */
  public BDecoder(int maxDepth, int maxValues) {
    if (maxValues < 1) {
      throw new IllegalArgumentException("maxValues must be positive: " + maxValues);
    }
    this.maxValues = maxValues;
    if (maxDepth < 1 || maxDepth > MAX_SUPPORTED_DEPTH) {
      throw new IllegalArgumentException(
          "maxDepth must be between 1 and " + MAX_SUPPORTED_DEPTH + ": " + maxDepth);
    }
    this.maxDepth = maxDepth;
  }

  /** A decoder with the default nesting limit of {@value #DEFAULT_MAX_DEPTH}. */
  public static BDecoder strict() {
    return DEFAULT;
  }

  public int maxDepth() {
    return maxDepth;
  }

  public int maxValues() {
    return maxValues;
  }

  /**
   * Decodes exactly one value spanning all of {@code input}.
   *
   * @throws BencodeException for any malformed or non-canonical input
   */
  public BValue decode(byte[] input) {
    Objects.requireNonNull(input, "input");
    Reader reader = new Reader(input, maxDepth, maxValues);
    return reader.readAll();
  }

  /** Decodes {@code input}, which must be a dictionary. */
  public BDictionary decodeDictionary(byte[] input) {
    BValue value = decode(input);
    if (value instanceof BDictionary dictionary) {
      return dictionary;
    }
    throw new BencodeException(Reason.MALFORMED, 0, "the top-level value is not a dictionary");
  }

  private static final class Reader {

    private final byte[] in;
    private final int maxDepth;
    private final int maxValues;
    private int pos;
    private int decoded;

    /**
     * One stack for the open lists' and dictionaries' values (and keys), shared by all levels: a
     * container's elements sit on top while it is read and are copied out once, exactly sized, when
     * it ends. No per-container growable lists, so a flood of small containers allocates little
     * more than the containers themselves.
     */
    private BValue[] stack = new BValue[64];

    private int top;
    private int[] spanStack = new int[64];
    private int spanTop;

    private void push(BValue value) {
      if (top == stack.length) {
        stack = Arrays.copyOf(stack, top * 2);
      }
      stack[top++] = value;
    }

    private void pushSpan(int start, int end) {
      if (spanTop + 2 > spanStack.length) {
        spanStack = Arrays.copyOf(spanStack, spanStack.length * 2);
      }
      spanStack[spanTop++] = start;
      spanStack[spanTop++] = end;
    }

    Reader(byte[] in, int maxDepth, int maxValues) {
      this.in = in;
      this.maxDepth = maxDepth;
      this.maxValues = maxValues;
    }

    BValue readAll() {
      if (in.length == 0) {
        throw new BencodeException(Reason.TRUNCATED, 0, "the input is empty");
      }
      BValue value = readValue(0);
      if (pos != in.length) {
        throw new BencodeException(
            Reason.TRAILING_DATA,
            pos,
            (in.length - pos) + " unexpected byte(s) after the end of the top-level value");
      }
      return value;
    }

    private BValue readValue(int depth) {
      if (pos >= in.length) {
        throw truncated("a value");
      }
      if (++decoded > maxValues) {
        throw new BencodeException(
            Reason.TOO_MANY_VALUES, pos, "the input holds more than " + maxValues + " values");
      }
      byte b = in[pos];
      return switch (b) {
        case 'i' -> readInteger();
        case 'l' -> readList(depth + 1);
        case 'd' -> readDictionary(depth + 1);
        default -> {
          if (isDigit(b)) {
            yield readString();
          }
          throw new BencodeException(
              Reason.MALFORMED,
              pos,
              "unexpected " + describe(b) + ", expected 'i', 'l', 'd' or a string length");
        }
      };
    }

    private BInteger readInteger() {
      int start = pos;
      pos++; // 'i'
      boolean negative = false;
      if (pos < in.length && in[pos] == '-') {
        negative = true;
        pos++;
      }
      if (pos >= in.length) {
        throw truncated("an integer");
      }
      if (!isDigit(in[pos])) {
        throw new BencodeException(
            Reason.MALFORMED, pos, "integer starting at byte " + start + " has no digits");
      }
      int firstDigit = pos;
      // Accumulate negatively so that Long.MIN_VALUE fits.
      long value = 0;
      boolean overflow = false;
      while (pos < in.length && isDigit(in[pos])) {
        int digit = in[pos] - '0';
        if (!overflow) {
          if (value < (Long.MIN_VALUE + digit) / 10) {
            overflow = true;
          } else {
            value = value * 10 - digit;
          }
        }
        pos++;
      }
      if (in[firstDigit] == '0' && pos - firstDigit > 1) {
        throw new BencodeException(Reason.NON_CANONICAL, firstDigit, "integer has a leading zero");
      }
      if (negative && value == 0 && !overflow) {
        throw new BencodeException(Reason.NON_CANONICAL, start, "integer is negative zero (i-0e)");
      }
      if (!overflow && !negative && value == Long.MIN_VALUE) {
        overflow = true;
      }
      if (overflow) {
        throw new BencodeException(
            Reason.OUT_OF_RANGE, start, "integer does not fit in a signed 64-bit value");
      }
      if (pos >= in.length) {
        throw truncated("an integer");
      }
      if (in[pos] != 'e') {
        throw new BencodeException(
            Reason.MALFORMED, pos, "unexpected " + describe(in[pos]) + " inside an integer");
      }
      pos++;
      long result = negative ? value : -value;
      return result >= 0 && result < SMALL.length ? SMALL[(int) result] : new BInteger(result);
    }

    private BString readString() {
      int start = pos;
      long length = 0;
      boolean huge = false;
      while (pos < in.length && isDigit(in[pos])) {
        if (!huge) {
          length = length * 10 + (in[pos] - '0');
          huge = length > in.length; // can never fit; stop accumulating (no overflow)
        }
        pos++;
      }
      if (in[start] == '0' && pos - start > 1) {
        throw new BencodeException(Reason.NON_CANONICAL, start, "string length has a leading zero");
      }
      if (pos >= in.length) {
        throw truncated("a string length");
      }
      if (in[pos] != ':') {
        throw new BencodeException(
            Reason.MALFORMED,
            pos,
            "unexpected " + describe(in[pos]) + " after a string length, expected ':'");
      }
      pos++;
      int remaining = in.length - pos;
      if (huge || length > remaining) {
        String declared =
            huge
                ? new String(in, start, pos - 1 - start, StandardCharsets.US_ASCII)
                : Long.toString(length);
        throw new BencodeException(
            Reason.TRUNCATED,
            start,
            "string declares "
                + abbreviate(declared)
                + " bytes but only "
                + remaining
                + " remain in the input");
      }
      BString string = BString.slice(in, pos, (int) length);
      pos += (int) length;
      return string;
    }

    private BList readList(int depth) {
      checkDepth(depth);
      pos++; // 'l'
      int from = top;
      while (true) {
        if (pos >= in.length) {
          throw truncated("a list");
        }
        if (in[pos] == 'e') {
          pos++;
          if (top == from) {
            return BList.EMPTY;
          }
          BList list = new BList(List.of(Arrays.copyOfRange(stack, from, top)));
          Arrays.fill(stack, from, top, null);
          top = from;
          return list;
        }
        BValue value = readValue(depth);
        push(value);
      }
    }

    private BDictionary readDictionary(int depth) {
      checkDepth(depth);
      pos++; // 'd'
      int from = top;
      int spanFrom = spanTop;
      BString previous = null;
      while (true) {
        if (pos >= in.length) {
          throw truncated("a dictionary");
        }
        byte b = in[pos];
        if (b == 'e') {
          pos++;
          if (top == from) {
            return BDictionary.empty();
          }
          int size = (top - from) / 2;
          BString[] keys = new BString[size];
          BValue[] values = new BValue[size];
          for (int i = 0; i < size; i++) {
            keys[i] = (BString) stack[from + 2 * i];
            values[i] = stack[from + 2 * i + 1];
          }
          int[] spans = Arrays.copyOfRange(spanStack, spanFrom, spanTop);
          Arrays.fill(stack, from, top, null);
          top = from;
          spanTop = spanFrom;
          return BDictionary.decoded(keys, values, spans);
        }
        if (!isDigit(b)) {
          throw new BencodeException(
              Reason.MALFORMED, pos, "dictionary key must be a byte string, found " + describe(b));
        }
        int keyStart = pos;
        BString key = readString();
        if (previous != null) {
          int order = previous.compareTo(key);
          if (order == 0) {
            throw new BencodeException(
                Reason.NON_CANONICAL, keyStart, "duplicate dictionary key " + key);
          }
          if (order > 0) {
            throw new BencodeException(
                Reason.NON_CANONICAL,
                keyStart,
                "dictionary key " + key + " is not sorted (it comes after " + previous + ")");
          }
        }
        int valueStart = pos;
        if (valueStart >= in.length) {
          throw truncated("a dictionary value");
        }
        BValue value = readValue(depth);
        push(key);
        push(value);
        pushSpan(valueStart, pos);
        previous = key;
      }
    }

    private void checkDepth(int depth) {
      if (depth > maxDepth) {
        throw new BencodeException(
            Reason.NESTING_TOO_DEEP,
            pos,
            "lists/dictionaries are nested more than " + maxDepth + " levels deep");
      }
    }

    private BencodeException truncated(String what) {
      return new BencodeException(Reason.TRUNCATED, pos, "the input ends in the middle of " + what);
    }

    private static boolean isDigit(byte b) {
      return b >= '0' && b <= '9';
    }

    private static String abbreviate(String digits) {
      return digits.length() > 24
          ? digits.substring(0, 20) + "...(" + digits.length() + " digits)"
          : digits;
    }

    private static String describe(byte b) {
      int unsigned = b & 0xff;
      if (unsigned >= 0x21 && unsigned < 0x7f) {
        return "byte '" + (char) unsigned + "'";
      }
      return String.format("byte 0x%02x", unsigned);
    }
  }
}
