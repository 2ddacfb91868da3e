package dev.animetracker.torrent.markdown;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Flyway V4: renders the descriptions and comments written before V3 into the new HTML columns with
 * the safe renderer (a text nested too deeply becomes escaped text, so no stored text can fail a
 * read afterwards). Spring Boot hands {@code JavaMigration} beans to Flyway.
 */
@Component
class MarkdownBackfill implements JavaMigration {

  static final int BATCH = 500;

  private final MarkdownRenderer renderer;

  MarkdownBackfill(MarkdownRenderer renderer) {
    this.renderer = renderer;
  }

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("4");
  }

  @Override
  public String getDescription() {
    return "render stored markdown";
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
    fill(
        connection,
        renderer,
        "select id, description from torrent where description is not null"
            + " and description_html is null and id > ? order by id limit "
            + BATCH,
        "update torrent set description_html = ? where id = ?");
    fill(
        connection,
        renderer,
        "select id, text from comment where text_html is null and id > ? order by id limit "
            + BATCH,
        "update comment set text_html = ? where id = ?");
  }

  /**
   * Renders the texts {@code select} finds (id, text; {@code id > ?}, in id order, one batch a
   * query) into {@code update} (html, id).
   */
  static void fill(Connection connection, MarkdownRenderer renderer, String select, String update)
      throws Exception {
    long after = 0;
    while (true) {
      List<long[]> ids = new ArrayList<>();
      List<String> texts = new ArrayList<>();
      try (PreparedStatement query = connection.prepareStatement(select)) {
        query.setLong(1, after);
        try (ResultSet rs = query.executeQuery()) {
          while (rs.next()) {
            ids.add(new long[] {rs.getLong(1)});
            texts.add(rs.getString(2));
          }
        }
      }
      if (ids.isEmpty()) {
        return;
      }
      try (PreparedStatement write = connection.prepareStatement(update)) {
        for (int i = 0; i < ids.size(); i++) {
          write.setString(1, renderer.render(texts.get(i)));
          write.setLong(2, ids.get(i)[0]);
          write.addBatch();
        }
        write.executeBatch();
      }
      after = ids.getLast()[0];
    }
  }
}
