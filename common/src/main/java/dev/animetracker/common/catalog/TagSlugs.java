package dev.animetracker.common.catalog;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The slug of a tag name, the one spelling under which torrent-service stores a tag and search
 * finds it: NFKC, lower case, whitespace, {@code _} and {@code -} become one {@code -}, only
 * Unicode letters, digits and combining marks are kept, no dash at either end. Both services must
 * slug identically, or a tag typed in a search would not find the torrents tagged with it.
 */
public final class TagSlugs {

  private TagSlugs() {}

  /** The slug of one tag name; empty when nothing usable is left. */
  public static String slug(String name) {
    String text = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder slug = new StringBuilder();
    text.codePoints()
        .forEach(
            cp -> {
              if (Character.isWhitespace(cp) || cp == '_' || cp == '-') {
                if (!slug.isEmpty() && slug.charAt(slug.length() - 1) != '-') {
                  slug.append('-');
                }
              } else if (Character.isLetterOrDigit(cp)
                  || Character.getType(cp) == Character.NON_SPACING_MARK
                  || Character.getType(cp) == Character.COMBINING_SPACING_MARK) {
                slug.appendCodePoint(cp);
              }
            });
    while (!slug.isEmpty() && slug.charAt(slug.length() - 1) == '-') {
      slug.setLength(slug.length() - 1);
    }
    return slug.toString();
  }
}
