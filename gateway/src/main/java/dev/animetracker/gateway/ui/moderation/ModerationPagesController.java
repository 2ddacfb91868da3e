package dev.animetracker.gateway.ui.moderation;

import dev.animetracker.gateway.catalog.CatalogDtos.Category;
import dev.animetracker.gateway.catalog.CatalogDtos.Torrent;
import dev.animetracker.gateway.catalog.TorrentServiceClient;
import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.moderation.ModerationClient;
import dev.animetracker.gateway.moderation.ModerationDtos.AuditPage;
import dev.animetracker.gateway.moderation.ModerationDtos.ReportGroup;
import dev.animetracker.gateway.moderation.ModerationDtos.ReportPage;
import dev.animetracker.gateway.problem.GatewayException;
import dev.animetracker.gateway.tracker.TrackerClient;
import dev.animetracker.gateway.tracker.TrackerClient.Peer;
import dev.animetracker.gateway.ui.support.FormErrors;
import dev.animetracker.gateway.ui.support.Forms;
import dev.animetracker.gateway.ui.support.Listing;
import dev.animetracker.gateway.ui.support.PageErrors;
import dev.animetracker.gateway.ui.support.UiContext;
import dev.animetracker.gateway.ui.support.UiMessages;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
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

/**
 * The moderators' pages: the report queue with its one-click actions, the audit log, categories and
 * a torrent's peers. Security lets only tokens with the moderator role in (others get the 403
 * page); the services check the role again, and their refusal is shown as a message.
 */
@Controller
class ModerationPagesController {

  static final int PAGE_SIZE = 20;

  static final List<String> ACTIONS = List.of("dismiss", "delete", "remake", "ban-uploader");

  static final List<String> AUDIT_FILTERS = List.of("actor", "action", "targetType", "target");

  private static final Set<String> CATEGORY_FIELDS =
      Set.of("slug", "nameRu", "nameEn", "position", "description");

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

  private static final int MAX_NOTE = 2000;

  private static final int MAX_BAN_DAYS = 36_500;

  private final ModerationClient moderation;

  private final TorrentServiceClient torrents;

  private final TrackerClient tracker;

  private final UiMessages messages;

  ModerationPagesController(
      ModerationClient moderation,
      TorrentServiceClient torrents,
      TrackerClient tracker,
      UiMessages messages) {
    this.moderation = moderation;
    this.torrents = torrents;
    this.tracker = tracker;
    this.messages = messages;
  }

  /** A resolution: the clicked button's {@code action}, the note and the ban length. */
  record ResolveForm(
      @Nullable String action,
      @Nullable String note,
      @Nullable String banDays,
      @Nullable String state) {}

  /** A category's fields (create or change). */
  record CategoryForm(
      @Nullable String slug,
      @Nullable String nameRu,
      @Nullable String nameEn,
      @Nullable String position) {}

  // --- queue ---

  @GetMapping("/moderation")
  Mono<String> queue(
      @RequestParam(defaultValue = "open") String state,
      @RequestParam(defaultValue = "1") String page,
      Model model,
      ServerWebExchange exchange) {
    String shown = "resolved".equals(state) ? "resolved" : "open";
    return asModerator(
        exchange, "/moderation", token -> queuePage(token, shown, Listing.page(page), model));
  }

  private Mono<String> queuePage(String token, String state, int page, Model model) {
    model.addAttribute("state", state);
    model.addAttribute("actions", ACTIONS);
    model.asMap().putIfAbsent("resolveValues", Map.of());
    return moderation
        .queue(token, state, page - 1, PAGE_SIZE)
        .map(
            result ->
                switch (result) {
                  case DownstreamResult.Ok<ReportPage>(ReportPage value) -> {
                    ReportPage body = value == null ? new ReportPage(List.of(), 0, 0, 0) : value;
                    model.addAttribute(
                        "listing",
                        Listing.of(
                            body.itemList(),
                            body.total(),
                            page,
                            PAGE_SIZE,
                            "/moderation?state=" + state));
                    yield "moderation";
                  }
                  case DownstreamResult.Failed<ReportPage> failed when failed.status() == 401 ->
                      "redirect:/login?redirect=/moderation";
                  case DownstreamResult.Failed<ReportPage> failed ->
                      throw new GatewayException(
                          HttpStatus.valueOf(failed.status()),
                          failed.status() == 403 ? "forbidden" : failed.code(),
                          failed.detail());
                  case DownstreamResult.Unavailable<ReportPage> down ->
                      throw PageErrors.catalogUnavailable();
                });
  }

