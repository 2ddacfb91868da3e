package dev.animetracker.common.support;

import dev.animetracker.testsupport.Infrastructure;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts common's auto-configuration as a service would, on a test database and Kafka. */
public final class CommonContexts {

  private CommonContexts() {}

  /**
   * Runs {@code app} with no web server, common's Flyway migrations on {@code database} and Kafka
   * at {@code servers}. Settings go in as command-line arguments: they outrank
   * animetracker-defaults.properties, as the environment does.
   */
  public static ConfigurableApplicationContext start(
      Class<?> app, Infrastructure.Database database, String servers, String... settings) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--spring.main.web-application-type=none",
                "--spring.flyway.locations=classpath:db/common,classpath:db/common-test",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + servers));
    arguments.addAll(List.of(settings));
    return new SpringApplicationBuilder(app).run(arguments.toArray(String[]::new));
  }
}
