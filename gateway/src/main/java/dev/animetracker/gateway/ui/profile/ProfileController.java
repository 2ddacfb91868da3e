package dev.animetracker.gateway.ui.profile;

import dev.animetracker.gateway.account.UserServiceClient;
import dev.animetracker.gateway.account.UserServiceDtos.ApiKey;
import dev.animetracker.gateway.account.UserServiceDtos.ApiKeyStatus;
import dev.animetracker.gateway.account.UserServiceDtos.Me;
import dev.animetracker.gateway.account.UserServiceDtos.Preferences;
import dev.animetracker.gateway.account.UserServiceDtos.PublicProfile;
import dev.animetracker.gateway.catalog.CatalogDtos.TorrentPage;
import dev.animetracker.gateway.catalog.TorrentServiceClient;
import dev.animetracker.gateway.community.CommunityClient;
import dev.animetracker.gateway.community.CommunityDtos.FollowList;
import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.problem.GatewayException;
import dev.animetracker.gateway.ui.support.FormErrors;
import dev.animetracker.gateway.ui.support.Listing;
import dev.animetracker.gateway.ui.support.PageErrors;
import dev.animetracker.gateway.ui.support.UiContext;
import dev.animetracker.gateway.ui.support.UiMessages;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/** The own profile (with the API key) and public profiles. */
@Controller
class ProfileController {

  static final int UPLOADS_PAGE_SIZE = 20;

  /** user-service's limit on a ban reason. */
  static final int MAX_BAN_REASON = 500;

  /** The longest ban the form offers (user-service allows up to 100 years). */
  static final int MAX_BAN_DAYS = 36_500;

  private final UserServiceClient users;

  private final TorrentServiceClient torrents;

  private final CommunityClient community;

  private final UiMessages messages;

  ProfileController(
      UserServiceClient users,
      TorrentServiceClient torrents,
      CommunityClient community,
      UiMessages messages) {
    this.users = users;
    this.torrents = torrents;
    this.community = community;
    this.messages = messages;
  }

  @GetMapping("/profile")
  Mono<String> profile(
      @RequestParam(defaultValue = "1") String page, Model model, ServerWebExchange exchange) {
    return UiContext.accessToken(exchange)
        .flatMap(token -> profilePage(token, Listing.page(page), model, exchange))
        .defaultIfEmpty("redirect:/login?redirect=/profile");
  }

  private Mono<String> profilePage(
      String token, int number, Model model, ServerWebExchange exchange) {
    Locale locale = UiContext.locale(exchange);
    return Mono.zip(users.me(token), users.apiKeyStatus(token), users.preferences(token))
        .flatMap(
            results -> {
              DownstreamResult<Me> me = results.getT1();
              return switch (me) {
                case DownstreamResult.Ok<Me>(Me value) when value != null -> {
                  model.addAttribute("me", value);
                  model.addAttribute("memberSince", date(value.createdAt(), locale));
                  if (results.getT2() instanceof DownstreamResult.Ok<ApiKeyStatus>(ApiKeyStatus key)
                      && key != null) {
                    model.addAttribute("apiKeyStatus", key);
                    model.addAttribute("apiKeyCreated", date(key.createdAt(), locale));
                    if (key.apiKey() != null) {
                      // This visit made the first key: the one time it can be shown.
                      showNewKey(key.apiKey(), model, exchange);
                    }
                  }
                  if (results.getT3()
                          instanceof DownstreamResult.Ok<Preferences>(Preferences preferences)
                      && preferences != null) {
                    model.addAttribute("preferences", preferences);
                  }
                  yield uploads(value.username(), number, "/profile", model, exchange)
                      .thenReturn("profile");
                }
                case DownstreamResult.Failed<Me> failed when failed.status() == 401 ->
                    Mono.just("redirect:/login?redirect=/profile");
                default -> Mono.error(PageErrors.accountUnavailable());
              };
            });
  }

