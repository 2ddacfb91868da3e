package dev.animetracker.gateway.ui.torrent;

import dev.animetracker.gateway.catalog.CatalogDtos.Category;
import dev.animetracker.gateway.catalog.CatalogDtos.Comment;
import dev.animetracker.gateway.catalog.CatalogDtos.Torrent;
import dev.animetracker.gateway.catalog.TorrentServiceClient;
import dev.animetracker.gateway.community.CommunityClient;
import dev.animetracker.gateway.community.CommunityDtos.FollowList;
import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.moderation.ModerationClient;
import dev.animetracker.gateway.moderation.ModerationDtos.Report;
import dev.animetracker.gateway.problem.GatewayException;
import dev.animetracker.gateway.ui.support.FormErrors;
import dev.animetracker.gateway.ui.support.Forms;
import dev.animetracker.gateway.ui.support.PageErrors;
import dev.animetracker.gateway.ui.support.ReleaseFields;
import dev.animetracker.gateway.ui.support.UiContext;
import dev.animetracker.gateway.ui.support.UiMessages;
import dev.animetracker.gateway.ui.support.Viewer;
import dev.animetracker.gateway.ui.torrent.TorrentForms.CommentForm;
import dev.animetracker.gateway.ui.torrent.TorrentForms.ReportForm;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The torrent page with its comments, and the owner's/moderators' edit and delete actions. */
@Controller
class TorrentPagesController {

  private static final Set<String> COMMENT_FIELDS = Set.of("text");

  /** The reasons torrent-service takes, in the order the select offers them. */
  static final List<String> REPORT_REASONS =
      List.of("fake", "wrong-category", "malware", "illegal", "spam", "other");

  private static final int MAX_REPORT_TEXT = 2000;

  private final TorrentServiceClient torrents;

  private final CommunityClient community;

  private final ModerationClient moderation;

  private final UiMessages messages;

  TorrentPagesController(
      TorrentServiceClient torrents,
      CommunityClient community,
      ModerationClient moderation,
      UiMessages messages) {
    this.torrents = torrents;
    this.community = community;
    this.moderation = moderation;
    this.messages = messages;
  }

  @GetMapping("/torrents/{id}")
  Mono<String> torrent(@PathVariable String id, Model model, ServerWebExchange exchange) {
    return render(parseId(id), model, exchange);
  }

  // --- comments ---

  @PostMapping("/torrents/{id}/comments")
  Mono<String> addComment(
      @PathVariable String id,
      @ModelAttribute CommentForm form,
      Model model,
      ServerWebExchange exchange) {
    long torrentId = parseId(id);
    String text = Forms.trimmed(form.text());
    model.addAttribute("commentText", text);
    if (text.isEmpty()) {
      return blankText("commentErrors", torrentId, model, exchange);
    }
    return asUser(
        exchange,
        torrentId,
        token ->
            torrents
                .addComment(token, torrentId, text)
                .flatMap(
                    result ->
                        switch (result) {
                          case DownstreamResult.Ok<Comment>(Comment comment) when comment != null ->
                              Mono.just(
                                  "redirect:/torrents/" + torrentId + "#comment-" + comment.id());
                          case DownstreamResult.Ok<Comment> ok ->
                              Mono.just("redirect:/torrents/" + torrentId + "#comments");
                          case DownstreamResult.Failed<Comment> failed ->
                              formFailure(
                                  failed,
                                  "commentErrors",
                                  COMMENT_FIELDS,
                                  torrentId,
                                  model,
                                  exchange);
                          case DownstreamResult.Unavailable<Comment> down ->
                              Mono.error(PageErrors.catalogUnavailable());
                        }));
  }

  @PostMapping("/torrents/{id}/comments/{commentId}/edit")
  Mono<String> editComment(
      @PathVariable String id,
      @PathVariable String commentId,
      @ModelAttribute CommentForm form,
      Model model,
      ServerWebExchange exchange) {
    long torrentId = parseId(id);
    long comment = parseId(commentId);
    String text = Forms.trimmed(form.text());
    model.addAttribute("editingComment", comment);
    model.addAttribute("editCommentText", text);
    if (text.isEmpty()) {
      return blankText("editCommentErrors", torrentId, model, exchange);
    }
    return asUser(
        exchange,
        torrentId,
        token ->
            torrents
                .editComment(token, comment, text)
                .flatMap(
                    result ->
                        switch (result) {
                          case DownstreamResult.Ok<Comment> ok ->
                              Mono.just("redirect:/torrents/" + torrentId + "#comment-" + comment);
                          case DownstreamResult.Failed<Comment> failed ->
                              formFailure(
                                  failed,
                                  "editCommentErrors",
                                  COMMENT_FIELDS,
                                  torrentId,
                                  model,
                                  exchange);
                          case DownstreamResult.Unavailable<Comment> down ->
                              Mono.error(PageErrors.catalogUnavailable());
                        }));
  }

