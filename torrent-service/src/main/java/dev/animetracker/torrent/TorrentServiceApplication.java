package dev.animetracker.torrent;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class TorrentServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(TorrentServiceApplication.class, args);
  }
}
