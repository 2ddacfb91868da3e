package dev.animetracker.gateway.ui.torrent;

import dev.animetracker.gateway.catalog.CatalogDtos.Torrent;
import dev.animetracker.gateway.ui.support.Forms;
import dev.animetracker.gateway.ui.support.ReleaseFields;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The torrent edit form: its values (as posted, or of the stored torrent) and the PATCH body they
 * make. Release fields go out only when the uploader changed them, so that a new title without
 * corrections still re-parses the release (torrent-service's rule) instead of pinning the old
 * fields.
 */
final class TorrentEdit {

  /** Every field of the form that a problem may name. */
  static final Set<String> FIELDS = fields();

  private static final Set<String> EPISODES = Set.of("episodeFrom", "episodeTo");

  private TorrentEdit() {}

  /** The posted form (absent fields empty, checkboxes {@code "true"} or empty). */
  static Map<String, String> posted(MultiValueMap<String, String> form) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("title", Forms.trimmed(form.getFirst("title")));
    values.put("category", Forms.trimmed(form.getFirst("category")));
    values.put("tags", Forms.trimmed(form.getFirst("tags")));
    values.put("description", Forms.raw(form.getFirst("description")));
    ReleaseFields.FIELDS.forEach(name -> values.put(name, Forms.trimmed(form.getFirst(name))));
    for (String flag : flags()) {
      values.put(flag, "true".equals(form.getFirst(flag)) ? "true" : "");
    }
    values.put("series", Forms.trimmed(form.getFirst("series")));
    values.put("mediaInfo", Forms.raw(form.getFirst("mediaInfo")));
    return values;
  }

  /** The form as it opens: the stored torrent ({@code series} empty: empty keeps it). */
  static Map<String, String> stored(Torrent torrent) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("title", torrent.title());
    values.put("category", torrent.category() == null ? "" : torrent.category().slug());
    values.put("tags", torrent.tagsText());
    values.put("description", torrent.description() == null ? "" : torrent.description());
    values.putAll(ReleaseFields.values(torrent.release()));
    values.put("remake", torrent.remake() ? "true" : "");
    values.put("complete", torrent.complete() ? "true" : "");
    values.put("trusted", torrent.trusted() ? "true" : "");
    values.put("series", "");
    values.put("mediaInfo", torrent.mediaInfo() == null ? "" : torrent.mediaInfo());
    return values;
  }

  /**
   * The PATCH body of a posted form against the torrent as stored now. {@code trusted} only for
   * moderators (torrent-service refuses it from anyone else, even unchanged); a blank release field
   * or MediaInfo is sent as {@code null}, which clears it.
   */
  static Map<String, @Nullable Object> patch(
      Map<String, String> posted, Torrent current, boolean moderator) {
    Map<String, @Nullable Object> body = new LinkedHashMap<>();
    body.put("title", posted.get("title"));
    body.put("category", posted.get("category"));
    body.put("tags", posted.get("tags"));
    body.put("description", posted.get("description"));
    Map<String, String> stored = ReleaseFields.values(current.release());
    Map<String, @Nullable Object> release = new LinkedHashMap<>();
    boolean episodesChanged =
        EPISODES.stream().anyMatch(name -> !Objects.equals(posted.get(name), stored.get(name)));
    for (String name : ReleaseFields.FIELDS) {
      boolean changed = !Objects.equals(posted.get(name), stored.get(name));
      // One end of the range alone would be paired with itself by the service.
      if (changed || (episodesChanged && EPISODES.contains(name))) {
        String value = posted.get(name);
        release.put(name, value == null || value.isEmpty() ? null : value);
      }
    }
    if (!release.isEmpty()) {
      body.put("release", release);
    }
    body.put("remake", "true".equals(posted.get("remake")));
    body.put("complete", "true".equals(posted.get("complete")));
    if (moderator) {
      body.put("trusted", "true".equals(posted.get("trusted")));
    }
    String series = posted.get("series");
    if (series != null && !series.isEmpty()) {
      body.put("series", series);
    }
    String mediaInfo = posted.get("mediaInfo");
    body.put("mediaInfo", mediaInfo == null || mediaInfo.isBlank() ? null : mediaInfo);
    return body;
  }

  private static Set<String> flags() {
    Set<String> flags = new LinkedHashSet<>(ReleaseFields.FLAGS);
    flags.add("trusted");
    return flags;
  }

  private static Set<String> fields() {
    Set<String> fields = new LinkedHashSet<>();
    fields.add("title");
    fields.add("category");
    fields.add("tags");
    fields.add("description");
    fields.addAll(ReleaseFields.FIELDS);
    fields.addAll(flags());
    fields.add("series");
    fields.add("mediaInfo");
    return Set.copyOf(fields);
  }
}
