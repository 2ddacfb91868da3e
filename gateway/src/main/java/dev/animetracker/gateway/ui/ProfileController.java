package dev.animetracker.gateway.ui;

import dev.animetracker.gateway.account.UserServiceClient;
import dev.animetracker.gateway.account.UserServiceDtos.ApiKey;
import dev.animetracker.gateway.account.UserServiceDtos.Me;
import dev.animetracker.gateway.account.UserServiceDtos.PublicProfile;
import dev.animetracker.gateway.account.UserServiceResult;
import dev.animetracker.gateway.error.GatewayException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The own profile (with the API key) and public profiles. */
@Controller
class ProfileController {

  private final UserServiceClient users;

  ProfileController(UserServiceClient users) {
    this.users = users;
  }

  @GetMapping("/profile")
  Mono<String> profile(Model model, ServerWebExchange exchange) {
    Locale locale = UiContext.locale(exchange);
    return UiContext.accessToken(exchange)
        .flatMap(token -> Mono.zip(users.me(token), users.apiKey(token, false)))
        .map(
            results -> {
              UserServiceResult<Me> me = results.getT1();
              return switch (me) {
                case UserServiceResult.Ok<Me>(Me value) when value != null -> {
                  model.addAttribute("me", value);
                  model.addAttribute("memberSince", date(value.createdAt(), locale));
                  if (results.getT2() instanceof UserServiceResult.Ok<ApiKey>(ApiKey key)
                      && key != null) {
                    model.addAttribute("apiKey", key.apiKey());
                  }
                  yield "profile";
                }
                case UserServiceResult.Failed<Me> failed when failed.status() == 401 ->
                    "redirect:/login?redirect=/profile";
                default -> throw AccountPagesController.unavailable();
              };
            })
        .defaultIfEmpty("redirect:/login?redirect=/profile");
  }

  @PostMapping("/profile/api-key")
  Mono<String> rotateApiKey(ServerWebExchange exchange) {
    return UiContext.accessToken(exchange)
        .flatMap(token -> users.apiKey(token, true))
        .map(
            result -> {
              if (result instanceof UserServiceResult.Unavailable<ApiKey>) {
                throw AccountPagesController.unavailable();
              }
              return "redirect:/profile?rotated";
            })
        .defaultIfEmpty("redirect:/login?redirect=/profile");
  }

  @GetMapping("/users/{username}")
  Mono<String> user(@PathVariable String username, Model model, ServerWebExchange exchange) {
    Locale locale = UiContext.locale(exchange);
    return users
        .profile(username)
        .map(
            result ->
                switch (result) {
                  case UserServiceResult.Ok<PublicProfile>(PublicProfile profile)
                      when profile != null -> {
                    model.addAttribute("profile", profile);
                    model.addAttribute("memberSince", date(profile.createdAt(), locale));
                    yield "user";
                  }
                  case UserServiceResult.Failed<PublicProfile> failed
                      when failed.status() == 404 || failed.status() == 400 ->
                      throw new GatewayException(
                          HttpStatus.NOT_FOUND, "user-not-found", "There is no such user.");
                  default -> throw AccountPagesController.unavailable();
                });
  }

  private static String date(@Nullable Instant instant, Locale locale) {
    if (instant == null) {
      return "";
    }
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
        .withLocale(locale)
        .format(instant.atZone(ZoneOffset.UTC));
  }
}
