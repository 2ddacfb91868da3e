package dev.animetracker.gateway.ui.community;

import dev.animetracker.gateway.community.CommunityClient;
import dev.animetracker.gateway.community.CommunityDtos.Follow;
import dev.animetracker.gateway.community.CommunityDtos.FollowList;
import dev.animetracker.gateway.community.CommunityDtos.PersonalPage;
import dev.animetracker.gateway.community.CommunityDtos.Subscription;
import dev.animetracker.gateway.community.CommunityDtos.SubscriptionList;
import dev.animetracker.gateway.community.CommunityDtos.Unsubscribed;
import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.problem.GatewayException;
import dev.animetracker.gateway.ui.community.CommunityForms.BookmarkForm;
import dev.animetracker.gateway.ui.community.CommunityForms.FollowForm;
import dev.animetracker.gateway.ui.community.CommunityForms.SubscriptionChange;
import dev.animetracker.gateway.ui.community.CommunityForms.UnsubscribeForm;
import dev.animetracker.gateway.ui.support.FormErrors;
import dev.animetracker.gateway.ui.support.Forms;
import dev.animetracker.gateway.ui.support.Listing;
import dev.animetracker.gateway.ui.support.UiContext;
import dev.animetracker.gateway.ui.support.UiMessages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The personal pages of issue 13 that search-service serves: the feed, the bookmarks, the follows
 * and saved searches, the follow/bookmark/"save this search" buttons of other pages, and the
 * e-mails' unsubscribe link. search-service validates and owns everything; these pages forward the
 * user's token and show its problems in the page language.
 */
@Controller
class CommunityPagesController {

  static final int PAGE_SIZE = 20;

  /** The path segments of follows and the {@code kind} the service reports for each. */
  static final Map<String, String> FOLLOW_KINDS =
      Map.of("users", "user", "groups", "group", "series", "series");

  static final List<String> DELIVERIES = List.of("instant", "daily", "none");

  /**
   * The search parameters a saved search takes, as {@code /api/search} names them, in the order the
   * form shows them.
   */
  static final List<String> QUERY_FIELDS =
      List.of(
          "q",
          "category",
          "tag",
          "uploader",
          "group",
          "resolution",
          "source",
          "season",
          "episode",
          "batch",
          "subs",
          "series",
          "filter",
          "minSeeders",
          "minSize",
          "maxSize");

  /** What a subscription form may post: the search parameters plus its name and delivery. */
  private static final Set<String> SUBSCRIPTION_FIELDS =
      java.util.stream.Stream.concat(
              QUERY_FIELDS.stream(), java.util.stream.Stream.of("name", "delivery"))
          .collect(java.util.stream.Collectors.toUnmodifiableSet());

  /** The query fields that may repeat. */
  private static final Set<String> LIST_FIELDS = Set.of("category", "tag");

