package dev.animetracker.user.account;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A deliverable-looking e-mail address: RFC syntax (Jakarta {@code @Email}), at most 254
 * characters, no white space and a dot in the domain ({@code user@localhost} is refused). {@code
 * null} is valid (add {@code @NotBlank}).
 */
@Documented
@Email
@Size(max = 254)
@Pattern(regexp = "[^@\\s]+@[^@\\s]+\\.[^@\\s.]+")
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface ValidEmail {

  String message() default "must be a valid e-mail address";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
