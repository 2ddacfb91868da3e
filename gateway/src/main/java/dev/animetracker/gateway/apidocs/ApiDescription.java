package dev.animetracker.gateway.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one OpenAPI document of every public route the gateway exposes, merged from the services' own
 * descriptions ({@code classpath:openapi/<service>.json}, kept equal to each service's live {@code
 * /v3/api-docs} by its {@code ServiceChecks.assertDescribed} test). Merged once from files built
 * into the gateway rather than fetched at runtime: the document is whole even while a service is
 * down or being upgraded, and it describes the version that was tested together.
 *
 * <p>Schemas of the same name that differ between services are renamed {@code <Service><Name>} in
 * the later service's part, references included, so no service's shape overwrites another's.
 */
public final class ApiDescription {

  /** The services with a public API, in the order their parts are merged. */
  public static final List<String> SERVICES =
      List.of(
          "user-service",
          "torrent-service",
          "search-service",
          "notification-service",
          "tracker-service");

  private static final String SCHEMA_REF = "#/components/schemas/";

  private ApiDescription() {}

  /** The services' descriptions from the classpath, by service name. */
  public static Map<String, JsonNode> load(JsonMapper mapper) {
    Map<String, JsonNode> parts = new LinkedHashMap<>();
    for (String service : SERVICES) {
      try (InputStream in =
          new ClassPathResource("openapi/" + service + ".json").getInputStream()) {
        parts.put(service, mapper.readTree(in));
      } catch (IOException e) {
        throw new UncheckedIOException("no OpenAPI description of " + service, e);
      }
    }
    return parts;
  }

  /** One document of all {@code parts}, plus the routes the gateway itself rewrites. */
  public static ObjectNode merge(Map<String, JsonNode> parts, String version) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode merged = nodes.objectNode();
    merged.put("openapi", "3.1.0");
    ObjectNode info = merged.putObject("info");
    info.put("title", "AnimeTracker API");
    info.put("version", version);
    info.put(
        "description",
        "Every public route of the gateway. Errors are application/problem+json (RFC 9457);"
            + " every response carries its trace id in X-Trace-Id.");
    merged.putArray("servers").addObject().put("url", "/");
    ArrayNode tags = merged.putArray("tags");
    ObjectNode paths = merged.putObject("paths");
    ObjectNode components = merged.putObject("components");
    for (Map.Entry<String, JsonNode> part : parts.entrySet()) {
      JsonNode document = part.getValue().deepCopy();
      renameClashingSchemas(document, components.path("schemas"), prefix(part.getKey()));
      document
          .path("tags")
          .forEach(
              tag -> {
                if (tags.valueStream().noneMatch(t -> t.path("name").equals(tag.path("name")))) {
                  tags.add(tag);
                }
              });
      document
          .path("paths")
          .properties()
          .forEach(
              path -> {
                ObjectNode item =
                    paths.has(path.getKey())
                        ? (ObjectNode) paths.get(path.getKey())
                        : paths.putObject(path.getKey());
                path.getValue().properties().forEach(op -> item.set(op.getKey(), op.getValue()));
              });
      document
          .path("components")
          .properties()
          .forEach(
              section -> {
                ObjectNode target =
                    components.has(section.getKey())
                        ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                section
                    .getValue()
                    .properties()
                    .forEach(entry -> target.putIfAbsent(entry.getKey(), entry.getValue()));
              });
    }
    addGatewayRoutes(paths);
    return merged;
  }

  /** Routes the gateway maps onto a different path of a service. */
  private static void addGatewayRoutes(ObjectNode paths) {
    ObjectNode get = paths.putObject("/api/auth/jwks").putObject("get");
    get.putArray("tags").add("auth");
    get.put("operationId", "jwks");
    get.put(
        "summary",
        "The public keys access tokens are signed with (JWK Set, RFC 7517), from user-service's"
            + " /.well-known/jwks.json");
    get.putObject("responses")
        .putObject("200")
        .put("description", "JWK Set")
        .putObject("content")
        .putObject("application/json")
        .putObject("schema")
        .put("type", "object");
  }

  private static void renameClashingSchemas(JsonNode document, JsonNode known, String prefix) {
    JsonNode schemas = document.path("components").path("schemas");
    Map<String, String> renames = new LinkedHashMap<>();
    schemas
        .properties()
        .forEach(
            schema -> {
              JsonNode existing = known.get(schema.getKey());
              if (existing != null && !existing.equals(schema.getValue())) {
                renames.put(schema.getKey(), prefix + schema.getKey());
              }
            });
    if (renames.isEmpty()) {
      return;
    }
    ObjectNode schemaNode = (ObjectNode) schemas;
    renames.forEach((from, to) -> schemaNode.set(to, schemaNode.remove(from)));
    rewriteRefs(document, renames);
  }

  private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isString() && ref.asString().startsWith(SCHEMA_REF)) {
        String renamed = renames.get(ref.asString().substring(SCHEMA_REF.length()));
        if (renamed != null) {
          object.put("$ref", SCHEMA_REF + renamed);
        }
      }
      object.values().forEach(child -> rewriteRefs(child, renames));
    } else if (node instanceof ArrayNode array) {
      array.values().forEach(child -> rewriteRefs(child, renames));
    }
  }

  /** {@code torrent-service} -> {@code Torrent}. */
  private static String prefix(String service) {
    String name = service.substring(0, service.indexOf('-'));
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
