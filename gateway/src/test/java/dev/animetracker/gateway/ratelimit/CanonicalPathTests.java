package dev.animetracker.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/auth/login",
        "/api/auth/%6cogin",
        "/api/auth/%6C%6F%67%69%6E",
        "/api/auth/%256cogin",
        "/api%2fauth%2flogin",
        "//api/auth/login",
        "/api//auth///login",
        "/api/auth/login/",
        "/api/auth/login//",
        "/API/Auth/LOGIN",
        "/api/auth/./login",
        "/api/auth/x/../login",
        "/api/x/../auth/login",
        "/api/auth/login;jsessionid=1",
        "/api/auth;x=y/login",
        "/api/auth/login%20",
        "/api/auth/login%09",
      })
  void everySpellingOfTheLoginPathIsTheLoginPath(String raw) {
    assertThat(CanonicalPath.of(raw)).isEqualTo("/api/auth/login");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/api/auth/logins", "/api/auth/log-in", "/api/auth", "/api/auth/login/x"})
  void otherPathsStayOther(String raw) {
    assertThat(CanonicalPath.of(raw)).isNotEqualTo("/api/auth/login");
  }

  @ParameterizedTest
  @ValueSource(strings = {"/users/%D0%98%D0%B2%D0%B0%D0%BD", "/users/%", "/users/%zz", "/%e0"})
  void oddEncodingsNeverThrow(String raw) {
    assertThat(CanonicalPath.of(raw)).startsWith("/");
  }
}
