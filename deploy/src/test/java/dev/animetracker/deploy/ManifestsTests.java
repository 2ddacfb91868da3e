package dev.animetracker.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * deploy/k8s built the way an operator builds it (the production overlay with a filled-in
 * secrets.env, and the base alone), bound to the Kubernetes API types, then checked for what the
 * schema cannot see: probes on Boot's groups, resources coherent with the JVM options, references
 * between objects that resolve, and the names of docs/conventions.md and docker-compose.yml.
 */
class ManifestsTests {

  /** The six services and their ports (docs/conventions.md, docker-compose.yml). */
  private static final Map<String, Integer> SERVICES =
      orderedMap(
          "gateway", 8080,
          "user-service", 8081,
          "torrent-service", 8082,
          "search-service", 8083,
          "tracker-service", 8084,
          "notification-service", 8085);

  private static final Set<String> AUTOSCALED =
      Set.of("gateway", "search-service", "tracker-service");

  /** Where the gateway's actuator listens in Kubernetes, apart from its public port. */
  private static final int GATEWAY_MANAGEMENT_PORT = 8090;

  /** Off-heap share of a service JVM at its measured RSS (docs/deploy.md "Resources"). */
  private static final long NON_HEAP_BYTES = 192L * 1024 * 1024;

  private static final Pattern MAX_RAM = Pattern.compile("-XX:MaxRAMPercentage=(\\d+)");

  private static Path repository;
  private static BuiltManifests production;
  private static BuiltManifests base;

  @TempDir private static Path work;

  @BeforeAll
  static void build() throws IOException, InterruptedException {
    repository = BuiltManifests.repository();
    String kubectl = BuiltManifests.kubectl(repository);
    // The operator's steps, on a copy: secrets.env from the example, every value filled in.
    Path k8s = work.resolve("k8s");
    copy(repository.resolve("deploy/k8s"), k8s);
    Path overlay = k8s.resolve("overlays/production");
    List<String> secrets = new ArrayList<>();
    for (String line : Files.readAllLines(overlay.resolve("secrets.env.example"))) {
      if (!line.isBlank() && !line.startsWith("#")) {
        secrets.add(line.substring(0, line.indexOf('=')) + "=value-of-" + line.substring(0, 3));
      }
    }
    Files.write(overlay.resolve("secrets.env"), secrets);
    production = BuiltManifests.build(kubectl, overlay);
    base = BuiltManifests.build(kubectl, k8s.resolve("base"));
  }

  static Stream<BuiltManifests> overlays() {
    return Stream.of(production, base);
  }

