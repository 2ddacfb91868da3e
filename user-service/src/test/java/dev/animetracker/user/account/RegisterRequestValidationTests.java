package dev.animetracker.user.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.user.account.AccountDtos.RegisterRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RegisterRequestValidationTests {

  private static ValidatorFactory factory;
  private static Validator validator;

  @BeforeAll
  static void createValidator() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void closeValidator() {
    factory.close();
  }

  private static Set<String> invalidFields(RegisterRequest request) {
    return validator.validate(request).stream()
        .map(ConstraintViolation::getPropertyPath)
        .map(Object::toString)
        .collect(Collectors.toSet());
  }

  private static RegisterRequest withUsername(String username) {
    return new RegisterRequest(username, "user@example.org", "long enough", null);
  }

  private static RegisterRequest withEmail(String email) {
    return new RegisterRequest("someone", email, "long enough", null);
  }

  @Test
  void acceptsAValidRequest() {
    assertThat(
            invalidFields(
                new RegisterRequest("Naruto_Fan-99", "a.b@mail.example.ru", "12345678", "en")))
        .isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "ABC_def-123", "x_______________________________"})
  void acceptsUsernames(String username) {
    assertThat(invalidFields(withUsername(username))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ab",
        "abcdefghijklmnopqrstuvwxyz0123456",
        "with space",
        "кириллица",
        "dot.name",
        "at@sign",
        ""
      })
  void refusesUsernames(String username) {
    assertThat(invalidFields(withUsername(username))).containsExactly("username");
  }

  @Test
  void refusesAMissingUsername() {
    assertThat(invalidFields(withUsername(null))).containsExactly("username");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"user@example.org", "first.last+tag@sub.example.co.uk", "UPPER@EXAMPLE.ORG"})
  void acceptsEmails(String email) {
    assertThat(invalidFields(withEmail(email))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "plain",
        "user@localhost",
        "user@",
        "@example.org",
        "two@@example.org",
        "with space@example.org",
        "user@example.",
        ""
      })
  void refusesEmails(String email) {
    assertThat(invalidFields(withEmail(email))).containsExactly("email");
  }

  @Test
  void refusesEmailsLongerThan254Characters() {
    String local = "a".repeat(60);
    String domain = ("b".repeat(60) + ".").repeat(4) + "org"; // 247 characters
    String email = local + "@" + domain;
    assertThat(email.length()).isGreaterThan(254);
    assertThat(invalidFields(withEmail(email))).containsExactly("email");
  }

  @Test
  void passwordMustBe8To128Characters() {
    assertThat(invalidFields(new RegisterRequest("someone", "a@b.org", "1234567", null)))
        .containsExactly("password");
    assertThat(invalidFields(new RegisterRequest("someone", "a@b.org", "x".repeat(129), null)))
        .containsExactly("password");
    assertThat(invalidFields(new RegisterRequest("someone", "a@b.org", "x".repeat(128), null)))
        .isEmpty();
    assertThat(invalidFields(new RegisterRequest("someone", "a@b.org", null, null)))
        .containsExactly("password");
  }

  @Test
  void localeIsRuOrEn() {
    assertThat(invalidFields(new RegisterRequest("someone", "a@b.org", "12345678", "de")))
        .containsExactly("locale");
    assertThat(invalidFields(new RegisterRequest("someone", "a@b.org", "12345678", "ru")))
        .isEmpty();
  }
}
