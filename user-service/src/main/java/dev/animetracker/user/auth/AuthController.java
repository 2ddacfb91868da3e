package dev.animetracker.user.auth;

import dev.animetracker.user.auth.AuthService.TokenPair;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Login, refresh and logout. */
@RestController
class AuthController {

  record LoginRequest(
      @NotBlank @Size(max = 254) String login, @NotBlank @Size(max = 1024) String password) {}

  record RefreshRequest(@NotBlank String refreshToken) {}

  private final AuthService auth;

  AuthController(AuthService auth) {
    this.auth = auth;
  }

  @PostMapping("/api/auth/login")
  TokenPair login(@Valid @RequestBody LoginRequest request) {
    return auth.login(request.login(), request.password());
  }

  @PostMapping("/api/auth/refresh")
  TokenPair refresh(@Valid @RequestBody RefreshRequest request) {
    return auth.refresh(request.refreshToken());
  }

  @PostMapping("/api/auth/logout")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void logout(@RequestBody RefreshRequest request) {
    auth.logout(request.refreshToken());
  }
}
