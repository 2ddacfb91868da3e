package dev.animetracker.gateway.apidocs;

import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/docs/openapi.json} (the merged {@link ApiDescription}) and {@code /api/docs}, a
 * Swagger UI over it from the swagger-ui WebJar. The page loads only scripts and styles of our own
 * origin, so the site's Content-Security-Policy ({@code script-src 'self'}) holds for it too.
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
        <link rel="stylesheet" href="/webjars/swagger-ui/swagger-ui.css">
      </head>
      <body>
        <div id="swagger-ui"></div>
        <script src="/webjars/swagger-ui/swagger-ui-bundle.js"></script>
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
}