  @PostMapping("/moderation/reports/{id}/resolve")
  Mono<String> resolve(
      @PathVariable String id,
      @ModelAttribute ResolveForm form,
      Model model,
      ServerWebExchange exchange) {
    String group = id(id);
    Locale locale = UiContext.locale(exchange);
    String action = Forms.trimmed(form.action());
    String note = Forms.trimmed(form.note());
    String days = Forms.trimmed(form.banDays());
    String state = "resolved".equals(form.state()) ? "resolved" : "open";
    Map<String, String> values = Map.of("note", note, "banDays", days);
    String error = null;
    Map<String, Object> body = new LinkedHashMap<>();
    if (!ACTIONS.contains(action)) {
      error = messages.fieldMessage("action", "OneOf", locale);
    } else if (note.length() > MAX_NOTE) {
      error = messages.fieldMessage("note", "Size", locale);
    }
    body.put("action", action);
    if (!note.isEmpty()) {
      body.put("note", note);
    }
    if (error == null && "ban-uploader".equals(action) && !days.isEmpty()) {
      Integer parsed = positive(days);
      if (parsed == null || parsed > MAX_BAN_DAYS) {
        error = messages.fieldMessage("banDays", "Range", locale);
      } else {
        body.put("banDays", parsed);
      }
    }
    String failure = error;
    return asModerator(
        exchange,
        "/moderation",
        token -> {
          if (failure != null) {
            return resolveFailure(group, failure, 400, values, token, state, model, exchange);
          }
          return moderation
              .resolve(token, group, body)
              .flatMap(
                  result ->
                      switch (result) {
                        case DownstreamResult.Ok<ReportGroup> ok ->
                            Mono.just("redirect:/moderation?resolved=" + action);
                        case DownstreamResult.Failed<ReportGroup> failed
                            when failed.status() == 401 ->
                            Mono.just("redirect:/login?redirect=/moderation");
                        case DownstreamResult.Failed<ReportGroup> failed ->
                            resolveFailure(
                                group,
                                messages.fromCatalogProblem(failed, Set.of(), locale).getGlobal(),
                                failed.status(),
                                values,
                                token,
                                state,
                                model,
                                exchange);
                        case DownstreamResult.Unavailable<ReportGroup> down ->
                            Mono.error(PageErrors.catalogUnavailable());
                      });
        });
  }

  private Mono<String> resolveFailure(
      String group,
      @Nullable String message,
      int status,
      Map<String, String> values,
      String token,
      String state,
      Model model,
      ServerWebExchange exchange) {
    model.addAttribute("resolveError", message);
    model.addAttribute("resolveFailedId", group);
    model.addAttribute("resolveValues", values);
    exchange.getResponse().setRawStatusCode(status);
    return queuePage(token, state, 1, model);
  }

  // --- audit ---

  @GetMapping("/moderation/audit")
  Mono<String> audit(
      @RequestParam Map<String, String> params, Model model, ServerWebExchange exchange) {
    Map<String, String> filters = new LinkedHashMap<>();
    for (String name : AUDIT_FILTERS) {
      String value = Forms.trimmed(params.get(name));
      filters.put(name, value.length() > 200 ? value.substring(0, 200) : value);
    }
    int page = Listing.page(params.getOrDefault("page", "1"));
    model.addAttribute("filters", filters);
    UriComponentsBuilder base = UriComponentsBuilder.fromPath("/moderation/audit");
    filters.forEach(
        (name, value) -> {
          if (!value.isEmpty()) {
            base.queryParam(name, "{" + name + "}");
          }
        });
    String baseUrl = base.encode().buildAndExpand(filters).toUriString();
    return asModerator(
        exchange,
        "/moderation/audit",
        token ->
            moderation
                .audit(token, filters, page - 1, PAGE_SIZE)
                .map(
                    result ->
                        switch (result) {
                          case DownstreamResult.Ok<AuditPage>(AuditPage value) -> {
                            AuditPage body =
                                value == null ? new AuditPage(List.of(), 0, 0, 0) : value;
                            model.addAttribute(
                                "listing",
                                Listing.of(
                                    body.itemList(), body.total(), page, PAGE_SIZE, baseUrl));
                            yield "moderation-audit";
                          }
                          case DownstreamResult.Failed<AuditPage> failed
                              when failed.status() == 401 ->
                              "redirect:/login?redirect=/moderation/audit";
                          case DownstreamResult.Failed<AuditPage> failed
                              when failed.status() == 400 -> {
                            // A filter the service refuses: the form again with its message.
                            model.addAttribute(
                                "auditError",
                                messages
                                    .fromCatalogProblem(
                                        failed, Set.of(), UiContext.locale(exchange))
                                    .getGlobal());
                            model.addAttribute(
                                "listing", Listing.of(List.of(), 0, 1, PAGE_SIZE, baseUrl));
                            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
                            yield "moderation-audit";
                          }
                          case DownstreamResult.Failed<AuditPage> failed ->
                              throw new GatewayException(
                                  HttpStatus.valueOf(failed.status()),
                                  failed.status() == 403 ? "forbidden" : failed.code(),
                                  failed.detail());
                          case DownstreamResult.Unavailable<AuditPage> down ->
                              throw PageErrors.catalogUnavailable();
                        }));
  }

