package dev.animetracker.torrent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class TorrentServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(TorrentServiceApplication.class, args);
  }
}
