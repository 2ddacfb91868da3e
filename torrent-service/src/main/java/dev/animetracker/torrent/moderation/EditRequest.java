package dev.animetracker.torrent.moderation;

import dev.animetracker.common.web.DomainException;
import dev.animetracker.common.web.FieldProblem;
import dev.animetracker.torrent.catalog.Catalogue;
import dev.animetracker.torrent.catalog.Category;
import dev.animetracker.torrent.catalog.TagNames;
import dev.animetracker.torrent.core.TorrentFields;
import dev.animetracker.torrent.release.ReleaseCorrections;
import dev.animetracker.torrent.series.SeriesChoice;
import dev.animetracker.torrent.series.SeriesMatcher;
import dev.animetracker.torrent.web.Problems;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code PATCH /api/torrents/{id}}, read from the JSON tree because its fields are
 * loose on purpose: {@code tags} may be a comma-separated string or a list, an explicit {@code
 * "description": null} clears the description while a missing field leaves it alone, and a field of
 * the wrong type is a field error rather than an unreadable body.
 *
 * @param title new title, stripped; null = unchanged
 * @param description new description, {@code ""} = remove it; null = unchanged
 * @param category new category; null = unchanged
 * @param tags the new tags in order; null = unchanged
 * @param release corrections of the release fields (given keys replace, {@code null} clears); null
 *     = none sent
 * @param remake new remake flag; null = unchanged
 * @param complete new complete flag; null = unchanged
 * @param trusted new trusted flag (moderators only); null = unchanged
 * @param series the series: kept when absent, {@code null} detaches, {@code ""} finds it from the
 *     (new) release title, a slug names it
 * @param mediaInfo new MediaInfo/NFO text, cleaned; {@code ""} = remove it (explicit {@code null}
 *     or blank); null = unchanged
 */
public record EditRequest(
    String title,
    String description,
    Category category,
    List<TagNames.Wanted> tags,
    ReleaseCorrections release,
    Boolean remake,
    Boolean complete,
    Boolean trusted,
    SeriesChoice series,
    String mediaInfo) {

  /** Reads and checks the body; 400 {@code validation-failed} with every bad field at once. */
  static EditRequest read(JsonNode body, Catalogue catalogue, SeriesMatcher seriesMatcher) {
    if (body == null || !body.isObject()) {
      throw Problems.validation("body", "Type", "Send a JSON object.");
    }
    Problems.Errors errors = new Problems.Errors();
    String title = text(body, "title", errors);
    if (title != null) {
      title = title.strip();
      if (title.isEmpty()) {
        errors.add("title", "NotBlank", "The title cannot be blank.");
      } else if (TorrentFields.titleTooLong(title)) {
        errors.add("title", "Size", TorrentFields.titleTooLongMessage());
      }
    }
    String description = text(body, "description", errors);
    if (description != null && TorrentFields.descriptionTooLong(description)) {
      errors.add("description", "Size", TorrentFields.descriptionTooLongMessage());
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
      } catch (DomainException e) {
        errors.add("tags", "Invalid", e.getMessage());
      }
    }
    ReleaseCorrections release = null;
    JsonNode releaseNode = body.get("release");
    if (releaseNode != null && !releaseNode.isNull()) {
      List<FieldProblem> problems = new ArrayList<>();
      release = ReleaseCorrections.fromJson(releaseNode, problems);
      problems.forEach(problem -> errors.add(problem.field(), problem.code(), problem.message()));
    }
    Boolean remake = flag(body, "remake", errors);
    Boolean complete = flag(body, "complete", errors);
    Boolean trusted = flag(body, "trusted", errors);
    SeriesChoice series = SeriesChoice.KEEP;
    JsonNode seriesNode = body.get(SeriesMatcher.FIELD);
    if (seriesNode != null) {
      if (seriesNode.isNull()) {
        series = SeriesChoice.DETACH;
      } else if (!seriesNode.isString()) {
        errors.add(SeriesMatcher.FIELD, "Type", "series must be a series slug or null.");
      } else if (seriesNode.asString().isBlank()) {
        series = SeriesChoice.MATCH;
      } else {
        List<FieldProblem> problems = new ArrayList<>();
        series = seriesMatcher.named(seriesNode.asString(), problems);
        problems.forEach(problem -> errors.add(problem.field(), problem.code(), problem.message()));
      }
    }
    String mediaInfo = text(body, "mediaInfo", errors);
    if (mediaInfo != null || body.has("mediaInfo") && body.get("mediaInfo").isNull()) {
      String clean = TorrentFields.cleanMediaInfo(mediaInfo);
      if (clean != null && TorrentFields.mediaInfoTooLong(clean)) {
        errors.add("mediaInfo", "Size", TorrentFields.mediaInfoTooLongMessage());
      }
      mediaInfo = clean == null ? "" : clean;
    }
    errors.throwIfAny();
    return new EditRequest(
        title, description, category, tags, release, remake, complete, trusted, series, mediaInfo);
  }

  private static Boolean flag(JsonNode body, String field, Problems.Errors errors) {
    JsonNode node = body.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isBoolean()) {
      errors.add(field, "Type", field + " must be true or false.");
      return null;
    }
    return node.asBoolean();
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
}