  // --- categories ---

  @GetMapping("/moderation/categories")
  Mono<String> categories(Model model, ServerWebExchange exchange) {
    return asModerator(
        exchange, "/moderation/categories", token -> categoriesPage(model, exchange));
  }

  private Mono<String> categoriesPage(Model model, ServerWebExchange exchange) {
    Map<String, Object> attributes = model.asMap();
    attributes.putIfAbsent("createErrors", new FormErrors());
    attributes.putIfAbsent("createValues", Map.of());
    attributes.putIfAbsent("editErrors", new FormErrors());
    attributes.putIfAbsent("editSlug", "");
    attributes.putIfAbsent("editValues", Map.of());
    return torrents
        .categories(UiContext.lang(exchange))
        .map(
            result ->
                switch (result) {
                  case DownstreamResult.Ok<List<Category>>(List<Category> value) -> {
                    List<Category> list = value == null ? List.of() : value;
                    model.addAttribute(
                        "categories",
                        list.stream()
                            .sorted(
                                Comparator.comparing(
                                    (Category c) ->
                                        c.position() == null ? Integer.MAX_VALUE : c.position()))
                            .toList());
                    yield "moderation-categories";
                  }
                  case DownstreamResult.Failed<List<Category>> failed ->
                      throw PageErrors.catalogUnavailable();
                  case DownstreamResult.Unavailable<List<Category>> down ->
                      throw PageErrors.catalogUnavailable();
                });
  }

  @PostMapping("/moderation/categories")
  Mono<String> createCategory(
      @ModelAttribute CategoryForm form, Model model, ServerWebExchange exchange) {
    Map<String, String> values = values(form);
    model.addAttribute("createValues", values);
    Locale locale = UiContext.locale(exchange);
    FormErrors errors = new FormErrors();
    if (!SLUG.matcher(values.get("slug")).matches()) {
      errors.reject("slug", messages.fieldMessage("slug", "Pattern", locale));
    }
    Map<String, Object> body = categoryBody(values, errors, locale, true);
    body.put("slug", values.get("slug"));
    return asModerator(
        exchange,
        "/moderation/categories",
        token -> {
          if (errors.any()) {
            model.addAttribute("createErrors", errors);
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            return categoriesPage(model, exchange);
          }
          return moderation
              .createCategory(token, body)
              .flatMap(
                  result ->
                      categoryResult(result, "created", "createErrors", model, exchange, locale));
        });
  }

  @PostMapping("/moderation/categories/{slug}")
  Mono<String> updateCategory(
      @PathVariable String slug,
      @ModelAttribute CategoryForm form,
      Model model,
      ServerWebExchange exchange) {
    if (!SLUG.matcher(slug).matches()) {
      return Mono.error(
          new GatewayException(
              HttpStatus.NOT_FOUND, "category-not-found", "There is no such category."));
    }
    Map<String, String> values = values(form);
    model.addAttribute("editSlug", slug);
    model.addAttribute("editValues", values);
    Locale locale = UiContext.locale(exchange);
    FormErrors errors = new FormErrors();
    Map<String, Object> body = categoryBody(values, errors, locale, false);
    return asModerator(
        exchange,
        "/moderation/categories",
        token -> {
          if (errors.any()) {
            model.addAttribute("editErrors", errors);
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            return categoriesPage(model, exchange);
          }
          return moderation
              .updateCategory(token, slug, body)
              .flatMap(
                  result ->
                      categoryResult(result, "updated", "editErrors", model, exchange, locale));
        });
  }

  private Mono<String> categoryResult(
      DownstreamResult<Category> result,
      String flag,
      String errorsAttribute,
      Model model,
      ServerWebExchange exchange,
      Locale locale) {
    return switch (result) {
      case DownstreamResult.Ok<Category> ok -> Mono.just("redirect:/moderation/categories?" + flag);
      case DownstreamResult.Failed<Category> failed when failed.status() == 401 ->
          Mono.just("redirect:/login?redirect=/moderation/categories");
      case DownstreamResult.Failed<Category> failed -> {
        model.addAttribute(
            errorsAttribute, messages.fromCatalogProblem(failed, CATEGORY_FIELDS, locale));
        exchange.getResponse().setRawStatusCode(failed.status());
        yield categoriesPage(model, exchange);
      }
      case DownstreamResult.Unavailable<Category> down ->
          Mono.error(PageErrors.catalogUnavailable());
    };
  }