  @PostMapping("/torrents/{id}/comments/{commentId}/delete")
  Mono<String> deleteComment(
      @PathVariable String id,
      @PathVariable String commentId,
      Model model,
      ServerWebExchange exchange) {
    long torrentId = parseId(id);
    long comment = parseId(commentId);
    return asUser(
        exchange,
        torrentId,
        token ->
            torrents
                .deleteComment(token, comment)
                .flatMap(
                    result ->
                        switch (result) {
                          case DownstreamResult.Ok<Void> ok ->
                              Mono.just(
                                  "redirect:/torrents/" + torrentId + "?commentDeleted#comments");
                          case DownstreamResult.Failed<Void> failed when failed.status() == 404 ->
                              Mono.just("redirect:/torrents/" + torrentId + "#comments");
                          case DownstreamResult.Failed<Void> failed ->
                              actionFailure(failed, torrentId, model, exchange);
                          case DownstreamResult.Unavailable<Void> down ->
                              Mono.error(PageErrors.catalogUnavailable());
                        }));
  }

  // --- edit / delete the torrent ---

  @PostMapping("/torrents/{id}/edit")
  Mono<String> edit(@PathVariable String id, Model model, ServerWebExchange exchange) {
    long torrentId = parseId(id);
    String lang = UiContext.lang(exchange);
    return exchange
        .getFormData()
        .flatMap(
            form -> {
              Map<String, String> values = TorrentEdit.posted(form);
              model.addAttribute("editValues", values);
              model.addAttribute("editOpen", true);
              return asUser(
                  exchange,
                  torrentId,
                  token ->
                      Mono.zip(torrents.torrent(torrentId, lang), UiContext.viewer(exchange))
                          .flatMap(
                              loaded ->
                                  sendEdit(
                                      token,
                                      loaded.getT1(),
                                      loaded.getT2(),
                                      values,
                                      torrentId,
                                      model,
                                      exchange)));
            });
  }

  /** The PATCH of a posted edit against the torrent as it is now (see {@link TorrentEdit}). */
  private Mono<String> sendEdit(
      String token,
      DownstreamResult<Torrent> current,
      Viewer viewer,
      Map<String, String> values,
      long torrentId,
      Model model,
      ServerWebExchange exchange) {
    return switch (current) {
      case DownstreamResult.Ok<Torrent>(Torrent torrent) when torrent != null ->
          torrents
              .update(
                  token,
                  torrentId,
                  TorrentEdit.patch(values, torrent, viewer.moderator()),
                  UiContext.lang(exchange))
              .flatMap(result -> edited(result, torrentId, model, exchange));
      case DownstreamResult.Ok<Torrent> empty -> Mono.error(PageErrors.catalogUnavailable());
      case DownstreamResult.Failed<Torrent> failed when failed.status() == 404 ->
          Mono.error(torrentNotFound());
      case DownstreamResult.Failed<Torrent> failed ->
          actionFailure(failed, torrentId, model, exchange);
      case DownstreamResult.Unavailable<Torrent> down ->
          Mono.error(PageErrors.catalogUnavailable());
    };
  }

  private Mono<String> edited(
      DownstreamResult<Torrent> result, long torrentId, Model model, ServerWebExchange exchange) {
    return switch (result) {
      case DownstreamResult.Ok<Torrent> ok ->
          Mono.just("redirect:/torrents/" + torrentId + "?updated");
      case DownstreamResult.Failed<Torrent> failed ->
          formFailure(failed, "editErrors", TorrentEdit.FIELDS, torrentId, model, exchange);
      case DownstreamResult.Unavailable<Torrent> down ->
          Mono.error(PageErrors.catalogUnavailable());
    };
  }

  @PostMapping("/torrents/{id}/delete")
  Mono<String> delete(@PathVariable String id, Model model, ServerWebExchange exchange) {
    long torrentId = parseId(id);
    return asUser(
        exchange,
        torrentId,
        token ->
            torrents
                .delete(token, torrentId)
                .flatMap(
                    result ->
                        switch (result) {
                          case DownstreamResult.Ok<Void> ok -> Mono.just("redirect:/?deleted");
                          case DownstreamResult.Failed<Void> failed ->
                              actionFailure(failed, torrentId, model, exchange);
                          case DownstreamResult.Unavailable<Void> down ->
                              Mono.error(PageErrors.catalogUnavailable());
                        }));
  }

  // --- helpers ---

