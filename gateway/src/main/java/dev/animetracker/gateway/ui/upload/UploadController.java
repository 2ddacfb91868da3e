package dev.animetracker.gateway.ui.upload;

import dev.animetracker.gateway.catalog.CatalogDtos.Category;
import dev.animetracker.gateway.catalog.CatalogDtos.Created;
import dev.animetracker.gateway.catalog.TorrentServiceClient;
import dev.animetracker.gateway.downstream.DownstreamResult;
import dev.animetracker.gateway.ui.support.FormErrors;
import dev.animetracker.gateway.ui.support.PageErrors;
import dev.animetracker.gateway.ui.support.ReleaseFields;
import dev.animetracker.gateway.ui.support.UiContext;
import dev.animetracker.gateway.ui.support.UiMessages;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The upload page: the multipart form is forwarded to torrent-service with the user's token; on
 * success the browser goes to the new torrent's page, otherwise the form comes back with messages.
 */
@Controller
class UploadController {

  static final MediaType BITTORRENT = MediaType.parseMediaType("application/x-bittorrent");

  private static final Set<String> FIELDS = fields();

  private final TorrentServiceClient torrents;

  private final UiMessages messages;

  UploadController(TorrentServiceClient torrents, UiMessages messages) {
    this.torrents = torrents;
    this.messages = messages;
  }

  @GetMapping("/upload")
  Mono<String> form(Model model, ServerWebExchange exchange) {
    model.addAttribute("formValues", values("", "", "", "", "", Map.of()));
    model.addAttribute("releaseFields", ReleaseFields.FIELDS);
    model.addAttribute("releaseGiven", false);
    model.addAttribute("errors", new FormErrors());
    return torrents
        .categories(UiContext.lang(exchange))
        .map(
            result -> {
              if (!(result instanceof DownstreamResult.Ok<List<Category>>(var list))) {
                throw PageErrors.catalogUnavailable();
              }
              model.addAttribute("categories", list == null ? List.of() : list);
              return "upload";
            });
  }

  @PostMapping("/upload")
  Mono<String> upload(Model model, ServerWebExchange exchange) {
    Locale locale = UiContext.locale(exchange);
    String lang = UiContext.lang(exchange);
    return exchange
        .getMultipartData()
        .flatMap(
            parts -> {
              String title = text(parts, "title").trim();
              String category = text(parts, "category").trim();
              String tags = text(parts, "tags").trim();
              String description = text(parts, "description");
              String mediaInfo = text(parts, "mediaInfo");
              Map<String, String> release = new LinkedHashMap<>();
              ReleaseFields.FIELDS.forEach(name -> release.put(name, text(parts, name).trim()));
              ReleaseFields.FLAGS.forEach(
                  name -> release.put(name, "true".equals(text(parts, name)) ? "true" : ""));
              model.addAttribute(
                  "formValues", values(title, category, tags, description, mediaInfo, release));
              model.addAttribute("releaseFields", ReleaseFields.FIELDS);
              // The folded release fields open again when the uploader gave or was refused one.
              model.addAttribute(
                  "releaseGiven", release.values().stream().anyMatch(value -> !value.isEmpty()));
              FormErrors errors = new FormErrors();
              model.addAttribute("errors", errors);
              FilePart file =
                  parts.getFirst("file") instanceof FilePart part && !part.filename().isBlank()
                      ? part
                      : null;
              if (file == null) {
                errors.reject("file", messages.text("upload.error.file-missing", locale));
              }
              if (category.isEmpty()) {
                errors.reject("category", messages.fieldMessage("category", "NotBlank", locale));
              }
              if (file == null || category.isEmpty()) {
                return again(400, model, exchange, lang);
              }
              MultipartBodyBuilder body = new MultipartBodyBuilder();
              body.asyncPart("file", file.content(), DataBuffer.class)
                  .filename(file.filename())
                  .contentType(BITTORRENT);
              if (!title.isEmpty()) {
                body.part("title", title);
              }
              if (!description.isBlank()) {
                body.part("description", description);
              }
              if (!mediaInfo.isBlank()) {
                body.part("mediaInfo", mediaInfo);
              }
              body.part("category", category);
              if (!tags.isEmpty()) {
                body.part("tags", tags);
              }
              release.forEach(
                  (name, value) -> {
                    if (!value.isEmpty()) {
                      body.part(name, value);
                    }
                  });
              return UiContext.accessToken(exchange)
                  .flatMap(token -> torrents.upload(token, body.build(), lang))
                  .flatMap(result -> answer(result, errors, model, exchange, locale, lang))
                  .switchIfEmpty(
                      Mono.fromSupplier(() -> "redirect:/login?reason=upload&redirect=/upload"));
            });
  }

