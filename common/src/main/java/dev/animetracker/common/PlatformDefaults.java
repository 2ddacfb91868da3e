package dev.animetracker.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code animetracker-defaults.properties} as the lowest-precedence property source of every
 * service: platform-wide settings (Kafka client timeouts, log levels, tracing) live in that one
 * file, and a service's own configuration or the environment still override each of them.
 *
 * <p>Two defaults depend on the environment and cannot be written in that file:
 *
 * <ul>
 *   <li>the console log format: JSON ({@code ecs}) for log collectors unless the {@code dev} or
 *       {@code test} profile is active (people read those logs); {@code LOG_FORMAT} ({@code text},
 *       {@code ecs}, {@code logstash}, {@code gelf}) overrides both;
 *   <li>the OTLP trace endpoint: Boot exports spans as soon as the property exists, even when
 *       empty, so it is only set when {@code OTLP_TRACING_ENDPOINT} has a value.
 * </ul>
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

  private static final String RESOURCE = "animetracker-defaults.properties";

  static final String LOG_FORMAT = "LOG_FORMAT";
  static final String OTLP_TRACING_ENDPOINT = "OTLP_TRACING_ENDPOINT";
  static final String CONSOLE_FORMAT_PROPERTY = "logging.structured.format.console";
  static final String OTLP_ENDPOINT_PROPERTY =
      "management.opentelemetry.tracing.export.otlp.endpoint";

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    try {
      new PropertiesPropertySourceLoader()
          .load(RESOURCE, new ClassPathResource(RESOURCE))
          .forEach(source -> environment.getPropertySources().addLast(source));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Object> derived = derivedDefaults(environment);
    if (!derived.isEmpty()) {
      environment
          .getPropertySources()
          .addLast(new MapPropertySource("animetracker-derived", derived));
    }
  }

  static Map<String, Object> derivedDefaults(ConfigurableEnvironment environment) {
    Map<String, Object> derived = new HashMap<>();
    String format = environment.getProperty(LOG_FORMAT, "").trim().toLowerCase(Locale.ROOT);
    if (format.isEmpty()) {
      format = environment.acceptsProfiles(Profiles.of("dev | test")) ? "text" : "ecs";
    }
    if (!format.equals("text")) {
      derived.put(CONSOLE_FORMAT_PROPERTY, format);
    }
    String endpoint = environment.getProperty(OTLP_TRACING_ENDPOINT, "").trim();
    if (!endpoint.isEmpty()) {
      derived.put(OTLP_ENDPOINT_PROPERTY, endpoint);
    }
    return derived;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
