package dev.animetracker.search.query;

import dev.animetracker.common.torrent.InfoHashes;
import dev.animetracker.search.query.ParsedQuery.Clause;
import dev.animetracker.search.query.ParsedQuery.HashLookup;
import dev.animetracker.search.query.ParsedQuery.Term;
import dev.animetracker.search.text.SearchText;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the search text: words (all required), {@code "exact phrases"}, {@code -excluded} words or
 * phrases, {@code a|b} alternatives. Never fails: unbalanced quotes run to the end, stray operators
 * are ignored, punctuation only separates words. A 40- or 64-hex string or a magnet link becomes an
 * exact info-hash lookup.
 */
public final class QueryParser {

  /** Clauses beyond this are ignored, so a pasted essay cannot build a huge query. */
  public static final int MAX_CLAUSES = 16;

  /** Tokens of one phrase beyond this are ignored. */
  public static final int MAX_PHRASE_TOKENS = 32;

  private static final Pattern BASE32 = Pattern.compile("[A-Za-z2-7]{32}");
  private static final Pattern XT =
      Pattern.compile("(?i)(?:^|[?&])xt(?:\\.\\d+)?=urn(?::|%3A)(btih|btmh)(?::|%3A)([^&]+)");

  private QueryParser() {}

  /** Parses user text (null or blank: {@link ParsedQuery#EMPTY}). */
  public static ParsedQuery parse(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return ParsedQuery.EMPTY;
    }
    String trimmed = text.strip();
    HashLookup hash = hash(trimmed);
    if (hash != null) {
      return new ParsedQuery(List.of(), hash);
    }
    return new ParsedQuery(clauses(trimmed), null);
  }

  private static @Nullable HashLookup hash(String text) {
    if (InfoHashes.isV1(text)) {
      return new HashLookup(text.toLowerCase(Locale.ROOT), null);
    }
    if (InfoHashes.isV2(text)) {
      return new HashLookup(null, text.toLowerCase(Locale.ROOT));
    }
    if (!text.regionMatches(true, 0, "magnet:?", 0, 8)) {
      return null;
    }
    String v1 = null;
    String v2 = null;
    Matcher xt = XT.matcher(text.substring(7));
    while (xt.find()) {
      String value = xt.group(2);
      if (xt.group(1).equalsIgnoreCase("btih")) {
        if (InfoHashes.isV1(value)) {
          v1 = value.toLowerCase(Locale.ROOT);
        } else if (BASE32.matcher(value).matches()) {
          v1 = HexFormat.of().formatHex(base32(value.toUpperCase(Locale.ROOT)));
        }
      } else if (value.length() == 68
          && value.startsWith("1220")
          && InfoHashes.isV2(value.substring(4))) {
        v2 = value.substring(4).toLowerCase(Locale.ROOT);
      }
    }
    // A magnet link without a usable hash finds nothing rather than everything.
    return v1 == null && v2 == null ? new HashLookup("", null) : new HashLookup(v1, v2);
  }

  private static byte[] base32(String value) {
    byte[] out = new byte[value.length() * 5 / 8];
    long buffer = 0;
    int bits = 0;
    int index = 0;
    for (char c : value.toCharArray()) {
      int digit = c >= 'A' && c <= 'Z' ? c - 'A' : c - '2' + 26;
      buffer = (buffer << 5) | digit;
      bits += 5;
      if (bits >= 8) {
        out[index++] = (byte) (buffer >> (bits - 8));
        bits -= 8;
      }
    }
    return out;
  }

  /** One lexical item: a word or phrase, maybe negated, maybe joined to the next by {@code |}. */
  private record Item(String text, boolean quoted, boolean negated, boolean orNext) {}

  private static List<Clause> clauses(String text) {
    List<Item> items = new ArrayList<>();
    int i = 0;
    int n = text.length();
    boolean negated = false;
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        negated = false;
        i++;
      } else if (c == '|') {
        if (!items.isEmpty()) {
          Item last = items.removeLast();
          items.add(new Item(last.text(), last.quoted(), last.negated(), true));
        }
        i++;
      } else if (c == '-' && !negated && i + 1 < n && isItemStart(text.charAt(i + 1))) {
        negated = true;
        i++;
      } else if (c == '"') {
        int end = text.indexOf('"', i + 1);
        int stop = end < 0 ? n : end;
        items.add(new Item(text.substring(i + 1, stop), true, negated, false));
        negated = false;
        i = end < 0 ? n : end + 1;
      } else {
        int start = i;
        while (i < n
            && !Character.isWhitespace(text.charAt(i))
            && text.charAt(i) != '"'
            && text.charAt(i) != '|') {
          i++;
        }
        items.add(new Item(text.substring(start, i), false, negated, false));
        negated = false;
      }
    }
    List<Clause> clauses = new ArrayList<>();
    List<Term> alternatives = new ArrayList<>();
    boolean clauseNegated = false;
    for (int k = 0; k < items.size(); k++) {
      Item item = items.get(k);
      if (alternatives.isEmpty()) {
        clauseNegated = item.negated();
      }
      Term term = term(item);
      if (term != null) {
        alternatives.add(term);
      }
      boolean joined = item.orNext() && k + 1 < items.size();
      if (!joined) {
        if (!alternatives.isEmpty() && clauses.size() < MAX_CLAUSES) {
          clauses.add(new Clause(clauseNegated, List.copyOf(alternatives)));
        }
        alternatives.clear();
      }
    }
    return clauses;
  }

  private static boolean isItemStart(char c) {
    return !Character.isWhitespace(c) && c != '-' && c != '|';
  }

  private static @Nullable Term term(Item item) {
    List<String> tokens = SearchText.tokens(item.text());
    if (tokens.isEmpty()) {
      return null;
    }
    if (tokens.size() > MAX_PHRASE_TOKENS) {
      tokens = tokens.subList(0, MAX_PHRASE_TOKENS);
    }
    if (item.quoted() || tokens.size() > 1) {
      return new Term(List.copyOf(tokens), false, false);
    }
    String token = tokens.getFirst();
    boolean cjk = SearchText.isCjkToken(token);
    // Words with digits (1080p, s01e05, x264) are matched whole: a prefix scan over a very common
    // word's posting list cannot be skipped through by GIN and costs tens of milliseconds.
    boolean digits = token.chars().anyMatch(Character::isDigit);
    boolean prefix =
        cjk ? token.codePointCount(0, token.length()) == 1 : !digits && token.length() >= 3;
    boolean correctable = !cjk && !digits && token.length() >= 4;
    return new Term(List.of(token), prefix, correctable);
  }
}
