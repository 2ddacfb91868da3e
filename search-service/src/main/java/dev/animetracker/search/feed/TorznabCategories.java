package dev.animetracker.search.feed;

import dev.animetracker.search.query.CategoryView;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Our categories in Torznab numbers. Each site category gets a standard Newznab/Torznab id chosen
 * from its slug (moderators create categories, so this is a rule, not a table) and its own id
 * {@code 100000 + category id} in the site-specific range. Items carry both; caps lists the own ids
 * as subcategories of the standard parent.
 */
final class TorznabCategories {

  /** First id of the site-specific range (Newznab: "100000- custom"). */
  static final int CUSTOM_BASE = 100_000;

  /** A standard Torznab category. */
  record Standard(int id, String name) {

    /** The top-level category (5070 → 5000). */
    int parentId() {
      return id / 1000 * 1000;
    }
  }

  static final Standard TV = new Standard(5000, "TV");
  static final Standard TV_ANIME = new Standard(5070, "TV/Anime");
  static final Standard MOVIES = new Standard(2000, "Movies");
  static final Standard AUDIO = new Standard(3000, "Audio");
  static final Standard BOOKS = new Standard(7000, "Books");
  static final Standard BOOKS_COMICS = new Standard(7030, "Books/Comics");
  static final Standard OTHER = new Standard(8000, "Other");

  private static final Map<Integer, Standard> PARENTS =
      Map.of(
          TV.id(), TV,
          MOVIES.id(), MOVIES,
          AUDIO.id(), AUDIO,
          BOOKS.id(), BOOKS,
          OTHER.id(), OTHER);

  private TorznabCategories() {}

  /**
   * The standard category of a site category, by the words of its slug: anime video is TV/Anime
   * (what Sonarr's anime settings search), music and soundtracks Audio, manga Books/Comics, books
   * and novels Books, live action and dramas TV, films Movies, anything else Other.
   */
  static Standard standard(String slug) {
    String s = slug.toLowerCase(Locale.ROOT);
    if (has(s, "music", "ost", "audio", "soundtrack")) {
      return AUDIO;
    }
    if (has(s, "manga", "comic", "comics", "manhwa", "manhua")) {
      return BOOKS_COMICS;
    }
    if (has(s, "book", "books", "novel", "novels", "ranobe", "light-novel")) {
      return BOOKS;
    }
    if (has(s, "anime")) {
      return TV_ANIME;
    }
    if (has(s, "movie", "movies", "film", "films")) {
      return MOVIES;
    }
    if (has(s, "live", "action", "drama", "dorama", "doramas", "tv", "series")) {
      return TV;
    }
    return OTHER;
  }

  /** The site-specific Torznab id of one of our categories. */
  static int own(CategoryView category) {
    return Math.toIntExact(CUSTOM_BASE + category.id());
  }

  /** Both Torznab ids of an item's category: the standard one first, then our own. */
  static List<Integer> ids(CategoryView category) {
    return List.of(standard(category.slug()).id(), own(category));
  }

  /**
   * The slugs of our categories that a Torznab {@code cat} list asks for: a parent id (5000) takes
   * every category under it, a standard id (5070) every category mapped to it, an own id (100003)
   * that category. Ids we do not have are skipped, as the Newznab spec says.
   */
  static List<String> slugs(Collection<Integer> requested, Collection<CategoryView> categories) {
    Set<String> slugs = new LinkedHashSet<>();
    for (CategoryView category : categories) {
      Standard standard = standard(category.slug());
      for (int id : requested) {
        if (id == own(category) || id == standard.id() || id == standard.parentId()) {
          slugs.add(category.slug());
        }
      }
    }
    return List.copyOf(slugs);
  }

  /**
   * The caps tree: each used parent with its standard subcategory (if more specific) and our own
   * categories as subcategories. TV with TV/Anime is always listed: it is what this site is for.
   */
  static Map<Standard, Map<Integer, String>> tree(Collection<CategoryView> categories) {
    Map<Integer, Map<Integer, String>> byParent = new LinkedHashMap<>();
    byParent
        .computeIfAbsent(TV.id(), id -> new LinkedHashMap<>())
        .put(TV_ANIME.id(), TV_ANIME.name());
    for (CategoryView category : categories) {
      Standard standard = standard(category.slug());
      Map<Integer, String> subcats =
          byParent.computeIfAbsent(standard.parentId(), id -> new LinkedHashMap<>());
      if (standard.id() != standard.parentId()) {
        subcats.putIfAbsent(standard.id(), standard.name());
      }
      subcats.put(own(category), category.nameEn());
    }
    Map<Standard, Map<Integer, String>> tree = new LinkedHashMap<>();
    byParent.keySet().stream()
        .sorted()
        .forEach(parent -> tree.put(PARENTS.get(parent), byParent.get(parent)));
    return tree;
  }

  private static boolean has(String slug, String... words) {
    for (String part : slug.split("[^a-z0-9]+")) {
      for (String word : words) {
        if (part.equals(word)) {
          return true;
        }
      }
    }
    for (String word : words) {
      if (word.contains("-") && slug.contains(word)) {
        return true;
      }
    }
    return false;
  }
}
