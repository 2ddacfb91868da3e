package dev.animetracker.tracker;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TrackerServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(TrackerServiceApplication.class, args);
  }
}
