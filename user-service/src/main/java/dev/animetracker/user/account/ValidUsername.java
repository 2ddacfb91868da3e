package dev.animetracker.user.account;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** 3 to 32 characters of {@code A-Z a-z 0-9 _ -}. {@code null} is valid (add {@code @NotNull}). */
@Documented
@Pattern(regexp = ValidUsername.REGEX)
@ReportAsSingleViolation
@Constraint(validatedBy = {})
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE})
@Retention(RUNTIME)
@interface ValidUsername {

  String REGEX = "[A-Za-z0-9_-]{3,32}";

  String message() default "must be 3 to 32 characters: latin letters, digits, '_' or '-'";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