  @Test
  void anUnknownFieldFailsTheSchemaCheck() {
    assertThatThrownBy(
            () ->
                BuiltManifests.parse(
                    """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: x}
                    spec:
                      replica: 2
                      template: {spec: {containers: [{name: x, image: x, livenessProbe: {httpGet: {paht: /}}}]}}
                    """))
        .hasMessageContaining("spec.replica")
        .hasMessageContaining("livenessProbe.httpGet.paht");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyServiceHasADeploymentAndAServiceOnItsPort(BuiltManifests built) {
    assertThat(built.all(Deployment.class))
        .extracting(d -> d.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(SERVICES.keySet());
    SERVICES.forEach(
        (name, port) -> {
          Container container = container(built.one(Deployment.class, name));
          assertThat(container.getImage()).as(name).matches("(.+/)?animetracker/" + name + ":.+");
          assertThat(env(container, "SERVER_PORT")).as(name).isEqualTo(String.valueOf(port));
          assertThat(containerPorts(container)).as(name).contains(name + "/TCP/" + port);
          Service service = built.one(Service.class, name);
          assertThat(service.getSpec().getPorts())
              .as(name)
              .anySatisfy(p -> assertThat(p.getPort()).isEqualTo(port));
        });
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void probesUseBootsGroupsOnAPortTheContainerHas(BuiltManifests built) {
    for (Deployment deployment : built.all(Deployment.class)) {
      String name = deployment.getMetadata().getName();
      Container container = container(deployment);
      assertProbe(container, container.getLivenessProbe(), "/actuator/health/liveness", name);
      assertProbe(container, container.getReadinessProbe(), "/actuator/health/readiness", name);
      assertProbe(container, container.getStartupProbe(), "/actuator/health/liveness", name);
    }
    // The gateway's actuator is not on its public port (the Ingress carries 8080 only).
    Container gateway = container(built.one(Deployment.class, "gateway"));
    assertThat(env(gateway, "MANAGEMENT_SERVER_PORT"))
        .isEqualTo(String.valueOf(GATEWAY_MANAGEMENT_PORT));
    assertThat(portNumber(gateway, gateway.getLivenessProbe().getHttpGet().getPort()))
        .isEqualTo(GATEWAY_MANAGEMENT_PORT);
  }

  @Test
  void livenessOfEveryServiceIsTheProcessAlone() throws IOException {
    for (String name : SERVICES.keySet()) {
      String yml =
          Files.readString(repository.resolve(name + "/src/main/resources/application.yml"));
      assertThat(yml).as(name).contains("probes:\n        enabled: true");
      assertThat(yml).as(name).contains("liveness:\n          include: livenessState\n");
      String readiness =
          yml.substring(yml.indexOf("readiness:\n          include: ") + 30)
              .lines()
              .findFirst()
              .orElseThrow();
      // A Redis outage the gateway and tracker ride out must not take them out of the balancer.
      assertThat(readiness).as(name).doesNotContain("redis").doesNotContain("kafka");
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void resourcesAndHeapAreCoherent(BuiltManifests built) {
    for (Deployment deployment : built.all(Deployment.class)) {
      String name = deployment.getMetadata().getName();
      Container container = container(deployment);
      Map<String, Quantity> requests = container.getResources().getRequests();
      Map<String, Quantity> limits = container.getResources().getLimits();
      assertThat(requests).as(name).containsKeys("cpu", "memory");
      assertThat(limits).as(name).containsKey("memory");
      BigDecimal limit = limits.get("memory").getNumericalAmount();
      assertThat(requests.get("memory").getNumericalAmount()).as(name).isLessThanOrEqualTo(limit);
      Matcher percent =
          MAX_RAM.matcher(Objects.requireNonNull(env(container, "JAVA_TOOL_OPTIONS")));
      assertThat(percent.find()).as(name + " JAVA_TOOL_OPTIONS sets MaxRAMPercentage").isTrue();
      long heap = limit.longValue() * Integer.parseInt(percent.group(1)) / 100;
      assertThat(heap + NON_HEAP_BYTES)
          .as(name + ": heap " + heap + " + off-heap must fit the limit " + limit)
          .isLessThanOrEqualTo(limit.longValue());
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everySecretAndConfigMapReferenceResolves(BuiltManifests built) {
    Map<String, Set<String>> secrets = new LinkedHashMap<>();
    for (Secret secret : built.all(Secret.class)) {
      Set<String> keys = new HashSet<>();
      if (secret.getData() != null) {
        keys.addAll(secret.getData().keySet());
      }
      if (secret.getStringData() != null) {
        keys.addAll(secret.getStringData().keySet());
      }
      secrets.put(secret.getMetadata().getName(), keys);
    }
    Set<String> configMaps =
        built.all(ConfigMap.class).stream()
            .map(c -> c.getMetadata().getName())
            .collect(Collectors.toSet());
    for (Deployment deployment : built.all(Deployment.class)) {
      Container container = container(deployment);
      for (EnvVar env : container.getEnv()) {
        if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
          var ref = env.getValueFrom().getSecretKeyRef();
          assertThat(secrets)
              .as(deployment.getMetadata().getName() + " " + env.getName())
              .containsKey(ref.getName());
          assertThat(secrets.get(ref.getName()))
              .as(deployment.getMetadata().getName() + " " + env.getName())
              .contains(ref.getKey());
        }
      }
      container
          .getEnvFrom()
          .forEach(from -> assertThat(configMaps).contains(from.getConfigMapRef().getName()));
    }
  }

  @Test
  void productionReplacesEveryPlaceholderSecretAndKeepsEveryKey() {
    Secret placeholders = base.all(Secret.class).getFirst();
    Secret real = production.all(Secret.class).getFirst();
    assertThat(real.getData().keySet()).isEqualTo(placeholders.getData().keySet());
    assertThat(production.yaml())
        .doesNotContain(base64("placeholder-replace-me"))
        .doesNotContain("placeholder");
    assertThat(production.all(Deployment.class))
        .allSatisfy(d -> assertThat(container(d).getImage()).startsWith("registry."));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyCredentialComesFromASecret(BuiltManifests built) {
    Set<String> credentials =
        Set.of(
            "SERVICE_SECRET",
            "MAIL_TOKEN_KEY",
            "DB_PASSWORD",
            "REDIS_PASSWORD",
            "SMTP_USERNAME",
            "SMTP_PASSWORD",
            "ADMIN_PASSWORD",
            "TRACKER_CONNECTION_SECRET");
    for (ConfigMap config : built.all(ConfigMap.class)) {
      assertThat(config.getData().keySet()).doesNotContainAnyElementsOf(credentials);
    }
    for (Deployment deployment : built.all(Deployment.class)) {
      for (EnvVar env : container(deployment).getEnv()) {
        if (credentials.contains(env.getName())) {
          assertThat(env.getValue()).as(env.getName()).isNull();
          assertThat(env.getValueFrom().getSecretKeyRef()).as(env.getName()).isNotNull();
        }
      }
    }
    Map<String, List<String>> needs =
        Map.of(
            "user-service",
            List.of("SERVICE_SECRET", "MAIL_TOKEN_KEY", "ADMIN_PASSWORD", "DB_PASSWORD"),
            "notification-service",
            List.of("SERVICE_SECRET", "MAIL_TOKEN_KEY", "SMTP_USERNAME", "SMTP_PASSWORD"),
            "search-service",
            List.of("SERVICE_SECRET", "MAIL_TOKEN_KEY", "DB_PASSWORD"),
            "tracker-service",
            List.of("SERVICE_SECRET", "TRACKER_CONNECTION_SECRET", "REDIS_PASSWORD"),
            "gateway",
            List.of("REDIS_PASSWORD"));
    needs.forEach(
        (name, vars) ->
            assertThat(names(container(built.one(Deployment.class, name))))
                .as(name)
                .containsAll(vars));
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void everyServiceHasItsOwnDatabaseRole(BuiltManifests built) {
    Set<String> users = new HashSet<>();
    for (Deployment deployment : built.all(Deployment.class)) {
      Container container = container(deployment);
      String db = env(container, "DB_NAME");
      if (db != null) {
        assertThat(env(container, "DB_USER")).isEqualTo(db);
        assertThat(users.add(db)).isTrue();
      }
    }
    assertThat(users).hasSize(4);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void servicesSelectPodsAndTargetTheirPorts(BuiltManifests built) {
    for (Service service : built.all(Service.class)) {
      Deployment target = selected(built, service.getSpec().getSelector(), service);
      Container container = container(target);
      for (ServicePort port : service.getSpec().getPorts()) {
        assertThat(containerPorts(container))
            .as(service.getMetadata().getName() + " " + port.getName())
            .contains(
                container.getName()
                    + "/"
                    + port.getProtocol()
                    + "/"
                    + portNumber(container, port.getTargetPort()));
      }
    }
    // The tracker answers BitTorrent clients on UDP and TCP 6969, and has its management port.
    for (String name : List.of("tracker-service", "tracker-announce")) {
      assertThat(built.one(Service.class, name).getSpec().getPorts())
          .extracting(p -> p.getProtocol() + "/" + p.getPort())
          .contains("UDP/6969", "TCP/6969");
    }
    assertThat(built.one(Service.class, "tracker-service").getSpec().getPorts())
        .extracting(ServicePort::getPort)
        .contains(8084);
    assertThat(built.one(Service.class, "tracker-announce").getSpec().getType())
        .isEqualTo("LoadBalancer");
    assertThat(built.all(Service.class))
        .filteredOn(s -> !s.getMetadata().getName().equals("tracker-announce"))
        .allSatisfy(s -> assertThat(s.getSpec().getType()).isEqualTo("ClusterIP"));
    assertThat(built.one(Service.class, "gateway").getSpec().getPorts())
        .extracting(ServicePort::getPort)
        .containsExactly(8080);
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void autoscalersAndDisruptionBudgetsTargetRealDeployments(BuiltManifests built) {
    assertThat(built.all(HorizontalPodAutoscaler.class))
        .extracting(h -> h.getSpec().getScaleTargetRef().getName())
        .containsExactlyInAnyOrderElementsOf(AUTOSCALED);
    for (HorizontalPodAutoscaler hpa : built.all(HorizontalPodAutoscaler.class)) {
      var ref = hpa.getSpec().getScaleTargetRef();
      assertThat(ref.getKind()).isEqualTo("Deployment");
      assertThat(ref.getApiVersion()).isEqualTo("apps/v1");
      built.one(Deployment.class, ref.getName());
      assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
    }
    Set<String> budgeted = new HashSet<>();
    for (PodDisruptionBudget pdb : built.all(PodDisruptionBudget.class)) {
      budgeted.add(selected(built, pdb.getSpec().getSelector(), pdb).getMetadata().getName());
    }
    assertThat(budgeted).containsExactlyInAnyOrderElementsOf(SERVICES.keySet());
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void networkPoliciesSelectRealPodsAndKeepInternalPortsInside(BuiltManifests built) {
    Map<String, Boolean> openToAll = new LinkedHashMap<>();
    for (NetworkPolicy policy : built.all(NetworkPolicy.class)) {
      LabelSelector selector = policy.getSpec().getPodSelector();
      if (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty()) {
        assertThat(policy.getSpec().getIngress()).as("default deny").isNullOrEmpty();
        continue;
      }
      Deployment target = selected(built, selector, policy);
      Container container = container(target);
      for (var rule : policy.getSpec().getIngress()) {
        for (NetworkPolicyPeer peer : rule.getFrom()) {
          if (peer.getPodSelector() != null) {
            selected(built, peer.getPodSelector(), policy);
          }
        }
        for (NetworkPolicyPort port : rule.getPorts()) {
          String key = container.getName() + "/" + port.getProtocol();
          int number = portNumber(container, port.getPort());
          assertThat(containerPorts(container))
              .as(policy.getMetadata().getName())
              .contains(key + "/" + number);
          openToAll.merge(key + "/" + number, rule.getFrom().isEmpty(), Boolean::logicalOr);
        }
      }
    }
    assertThat(built.all(NetworkPolicy.class))
        .anySatisfy(p -> assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty());
    // Only the tracker's announce port answers everyone; the gateway's public port takes the
    // ingress controller; every management port and /internal/** stay with their callers.
    assertThat(openToAll.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey))
        .containsExactlyInAnyOrder("tracker-service/UDP/6969", "tracker-service/TCP/6969");
    assertThat(openToAll).containsKey("gateway/TCP/8080").containsKey("gateway/TCP/8090");
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void theIngressReachesTheGatewaysPublicPortOnly(BuiltManifests built) {
    assertThat(built.all(Ingress.class)).hasSize(1);
    var paths =
        built.all(Ingress.class).getFirst().getSpec().getRules().stream()
            .flatMap(r -> r.getHttp().getPaths().stream())
            .toList();
    assertThat(paths).isNotEmpty();
    for (var path : paths) {
      var backend = path.getBackend().getService();
      assertThat(backend.getName()).isEqualTo("gateway");
      ServicePort port =
          built.one(Service.class, "gateway").getSpec().getPorts().stream()
              .filter(p -> p.getName().equals(backend.getPort().getName()))
              .findFirst()
              .orElseThrow();
      assertThat(port.getPort()).isEqualTo(8080);
    }
  }

  @ParameterizedTest
  @MethodSource("overlays")
  void environmentNamesAreTheDocumentedOnes(BuiltManifests built) throws IOException {
    String compose = Files.readString(repository.resolve("docker-compose.yml"));
    String docs =
        Files.readString(repository.resolve("docs/conventions.md"))
            + Files.readString(repository.resolve("README.md"));
    Set<String> names = new HashSet<>();
    built.all(ConfigMap.class).forEach(c -> names.addAll(c.getData().keySet()));
    for (String name : names) {
      assertThat(compose).as("docker-compose.yml sets " + name).contains(name + ":");
    }
    built.all(Deployment.class).forEach(d -> names.addAll(names(container(d))));
    names.remove("JAVA_TOOL_OPTIONS"); // the JVM's own
    for (String name : names) {
      assertThat(docs)
          .as("docs/conventions.md or README.md names " + name)
          .contains("`" + name + "`");
    }
  }

  private static void assertProbe(
      Container container, Probe probe, String path, String deployment) {
    assertThat(probe).as(deployment + " probe " + path).isNotNull();
    assertThat(probe.getHttpGet().getPath()).as(deployment).isEqualTo(path);
    portNumber(container, probe.getHttpGet().getPort());
  }

  private static Deployment selected(BuiltManifests built, Map<String, String> labels, Object by) {
    List<Deployment> matches =
        built.all(Deployment.class).stream()
            .filter(
                d ->
                    d.getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getLabels()
                        .entrySet()
                        .containsAll(labels.entrySet()))
            .toList();
    assertThat(matches).as(by.getClass().getSimpleName() + " selecting " + labels).hasSize(1);
    Deployment match = matches.getFirst();
    assertThat(match.getSpec().getSelector().getMatchLabels().entrySet())
        .as("pods of the Deployment's own selector")
        .isSubsetOf(match.getSpec().getTemplate().getMetadata().getLabels().entrySet());
    return match;
  }

  private static Deployment selected(BuiltManifests built, LabelSelector selector, Object by) {
    assertThat(selector.getMatchExpressions()).isNullOrEmpty();
    return selected(built, selector.getMatchLabels(), by);
  }

  private static Container container(Deployment deployment) {
    List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
    assertThat(containers).hasSize(1);
    return containers.getFirst();
  }

  /** Ports of a container as {@code container/PROTOCOL/number}. */
  private static Set<String> containerPorts(Container container) {
    return container.getPorts().stream()
        .map(p -> container.getName() + "/" + p.getProtocol() + "/" + p.getContainerPort())
        .collect(Collectors.toSet());
  }

  private static int portNumber(Container container, IntOrString port) {
    if (port.getIntVal() != null) {
      return port.getIntVal();
    }
    return container.getPorts().stream()
        .filter(p -> port.getStrVal().equals(p.getName()))
        .map(ContainerPort::getContainerPort)
        .findFirst()
        .orElseThrow(() -> new AssertionError(container.getName() + " has no port " + port));
  }

  private static String env(Container container, String name) {
    return container.getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .map(EnvVar::getValue)
        .findFirst()
        .orElse(null);
  }

  private static Set<String> names(Container container) {
    return container.getEnv().stream().map(EnvVar::getName).collect(Collectors.toSet());
  }

  private static String base64(String value) {
    return java.util.Base64.getEncoder().encodeToString(value.getBytes());
  }

  private static Map<String, Integer> orderedMap(Object... pairs) {
    Map<String, Integer> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (Integer) pairs[i + 1]);
    }
    return map;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!file.getFileName().toString().equals("secrets.env")) {
          Files.copy(file, target);
        }
      }
    }
  }
}
