package dev.animetracker.torrent.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Announces every category at start-up ({@link CategoryService#announceAll}), so a read model
 * learns the categories no torrent uses yet, including those created before creations were
 * announced. A handful of events per start, harmless when several instances start together.
 */
@Component
class CategoryAnnouncement implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CategoryAnnouncement.class);

  private final CategoryService categories;

  CategoryAnnouncement(CategoryService categories) {
    this.categories = categories;
  }

  @Override
  public void run(ApplicationArguments args) {
    log.debug("Announced {} categories", categories.announceAll());
  }
}
