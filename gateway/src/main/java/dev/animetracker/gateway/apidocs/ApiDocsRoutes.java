package dev.animetracker.gateway.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/docs/openapi.json} (the merged {@link ApiDescription}) and {@code /api/docs}, a
 * Swagger UI over it from the swagger-ui WebJar, whose files are served here under {@code
 * /api/docs/assets/} (the site's own static handler serves only the built assets). The page loads
 * only scripts and styles of our own origin, so the site's Content-Security-Policy ({@code
 * script-src 'self'}) holds for it too.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsRoutes {

  static final String DOCUMENT = "/api/docs/openapi.json";

  private static final String PAGE =
      """
      <!doctype html>
      <html lang="en">
      <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>AnimeTracker API</title>
        <link rel="stylesheet" href="/api/docs/assets/swagger-ui.css">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="/api/docs/assets/swagger-ui-bundle.js"></script>
        <script src="/api/docs/ui.js"></script>
      </body>
      </html>
      """;

  private static final String SCRIPT =
      "window.ui = SwaggerUIBundle({url: '"
          + DOCUMENT
          + "', dom_id: '#swagger-ui', deepLinking: true});\n";

  @Bean
  RouterFunction<ServerResponse> apiDocs(JsonMapper mapper, ObjectProvider<BuildProperties> build) {
    String version = build.getIfAvailable() == null ? "dev" : build.getObject().getVersion();
    byte[] document =
        mapper.writeValueAsBytes(ApiDescription.merge(ApiDescription.load(mapper), version));
    CacheControl cache = CacheControl.noCache();
    return RouterFunctions.resources(
            "/api/docs/assets/**",
            new ClassPathResource(
                "META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/"))
        .and(documentAndPage(document, cache));
  }

  private static RouterFunction<ServerResponse> documentAndPage(
      byte[] document, CacheControl cache) {
    return RouterFunctions.route()
        .GET(
            DOCUMENT,
            request ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .cacheControl(cache)
                    .bodyValue(document))
        .GET(
            "/api/docs",
            request ->
                ServerResponse.ok()
                    .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .cacheControl(cache)
                    .bodyValue(PAGE))
        .GET(
            "/api/docs/ui.js",
            request ->
                ServerResponse.ok()
                    .contentType(new MediaType("text", "javascript", StandardCharsets.UTF_8))
                    .cacheControl(cache)
                    .bodyValue(SCRIPT))
        .build();
  }

  /** The WebJar's version, from its Maven metadata: its files sit in a directory named so. */
  static String swaggerUiVersion() {
    Properties pom = new Properties();
    try (InputStream in =
        new ClassPathResource("META-INF/maven/org.webjars/swagger-ui/pom.properties")
            .getInputStream()) {
      pom.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("the swagger-ui WebJar is missing", e);
    }
    return pom.getProperty("version");
  }
}
