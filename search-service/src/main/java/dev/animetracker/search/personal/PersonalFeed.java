package dev.animetracker.search.personal;

import dev.animetracker.search.query.SearchHit;
import dev.animetracker.search.query.SearchService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's personal feed: the releases that matched their follows and saved searches, newest match
 * first, for {@code GET /api/users/me/feed} and {@code GET /rss/me}. Deleted torrents are left out
 * (their rows go with the deletion; a reindex tombstone is skipped by the join).
 */
@Service
public class PersonalFeed {

  private final PersonalFeedRepository repository;
  private final SearchService search;

  PersonalFeed(PersonalFeedRepository repository, SearchService search) {
    this.repository = repository;
    this.search = search;
  }

  /** What matched, as stored with the match. */
  public record MatchedBy(String kind, String label) {}

  /** A match of a torrent. */
  public record Match(long torrentId, Instant matchedAt, List<MatchedBy> matchedBy) {}

  /** A matched torrent with its match. */
  public record Entry(SearchHit hit, Instant matchedAt, List<MatchedBy> matchedBy) {}

  /** A page of the feed. */
  public record Page(List<Entry> entries, long total) {}

  @Transactional(readOnly = true)
  public Page page(long userId, int offset, int limit) {
    List<Match> matches = repository.page(userId, offset, limit);
    Map<Long, SearchHit> hits =
        search.hits(matches.stream().map(Match::torrentId).toList()).stream()
            .collect(Collectors.toMap(SearchHit::id, Function.identity()));
    List<Entry> entries = new ArrayList<>();
    for (Match match : matches) {
      SearchHit hit = hits.get(match.torrentId());
      if (hit != null) {
        entries.add(new Entry(hit, match.matchedAt(), match.matchedBy()));
      }
    }
    long total =
        !matches.isEmpty() && matches.size() < limit
            ? offset + matches.size()
            : repository.count(userId);
    return new Page(entries, total);
  }
}
