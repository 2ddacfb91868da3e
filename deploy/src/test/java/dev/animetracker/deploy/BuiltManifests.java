package dev.animetracker.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The objects {@code kubectl kustomize} builds from an overlay, each bound to its Kubernetes API
 * type (fabric8's model, generated from the Kubernetes OpenAPI schema): a field the schema does not
 * know, a wrong type or an unknown kind fails here, offline, instead of at {@code kubectl apply}.
 */
record BuiltManifests(List<HasMetadata> objects, String yaml) {

  /** The kinds deploy/k8s may contain, by {@code apiVersion/kind}. */
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of(
          "v1/Namespace", Namespace.class,
          "v1/ConfigMap", ConfigMap.class,
          "v1/Secret", Secret.class,
          "v1/Service", Service.class,
          "apps/v1/Deployment", Deployment.class,
          "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
          "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
          "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
          "networking.k8s.io/v1/Ingress", Ingress.class);

  private static final ObjectMapper YAML =
      YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  static BuiltManifests build(String kubectl, Path kustomization)
      throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(kubectl, "kustomize", kustomization.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String yaml = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("kubectl kustomize " + kustomization + " failed");
    }
    return parse(yaml);
  }

  static BuiltManifests parse(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    for (JsonNode node : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
      if (node == null || node.isNull() || node.isEmpty()) {
        continue;
      }
      String type = node.path("apiVersion").asString() + "/" + node.path("kind").asString();
      Class<? extends HasMetadata> kind = KINDS.get(type);
      if (kind == null) {
        throw new AssertionError("unexpected kind " + type + " (add it to BuiltManifests.KINDS)");
      }
      HasMetadata object = YAML.treeToValue(node, kind);
      List<String> unknown = new ArrayList<>();
      unknownFields(object, type + " " + object.getMetadata().getName(), unknown);
      if (!unknown.isEmpty()) {
        throw new AssertionError("fields the Kubernetes schema does not know: " + unknown);
      }
      objects.add(object);
    }
    return new BuiltManifests(List.copyOf(objects), yaml);
  }

  static String kubectl(Path repository) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(repository.resolve("infra/ci/ensure-kubectl.sh").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String path =
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0 || path.isEmpty()) {
      throw new AssertionError("infra/ci/ensure-kubectl.sh found no kubectl with kustomize v4+");
    }
    return path;
  }

  static Path repository() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("deploy/k8s/base/kustomization.yaml"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new AssertionError("repository root with deploy/k8s not found above the working dir");
    }
    return dir;
  }

  <T extends HasMetadata> List<T> all(Class<T> kind) {
    return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
  }

  <T extends HasMetadata> T one(Class<T> kind, String name) {
    List<T> found = all(kind).stream().filter(o -> o.getMetadata().getName().equals(name)).toList();
    if (found.size() != 1) {
      throw new AssertionError(found.size() + " " + kind.getSimpleName() + " named " + name);
    }
    return found.getFirst();
  }

  /**
   * fabric8's types keep what they do not know in {@code additionalProperties} instead of failing
   * (the schema is open for them): walk the bound object and report every such field by its path.
   */
  private static void unknownFields(Object value, String path, List<String> unknown) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection<?> items) {
      int i = 0;
      for (Object item : items) {
        unknownFields(item, path + "[" + i++ + "]", unknown);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, item) -> unknownFields(item, path + "." + key, unknown));
      return;
    }
    if (!value.getClass().getPackageName().startsWith("io.fabric8.kubernetes.api.model")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || !getter.getName().startsWith("get")
          || getter.getDeclaringClass() == Object.class) {
        continue;
      }
      Object field;
      try {
        field = getter.invoke(value);
      } catch (IllegalAccessException | InvocationTargetException e) {
        continue;
      }
      String name = getter.getName().substring(3);
      if (name.equals("AdditionalProperties")) {
        if (field instanceof Map<?, ?> extra && !extra.isEmpty()) {
          extra.keySet().forEach(key -> unknown.add(path + "." + key));
        }
      } else {
        unknownFields(field, path + "." + decapitalize(name), unknown);
      }
    }
  }

  private static String decapitalize(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
