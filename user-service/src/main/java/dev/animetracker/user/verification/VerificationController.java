package dev.animetracker.user.verification;

import dev.animetracker.user.account.ValidEmail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Confirming an e-mail address and asking for a new link. */
@RestController
class VerificationController {

  record VerifyRequest(@NotBlank String token) {}

  record ResendRequest(@NotBlank @ValidEmail String email) {}

  private final VerificationService verification;

  VerificationController(VerificationService verification) {
    this.verification = verification;
  }

  @PostMapping("/api/auth/verify-email")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void verify(@Valid @RequestBody VerifyRequest request) {
    verification.verify(request.token());
  }

  /** Always 202, so the answer does not tell whether the address is registered. */
  @PostMapping("/api/auth/verify-email/resend")
  @ResponseStatus(HttpStatus.ACCEPTED)
  void resend(@Valid @RequestBody ResendRequest request) {
    verification.resend(request.email());
  }
}
