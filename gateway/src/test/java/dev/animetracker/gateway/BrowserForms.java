package dev.animetracker.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a browser takes from a rendered page before it submits one of its forms: the {@code
 * XSRF-TOKEN} cookie the page set and the hidden {@code _csrf} field of the form with the given
 * action (the double submit the gateway checks). A page without that form fails the test.
 */
final class BrowserForms {

  private static final Pattern FORM = Pattern.compile("<form\\b[^>]*>.*?</form>", Pattern.DOTALL);

  private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private BrowserForms() {}

  /**
   * The {@code _csrf} value of the page's form posting to {@code action}, checked against the
   * cookie the page set.
   */
  static String csrf(EntityExchangeResult<String> page, String action) {
    return csrf(page, action, null);
  }

  /**
   * As {@link #csrf(EntityExchangeResult, String)} for a page that answered a post: it sets no new
   * cookie, so the field must match the {@code XSRF-TOKEN} the browser already holds.
   */
  static String csrf(EntityExchangeResult<String> page, String action, @Nullable String held) {
    String html = page.getResponseBody();
    assertThat(html).as("page body").isNotNull();
    Matcher forms = FORM.matcher(html);
    while (forms.find()) {
      String form = forms.group();
      if (form.contains("action=\"" + action + "\"")) {
        Matcher field = CSRF_FIELD.matcher(form);
        assertThat(field.find()).as("the form to %s carries _csrf", action).isTrue();
        ResponseCookie cookie = page.getResponseCookies().getFirst("XSRF-TOKEN");
        String expected = cookie != null ? cookie.getValue() : held;
        assertThat(expected).as("the XSRF-TOKEN cookie of the page or the browser").isNotNull();
        assertThat(field.group(1)).isEqualTo(expected);
        return field.group(1);
      }
    }
    throw new AssertionError("no form posting to " + action + " on the page:\n" + html);
  }

  /** A JSON request body as a map, so member order does not matter. */
  static Map<String, Object> json(String body) {
    @SuppressWarnings("unchecked")
    Map<String, Object> map = JSON.readValue(body, Map.class);
    return map;
  }
}
