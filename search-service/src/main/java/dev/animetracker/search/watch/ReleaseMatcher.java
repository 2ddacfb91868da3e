package dev.animetracker.search.watch;

import dev.animetracker.common.event.community.ReleaseMatched;
import dev.animetracker.common.event.community.WatchRef;
import dev.animetracker.common.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Percolation: a release just indexed is matched against every follow and saved search ({@link
 * WatchRepository#matches}), and each user with a match gets one {@code watch_match} row and one
 * {@code release.matched} naming all of their watches that matched, through the outbox in the
 * transaction of the index write. A replay, or another instance consuming the same event, finds the
 * row and publishes nothing.
 */
@Service
public class ReleaseMatcher {

  private final WatchRepository repository;
  private final Outbox outbox;
  private final JsonMapper mapper;
  private final WatchProperties properties;
  private final Clock clock = Clock.systemUTC();

  ReleaseMatcher(
      WatchRepository repository, Outbox outbox, JsonMapper mapper, WatchProperties properties) {
    this.repository = repository;
    this.outbox = outbox;
    this.mapper = mapper;
    this.properties = properties;
  }

  /** Whether an update of a torrent created then is still matched (see rematch-window). */
  public boolean recentlyCreated(Instant createdAt) {
    return createdAt.isAfter(clock.instant().minus(properties.rematchWindow()));
  }

  /**
   * Matches the live torrent of this id (nothing for a deleted or unknown one).
   *
   * @return how many users were notified by this call
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public int match(long torrentId) {
    var release = repository.release(torrentId);
    if (release.isEmpty()) {
      return 0;
    }
    Map<Long, List<WatchRepository.Matched>> byUser = new LinkedHashMap<>();
    for (WatchRepository.Matched matched : repository.matches(torrentId)) {
      byUser.computeIfAbsent(matched.userId(), user -> new ArrayList<>()).add(matched);
    }
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Map<Long, List<WatchRef>> refs = new LinkedHashMap<>();
    List<WatchRepository.NewMatch> matches = new ArrayList<>();
    for (Map.Entry<Long, List<WatchRepository.Matched>> entry : byUser.entrySet()) {
      List<WatchRef> mine =
          entry.getValue().stream()
              .map(m -> new WatchRef(m.watchId(), m.kind(), m.label(), m.delivery()))
              .toList();
      refs.put(entry.getKey(), mine);
      List<Map<String, String>> shown =
          mine.stream().map(ref -> Map.of("kind", ref.kind(), "label", ref.label())).toList();
      matches.add(
          new WatchRepository.NewMatch(
              entry.getKey(),
              mine.stream().map(WatchRef::watchId).toList(),
              mapper.writeValueAsString(shown)));
    }
    Set<Long> recorded = repository.recordMatches(torrentId, now, matches);
    List<Outbox.Keyed> events = new ArrayList<>();
    for (Map.Entry<Long, List<WatchRef>> entry : refs.entrySet()) {
      if (recorded.contains(entry.getKey())) {
        events.add(
            new Outbox.Keyed(
                Long.toString(entry.getKey()),
                new ReleaseMatched(
                    entry.getKey(),
                    torrentId,
                    release.get().title(),
                    release.get().uploader(),
                    entry.getValue(),
                    release.get().createdAt())));
      }
    }
    // One statement for all: a popular release reaches thousands of followers.
    outbox.publishAll(events);
    return events.size();
  }

  /** A deleted torrent leaves every feed. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void forget(long torrentId) {
    repository.forgetTorrent(torrentId);
  }
}
