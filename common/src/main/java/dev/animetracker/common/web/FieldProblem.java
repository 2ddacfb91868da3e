package dev.animetracker.common.web;

import java.util.Map;

/**
 * One failing field in a validation problem.
 *
 * @param field the request field name
 * @param code the constraint, e.g. {@code NotBlank}, {@code Size}, {@code Pattern}: clients (the
 *     gateway) translate by field and code, never by {@code message}
 * @param message a readable English explanation, for API users reading raw JSON
 * @param args the values the message needs, by name (e.g. {@code max} of a {@code Size}), so a
 *     client can say the same in its own language; empty when there are none
 */
public record FieldProblem(String field, String code, String message, Map<String, Object> args) {

  public FieldProblem {
    args = Map.copyOf(args);
  }

  public FieldProblem(String field, String code, String message) {
    this(field, code, message, Map.of());
  }
}