  /** Runs the action with the user's token; visitors are sent to the login page. */
  private static Mono<String> asUser(
      ServerWebExchange exchange, long torrentId, Function<String, Mono<String>> action) {
    return UiContext.accessToken(exchange)
        .flatMap(action)
        .switchIfEmpty(Mono.fromSupplier(() -> loginRedirect(torrentId)));
  }

  /** The page again (400) with "must not be blank" for the comment form in {@code attribute}. */
  private Mono<String> blankText(
      String attribute, long torrentId, Model model, ServerWebExchange exchange) {
    FormErrors errors = new FormErrors();
    errors.reject("text", messages.fieldMessage("text", "NotBlank", UiContext.locale(exchange)));
    model.addAttribute(attribute, errors);
    status(exchange, 400);
    return render(torrentId, model, exchange);
  }

  /** {@link #failure} with the problem's messages on the form in the model {@code attribute}. */
  private Mono<String> formFailure(
      DownstreamResult.Failed<?> failed,
      String attribute,
      Set<String> fields,
      long torrentId,
      Model model,
      ServerWebExchange exchange) {
    model.addAttribute(
        attribute, messages.fromCatalogProblem(failed, fields, UiContext.locale(exchange)));
    return failure(failed, torrentId, model, exchange);
  }

  // --- reports ---

  @PostMapping("/torrents/{id}/report")
  Mono<String> reportTorrent(
      @PathVariable String id,
      @ModelAttribute ReportForm form,
      Model model,
      ServerWebExchange exchange) {
    long torrentId = parseId(id);
    return report(torrentId, "torrents", torrentId, "torrent", form, model, exchange);
  }

  @PostMapping("/torrents/{id}/comments/{commentId}/report")
  Mono<String> reportComment(
      @PathVariable String id,
      @PathVariable String commentId,
      @ModelAttribute ReportForm form,
      Model model,
      ServerWebExchange exchange) {
    long torrentId = parseId(id);
    long comment = parseId(commentId);
    return report(torrentId, "comments", comment, "comment-" + comment, form, model, exchange);
  }

  /**
   * Files a report; {@code target} names the form on the page ({@code torrent} or {@code
   * comment-<id>}) that shows the errors with the typed values.
   */
  private Mono<String> report(
      long torrentId,
      String targets,
      long targetId,
      String target,
      ReportForm form,
      Model model,
      ServerWebExchange exchange) {
    String reason = Forms.trimmed(form.reason());
    String text = Forms.trimmed(form.text());
    model.addAttribute("reportTarget", target);
    model.addAttribute("reportValues", Map.of("reason", reason, "text", text));
    java.util.Locale locale = UiContext.locale(exchange);
    FormErrors errors = new FormErrors();
    if (!REPORT_REASONS.contains(reason)) {
      errors.reject("reason", messages.fieldMessage("reason", "OneOf", locale));
    }
    if (text.length() > MAX_REPORT_TEXT) {
      errors.reject("text", messages.fieldMessage("reportText", "Size", locale));
    } else if ("other".equals(reason) && text.isEmpty()) {
      errors.reject("text", messages.fieldMessage("reportText", "NotBlank", locale));
    }
    String anchor = target.equals("torrent") ? "" : "#" + target;
    return asUser(
        exchange,
        torrentId,
        token -> {
          if (errors.any()) {
            model.addAttribute("reportErrors", errors);
            status(exchange, 400);
            return render(torrentId, model, exchange);
          }
          return moderation
              .report(token, targets, targetId, reason, text)
              .flatMap(
                  result ->
                      switch (result) {
                        case DownstreamResult.Ok<Report> ok ->
                            Mono.just("redirect:/torrents/" + torrentId + "?reported" + anchor);
                        case DownstreamResult.Failed<Report> failed
                            when failed.status() == 404
                                && "comment-not-found".equals(failed.code()) ->
                            actionFailure(failed, torrentId, model, exchange);
                        case DownstreamResult.Failed<Report> failed ->
                            formFailure(
                                failed,
                                "reportErrors",
                                Set.of("reason", "text"),
                                torrentId,
                                model,
                                exchange);
                        case DownstreamResult.Unavailable<Report> down ->
                            Mono.error(PageErrors.catalogUnavailable());
                      });
        });
  }

  /** {@link #failure} with the problem as the page's {@code actionError}. */
  private Mono<String> actionFailure(
      DownstreamResult.Failed<?> failed, long torrentId, Model model, ServerWebExchange exchange) {
    model.addAttribute(
        "actionError",
        messages.fromCatalogProblem(failed, Set.of(), UiContext.locale(exchange)).getGlobal());
    return failure(failed, torrentId, model, exchange);
  }

