package dev.animetracker.gateway.ui.notifications;

import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.notification.NotificationClient;
import dev.animetracker.gateway.notification.NotificationDtos.NotificationPage;
import dev.animetracker.gateway.notification.NotificationDtos.Unread;
import dev.animetracker.gateway.problem.GatewayException;
import dev.animetracker.gateway.ui.support.Listing;
import dev.animetracker.gateway.ui.support.UiContext;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The inbox {@code /me/notifications}: the list, marking one or all read. */
@Controller
class NotificationPagesController {

  static final int PAGE_SIZE = 20;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private final NotificationClient notifications;

  NotificationPagesController(NotificationClient notifications) {
    this.notifications = notifications;
  }

  /** A posted "mark read": one {@code id} or {@code all=true}. */
  record ReadForm(@Nullable String id, @Nullable String all, @Nullable String unread) {}

  @GetMapping("/me/notifications")
  Mono<String> inbox(
      @RequestParam(defaultValue = "1") String page,
      @RequestParam(required = false) String unread,
      Model model,
      ServerWebExchange exchange) {
    int number = Listing.page(page);
    boolean unreadOnly = "true".equals(unread);
    String baseUrl = unreadOnly ? "/me/notifications?unread=true" : "/me/notifications";
    model.addAttribute("unreadOnly", unreadOnly);
    return UiContext.accessToken(exchange)
        .flatMap(
            token ->
                notifications
                    .list(token, number - 1, PAGE_SIZE, unreadOnly)
                    .map(
                        result -> {
                          if (result
                                  instanceof
                                  DownstreamResult.Ok<NotificationPage>(NotificationPage value)
                              && value != null) {
                            model.addAttribute(
                                "listing",
                                Listing.of(
                                    value.itemList(), value.total(), number, PAGE_SIZE, baseUrl));
                            model.addAttribute("unread", value.unread());
                            return "notifications";
                          }
                          if (result instanceof DownstreamResult.Failed<NotificationPage> failed
                              && failed.status() == 401) {
                            return "redirect:/login?redirect=/me/notifications";
                          }
                          model.addAttribute("unavailable", true);
                          return "notifications";
                        }))
        .defaultIfEmpty("redirect:/login?redirect=/me/notifications");
  }

  @PostMapping("/me/notifications/read")
  Mono<String> markRead(@ModelAttribute ReadForm form, ServerWebExchange exchange) {
    boolean all = "true".equals(form.all());
    String id = form.id() == null ? "" : form.id().trim();
    if (!all && !ID.matcher(id).matches()) {
      return Mono.error(
          new GatewayException(
              HttpStatus.BAD_REQUEST, "bad-request", "Say which notification to mark read."));
    }
    String back =
        "true".equals(form.unread()) ? "/me/notifications?unread=true&" : "/me/notifications?";
    return UiContext.accessToken(exchange)
        .flatMap(
            token ->
                (all
                        ? notifications.markAllRead(token)
                        : notifications.markRead(token, List.of(id)))
                    .map(
                        result ->
                            switch (result) {
                              case DownstreamResult.Ok<Unread> ok ->
                                  "redirect:" + back + (all ? "allRead" : "read");
                              case DownstreamResult.Failed<Unread> failed
                                  when failed.status() == 401 ->
                                  "redirect:/login?redirect=/me/notifications";
                              case DownstreamResult.Failed<Unread> failed ->
                                  throw new GatewayException(
                                      HttpStatus.valueOf(failed.status()),
                                      failed.code(),
                                      failed.detail());
                              case DownstreamResult.Unavailable<Unread> down ->
                                  throw new GatewayException(
                                      HttpStatus.SERVICE_UNAVAILABLE,
                                      "service-unavailable",
                                      "The notification service is temporarily unavailable.");
                            }))
        .defaultIfEmpty("redirect:/login?redirect=/me/notifications");
  }
}