  @PostMapping("/profile/preferences")
  Mono<String> savePreferences(@ModelAttribute PreferencesForm form, ServerWebExchange exchange) {
    boolean notify =
        form.notifyOnComment() != null
            && List.of("true", "on", "1").contains(form.notifyOnComment());
    return UiContext.accessToken(exchange)
        .flatMap(token -> users.updatePreferences(token, new Preferences(notify)))
        .map(
            result ->
                switch (result) {
                  case DownstreamResult.Ok<Preferences> ok -> "redirect:/profile?saved";
                  case DownstreamResult.Failed<Preferences> failed when failed.status() == 401 ->
                      "redirect:/login?redirect=/profile";
                  case DownstreamResult.Failed<Preferences> failed -> "redirect:/profile?notSaved";
                  case DownstreamResult.Unavailable<Preferences> down ->
                      throw PageErrors.accountUnavailable();
                })
        .defaultIfEmpty("redirect:/login?redirect=/profile");
  }

  /** Adds the user's uploads ({@code uploads}, or {@code uploadsUnavailable}) to the model. */
  private Mono<Void> uploads(
      String username, int page, String baseUrl, Model model, ServerWebExchange exchange) {
    return torrents
        .list(page - 1, UPLOADS_PAGE_SIZE, username, null, UiContext.lang(exchange))
        .doOnNext(
            result -> {
              if (result instanceof DownstreamResult.Ok<TorrentPage>(TorrentPage value)
                  && value != null) {
                model.addAttribute("uploads", Listing.of(value, page, UPLOADS_PAGE_SIZE, baseUrl));
              } else {
                model.addAttribute("uploadsUnavailable", true);
              }
            })
        .then();
  }

  /**
   * Makes a new key and shows the profile with it and the feed addresses built from it. This answer
   * is the only time the key is shown (user-service keeps only its hash), so it is not cached.
   */
  @PostMapping("/profile/api-key")
  Mono<String> rotateApiKey(Model model, ServerWebExchange exchange) {
    return UiContext.accessToken(exchange)
        .flatMap(
            token ->
                users
                    .rotateApiKey(token)
                    .flatMap(
                        result ->
                            switch (result) {
                              case DownstreamResult.Ok<ApiKey>(ApiKey key)
                                  when key != null && key.apiKey() != null -> {
                                showNewKey(key.apiKey(), model, exchange);
                                yield profilePage(token, 1, model, exchange);
                              }
                              case DownstreamResult.Failed<ApiKey> failed
                                  when failed.status() == 401 ->
                                  Mono.just("redirect:/login?redirect=/profile");
                              case DownstreamResult.Failed<ApiKey> failed ->
                                  Mono.just("redirect:/profile?notRotated");
                              default -> Mono.error(PageErrors.accountUnavailable());
                            }))
        .defaultIfEmpty("redirect:/login?redirect=/profile");
  }

  private static void showNewKey(String key, Model model, ServerWebExchange exchange) {
    exchange.getResponse().getHeaders().setCacheControl("no-store");
    String base =
        UriComponentsBuilder.fromUri(exchange.getRequest().getURI())
            .replacePath(null)
            .replaceQuery(null)
            .fragment(null)
            .build()
            .toUriString();
    model.addAttribute("newApiKey", key);
    model.addAttribute("rssUrl", base + "/rss?apikey=" + key);
    model.addAttribute("torznabUrl", base + "/torznab/api?apikey=" + key);
    model.addAttribute("personalRssUrl", base + "/rss/me?apikey=" + key);
  }

  @GetMapping("/users/{username}")
  Mono<String> user(
      @PathVariable String username,
      @RequestParam(defaultValue = "1") String page,
      Model model,
      ServerWebExchange exchange) {
    return userPage(username, Listing.page(page), model, exchange);
  }

