package dev.animetracker.user.preferences;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notification preferences. */
@RestController
class PreferencesController {

  /** GET and PUT /api/users/me/preferences. */
  record Preferences(@NotNull Boolean notifyOnComment) {}

  private final PreferencesService preferences;

  PreferencesController(PreferencesService preferences) {
    this.preferences = preferences;
  }

  @GetMapping("/api/users/me/preferences")
  Preferences get(@AuthenticationPrincipal Jwt jwt) {
    return new Preferences(preferences.notifyOnComment(userId(jwt)));
  }

  @PutMapping("/api/users/me/preferences")
  Preferences update(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody Preferences request) {
    return new Preferences(preferences.setNotifyOnComment(userId(jwt), request.notifyOnComment()));
  }

  private static long userId(Jwt jwt) {
    return Long.parseLong(jwt.getSubject());
  }
}
