package dev.animetracker.torrent.catalog;

import dev.animetracker.common.catalog.TagSlugs;
import dev.animetracker.torrent.web.Problems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tags of an upload or edit: slugs by {@link TagSlugs} (the rule search-service applies too),
 * at most {@value #MAX_TAGS} tags of at most {@value #MAX_LENGTH} characters each.
 */
public final class TagNames {

  public static final int MAX_TAGS = 10;
  public static final int MAX_LENGTH = 32;

  /** A wanted tag: its slug and the display name as typed (trimmed). */
  public record Wanted(String slug, String name) {}

  private TagNames() {}

  /** Parses a comma-separated list (null or blank: none). */
  public static List<Wanted> parse(String commaSeparated, String field) {
    if (commaSeparated == null || commaSeparated.isBlank()) {
      return List.of();
    }
    return normalise(List.of(commaSeparated.split(",")), field);
  }

  /** Normalises names, dropping blanks and duplicate slugs; 400 on a broken rule. */
  public static List<Wanted> normalise(List<String> names, String field) {
    Map<String, Wanted> bySlug = new LinkedHashMap<>();
    Problems.Errors errors = new Problems.Errors();
    for (String raw : names) {
      if (raw == null || raw.isBlank()) {
        continue;
      }
      String name = raw.strip().replaceAll("\\s+", " ");
      String slug = TagSlugs.slug(name);
      if (slug.isEmpty()) {
        errors.add(field, "Pattern", "The tag \"" + name + "\" has no letters or digits.");
      } else if (slug.codePointCount(0, slug.length()) > MAX_LENGTH
          || name.codePointCount(0, name.length()) > MAX_LENGTH * 2) {
        errors.add(
            field,
            "Size",
            "The tag \"" + name + "\" is longer than " + MAX_LENGTH + " characters.");
      } else {
        bySlug.putIfAbsent(slug, new Wanted(slug, name));
      }
    }
    if (bySlug.size() > MAX_TAGS) {
      errors.add(field, "Size", "At most " + MAX_TAGS + " tags are allowed.");
    }
    errors.throwIfAny();
    return new ArrayList<>(bySlug.values());
  }
}
