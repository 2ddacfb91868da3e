package dev.animetracker.common.bencode;

import java.util.Arrays;
import java.util.Collections;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A bencoded dictionary ({@code d...e}): byte-string keys in raw (unsigned) byte order, as BEP 3
 * requires. A dictionary that came from {@link BDecoder} also knows, for each key, the exact byte
 * span of its value in the decoded input ({@link #spanOf(String)}), so a value can be hashed or
 * copied from the original bytes (the torrent's info hash).
 *
 * <p>Stored as sorted arrays (keys, values, value spans) searched by bisection: the decoder gets
 * the keys already sorted, and arrays cost a fraction of a tree map and a hash map per dictionary
 * (a 10 MB file of small dictionaries used to take ~20 times its size).
 */
public final class BDictionary implements BValue {

  private static final BString[] NO_KEYS = new BString[0];
  private static final BValue[] NO_VALUES = new BValue[0];
  private static final BDictionary EMPTY = new BDictionary(NO_KEYS, NO_VALUES, null);

  private final BString[] keys;
  private final BValue[] values;

  /** {@code [start0, end0, start1, end1, ...]} in the decoded input; null when built. */
  private final int @Nullable [] spans;

  private BDictionary(BString[] keys, BValue[] values, int @Nullable [] spans) {
    this.keys = keys;
    this.values = values;
    this.spans = spans;
  }

  /** Used by the decoder: sorted, unique keys; the arrays are owned by the new dictionary. */
  static BDictionary decoded(BString[] keys, BValue[] values, int[] spans) {
    return new BDictionary(keys, values, spans);
  }

  public static BDictionary empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** All entries in key order: an unmodifiable copy (prefer {@link #keyAt}/{@link #valueAt}). */
  public SortedMap<BString, BValue> entries() {
    TreeMap<BString, BValue> map = new TreeMap<>();
    for (int i = 0; i < keys.length; i++) {
      map.put(keys[i], values[i]);
    }
    return Collections.unmodifiableSortedMap(map);
  }

  public int size() {
    return keys.length;
  }

  public boolean isEmpty() {
    return keys.length == 0;
  }

  /** The {@code index}-th key in key order. */
  public BString keyAt(int index) {
    return keys[index];
  }

  /** The value of the {@code index}-th key. */
  public BValue valueAt(int index) {
    return values[index];
  }

  public boolean containsKey(String key) {
    return indexOf(BString.of(key)) >= 0;
  }

  /** The value under the UTF-8 key, or {@code null}. */
  public @Nullable BValue get(String key) {
    return get(BString.of(key));
  }

  /** The value under the raw key, or {@code null}. */
  public @Nullable BValue get(BString key) {
    int index = indexOf(key);
    return index < 0 ? null : values[index];
  }

  public Optional<BValue> find(String key) {
    return Optional.ofNullable(get(key));
  }

  /**
   * Where the value of {@code key} sits in the decoded input: present only for dictionaries built
   * by {@link BDecoder}.
   */
  public Optional<Span> spanOf(String key) {
    return spanOf(BString.of(key));
  }

  public Optional<Span> spanOf(BString key) {
    int index = indexOf(key);
    if (index < 0 || spans == null) {
      return Optional.empty();
    }
    return Optional.of(new Span(spans[2 * index], spans[2 * index + 1]));
  }

  private int indexOf(BString key) {
    return Arrays.binarySearch(keys, key);
  }

  /** A copy with {@code key} set to {@code value} (spans are not carried over). */
  public BDictionary with(String key, BValue value) {
    return toBuilder().put(key, value).build();
  }

  /** A copy without {@code key} (spans are not carried over). */
  public BDictionary without(String key) {
    return toBuilder().remove(key).build();
  }

  public Builder toBuilder() {
    Builder builder = new Builder();
    for (int i = 0; i < keys.length; i++) {
      builder.entries.put(keys[i], values[i]);
    }
    return builder;
  }

  /** Equality is by content only; spans are not part of it. */
  @Override
  public boolean equals(Object o) {
    return o instanceof BDictionary other
        && Arrays.equals(keys, other.keys)
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    int hash = 0;
    for (int i = 0; i < keys.length; i++) {
      hash += keys[i].hashCode() ^ values[i].hashCode(); // as Map.hashCode
    }
    return hash;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("BDictionary{");
    for (int i = 0; i < keys.length; i++) {
      text.append(i == 0 ? "" : ", ").append(keys[i]).append('=').append(values[i]);
    }
    return text.append('}').toString();
  }

  /** Builds a dictionary; keys are kept sorted, a later {@code put} replaces an earlier one. */
  public static final class Builder {

    private final TreeMap<BString, BValue> entries = new TreeMap<>();

    private Builder() {}

    public Builder put(BString key, BValue value) {
      entries.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
      return this;
    }

    public Builder put(String key, BValue value) {
      return put(BString.of(key), value);
    }

    public Builder put(String key, String value) {
      return put(BString.of(key), BString.of(value));
    }

    public Builder put(String key, long value) {
      return put(BString.of(key), BInteger.of(value));
    }

    public Builder remove(String key) {
      entries.remove(BString.of(key));
      return this;
    }

    public BDictionary build() {
      if (entries.isEmpty()) {
        return EMPTY;
      }
      return new BDictionary(
          entries.keySet().toArray(NO_KEYS), entries.values().toArray(NO_VALUES), null);
    }
  }
}
