package dev.animetracker.torrent.upload;

import dev.animetracker.torrent.TorrentsProperties;
import dev.animetracker.torrent.metainfo.MetainfoLimits;
import dev.animetracker.torrent.metainfo.MetainfoParser;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The parser as a bean ({@code metainfo} stays free of Spring). */
@Configuration(proxyBeanMethods = false)
class UploadConfiguration {

  /**
   * Default limits: its own byte cap (16 MiB) is a guard for any caller and lies above the
   * multipart request limit, so the upload limit is enforced once, by the multipart resolver.
   */
  @Bean
  MetainfoParser metainfoParser(TorrentsProperties properties) {
    return new MetainfoParser(MetainfoLimits.defaults().withMaxFiles(properties.maxFiles()));
  }
}
