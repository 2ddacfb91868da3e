package dev.animetracker.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code animetracker-defaults.properties} as the lowest-precedence property source of every
 * service: platform-wide settings (Kafka client timeouts, log levels) live in that one file, and a
 * service's own configuration or the environment still override each of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor, Ordered {

  private static final String RESOURCE = "animetracker-defaults.properties";

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
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