  /**
   * A moderator's toggle: {@code PUT /api/users/{username}/trusted}. user-service decides who may
   * (a non-moderator's 403 comes back as a message on the profile); the gateway only forwards.
   */
  @PostMapping("/users/{username}/trusted")
  Mono<String> setTrusted(
      @PathVariable String username,
      @ModelAttribute TrustedForm form,
      Model model,
      ServerWebExchange exchange) {
    boolean trusted = "true".equals(form.trusted());
    String profileUrl = profileUrl(username);
    Locale locale = UiContext.locale(exchange);
    return UiContext.accessToken(exchange)
        .flatMap(
            token ->
                users
                    .setTrusted(token, username, trusted)
                    .flatMap(
                        result ->
                            switch (result) {
                              case DownstreamResult.Ok<PublicProfile> ok ->
                                  Mono.just(
                                      "redirect:"
                                          + profileUrl
                                          + (trusted ? "?trustedGranted" : "?trustedRevoked"));
                              case DownstreamResult.Failed<PublicProfile> failed
                                  when failed.status() == 401 ->
                                  Mono.just("redirect:/login?redirect=" + profileUrl);
                              case DownstreamResult.Failed<PublicProfile> failed -> {
                                model.addAttribute(
                                    "trustedError",
                                    messages
                                        .fromAccountProblem(failed, Set.of(), locale)
                                        .getGlobal());
                                exchange.getResponse().setRawStatusCode(failed.status());
                                yield userPage(username, 1, model, exchange);
                              }
                              case DownstreamResult.Unavailable<PublicProfile> down ->
                                  Mono.error(PageErrors.accountUnavailable());
                            }))
        .switchIfEmpty(Mono.fromSupplier(() -> "redirect:/login?redirect=" + profileUrl));
  }

  /** A moderator's toggle of the moderator role: {@code PUT /api/users/{username}/moderator}. */
  @PostMapping("/users/{username}/moderator")
  Mono<String> setModerator(
      @PathVariable String username,
      @ModelAttribute ModeratorForm form,
      Model model,
      ServerWebExchange exchange) {
    boolean moderator = "true".equals(form.moderator());
    return moderatorAction(
        username,
        token -> users.setModerator(token, username, moderator),
        moderator ? "moderatorGranted" : "moderatorRevoked",
        model,
        exchange);
  }

  /**
   * A moderator's ban ({@code banned=true}, a reason, optional days) or unban: {@code PUT
   * /api/users/{username}/ban}. The reason and days are checked here first so the form comes back
   * with its messages and input without a call.
   */
  @PostMapping("/users/{username}/ban")
  Mono<String> setBan(
      @PathVariable String username,
      @ModelAttribute BanForm form,
      Model model,
      ServerWebExchange exchange) {
    boolean banned = "true".equals(form.banned());
    String reason = form.reason() == null ? "" : form.reason().trim();
    String days = form.days() == null ? "" : form.days().trim();
    Locale locale = UiContext.locale(exchange);
    model.addAttribute("banValues", Map.of("reason", reason, "days", days));
    FormErrors errors = new FormErrors();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("banned", banned);
    if (banned) {
      if (reason.isEmpty()) {
        errors.reject("reason", messages.fieldMessage("banReason", "NotBlank", locale));
      } else if (reason.length() > MAX_BAN_REASON) {
        errors.reject("reason", messages.fieldMessage("banReason", "Size", locale));
      }
      body.put("reason", reason);
      if (!days.isEmpty()) {
        Integer parsed = banDays(days);
        if (parsed == null) {
          errors.reject("days", messages.fieldMessage("banDays", "Range", locale));
        } else {
          body.put("until", Instant.now().plus(Duration.ofDays(parsed)).toString());
        }
      }
    } else if (!reason.isEmpty()) {
      body.put("reason", reason);
    }
    if (errors.any()) {
      String profileUrl = profileUrl(username);
      return UiContext.accessToken(exchange)
          .flatMap(
              token -> {
                model.addAttribute("banErrors", errors);
                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                return userPage(username, 1, model, exchange);
              })
          .switchIfEmpty(Mono.fromSupplier(() -> "redirect:/login?redirect=" + profileUrl));
    }
    return moderatorAction(
        username,
        token -> users.setBan(token, username, body),
        banned ? "banned" : "unbanned",
        model,
        exchange);
  }