  private Mono<String> answer(
      DownstreamResult<Created> result,
      FormErrors errors,
      Model model,
      ServerWebExchange exchange,
      Locale locale,
      String lang) {
    return switch (result) {
      case DownstreamResult.Ok<Created>(Created created) when created != null ->
          Mono.just("redirect:/torrents/" + created.id());
      case DownstreamResult.Ok<Created> noBody -> Mono.just("redirect:/");
      case DownstreamResult.Failed<Created> failed when failed.status() == 401 ->
          Mono.just("redirect:/login?reason=upload&redirect=/upload");
      case DownstreamResult.Failed<Created> failed -> {
        describe(failed, errors, model, locale);
        yield again(failed.status(), model, exchange, lang);
      }
      case DownstreamResult.Unavailable<Created> down ->
          Mono.error(PageErrors.catalogUnavailable());
    };
  }

  /** Puts a problem's messages onto the form. */
  private void describe(
      DownstreamResult.Failed<Created> failed, FormErrors errors, Model model, Locale locale) {
    if (failed.status() == 409) {
      Object existing = failed.body().get("torrentId");
      if (existing instanceof Number || existing instanceof String) {
        model.addAttribute("duplicateId", existing.toString());
      }
      errors.reject("file", messages.text("upload.error.duplicate", locale));
      return;
    }
    if (failed.status() == 413) {
      errors.reject("file", messages.text("upload.error.too-large", locale));
      return;
    }
    if (!failed.errors().isEmpty()) {
      FormErrors mapped = messages.fromCatalogProblem(failed, FIELDS, locale);
      for (String field : FIELDS) {
        String text = mapped.field(field);
        if (text != null) {
          errors.reject(field, text);
        }
      }
      if (mapped.getGlobal() != null) {
        errors.global(mapped.getGlobal());
      }
      return;
    }
    if (failed.status() == 400
        && (messages.has("upload.error.torrent." + failed.code(), locale)
            || !messages.has("error.problem." + failed.code(), locale))) {
      // A parser verdict on the .torrent file: our text for its code, with the values it quotes
      // (byte offset, limits) from the problem's args; the service's English detail never shows.
      errors.reject(
          "file",
          messages.codeMessage(
              "upload.error.torrent.", failed, "upload.error.invalid-torrent", locale));
      return;
    }
    errors.global(messages.fromCatalogProblem(failed, FIELDS, locale).getGlobal());
  }

  /** The form again, with the categories (an empty list if they cannot be loaded now). */
  private Mono<String> again(int status, Model model, ServerWebExchange exchange, String lang) {
    exchange.getResponse().setRawStatusCode(status);
    return torrents
        .categories(lang)
        .map(
            result -> {
              model.addAttribute("categories", result.orElse(List.<Category>of()));
              return "upload";
            });
  }

  private static String text(MultiValueMap<String, Part> parts, String name) {
    return parts.getFirst(name) instanceof FormFieldPart field ? field.value() : "";
  }

  private static Map<String, String> values(
      String title,
      String category,
      String tags,
      @Nullable String description,
      String mediaInfo,
      Map<String, String> release) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("title", title);
    values.put("category", category);
    values.put("tags", tags);
    values.put("description", description == null ? "" : description);
    values.put("mediaInfo", mediaInfo);
    ReleaseFields.FIELDS.forEach(name -> values.put(name, release.getOrDefault(name, "")));
    ReleaseFields.FLAGS.forEach(name -> values.put(name, release.getOrDefault(name, "")));
    return values;
  }

  private static Set<String> fields() {
    Set<String> fields =
        new java.util.LinkedHashSet<>(
            List.of("file", "title", "category", "tags", "description", "mediaInfo"));
    fields.addAll(ReleaseFields.FIELDS);
    fields.addAll(ReleaseFields.FLAGS);
    return Set.copyOf(fields);
  }
}
