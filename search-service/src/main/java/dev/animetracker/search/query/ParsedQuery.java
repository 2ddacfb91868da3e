package dev.animetracker.search.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The search text after parsing: clauses that must all hold (or, negated, must not), each a choice
 * of alternatives; or an exact info-hash lookup.
 *
 * @param hash set when the text was an info hash or magnet link; the clauses are then empty
 */
public record ParsedQuery(List<Clause> clauses, @Nullable HashLookup hash) {

  /** Nothing to search for (no text, or only punctuation). */
  public static final ParsedQuery EMPTY = new ParsedQuery(List.of(), null);

  /** A set of alternatives ({@code a|b}), required, or excluded when {@code negated}. */
  public record Clause(boolean negated, List<Term> alternatives) {}

  /**
   * Tokens that must appear in this order; a single-token term may match as a prefix and be
   * corrected when nothing matches.
   *
   * @param prefix whether the last token also matches longer words
   * @param correctable whether a misspelling may be replaced by similar known words
   */
  public record Term(List<String> tokens, boolean prefix, boolean correctable) {}

  /**
   * An exact lookup by info hash.
   *
   * @param v1 the 40-hex v1 (or truncated v2) hash, or null
   * @param v2 the 64-hex v2 hash, or null
   */
  public record HashLookup(@Nullable String v1, @Nullable String v2) {}

  public boolean isEmpty() {
    return clauses.isEmpty() && hash == null;
  }

  /** Whether some clause is required (not only exclusions). */
  public boolean hasPositive() {
    return clauses.stream().anyMatch(clause -> !clause.negated());
  }

  /** Words that could be corrected, in order, each once. */
  public List<String> correctableWords() {
    List<String> words = new ArrayList<>();
    for (Clause clause : clauses) {
      if (clause.negated()) {
        continue;
      }
      for (Term term : clause.alternatives()) {
        if (term.correctable() && !words.contains(term.tokens().getFirst())) {
          words.add(term.tokens().getFirst());
        }
      }
    }
    return words;
  }

  /**
   * The tsquery of the required clauses, with the given corrections as further alternatives of a
   * word; null when there is no required clause.
   */
  public @Nullable String positiveTsQuery(Map<String, List<String>> corrections) {
    List<String> parts = new ArrayList<>();
    for (Clause clause : clauses) {
      if (!clause.negated()) {
        parts.add(clause(clause, corrections));
      }
    }
    return parts.isEmpty() ? null : String.join(" & ", parts);
  }

  /** The tsquery matching any excluded clause; null when nothing is excluded. */
  public @Nullable String negativeTsQuery() {
    List<String> parts = new ArrayList<>();
    for (Clause clause : clauses) {
      if (clause.negated()) {
        parts.add(clause(clause, Map.of()));
      }
    }
    return parts.isEmpty() ? null : String.join(" | ", parts);
  }

  private static String clause(Clause clause, Map<String, List<String>> corrections) {
    List<String> alternatives = new ArrayList<>();
    for (Term term : clause.alternatives()) {
      alternatives.add(term(term));
      if (term.correctable()) {
        for (String correction : corrections.getOrDefault(term.tokens().getFirst(), List.of())) {
          alternatives.add(lexeme(correction, false));
        }
      }
    }
    return alternatives.size() == 1
        ? alternatives.getFirst()
        : "( " + String.join(" | ", alternatives) + " )";
  }

  private static String term(Term term) {
    List<String> lexemes = new ArrayList<>();
    for (int i = 0; i < term.tokens().size(); i++) {
      boolean last = i == term.tokens().size() - 1;
      lexemes.add(lexeme(term.tokens().get(i), last && term.prefix()));
    }
    return lexemes.size() == 1 ? lexemes.getFirst() : "( " + String.join(" <-> ", lexemes) + " )";
  }

  /** A quoted lexeme; tokens hold only letters, digits, marks and dots, nothing to escape. */
  static String lexeme(String token, boolean prefix) {
    return "'" + token + "'" + (prefix ? ":*" : "");
  }
}
