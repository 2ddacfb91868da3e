package dev.animetracker.search.watch;

import dev.animetracker.common.web.FieldProblem;
import dev.animetracker.search.SearchProperties;
import dev.animetracker.search.api.InvalidSearchException;
import dev.animetracker.search.api.SearchRequest;
import dev.animetracker.search.query.SearchCriteria;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /api/users/me/subscriptions}: the {@code /api/search} parameters as JSON
 * fields, read by {@link SearchRequest} itself (the same rules and error codes), plus {@code name}
 * and {@code delivery}. Sort, paging and dates mean nothing for releases still to come and are
 * refused rather than silently dropped.
 */
final class SubscriptionRequest {

  /** The search fields a saved search may set. */
  static final Set<String> SEARCH_FIELDS =
      Set.of(
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

  /** Fields that may hold a list. */
  private static final Set<String> LIST_FIELDS = Set.of("category", "tag");

  /** Longest single value read (the search text has its own, lower limit). */
  private static final int MAX_VALUE_LENGTH = 5000;

  private SubscriptionRequest() {}

  /** A parsed body. */
  record Parsed(SearchCriteria criteria, @Nullable String name, @Nullable String delivery) {}

  static Parsed parse(@Nullable JsonNode body, SearchProperties properties) {
    List<FieldProblem> errors = new ArrayList<>();
    MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
    String name = null;
    String delivery = null;
    if (body != null && !body.isNull() && !body.isObject()) {
      throw new InvalidSearchException(
          List.of(new FieldProblem("body", "Type", "must be a JSON object")));
    }
    if (body != null && body.isObject()) {
      for (Map.Entry<String, JsonNode> field : body.properties()) {
        String key = field.getKey();
        JsonNode value = field.getValue();
        if (value.isNull()) {
          continue;
        }
        if (key.equals("name") || key.equals("delivery")) {
          if (!value.isString()) {
            errors.add(new FieldProblem(key, "Type", "must be a string"));
          } else if (key.equals("name")) {
            name = value.asString();
          } else {
            delivery = value.asString();
          }
        } else if (!SEARCH_FIELDS.contains(key)) {
          errors.add(new FieldProblem(key, "Unknown", "is not a field of a saved search"));
        } else if (value.isArray() && LIST_FIELDS.contains(key)) {
          for (JsonNode item : value) {
            scalar(key, item, params, errors);
          }
        } else {
          scalar(key, value, params, errors);
        }
      }
    }
    SearchCriteria criteria = null;
    try {
      criteria = SearchRequest.parse(params, properties).criteria();
    } catch (InvalidSearchException e) {
      errors.addAll(e.errors());
    }
    if (!errors.isEmpty() || criteria == null) {
      throw new InvalidSearchException(errors);
    }
    return new Parsed(criteria, name, delivery);
  }

  /** Whether the criteria restrict anything at all (a saved search of everything is refused). */
  static boolean empty(SearchCriteria c) {
    return c.query() == null
        && c.categories().isEmpty()
        && c.excludedCategories().isEmpty()
        && c.tags().isEmpty()
        && c.uploader() == null
        && c.minSize() == null
        && c.maxSize() == null
        && c.minSeeders() == null
        && c.season() == null
        && c.episode() == null
        && c.release().none();
  }

  private static void scalar(
      String key, JsonNode value, MultiValueMap<String, String> params, List<FieldProblem> errors) {
    if (value.isString() || value.isNumber() || value.isBoolean()) {
      String text = value.asString();
      if (text.length() > MAX_VALUE_LENGTH) {
        errors.add(new FieldProblem(key, "Size", "is too long"));
      } else {
        params.add(key, text);
      }
    } else {
      errors.add(new FieldProblem(key, "Type", "must be a string, number or boolean"));
    }
  }
}
