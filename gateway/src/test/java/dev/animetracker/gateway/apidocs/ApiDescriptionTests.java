package dev.animetracker.gateway.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * "No undocumented route": the gateway's route table (application.yml) against the merged
 * description it serves at /api/docs/openapi.json. Every public route pattern must cover at least
 * one documented path, and every documented path must be reachable through a route, so neither a
 * new route nor a new endpoint behind an old one goes undescribed, and nothing is described that
 * users cannot call. The services' parts are kept equal to the running services by {@code
 * ServiceChecks.assertDescribed} in each service's tests.
 */
class ApiDescriptionTests {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

  private final ObjectNode merged = ApiDescription.merge(ApiDescription.load(JSON), "test");

  @Test
  void everyPublicRouteOfTheGatewayIsDescribed() {
    List<String> documented = documentedPaths();
    List<String> undocumented = new ArrayList<>();
    for (String route : publicRoutePatterns()) {
      PathPattern pattern = PathPatternParser.defaultInstance.parse(route);
      if (documented.stream().noneMatch(path -> pattern.matches(sample(path)))) {
        undocumented.add(route);
      }
    }
    assertThat(undocumented).as("gateway routes without any documented path").isEmpty();
  }

  @Test
  void everyDescribedPathIsReachableThroughTheGateway() {
    List<PathPattern> routes =
        publicRoutePatterns().stream().map(PathPatternParser.defaultInstance::parse).toList();
    assertThat(documentedPaths())
        .as("documented paths no gateway route leads to")
        .allSatisfy(
            path ->
                assertThat(routes.stream().anyMatch(route -> route.matches(sample(path))))
                    .as(path)
                    .isTrue());
  }

  @Test
  void theMergedDocumentCoversEveryServiceAndKeepsItsReferencesWhole() {
    assertThat(documentedPaths())
        .contains(
            "/api/auth/login",
            "/api/torrents/{id}",
            "/api/search",
            "/api/users/me/notifications",
            "/api/tracker/torrents/{infoHash}/peers",
            "/api/auth/jwks");
    JsonNode schemas = merged.path("components").path("schemas");
    List<String> dangling = new ArrayList<>();
    collectRefs(merged, dangling);
    assertThat(dangling)
        .as("references to schemas the document does not define")
        .allSatisfy(name -> assertThat(schemas.has(name)).as(name).isTrue());
  }

  @Test
  void schemasOfOneNameButTwoShapesAreBothKept() {
    JsonNode users =
        JSON.readTree(
            """
            {"paths": {"/api/users/{name}": {"get": {"responses": {"200": {"content":
              {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}}}}}},
             "components": {"schemas": {"Page": {"type": "object", "required": ["users"]}}}}
            """);
    JsonNode torrents =
        JSON.readTree(
            """
            {"paths": {"/api/torrents": {"get": {"responses": {"200": {"content":
              {"application/json": {"schema": {"$ref": "#/components/schemas/Page"}}}}}}}},
             "components": {"schemas": {"Page": {"type": "object", "required": ["items"]}}}}
            """);

    Map<String, JsonNode> parts = new LinkedHashMap<>();
    parts.put("user-service", users);
    parts.put("torrent-service", torrents);
    ObjectNode document = ApiDescription.merge(parts, "t");

    JsonNode schemas = document.path("components").path("schemas");
    assertThat(schemas.propertyNames()).containsExactlyInAnyOrder("Page", "TorrentPage");
    assertThat(schemas.path("TorrentPage").path("required").get(0).asString()).isEqualTo("items");
    assertThat(
            document
                .at(
                    "/paths/~1api~1torrents/get/responses/200/content/application~1json/schema/$ref")
                .asString())
        .isEqualTo("#/components/schemas/TorrentPage");
  }

  private List<String> documentedPaths() {
    return new ArrayList<>(merged.path("paths").propertyNames());
  }

  private static void collectRefs(JsonNode node, List<String> names) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.asString().startsWith("#/components/schemas/")) {
        names.add(ref.asString().substring("#/components/schemas/".length()));
      }
    }
    for (JsonNode child : node) {
      collectRefs(child, names);
    }
  }

  /** {@code /api/torrents/{id}} as a concrete path a pattern can match. */
  private static PathContainer sample(String documented) {
    Matcher variables = VARIABLE.matcher(documented);
    return PathContainer.parsePath(variables.replaceAll("x"));
  }

  /** The Path predicates of every route in application.yml that lead to public API or feeds. */
  static List<String> publicRoutePatterns() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    Properties properties = yaml.getObject();
    assertThat(properties).isNotNull();
    List<String> patterns = new ArrayList<>();
    for (Map.Entry<Object, Object> entry : properties.entrySet()) {
      String key = entry.getKey().toString();
      String value = entry.getValue().toString();
      if (key.startsWith("spring.cloud.gateway.server.webflux.routes[")
          && key.contains(".predicates[")
          && value.startsWith("Path=")) {
        Arrays.stream(value.substring("Path=".length()).split(","))
            .map(String::trim)
            .filter(
                path ->
                    path.startsWith("/api/")
                        || path.startsWith("/rss")
                        || path.startsWith("/torznab"))
            .forEach(patterns::add);
      }
    }
    assertThat(patterns).as("routes found in application.yml").hasSizeGreaterThan(10);
    return patterns;
  }
}
