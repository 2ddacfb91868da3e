package dev.animetracker.notification.inbox;

import dev.animetracker.common.web.DomainException;
import dev.animetracker.notification.web.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's inbox (the gateway routes {@code /api/users/me/notifications/**} here). */
@RestController
@RequestMapping("/api/users/me/notifications")
class InboxController {

  private final Inbox inbox;

  InboxController(Inbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping
  InboxPage list(
      @RequestParam(required = false) @Nullable String page,
      @RequestParam(required = false) @Nullable String size,
      @RequestParam(required = false) @Nullable String unread) {
    return inbox.page(Caller.current().id(), unreadOnly(unread), Paging.of(page, size));
  }

  @GetMapping("/unread")
  UnreadCount unread() {
    return inbox.unread(Caller.current().id());
  }

  @PostMapping("/read")
  UnreadCount read(@RequestBody ReadRequest request) {
    return inbox.markRead(Caller.current().id(), request);
  }

  private static boolean unreadOnly(@Nullable String unread) {
    if (unread == null || unread.isBlank() || unread.equalsIgnoreCase("false")) {
      return false;
    }
    if (unread.equalsIgnoreCase("true")) {
      return true;
    }
    throw new DomainException(
        HttpStatus.BAD_REQUEST, "invalid-unread", "unread must be true or false.");
  }
}
