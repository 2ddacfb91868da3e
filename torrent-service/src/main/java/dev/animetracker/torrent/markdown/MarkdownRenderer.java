package dev.animetracker.torrent.markdown;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.stereotype.Component;

/**
 * Markdown (CommonMark + GFM tables and strikethrough) to safe HTML: commonmark-java renders, the
 * OWASP sanitizer then keeps only formatting, links (http, https, mailto; {@code rel="nofollow
 * noopener noreferrer"}) and http(s) images. Scripts, styles, iframes, event handlers and {@code
 * javascript:} URLs never survive.
 */
@Component
public class MarkdownRenderer {

  private static final Pattern HTTP_URL = Pattern.compile("^https?://[^\\s]+$");

  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), StrikethroughExtension.create());

  private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowElements(
              "p",
              "br",
              "hr",
              "h1",
              "h2",
              "h3",
              "h4",
              "h5",
              "h6",
              "strong",
              "em",
              "b",
              "i",
              "u",
              "del",
              "s",
              "code",
              "pre",
              "blockquote",
              "ul",
              "ol",
              "li",
              "a",
              "img",
              "table",
              "thead",
              "tbody",
              "tr",
              "th",
              "td",
              "sup",
              "sub",
              "span")
          .allowUrlProtocols("http", "https", "mailto")
          .allowAttributes("href")
          .onElements("a")
          .allowAttributes("title")
          .onElements("a", "img")
          .allowAttributes("alt")
          .onElements("img")
          .allowAttributes("src")
          .matching((String value) -> HTTP_URL.matcher(value.trim()).matches())
          .onElements("img")
          .allowAttributes("start")
          .matching(Pattern.compile("\\d{1,9}"))
          .onElements("ol")
          .allowAttributes("align")
          .matching(true, "left", "right", "center")
          .onElements("th", "td")
          .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
          .toFactory();

  /** Safe HTML for {@code markdown}; the empty string for null or blank input. */
  public String render(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    String html = renderer.render(parser.parse(markdown));
    return POLICY.sanitize(html).strip();
  }
}
