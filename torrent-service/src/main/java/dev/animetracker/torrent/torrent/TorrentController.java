package dev.animetracker.torrent.torrent;

import dev.animetracker.torrent.TorrentsProperties;
import dev.animetracker.torrent.catalog.Catalogue;
import dev.animetracker.torrent.catalog.Category;
import dev.animetracker.torrent.catalog.Language;
import dev.animetracker.torrent.catalog.TagNames;
import dev.animetracker.torrent.metainfo.Metainfo;
import dev.animetracker.torrent.metainfo.MetainfoLimits;
import dev.animetracker.torrent.metainfo.MetainfoParser;
import dev.animetracker.torrent.user.ApiKeyUsers;
import dev.animetracker.torrent.web.Caller;
import dev.animetracker.torrent.web.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/** The torrent endpoints of the public API. */
@RestController
class TorrentController {

  static final MediaType BITTORRENT = MediaType.parseMediaType("application/x-bittorrent");

  private final TorrentService torrents;
  private final Catalogue catalogue;
  private final TorrentsProperties properties;
  private final MetainfoParser parser;
  private final ApiKeyUsers apiKeyUsers;

  TorrentController(
      TorrentService torrents,
      Catalogue catalogue,
      TorrentsProperties properties,
      ApiKeyUsers apiKeyUsers) {
    this.torrents = torrents;
    this.apiKeyUsers = apiKeyUsers;
    this.catalogue = catalogue;
    this.properties = properties;
    this.parser =
        new MetainfoParser(
            MetainfoLimits.defaults()
                .withMaxTorrentBytes((int) Math.min(Integer.MAX_VALUE, maxBytes())));
  }

  private long maxBytes() {
    return properties.maxTorrentSize().toBytes();
  }

  @PostMapping(path = "/api/torrents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<TorrentView> upload(
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String description,
      @RequestParam(required = false) String category,
      @RequestParam(required = false) String tags,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    Caller caller = Caller.current();
    Problems.Errors errors = new Problems.Errors();
    if (file == null) {
      errors.add("file", "NotNull", "Choose a .torrent file to upload.");
    } else if (file.isEmpty()) {
      errors.add("file", "NotEmpty", "The .torrent file is empty.");
    }
    Category found = null;
    if (category == null || category.isBlank()) {
      errors.add("category", "NotBlank", "Choose a category.");
    } else {
      found = catalogue.category(category.strip()).orElse(null);
      if (found == null) {
        errors.add("category", "Exists", "There is no category \"" + category.strip() + "\".");
      }
    }
    String cleanTitle = title == null || title.isBlank() ? null : title.strip();
    if (cleanTitle != null
        && cleanTitle.codePointCount(0, cleanTitle.length()) > TorrentService.MAX_TITLE) {
      errors.add(
          "title", "Size", "The title is longer than " + TorrentService.MAX_TITLE + " characters.");
    }
    String cleanDescription = description == null || description.isBlank() ? null : description;
    if (cleanDescription != null && cleanDescription.length() > TorrentService.MAX_DESCRIPTION) {
      errors.add(
          "description",
          "Size",
          "The description is longer than " + TorrentService.MAX_DESCRIPTION + " characters.");
    }
    List<TagNames.Wanted> wantedTags = List.of();
    try {
      wantedTags = TagNames.parse(tags, "tags");
    } catch (dev.animetracker.common.web.DomainException e) {
      errors.add("tags", "Invalid", e.getMessage());
    }
    errors.throwIfAny();
    if (file.getSize() > maxBytes()) {
      throw new dev.animetracker.torrent.metainfo.MetainfoException(
          dev.animetracker.torrent.metainfo.MetainfoException.Codes.TORRENT_TOO_LARGE,
          "The .torrent file is larger than the limit of "
              + properties.maxTorrentSize().toKilobytes()
              + " KiB.");
    }
    byte[] bytes = read(file);
    Metainfo metainfo = parser.parse(bytes);
    String finalTitle = cleanTitle != null ? cleanTitle : defaultTitle(metainfo.name());
    long id =
        torrents.upload(
            caller,
            new TorrentService.Upload(
                bytes, metainfo, finalTitle, cleanDescription, found, wantedTags));
    return ResponseEntity.created(URI.create("/api/torrents/" + id))
        .body(torrents.get(id, Language.fromAcceptLanguage(acceptLanguage)));
  }

  @GetMapping("/api/torrents/{id}")
  TorrentView get(
      @PathVariable String id,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    return torrents.get(parseId(id), Language.fromAcceptLanguage(acceptLanguage));
  }

