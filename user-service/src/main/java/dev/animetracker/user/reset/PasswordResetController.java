package dev.animetracker.user.reset;

import dev.animetracker.user.account.ValidEmail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Forgotten passwords. */
@RestController
class PasswordResetController {

  record ResetRequest(@NotBlank @ValidEmail String email) {}

  record ConfirmRequest(
      @NotBlank String token, @NotNull @Size(min = 8, max = 128) String newPassword) {}

  private final PasswordResetService resets;

  PasswordResetController(PasswordResetService resets) {
    this.resets = resets;
  }

  /** Always 202: the answer never tells whether the address is registered. */
  @PostMapping("/api/auth/password-reset")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void request(@Valid @RequestBody ResetRequest request) {
    resets.request(request.email());
  }

  @PostMapping("/api/auth/password-reset/confirm")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void confirm(@Valid @RequestBody ConfirmRequest request) {
    resets.confirm(request.token(), request.newPassword());
  }
}
