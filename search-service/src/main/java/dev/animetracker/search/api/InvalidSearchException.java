package dev.animetracker.search.api;

import dev.animetracker.common.web.DomainException;
import dev.animetracker.common.web.FieldProblem;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** Search parameters that cannot be read: a 400 validation problem listing every bad field. */
public class InvalidSearchException extends DomainException {

  private final List<FieldProblem> errors;

  public InvalidSearchException(List<FieldProblem> errors) {
    super(
        HttpStatus.BAD_REQUEST,
        "validation-failed",
        "Some fields are invalid: "
            + String.join(", ", errors.stream().map(FieldProblem::field).distinct().toList())
            + ".",
        Map.of("errors", List.copyOf(errors)));
    this.errors = List.copyOf(errors);
  }

  public List<FieldProblem> errors() {
    return errors;
  }
}
