package dev.animetracker.torrent.series;

import dev.animetracker.common.event.torrent.SeriesUpdated;
import dev.animetracker.common.outbox.Outbox;
import dev.animetracker.common.release.ParsedRelease;
import dev.animetracker.common.web.FieldProblem;
import dev.animetracker.torrent.core.TorrentRepository;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides the series of a torrent: the one an uploader or editor named, or the one whose title (any
 * of its titles) the parsed release title matches, created from that title when none does.
 *
 * <p>Safe with several instances: a new series claims its title's key in {@code series_key} before
 * anything else. Two uploads of a new show's first releases at once both try; the unique key makes
 * the second wait for the first's commit and then find its series (or, if the first rolled back,
 * claim the key itself).
 */
@Component
public class SeriesMatcher {

  /** The field name of the upload form and of the edit. */
  public static final String FIELD = "series";

  /** Longest slug a request may name (the longest a series can get, suffix included). */
  static final int MAX_NAMED_SLUG = SeriesTitles.MAX_SLUG + 12;

  /** Tries of a slug with a suffix before the series is named by its id instead. */
  private static final int SLUG_TRIES = 50;

  /** Tries of claiming a key whose holder rolled back each time (never more than a few). */
  private static final int CLAIM_TRIES = 5;

  private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

  private final SeriesRepository series;
  private final TorrentRepository torrents;
  private final Outbox outbox;

  SeriesMatcher(SeriesRepository series, TorrentRepository torrents, Outbox outbox) {
    this.series = series;
    this.torrents = torrents;
    this.outbox = outbox;
  }

  /**
   * Decides the series of a stored torrent no one decided yet (the backfills) from its release:
   * true when it got one and its version was bumped (the caller publishes {@code torrent.updated}).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public boolean decide(long torrentId, @Nullable ParsedRelease release) {
    Series found = match(release, null);
    return torrents.assignSeries(torrentId, found == null ? null : found.id());
  }

  /**
   * A series named by an upload form or an edit; an unknown or malformed slug adds a {@code series}
   * field problem ({@code Exists}) and answers {@link SeriesChoice#KEEP}.
   */
  public SeriesChoice named(String slug, List<FieldProblem> problems) {
    String clean = slug.strip().toLowerCase(Locale.ROOT);
    Optional<Series> found =
        clean.length() <= MAX_NAMED_SLUG && SeriesTitles.SLUG.matcher(clean).matches()
            ? series.bySlug(clean)
            : Optional.empty();
    if (found.isEmpty()) {
      String shown = clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
      problems.add(new FieldProblem(FIELD, "Exists", "There is no series \"" + shown + "\"."));
      return SeriesChoice.KEEP;
    }
    return new SeriesChoice(SeriesChoice.Kind.SET, found.get());
  }

  /**
   * The series a choice leads to (null = none); {@code current} is kept for {@link
   * SeriesChoice.Kind#KEEP}. Runs in the caller's transaction (a created series commits with the
   * torrent that made it).
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public @Nullable Series resolve(
      SeriesChoice choice,
      @Nullable Series current,
      @Nullable ParsedRelease release,
      @Nullable Long createdBy) {
    return switch (choice.kind()) {
      case KEEP -> current;
      case DETACH -> null;
      case SET -> choice.series();
      case MATCH -> match(release, createdBy);
    };
  }

  /**
   * The order a transaction matching several releases takes them in: {@link #match} claims at most
   * the title's key, so transactions claiming in key order (edits too) wait for each other instead
   * of deadlocking.
   */
  public static final Comparator<@Nullable ParsedRelease> CLAIM_ORDER =
      Comparator.comparing(
          release ->
              release == null || release.title() == null
                  ? ""
                  : SeriesTitles.key(clip(release.title())));

  /** The series of a stored torrent, by id (null for none). */
  public @Nullable Series byId(@Nullable Long id) {
    return id == null ? null : series.byId(id).orElse(null);
  }

  /**
   * The series of a release: the one owning its title's key, else one owning an alternative title's
   * key, else a new one named by its title; null when the release has no title.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public @Nullable Series match(@Nullable ParsedRelease release, @Nullable Long createdBy) {
    if (release == null || release.title() == null) {
      return null;
    }
    String title = clip(release.title());
    String key = SeriesTitles.key(title);
    if (key.isEmpty()) {
      return null;
    }
    List<String> keys = new ArrayList<>();
    keys.add(key);
    release.alternativeTitles().stream()
        .map(SeriesTitles::key)
        .filter(k -> !k.isEmpty())
        .forEach(keys::add);
    for (String candidate : keys) {
      Optional<Long> id = series.idByKey(candidate);
      if (id.isPresent()) {
        return series.byId(id.get()).orElseThrow();
      }
    }
    for (int attempt = 0; attempt < CLAIM_TRIES; attempt++) {
      long id = series.nextId();
      if (series.claimKey(key, id)) {
        return create(id, title, createdBy);
      }
      Optional<Long> winner = series.idByKey(key);
      if (winner.isPresent()) {
        return series.byId(winner.get()).orElseThrow();
      }
    }
    throw new IllegalStateException("Could not claim the series key \"" + key + "\"");
  }

  /** Inserts the series whose key this transaction just claimed, and announces it. */
  private Series create(long id, String title, @Nullable Long createdBy) {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    Series created =
        insert(
            new Series(
                id,
                "",
                title,
                Series.Titles.NONE,
                List.of(),
                null,
                null,
                null,
                1,
                now,
                now,
                createdBy));
    announce(created);
    return created;
  }

  /**
   * Inserts a new series (its keys already claimed) under the slug of its title, with a suffix when
   * taken, or named by its id when the title gives no slug; the stored row.
   */
  Series insert(Series draft) {
    String base = SeriesTitles.slug(draft.title());
    boolean inserted = false;
    if (!base.isEmpty()) {
      for (int n = 1; n <= SLUG_TRIES && !inserted; n++) {
        inserted = series.insert(draft, n == 1 ? base : SeriesTitles.withSuffix(base, n));
      }
    }
    if (!inserted && !series.insert(draft, SeriesTitles.idSlug(draft.id()))) {
      throw new IllegalStateException("The slug of series " + draft.id() + " is taken");
    }
    return series.byId(draft.id()).orElseThrow();
  }

  /** {@code series.updated} of the series as it now is, in the caller's transaction. */
  void announce(Series changed) {
    outbox.publish(
        "series-" + changed.slug(),
        new SeriesUpdated(
            changed.ref(), changed.alternativeTitles(), changed.version(), changed.updatedAt()));
  }

  /**
   * A parsed title as a series title: the rules of {@link SeriesRequest} (no control characters, at
   * most {@link SeriesRequest#MAX_TITLE}), which a torrent's title need not follow.
   */
  private static String clip(String title) {
    String clean = CONTROL.matcher(title).replaceAll(" ").strip();
    int max = SeriesRequest.MAX_TITLE;
    return clean.codePointCount(0, clean.length()) <= max
        ? clean
        : clean.substring(0, clean.offsetByCodePoints(0, max)).strip();
  }
}