  /** Ids of saved searches as the pages pass them back: digits or a UUID, nothing else. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private static final int MAX_FIELD = 500;

  private final CommunityClient community;

  private final UiMessages messages;

  CommunityPagesController(CommunityClient community, UiMessages messages) {
    this.community = community;
    this.messages = messages;
  }

  // --- feed and bookmarks ---

  @GetMapping("/me/feed")
  Mono<String> feed(
      @RequestParam(defaultValue = "1") String page, Model model, ServerWebExchange exchange) {
    int number = Listing.page(page);
    return asUser(
        exchange,
        "/me/feed",
        token ->
            community
                .feed(token, number - 1, PAGE_SIZE, UiContext.lang(exchange))
                .map(result -> personal(result, number, "/me/feed", "feed", model)));
  }

  @GetMapping("/me/bookmarks")
  Mono<String> bookmarks(
      @RequestParam(defaultValue = "1") String page, Model model, ServerWebExchange exchange) {
    int number = Listing.page(page);
    return asUser(
        exchange,
        "/me/bookmarks",
        token ->
            community
                .bookmarks(token, number - 1, PAGE_SIZE, UiContext.lang(exchange))
                .map(result -> personal(result, number, "/me/bookmarks", "bookmarks", model)));
  }

  private static String personal(
      DownstreamResult<PersonalPage> result, int page, String baseUrl, String view, Model model) {
    if (result instanceof DownstreamResult.Ok<PersonalPage>(PersonalPage value) && value != null) {
      model.addAttribute(
          "listing", Listing.of(value.itemList(), value.total(), page, PAGE_SIZE, baseUrl));
    } else if (result instanceof DownstreamResult.Failed<PersonalPage> failed
        && failed.status() == 401) {
      return "redirect:/login?redirect=" + baseUrl;
    } else {
      // The page still renders (navigation, the RSS hint) with a notice instead of the table.
      model.addAttribute("unavailable", true);
    }
    return view;
  }

  @PostMapping("/me/bookmarks/{torrentId}")
  Mono<String> bookmark(
      @PathVariable String torrentId,
      @ModelAttribute BookmarkForm form,
      ServerWebExchange exchange) {
    long id = torrentId(torrentId);
    String back = Forms.localPath(form.back(), "/torrents/" + id);
    return asUser(
        exchange,
        back,
        token ->
            community
                .bookmark(token, id)
                .map(result -> afterButton(result, back, "bookmarked", exchange)));
  }

  @PostMapping("/me/bookmarks/{torrentId}/delete")
  Mono<String> unbookmark(
      @PathVariable String torrentId,
      @ModelAttribute BookmarkForm form,
      ServerWebExchange exchange) {
    long id = torrentId(torrentId);
    String back = Forms.localPath(form.back(), "/me/bookmarks");
    return asUser(
        exchange,
        back,
        token ->
            community
                .unbookmark(token, id)
                .map(result -> afterButton(result, back, "unbookmarked", exchange)));
  }

  // --- follows and saved searches ---

  @GetMapping("/me/follows")
  Mono<String> follows(Model model, ServerWebExchange exchange) {
    return asUser(exchange, "/me/follows", token -> followsPage(token, model, exchange));
  }

  private Mono<String> followsPage(String token, Model model, ServerWebExchange exchange) {
    return Mono.zip(community.follows(token), community.subscriptions(token))
        .map(
            results -> {
              if (results.getT1() instanceof DownstreamResult.Failed<FollowList> failed
                  && failed.status() == 401) {
                return "redirect:/login?redirect=/me/follows";
              }
              FollowList follows = results.getT1().orElse(null);
              SubscriptionList subscriptions = results.getT2().orElse(null);
              model.addAttribute("follows", follows == null ? List.of() : follows.itemList());
              model.addAttribute(
                  "subscriptions", subscriptions == null ? List.of() : subscriptions.itemList());
              model.addAttribute("unavailable", follows == null || subscriptions == null);
              model.addAttribute("deliveries", DELIVERIES);
              model.addAttribute("queryFields", QUERY_FIELDS);
              Map<String, Object> attributes = model.asMap();
              attributes.putIfAbsent("subscriptionErrors", new FormErrors());
              attributes.putIfAbsent("subscriptionValues", Map.of("delivery", "daily"));
              return "follows";
            });
  }

  @PostMapping("/me/follows/{kind}/{target}")
  Mono<String> follow(
      @PathVariable String kind,
      @PathVariable String target,
      @ModelAttribute FollowForm form,
      Model model,
      ServerWebExchange exchange) {
    String segment = followKind(kind);
    String delivery = delivery(form.delivery(), "instant");
    String back = Forms.localPath(form.back(), "/me/follows");
    return asUser(
        exchange,
        back,
        token ->
            community
                .follow(token, segment, target, delivery)
                .flatMap(
                    result ->
                        switch (result) {
                          case DownstreamResult.Ok<Follow> ok ->
                              Mono.just(redirect(back, "followed"));
                          case DownstreamResult.Failed<Follow> failed when failed.status() == 401 ->
                              Mono.just(loginRedirect(back));
                          case DownstreamResult.Failed<Follow> failed ->
                              followFailure(failed, token, model, exchange);
                          case DownstreamResult.Unavailable<Follow> down ->
                              Mono.error(unavailable());
                        }));
  }

  @PostMapping("/me/follows/{kind}/{target}/delete")
  Mono<String> unfollow(
      @PathVariable String kind,
      @PathVariable String target,
      @ModelAttribute FollowForm form,
      Model model,
      ServerWebExchange exchange) {
    String segment = followKind(kind);
    String back = Forms.localPath(form.back(), "/me/follows");
    return asUser(
        exchange,
        back,
        token ->
            community
                .unfollow(token, segment, target)
                .flatMap(
                    result ->
                        switch (result) {
                          case DownstreamResult.Ok<Void> ok ->
                              Mono.just(redirect(back, "unfollowed"));
                          // Already gone (another tab): the wanted state, say so quietly.
                          case DownstreamResult.Failed<Void> failed
                              when "follow-not-found".equals(failed.code()) ->
                              Mono.just(redirect(back, "unfollowed"));
                          case DownstreamResult.Failed<Void> failed when failed.status() == 401 ->
                              Mono.just(loginRedirect(back));
                          case DownstreamResult.Failed<Void> failed ->
                              followFailure(failed, token, model, exchange);
                          case DownstreamResult.Unavailable<Void> down -> Mono.error(unavailable());
                        }));
  }

  private Mono<String> followFailure(
      DownstreamResult.Failed<?> failed, String token, Model model, ServerWebExchange exchange) {
    model.addAttribute(
        "followError", messages.problemMessage(failed.code(), UiContext.locale(exchange)));
    exchange.getResponse().setRawStatusCode(failed.status());
    return followsPage(token, model, exchange);
  }

  /**
   * "Save this search" (browse page) and the form of the follows page: the set search parameters
   * plus name and delivery. A refusal shows the follows page with the messages and the input kept.
   */
  @PostMapping("/me/subscriptions")
  Mono<String> subscribe(Model model, ServerWebExchange exchange) {
    return exchange
        .getFormData()
        .flatMap(
            form -> {
              Map<String, String> values = subscriptionValues(form);
              model.addAttribute("subscriptionValues", values);
              Locale locale = UiContext.locale(exchange);
              FormErrors errors = new FormErrors();
              values.forEach(
                  (field, value) -> {
                    if (value.length() > MAX_FIELD) {
                      errors.reject(field, messages.fieldMessage(field, "Size", locale));
                    }
                  });
              if (!DELIVERIES.contains(values.get("delivery"))) {
                errors.reject("delivery", messages.fieldMessage("delivery", "OneOf", locale));
              }
              if (QUERY_FIELDS.stream().allMatch(f -> values.getOrDefault(f, "").isEmpty())) {
                errors.global(messages.problemMessage("empty-subscription", locale));
              }
              if (errors.any()) {
                model.addAttribute("subscriptionErrors", errors);
                exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                return asUser(
                    exchange, "/me/follows", token -> followsPage(token, model, exchange));
              }
              Map<String, Object> body = new LinkedHashMap<>();
              values.forEach(
                  (field, value) -> {
                    if (value.isEmpty()) {
                      return;
                    }
                    // category and tag repeat on the browse page: a list, as the API takes them.
                    body.put(
                        field,
                        LIST_FIELDS.contains(field) ? List.of(value.split(",")) : (Object) value);
                  });
              return asUser(
                  exchange,
                  "/me/follows",
                  token ->
                      community
                          .subscribe(token, body)
                          .flatMap(
                              result ->
                                  switch (result) {
                                    case DownstreamResult.Ok<Subscription> ok ->
                                        Mono.just("redirect:/me/follows?subscribed");
                                    case DownstreamResult.Failed<Subscription> failed
                                        when failed.status() == 401 ->
                                        Mono.just(loginRedirect("/me/follows"));
                                    case DownstreamResult.Failed<Subscription> failed -> {
                                      model.addAttribute(
                                          "subscriptionErrors",
                                          messages.fromCatalogProblem(
                                              failed, SUBSCRIPTION_FIELDS, locale));
                                      exchange.getResponse().setRawStatusCode(failed.status());
                                      yield followsPage(token, model, exchange);
                                    }
                                    case DownstreamResult.Unavailable<Subscription> down ->
                                        Mono.error(unavailable());
                                  }));
            });
  }

