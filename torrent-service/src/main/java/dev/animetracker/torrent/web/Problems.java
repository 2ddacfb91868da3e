package dev.animetracker.torrent.web;

import dev.animetracker.common.web.DomainException;
import dev.animetracker.common.web.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** The problems this service raises in several features. */
public final class Problems {

  private Problems() {}

  /** A 400 {@code validation-failed} with field errors, like the shared validation handler. */
  public static DomainException validation(List<FieldProblem> errors) {
    return new DomainException(
        HttpStatus.BAD_REQUEST,
        "validation-failed",
        "Some fields are invalid: "
            + String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList())
            + ".",
        Map.of("errors", List.copyOf(errors)));
  }

  public static DomainException validation(String field, String code, String message) {
    return validation(List.of(new FieldProblem(field, code, message)));
  }

  public static DomainException forbidden(String detail) {
    return new DomainException(HttpStatus.FORBIDDEN, "forbidden", detail);
  }

  /** Collects field problems and throws them together. */
  public static final class Errors {
    private final List<FieldProblem> errors = new ArrayList<>();

    public void add(String field, String code, String message) {
      errors.add(new FieldProblem(field, code, message));
    }

    public boolean isEmpty() {
      return errors.isEmpty();
    }

    public void throwIfAny() {
      if (!errors.isEmpty()) {
        throw validation(errors);
      }
    }
  }
}