  /** The page again with the problem shown (401: to the login page; 404: the not-found page). */
  private Mono<String> failure(
      DownstreamResult.Failed<?> failed, long torrentId, Model model, ServerWebExchange exchange) {
    if (failed.status() == 401) {
      return Mono.just(loginRedirect(torrentId));
    }
    if (failed.status() == 404 && "torrent-not-found".equals(failed.code())) {
      return Mono.error(torrentNotFound());
    }
    status(exchange, failed.status());
    return render(torrentId, model, exchange);
  }

  private Mono<String> render(long id, Model model, ServerWebExchange exchange) {
    String lang = UiContext.lang(exchange);
    return Mono.zip(
            torrents.torrent(id, lang),
            torrents.comments(id),
            UiContext.viewer(exchange),
            personal(id, exchange))
        .flatMap(
            loaded -> {
              model.addAttribute("personal", loaded.getT4());
              Torrent torrent =
                  switch (loaded.getT1()) {
                    case DownstreamResult.Ok<Torrent>(Torrent value) when value != null -> value;
                    case DownstreamResult.Failed<Torrent> failed
                        when failed.status() == 404 || failed.status() == 400 ->
                        throw torrentNotFound();
                    default -> throw PageErrors.catalogUnavailable();
                  };
              Viewer viewer = loaded.getT3();
              boolean commentsLoaded = loaded.getT2() instanceof DownstreamResult.Ok<?>;
              List<Comment> comments = loaded.getT2().orElse(List.of());
              boolean canManage = viewer.mayManage(torrent.uploader());
              Map<String, Object> attributes = model.asMap();
              model.addAttribute("torrent", torrent);
              model.addAttribute(
                  "files",
                  FileTree.build(
                      torrent.fileList().stream()
                          .map(f -> new FileTree.Entry(f.path(), f.size()))
                          .toList()));
              model.addAttribute("comments", comments);
              model.addAttribute("commentsUnavailable", !commentsLoaded);
              model.addAttribute("canManage", canManage);
              attributes.putIfAbsent("commentText", "");
              attributes.putIfAbsent("commentErrors", new FormErrors());
              attributes.putIfAbsent("editingComment", -1L);
              attributes.putIfAbsent("editCommentText", "");
              attributes.putIfAbsent("editCommentErrors", new FormErrors());
              attributes.putIfAbsent("editErrors", new FormErrors());
              attributes.putIfAbsent("editOpen", false);
              attributes.putIfAbsent("editValues", TorrentEdit.stored(torrent));
              attributes.putIfAbsent("reportErrors", new FormErrors());
              attributes.putIfAbsent("reportTarget", "");
              attributes.putIfAbsent("reportValues", Map.of("reason", "", "text", ""));
              model.addAttribute("reportReasons", REPORT_REASONS);
              model.addAttribute("releaseFields", ReleaseFields.FIELDS);
              model.addAttribute(
                  "release",
                  ReleaseSummary.of(
                      torrent.release(),
                      UiContext.locale(exchange),
                      messages.text("release.languages.multi", UiContext.locale(exchange))));
              if (!canManage) {
                model.addAttribute("categories", List.of());
                return Mono.just("torrent");
              }
              return torrents
                  .categories(lang)
                  .map(
                      result -> {
                        model.addAttribute("categories", result.orElse(List.<Category>of()));
                        return "torrent";
                      });
            });
  }

  /**
   * What the buttons of a logged-in viewer need: whether the torrent is bookmarked and what they
   * follow. search-service being down only hides the buttons' state (they still work).
   */
  private Mono<Personal> personal(long torrentId, ServerWebExchange exchange) {
    return UiContext.accessToken(exchange)
        .flatMap(
            token ->
                Mono.zip(community.bookmarked(token, torrentId), community.follows(token))
                    .map(
                        results ->
                            new Personal(
                                results.getT1() instanceof DownstreamResult.Ok<?>,
                                results.getT2().orElse(new FollowList(List.of())))))
        .defaultIfEmpty(Personal.NONE);
  }

  /**
   * The viewer's own state on the torrent page.
   *
   * @param bookmarked whether the viewer bookmarked this torrent
   * @param follows what the viewer follows (for the follow buttons' state)
   */
  record Personal(boolean bookmarked, FollowList follows) {

    static final Personal NONE = new Personal(false, new FollowList(List.of()));
  }

  static String loginRedirect(long torrentId) {
    return "redirect:/login?redirect=/torrents/" + torrentId;
  }

  private static void status(ServerWebExchange exchange, int status) {
    exchange.getResponse().setRawStatusCode(status);
  }

  private static GatewayException torrentNotFound() {
    return new GatewayException(
        HttpStatus.NOT_FOUND, "torrent-not-found", "There is no such torrent.");
  }

  static long parseId(String raw) {
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
}