  /** Sends a moderator's change and shows its outcome on the profile. */
  private Mono<String> moderatorAction(
      String username,
      java.util.function.Function<String, Mono<DownstreamResult<PublicProfile>>> change,
      String flag,
      Model model,
      ServerWebExchange exchange) {
    String profileUrl = profileUrl(username);
    Locale locale = UiContext.locale(exchange);
    return UiContext.accessToken(exchange)
        .flatMap(
            token ->
                change
                    .apply(token)
                    .flatMap(
                        result ->
                            switch (result) {
                              case DownstreamResult.Ok<PublicProfile> ok ->
                                  Mono.just("redirect:" + profileUrl + "?" + flag);
                              case DownstreamResult.Failed<PublicProfile> failed
                                  when failed.status() == 401 ->
                                  Mono.just("redirect:/login?redirect=" + profileUrl);
                              case DownstreamResult.Failed<PublicProfile> failed -> {
                                FormErrors errors =
                                    messages.fromAccountProblem(
                                        failed, Set.of("reason", "until"), locale);
                                model.addAttribute("moderationError", errors.getGlobal());
                                model.addAttribute("banErrors", errors);
                                exchange.getResponse().setRawStatusCode(failed.status());
                                yield userPage(username, 1, model, exchange);
                              }
                              case DownstreamResult.Unavailable<PublicProfile> down ->
                                  Mono.error(PageErrors.accountUnavailable());
                            }))
        .switchIfEmpty(Mono.fromSupplier(() -> "redirect:/login?redirect=" + profileUrl));
  }

  private static @Nullable Integer banDays(String raw) {
    try {
      int days = Integer.parseInt(raw);
      return days >= 1 && days <= MAX_BAN_DAYS ? days : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private Mono<String> userPage(
      String username, int number, Model model, ServerWebExchange exchange) {
    Locale locale = UiContext.locale(exchange);
    return users
        .profile(username)
        .flatMap(
            result ->
                switch (result) {
                  case DownstreamResult.Ok<PublicProfile>(PublicProfile profile)
                      when profile != null -> {
                    model.addAttribute("profile", profile);
                    model.addAttribute("memberSince", date(profile.createdAt(), locale));
                    model.addAttribute("bannedUntil", date(profile.bannedUntil(), locale));
                    model.asMap().putIfAbsent("banErrors", new FormErrors());
                    model.asMap().putIfAbsent("banValues", Map.of("reason", "", "days", ""));
                    yield following(profile.username(), model, exchange)
                        .then(
                            uploads(
                                profile.username(),
                                number,
                                profileUrl(profile.username()),
                                model,
                                exchange))
                        .thenReturn("user");
                  }
                  case DownstreamResult.Failed<PublicProfile> failed
                      when failed.status() == 404 || failed.status() == 400 ->
                      Mono.error(
                          new GatewayException(
                              HttpStatus.NOT_FOUND, "user-not-found", "There is no such user."));
                  default -> Mono.error(PageErrors.accountUnavailable());
                });
  }

  /** Whether the logged-in viewer follows this user ({@code following}), for the button. */
  private Mono<Void> following(String username, Model model, ServerWebExchange exchange) {
    return UiContext.accessToken(exchange)
        .flatMap(token -> community.follows(token))
        .doOnNext(
            result ->
                model.addAttribute(
                    "following",
                    result.orElse(new FollowList(List.of())).follows("user", username)))
        .then();
  }

  private static String profileUrl(String username) {
    return UriComponentsBuilder.fromPath("/users/{username}")
        .buildAndExpand(username)
        .encode()
        .toUriString();
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
