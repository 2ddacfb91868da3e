package dev.animetracker.user.account;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lookups for other services inside the network. Not routed by the gateway (like {@code
 * /internal/users/by-api-key/{key}}), so no token is required.
 */
@RestController
class InternalUserController {

  /** What notification-service needs to mail a user. */
  record Contact(
      long id,
      String username,
      String email,
      String locale,
      boolean notifyOnComment,
      boolean active) {

    static Contact of(User user) {
      return new Contact(
          user.getId(),
          user.getUsername(),
          user.getEmail(),
          user.getLocale(),
          user.isNotifyOnComment(),
          user.isActive());
    }
  }

  private final AccountService accounts;

  InternalUserController(AccountService accounts) {
    this.accounts = accounts;
  }

  @GetMapping("/internal/users/{id}/contact")
  Contact contact(@PathVariable long id) {
    return Contact.of(accounts.byId(id));
  }
}
