package dev.animetracker.torrent.markdown;

import dev.animetracker.common.mediaproxy.MediaProxyConfiguration;
import dev.animetracker.common.mediaproxy.MediaProxySigner;
import dev.animetracker.torrent.TorrentsProperties;
import dev.animetracker.torrent.web.Problems;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Markdown (CommonMark + GFM tables and strikethrough) to safe HTML: commonmark-java renders, the
 * OWASP sanitizer then keeps only formatting, links (http, https, mailto; {@code rel="nofollow
 * noopener noreferrer"}) and http(s) images. Scripts, styles, iframes, event handlers and {@code
 * javascript:} URLs never survive.
 *
 * <p>Safe for any input: commonmark's parser is iterative but its renderer recurses once per level
 * of the document tree, so {@code - - - - …} or {@code *a *a *a …} of a few thousand levels
 * overflowed the stack. The tree's depth is measured (without recursion) before rendering and a
 * deeper document is refused ({@link #renderForWrite}) or shown as escaped text ({@link #render}).
 * {@link BoundedAngleBracket} keeps the parse linear. Rendering happens once, when a text is
 * written; reads serve the stored HTML.
 *
 * <p>Images are served through the gateway's image proxy ({@code /media/image}, signed with {@code
 * MEDIA_PROXY_KEY}): the pages' CSP allows only our own images, and the proxy refuses addresses we
 * did not sign, so it relays only what a description really shows.
 */
@Component
@Import(MediaProxyConfiguration.class)
public class MarkdownRenderer {

  private static final Pattern HTTP_URL = Pattern.compile("^https?://[^\\s]+$");

  private static final List<Extension> EXTENSIONS =
      List.of(TablesExtension.create(), StrikethroughExtension.create());

  private final Parser parser =
      Parser.builder()
          .extensions(EXTENSIONS)
          .customInlineContentParserFactory(new BoundedAngleBracket())
          .build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder().extensions(EXTENSIONS).sanitizeUrls(true).build();

  private final PolicyFactory policy;

  private static PolicyFactory policy(MediaProxySigner signer) {
    return new HtmlPolicyBuilder()
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
        .matching(
            (String element, String attribute, String value) ->
                HTTP_URL.matcher(value.trim()).matches() ? signer.proxyPath(value.trim()) : null)
        .onElements("img")
        .allowAttributes("start")
        .matching(Pattern.compile("\\d{1,9}"))
        .onElements("ol")
        .allowAttributes("align")
        .matching(true, "left", "right", "center")
        .onElements("th", "td")
        .requireRelsOnLinks("nofollow", "noopener", "noreferrer")
        .toFactory();
  }

  private final int maxDepth;

  @Autowired
  public MarkdownRenderer(TorrentsProperties properties, MediaProxySigner signer) {
    this(properties.text().maxDepth(), signer);
  }

  /**
   * A renderer refusing documents nested deeper than {@code maxDepth} levels, pointing images at
   * the proxy with {@code signer}'s signatures.
   */
  public MarkdownRenderer(int maxDepth, MediaProxySigner signer) {
    this.maxDepth = maxDepth;
    this.policy = policy(signer);
  }

  /** The outcome of rendering: the safe HTML, or that the text is nested too deeply. */
  private record Result(String html, boolean tooDeep) {}

  /**
   * Safe HTML for {@code markdown}, never an exception: the empty string for null or blank input, a
   * text nested too deeply (or one the renderer cannot handle) as escaped text in one paragraph.
   */
  public String render(String markdown) {
    Result result = tryRender(markdown);
    return result.tooDeep() ? escaped(markdown) : result.html();
  }

  /**
   * The HTML to store for a text being written to {@code field}: 400 {@code validation-failed} with
   * code {@code TooDeep} on that field when it is nested deeper than the limit.
   */
  public String renderForWrite(String markdown, String field) {
    Result result = tryRender(markdown);
    if (result.tooDeep()) {
      throw Problems.validation(
          field, "TooDeep", "The text is nested more than " + maxDepth + " levels deep.");
    }
    return result.html();
  }

  public int maxDepth() {
    return maxDepth;
  }

  private Result tryRender(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return new Result("", false);
    }
    try {
      Node document = parser.parse(markdown);
      if (depth(document) > maxDepth) {
        return new Result(null, true);
      }
      return new Result(policy.sanitize(renderer.render(document)).strip(), false);
    } catch (StackOverflowError e) {
      // Belt and braces: the depth check should make this unreachable.
      return new Result(null, true);
    }
  }

  /** The depth of the tree below {@code root}, walked without recursion. */
  static int depth(Node root) {
    int depth = 0;
    int max = 0;
    Node node = root;
    while (true) {
      Node child = node.getFirstChild();
      if (child != null) {
        node = child;
        max = Math.max(max, ++depth);
        continue;
      }
      while (node != root && node.getNext() == null) {
        node = node.getParent();
        depth--;
      }
      if (node == root) {
        return max;
      }
      node = node.getNext();
    }
  }

  private static String escaped(String markdown) {
    return "<p>" + HtmlUtils.htmlEscape(markdown.strip()).replace("\n", "<br />") + "</p>";
  }
}