  private static Map<String, String> subscriptionValues(MultiValueMap<String, String> form) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String field : QUERY_FIELDS) {
      List<String> all = form.getOrDefault(field, List.of());
      // Joined here so the form shows one text; split again into the API's list.
      values.put(
          field,
          String.join(",", all.stream().map(String::trim).filter(v -> !v.isEmpty()).toList()));
    }
    values.put("name", Forms.trimmed(form.getFirst("name")));
    values.put("delivery", delivery(form.getFirst("delivery"), "daily"));
    return values;
  }

  @PostMapping("/me/subscriptions/{id}")
  Mono<String> changeSubscription(
      @PathVariable String id,
      @ModelAttribute SubscriptionChange form,
      Model model,
      ServerWebExchange exchange) {
    String subscription = subscriptionId(id);
    Map<String, Object> changes = new LinkedHashMap<>();
    changes.put("delivery", delivery(form.delivery(), "daily"));
    String name = Forms.trimmed(form.name());
    if (!name.isEmpty()) {
      changes.put("name", name);
    }
    return asUser(
        exchange,
        "/me/follows",
        token ->
            community
                .updateSubscription(token, subscription, changes)
                .flatMap(
                    result ->
                        switch (result) {
                          case DownstreamResult.Ok<Subscription> ok ->
                              Mono.just("redirect:/me/follows?updated");
                          case DownstreamResult.Failed<Subscription> failed
                              when failed.status() == 401 ->
                              Mono.just(loginRedirect("/me/follows"));
                          case DownstreamResult.Failed<Subscription> failed ->
                              followFailure(failed, token, model, exchange);
                          case DownstreamResult.Unavailable<Subscription> down ->
                              Mono.error(unavailable());
                        }));
  }

  @PostMapping("/me/subscriptions/{id}/delete")
  Mono<String> deleteSubscription(
      @PathVariable String id, Model model, ServerWebExchange exchange) {
    String subscription = subscriptionId(id);
    return asUser(
        exchange,
        "/me/follows",
        token ->
            community
                .deleteSubscription(token, subscription)
                .flatMap(
                    result ->
                        switch (result) {
                          case DownstreamResult.Ok<Void> ok ->
                              Mono.just("redirect:/me/follows?deleted");
                          case DownstreamResult.Failed<Void> failed when failed.status() == 401 ->
                              Mono.just(loginRedirect("/me/follows"));
                          case DownstreamResult.Failed<Void> failed ->
                              followFailure(failed, token, model, exchange);
                          case DownstreamResult.Unavailable<Void> down -> Mono.error(unavailable());
                        }));
  }

  // --- unsubscribe link (no login) ---

  /** The e-mail's link: one click turns the watches off, so GET does it at once. */
  @GetMapping("/unsubscribe")
  Mono<String> unsubscribeLink(
      @ModelAttribute UnsubscribeForm form, Model model, ServerWebExchange exchange) {
    return unsubscribe(form, model, exchange);
  }

  /** RFC 8058 one-click: the mail client posts the same address. */
  @PostMapping("/unsubscribe")
  Mono<String> unsubscribeOneClick(
      @ModelAttribute UnsubscribeForm form, Model model, ServerWebExchange exchange) {
    return unsubscribe(form, model, exchange);
  }

  private Mono<String> unsubscribe(UnsubscribeForm form, Model model, ServerWebExchange exchange) {
    // The address must not be cached or leak the token onwards.
    exchange.getResponse().getHeaders().setCacheControl("no-store");
    String user = Forms.trimmed(form.u());
    String sealed = Forms.trimmed(form.t());
    if (user.isEmpty()
        || sealed.isEmpty()
        || user.length() > 18
        || sealed.length() > 4096
        || !user.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Mono.error(invalidUnsubscribe());
    }
    return community
        .unsubscribe(Long.parseLong(user), sealed)
        .map(
            result ->
                switch (result) {
                  case DownstreamResult.Ok<Unsubscribed>(Unsubscribed value) -> {
                    model.addAttribute("watches", value == null ? List.of() : value.watchList());
                    yield "unsubscribed";
                  }
                  case DownstreamResult.Failed<Unsubscribed> failed -> throw invalidUnsubscribe();
                  case DownstreamResult.Unavailable<Unsubscribed> down -> throw unavailable();
                });
  }

  // --- helpers ---

  /** Runs {@code action} with the user's token; visitors go to the login and back. */
  private static Mono<String> asUser(
      ServerWebExchange exchange, String back, Function<String, Mono<String>> action) {
    return UiContext.accessToken(exchange)
        .flatMap(action)
        .switchIfEmpty(Mono.fromSupplier(() -> loginRedirect(back)));
  }

  private String afterButton(
      DownstreamResult<Void> result, String back, String flag, ServerWebExchange exchange) {
    return switch (result) {
      case DownstreamResult.Ok<Void> ok -> redirect(back, flag);
      case DownstreamResult.Failed<Void> failed when failed.status() == 401 -> loginRedirect(back);
      case DownstreamResult.Failed<Void> failed when "torrent-not-found".equals(failed.code()) ->
          throw new GatewayException(
              HttpStatus.NOT_FOUND, "torrent-not-found", "There is no such torrent.");
      // Already removed: the wanted state.
      case DownstreamResult.Failed<Void> failed when failed.status() == 404 -> redirect(back, flag);
      case DownstreamResult.Failed<Void> failed ->
          throw new GatewayException(
              HttpStatus.valueOf(failed.status()),
              failed.code(),
              messages.problemMessage(failed.code(), UiContext.locale(exchange)));
      case DownstreamResult.Unavailable<Void> down -> throw unavailable();
    };
  }

  private static String redirect(String back, String flag) {
    int hash = back.indexOf('#');
    String path = hash < 0 ? back : back.substring(0, hash);
    String fragment = hash < 0 ? "" : back.substring(hash);
    return "redirect:" + path + (path.contains("?") ? "&" : "?") + flag + fragment;
  }

  private static String loginRedirect(String back) {
    return "redirect:/login?redirect="
        + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static String delivery(String raw, String fallback) {
    String value = Forms.trimmed(raw);
    return value.isEmpty() ? fallback : value;
  }

  private static String followKind(String kind) {
    if (!FOLLOW_KINDS.containsKey(kind)) {
      throw new GatewayException(HttpStatus.NOT_FOUND, "not-found", "There is no such page.");
    }
    return kind;
  }

  private static String subscriptionId(String id) {
    if (!ID.matcher(id).matches()) {
      throw new GatewayException(
          HttpStatus.NOT_FOUND, "subscription-not-found", "There is no such saved search.");
    }
    return id;
  }

  private static long torrentId(String raw) {
    try {
      long id = Long.parseLong(raw);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new GatewayException(
        HttpStatus.NOT_FOUND, "torrent-not-found", "There is no such torrent.");
  }

  static GatewayException unavailable() {
    return new GatewayException(
        HttpStatus.SERVICE_UNAVAILABLE,
        "service-unavailable",
        "The search service is temporarily unavailable.");
  }

  private static GatewayException invalidUnsubscribe() {
    return new GatewayException(
        HttpStatus.BAD_REQUEST,
        "invalid-unsubscribe",
        "This unsubscribe link is wrong or damaged.");
  }
}
