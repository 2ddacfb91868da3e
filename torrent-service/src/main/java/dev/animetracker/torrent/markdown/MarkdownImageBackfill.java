package dev.animetracker.torrent.markdown;

import java.sql.Connection;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway 7.1: renders every stored description and comment again, so the images of texts written
 * before the image proxy point at it too (their old HTML names the image hosts directly, which the
 * pages' CSP blocks). Rendering is deterministic, so running it again changes nothing.
 */
@Component
class MarkdownImageBackfill implements JavaMigration {

  private final MarkdownRenderer renderer;

  MarkdownImageBackfill(MarkdownRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("7.1");
  }

  @Override
  public String getDescription() {
    return "render stored markdown images through the image proxy";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws Exception {
    Connection connection = context.getConnection();
    MarkdownBackfill.fill(
        connection,
        renderer,
        "select id, description from torrent where description is not null and id > ?"
            + " order by id limit "
            + MarkdownBackfill.BATCH,
        "update torrent set description_html = ? where id = ?");
    MarkdownBackfill.fill(
        connection,
        renderer,
        "select id, text from comment where id > ? order by id limit " + MarkdownBackfill.BATCH,
        "update comment set text_html = ? where id = ?");
  }
}