  @GetMapping("/api/torrents")
  TorrentService.Page list(
      @RequestParam(required = false) String page,
      @RequestParam(required = false) String size,
      @RequestParam(required = false) String uploader,
      @RequestParam(required = false) String category,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    Problems.Errors errors = new Problems.Errors();
    int pageNumber = parseInt(page, 0);
    if (pageNumber < 0 || pageNumber > 100_000) {
      errors.add("page", "Range", "page must be a number from 0 (the first page).");
    }
    int pageSize = parseInt(size, 50);
    if (pageSize < 1 || pageSize > 100) {
      errors.add("size", "Range", "size must be a number from 1 to 100.");
    }
    Long categoryId = null;
    if (category != null && !category.isBlank()) {
      categoryId = catalogue.category(category.strip()).map(Category::id).orElse(null);
      if (categoryId == null) {
        errors.add("category", "Exists", "There is no category \"" + category.strip() + "\".");
      }
    }
    errors.throwIfAny();
    String uploaderName = uploader == null || uploader.isBlank() ? null : uploader.strip();
    return torrents.list(
        pageNumber,
        pageSize,
        uploaderName,
        categoryId,
        Language.fromAcceptLanguage(acceptLanguage));
  }

  /**
   * With a token the download counts for its user; without one, {@code apikey} (feeds, Torznab)
   * names the user instead. A token wins when both are sent.
   */
  @GetMapping("/api/torrents/{id}/download")
  ResponseEntity<byte[]> download(
      @PathVariable String id, @RequestParam(required = false) String apikey) {
    Caller caller =
        apikey == null || Caller.authenticated() ? Caller.current() : apiKeyUsers.caller(apikey);
    TorrentService.Download download = torrents.download(caller, parseId(id));
    return ResponseEntity.ok()
        .contentType(BITTORRENT)
        .header(HttpHeaders.CONTENT_DISPOSITION, TorrentLinks.contentDisposition(download.title()))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(download.bytes());
  }

  @PatchMapping("/api/torrents/{id}")
  TorrentView update(
      @PathVariable String id,
      @RequestBody JsonNode body,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    long torrentId = parseId(id);
    Caller caller = Caller.current();
    if (body == null || !body.isObject()) {
      throw Problems.validation("body", "Type", "Send a JSON object.");
    }
    Problems.Errors errors = new Problems.Errors();
    String title = text(body, "title", errors);
    if (title != null) {
      title = title.strip();
      if (title.isEmpty()) {
        errors.add("title", "NotBlank", "The title cannot be blank.");
      } else if (title.codePointCount(0, title.length()) > TorrentService.MAX_TITLE) {
        errors.add(
            "title",
            "Size",
            "The title is longer than " + TorrentService.MAX_TITLE + " characters.");
      }
    }
    String description = text(body, "description", errors);
    if (description != null && description.length() > TorrentService.MAX_DESCRIPTION) {
      errors.add(
          "description",
          "Size",
          "The description is longer than " + TorrentService.MAX_DESCRIPTION + " characters.");
    }
    if (body.has("description") && body.get("description").isNull()) {
      description = "";
    }
    String categorySlug = text(body, "category", errors);
    Category category = null;
    if (categorySlug != null) {
      category = catalogue.category(categorySlug.strip()).orElse(null);
      if (category == null) {
        errors.add("category", "Exists", "There is no category \"" + categorySlug + "\".");
      }
    }
    List<TagNames.Wanted> tags = null;
    JsonNode tagNode = body.get("tags");
    if (tagNode != null && !tagNode.isNull()) {
      List<String> names = new ArrayList<>();
      if (tagNode.isString()) {
        names.addAll(List.of(tagNode.asString().split(",")));
      } else if (tagNode.isArray()) {
        tagNode.forEach(node -> names.add(node.isString() ? node.asString() : null));
      } else {
        errors.add("tags", "Type", "tags must be a comma-separated string or a list of strings.");
      }
      try {
        tags = TagNames.normalise(names, "tags");
      } catch (dev.animetracker.common.web.DomainException e) {
        errors.add("tags", "Invalid", e.getMessage());
      }
    }
    errors.throwIfAny();
    return torrents.update(
        caller,
        torrentId,
        new TorrentService.Changes(title, description, category, tags),
        Language.fromAcceptLanguage(acceptLanguage));
  }

  @DeleteMapping("/api/torrents/{id}")
  ResponseEntity<Void> delete(@PathVariable String id) {
    torrents.delete(Caller.current(), parseId(id));
    return ResponseEntity.status(HttpStatus.NO_CONTENT).build();
  }

  /** The torrent name as a title: control characters removed, cut to the limit. */
  static String defaultTitle(String name) {
    String clean = name.replaceAll("\\p{Cntrl}", " ").replaceAll("\\s+", " ").strip();
    if (clean.isEmpty()) {
      clean = "torrent";
    }
    if (clean.codePointCount(0, clean.length()) > TorrentService.MAX_TITLE) {
      clean = clean.substring(0, clean.offsetByCodePoints(0, TorrentService.MAX_TITLE)).strip();
    }
    return clean;
  }

  static long parseId(String id) {
    try {
      long value = Long.parseLong(id);
      if (value > 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // not found below
    }
    throw TorrentExceptions.notFound();
  }

  private static int parseInt(String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String text(JsonNode body, String field, Problems.Errors errors) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      errors.add(field, "Type", field + " must be a string.");
      return null;
    }
    return node.asString();
  }

  private static byte[] read(MultipartFile file) {
    try (InputStream in = file.getInputStream()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
