package dev.animetracker.torrent.series;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two forms a series title takes besides its own: the match key (how uploads find their series
 * and how {@code q} searches) and the slug (its address). Pure functions, no Spring.
 */
public final class SeriesTitles {

  /** Longest slug, before a collision suffix ({@code -2}, {@code -3}…). */
  public static final int MAX_SLUG = 80;

  /** What a slug looks like; anything else cannot name a series. */
  public static final Pattern SLUG = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

  private static final Pattern APOSTROPHES = Pattern.compile("['’ʼ`´]");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_ASCII_WORD = Pattern.compile("[^a-z0-9]+");

  /** Russian (and Ukrainian/Belarusian letters Russian titles borrow), by the common scheme. */
  private static final Map<Character, String> CYRILLIC =
      Map.ofEntries(
          Map.entry('а', "a"),
          Map.entry('б', "b"),
          Map.entry('в', "v"),
          Map.entry('г', "g"),
          Map.entry('д', "d"),
          Map.entry('е', "e"),
          Map.entry('ё', "e"),
          Map.entry('ж', "zh"),
          Map.entry('з', "z"),
          Map.entry('и', "i"),
          Map.entry('й', "y"),
          Map.entry('к', "k"),
          Map.entry('л', "l"),
          Map.entry('м', "m"),
          Map.entry('н', "n"),
          Map.entry('о', "o"),
          Map.entry('п', "p"),
          Map.entry('р', "r"),
          Map.entry('с', "s"),
          Map.entry('т', "t"),
          Map.entry('у', "u"),
          Map.entry('ф', "f"),
          Map.entry('х', "kh"),
          Map.entry('ц', "ts"),
          Map.entry('ч', "ch"),
          Map.entry('ш', "sh"),
          Map.entry('щ', "shch"),
          Map.entry('ъ', ""),
          Map.entry('ы', "y"),
          Map.entry('ь', ""),
          Map.entry('э', "e"),
          Map.entry('ю', "yu"),
          Map.entry('я', "ya"),
          Map.entry('і', "i"),
          Map.entry('ї', "yi"),
          Map.entry('є', "ye"),
          Map.entry('ў', "u"));

  private SeriesTitles() {}

  /**
   * The match key of a title: Unicode NFKC (full-width letters and digits become plain ones), lower
   * case, {@code ё} as {@code е} (Russian writers use either), apostrophes dropped, and every run
   * of anything but letters and digits one space. {@code "Frieren: Beyond Journey's End"} and
   * {@code "FRIEREN — beyond journeys end"} share a key; {@code "!!!"} has the empty key (no
   * title).
   */
  public static String key(String title) {
    String text = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    text = text.replace('ё', 'е');
    text = APOSTROPHES.matcher(text).replaceAll("");
    return NOT_WORD.matcher(text).replaceAll(" ").strip();
  }

  /**
   * The slug of a title: Latin letters without their accents, Cyrillic transliterated, lower-case
   * ASCII words joined by {@code -}, cut at a word boundary to {@link #MAX_SLUG}. Empty when
   * nothing ASCII is left (a Japanese-only title): the caller then names the series by its id.
   */
  public static String slug(String title) {
    String text = Normalizer.normalize(title, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder latin = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String transliterated = CYRILLIC.get(c);
      latin.append(transliterated != null ? transliterated : String.valueOf(c));
    }
    String plain =
        MARKS
            .matcher(Normalizer.normalize(latin, Normalizer.Form.NFD))
            .replaceAll("")
            .replace('ß', 's')
            .replace("æ", "ae")
            .replace("ø", "o")
            .replace("œ", "oe")
            .replace("ł", "l");
    plain = APOSTROPHES.matcher(plain).replaceAll("");
    String slug = NOT_ASCII_WORD.matcher(plain).replaceAll("-");
    slug = trimDashes(slug);
    if (slug.length() > MAX_SLUG) {
      int cut = slug.lastIndexOf('-', MAX_SLUG);
      slug = trimDashes(cut > 0 ? slug.substring(0, cut) : slug.substring(0, MAX_SLUG));
    }
    return slug;
  }

  /** The slug of a series whose title gives none. */
  public static String idSlug(long id) {
    return "series-" + id;
  }

  /** The slug with the {@code n}-th collision suffix ({@code n} ≥ 2). */
  public static String withSuffix(String slug, int n) {
    return slug + "-" + n;
  }

  private static String trimDashes(String slug) {
    int start = 0;
    int end = slug.length();
    while (start < end && slug.charAt(start) == '-') {
      start++;
    }
    while (end > start && slug.charAt(end - 1) == '-') {
      end--;
    }
    return slug.substring(start, end);
  }
}