  private static Map<String, String> values(CategoryForm form) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("slug", Forms.trimmed(form.slug()));
    values.put("nameRu", Forms.trimmed(form.nameRu()));
    values.put("nameEn", Forms.trimmed(form.nameEn()));
    values.put("position", Forms.trimmed(form.position()));
    return values;
  }

  /** The JSON of a category form; names required on create, blank ones left out on change. */
  private Map<String, Object> categoryBody(
      Map<String, String> values, FormErrors errors, Locale locale, boolean create) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (String name : List.of("nameRu", "nameEn")) {
      String value = values.get(name);
      if (value.isEmpty()) {
        if (create) {
          errors.reject(name, messages.fieldMessage(name, "NotBlank", locale));
        }
      } else if (value.length() > 100) {
        errors.reject(name, messages.fieldMessage(name, "Size", locale));
      } else {
        body.put(name, value);
      }
    }
    String position = values.get("position");
    if (!position.isEmpty()) {
      Integer parsed = nonNegative(position);
      if (parsed == null) {
        errors.reject("position", messages.fieldMessage("position", "Range", locale));
      } else {
        body.put("position", parsed);
      }
    }
    return body;
  }

  // --- peers ---

  @GetMapping("/torrents/{id}/peers")
  Mono<String> peers(@PathVariable String id, Model model, ServerWebExchange exchange) {
    long torrentId = torrentId(id);
    return asModerator(
        exchange,
        "/torrents/" + torrentId + "/peers",
        token ->
            torrents
                .torrent(torrentId, UiContext.lang(exchange))
                .flatMap(
                    loaded -> {
                      Torrent torrent =
                          switch (loaded) {
                            case DownstreamResult.Ok<Torrent>(Torrent value) when value != null ->
                                value;
                            case DownstreamResult.Failed<Torrent> failed
                                when failed.status() == 404 || failed.status() == 400 ->
                                throw torrentNotFound();
                            default -> throw PageErrors.catalogUnavailable();
                          };
                      model.addAttribute("torrent", torrent);
                      model.addAttribute("peersUnavailable", false);
                      String hash =
                          torrent.infoHash() != null ? torrent.infoHash() : torrent.infoHashV2();
                      if (hash == null) {
                        model.addAttribute("peers", List.of());
                        return Mono.just("peers");
                      }
                      return tracker
                          .peers(token, hash)
                          .map(
                              result -> {
                                switch (result) {
                                  case DownstreamResult.Ok<List<Peer>>(List<Peer> value) ->
                                      model.addAttribute(
                                          "peers", value == null ? List.of() : value);
                                  // Not announced yet: the tracker does not know the swarm.
                                  case DownstreamResult.Failed<List<Peer>> failed
                                      when failed.status() == 404 ->
                                      model.addAttribute("peers", List.of());
                                  case DownstreamResult.Failed<List<Peer>> failed -> {
                                    model.addAttribute("peers", List.of());
                                    model.addAttribute(
                                        "peersError",
                                        messages.problemMessage(
                                            failed.code(), UiContext.locale(exchange)));
                                  }
                                  case DownstreamResult.Unavailable<List<Peer>> down -> {
                                    model.addAttribute("peers", List.of());
                                    model.addAttribute("peersUnavailable", true);
                                  }
                                }
                                return "peers";
                              });
                    }));
  }

  // --- helpers ---

  /** Runs {@code action} with the moderator's token (security already let only moderators in). */
  private static Mono<String> asModerator(
      ServerWebExchange exchange, String back, Function<String, Mono<String>> action) {
    return UiContext.accessToken(exchange)
        .flatMap(action)
        .switchIfEmpty(Mono.fromSupplier(() -> "redirect:/login?redirect=" + back));
  }

  private static String id(String raw) {
    if (!ID.matcher(raw).matches()) {
      throw new GatewayException(
          HttpStatus.NOT_FOUND, "report-not-found", "There is no such report.");
    }
    return raw;
  }

  private static @Nullable Integer positive(String raw) {
    Integer value = nonNegative(raw);
    return value == null || value == 0 ? null : value;
  }

  private static @Nullable Integer nonNegative(String raw) {
    try {
      int value = Integer.parseInt(raw);
      return value >= 0 ? value : null;
    } catch (NumberFormatException e) {
      return null;
    }
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
    throw torrentNotFound();
  }

  private static GatewayException torrentNotFound() {
    return new GatewayException(
        HttpStatus.NOT_FOUND, "torrent-not-found", "There is no such torrent.");
  }
}
