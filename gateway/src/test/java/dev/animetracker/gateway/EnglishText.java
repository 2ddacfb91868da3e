package dev.animetracker.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds English sentences in what a reader of a page sees or hears: text, {@code title}, {@code
 * placeholder}, {@code aria-label} and {@code alt}. Three or more ASCII words in a row ("must be a
 * size", "Invalid bencode at") are what a service's English leaking into a Russian page looks like;
 * our Russian texts quote at most a word or two of Latin (BD, WEB, MiB, Markdown).
 */
final class EnglishText {

  private static final Pattern HIDDEN =
      Pattern.compile(
          "<script\\b.*?</script>|<style\\b.*?</style>|<!--.*?-->|<head\\b.*?</head>",
          Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

  private static final Pattern READ_ATTRIBUTE =
      Pattern.compile("\\s(?:title|placeholder|aria-label|alt)=\"([^\"]*)\"");

  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  /**
   * Words of two or more letters, one of them lower-case, apart by spaces or punctuation: "must be
   * a size" matches; code lists ("BD, WEB, TV, DVD") and slugs ("sousou-no-frieren") do not.
   */
  private static final Pattern SENTENCE =
      Pattern.compile(
          "(?<![A-Za-z-])(?=[A-Za-z]*[a-z])[A-Za-z]{2,}"
              + "(?:[ ,;:'’()]+(?=[A-Za-z]*[a-z])[A-Za-z]{2,}){2,}(?![A-Za-z-])");

  private EnglishText() {}

  /** The English runs of three or more words in the page's readable text. */
  static List<String> sentences(String html) {
    String visible = HIDDEN.matcher(html).replaceAll(" ");
    List<String> chunks = new ArrayList<>();
    Matcher attributes = READ_ATTRIBUTE.matcher(visible);
    while (attributes.find()) {
      chunks.add(attributes.group(1));
    }
    for (String text : TAG.split(visible)) {
      chunks.add(text);
    }
    List<String> found = new ArrayList<>();
    for (String chunk : chunks) {
      Matcher sentence =
          SENTENCE.matcher(
              chunk
                  .replace("&quot;", "\"")
                  .replace("&#39;", "'")
                  .replace("&amp;", "&")
                  .replace("&lt;", "<")
                  .replace("&gt;", ">"));
      while (sentence.find()) {
        found.add(sentence.group());
      }
    }
    return found;
  }
}
