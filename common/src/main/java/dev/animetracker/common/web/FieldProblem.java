package dev.animetracker.common.web;

/**
 * One failing field in a validation problem.
 *
 * @param field the request field name
 * @param code the constraint, e.g. {@code NotBlank}, {@code Size}, {@code Pattern}
 * @param message a readable English explanation
 */
public record FieldProblem(String field, String code, String message) {}
