package dev.animetracker.common.bencode;

import java.util.Collections;
import java.util.Map;
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
 */
public final class BDictionary implements BValue {

  private static final BDictionary EMPTY = new BDictionary(new TreeMap<>(), Map.of());

  private final SortedMap<BString, BValue> entries;
  private final Map<BString, Span> spans;

  private BDictionary(SortedMap<BString, BValue> entries, Map<BString, Span> spans) {
    this.entries = Collections.unmodifiableSortedMap(entries);
    this.spans = Collections.unmodifiableMap(spans);
  }

  /** Used by the decoder: both maps are fresh and owned by the new dictionary. */
  static BDictionary decoded(TreeMap<BString, BValue> entries, Map<BString, Span> spans) {
    return new BDictionary(entries, spans);
  }

  public static BDictionary empty() {
    return EMPTY;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** All entries in key order (unmodifiable). */
  public SortedMap<BString, BValue> entries() {
    return entries;
  }

  public int size() {
    return entries.size();
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  public boolean containsKey(String key) {
    return entries.containsKey(BString.of(key));
  }

  /** The value under the UTF-8 key, or {@code null}. */
  public @Nullable BValue get(String key) {
    return entries.get(BString.of(key));
  }

  /** The value under the raw key, or {@code null}. */
  public @Nullable BValue get(BString key) {
    return entries.get(key);
  }

  public Optional<BValue> find(String key) {
    return Optional.ofNullable(get(key));
  }

  /**
   * Where the value of {@code key} sits in the decoded input: present only for dictionaries built
   * by {@link BDecoder}.
   */
  public Optional<Span> spanOf(String key) {
    return Optional.ofNullable(spans.get(BString.of(key)));
  }

  public Optional<Span> spanOf(BString key) {
    return Optional.ofNullable(spans.get(key));
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
    builder.entries.putAll(entries);
    return builder;
  }

  /** Equality is by content only; spans are not part of it. */
  @Override
  public boolean equals(Object o) {
    return o instanceof BDictionary other && entries.equals(other.entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "BDictionary" + entries;
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
      return new BDictionary(new TreeMap<>(entries), Map.of());
    }
  }
}
