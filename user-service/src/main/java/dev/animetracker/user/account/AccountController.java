package dev.animetracker.user.account;

import dev.animetracker.user.account.AccountDtos.BanRequest;
import dev.animetracker.user.account.AccountDtos.Me;
import dev.animetracker.user.account.AccountDtos.ModeratorRequest;
import dev.animetracker.user.account.AccountDtos.PublicProfile;
import dev.animetracker.user.account.AccountDtos.RegisterRequest;
import dev.animetracker.user.account.AccountDtos.Registered;
import dev.animetracker.user.account.AccountDtos.TrustedRequest;
import jakarta.validation.Valid;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

/** Registration and user profiles. */
@RestController
class AccountController {

  private final AccountService accounts;

  AccountController(AccountService accounts) {
    this.accounts = accounts;
  }

  @PostMapping("/api/auth/register")
  ResponseEntity<Registered> register(
      @Valid @RequestBody RegisterRequest request,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    User user =
        accounts.register(
            request.username(),
            request.email(),
            request.password(),
            Locales.resolve(request.locale(), acceptLanguage));
    URI location =
        UriComponentsBuilder.fromPath("/api/users/{username}")
            .buildAndExpand(user.getUsername())
            .toUri();
    return ResponseEntity.created(location)
        .body(new Registered(user.getId(), user.getUsername(), user.getEmail()));
  }

  @GetMapping("/api/users/me")
  Me me(@AuthenticationPrincipal Jwt jwt) {
    return Me.of(accounts.byId(Long.parseLong(jwt.getSubject())));
  }

  @GetMapping("/api/users/{username}")
  PublicProfile profile(@PathVariable String username) {
    return PublicProfile.of(accounts.byUsername(username));
  }

  @PutMapping("/api/users/{username}/moderator")
  PublicProfile moderator(
      @AuthenticationPrincipal Jwt jwt,
      @PathVariable String username,
      @Valid @RequestBody ModeratorRequest request) {
    return PublicProfile.of(
        accounts.setModerator(Long.parseLong(jwt.getSubject()), username, request.moderator()));
  }

  @PutMapping("/api/users/{username}/trusted")
  PublicProfile trusted(
      @AuthenticationPrincipal Jwt jwt,
      @PathVariable String username,
      @Valid @RequestBody TrustedRequest request) {
    return PublicProfile.of(
        accounts.setTrusted(Long.parseLong(jwt.getSubject()), username, request.trusted()));
  }

  @PutMapping("/api/users/{username}/ban")
  PublicProfile ban(
      @AuthenticationPrincipal Jwt jwt,
      @PathVariable String username,
      @Valid @RequestBody BanRequest request) {
    return PublicProfile.of(
        accounts.setBan(
            Long.parseLong(jwt.getSubject()),
            username,
            request.banned(),
            request.reason(),
            request.until()));
  }
}
