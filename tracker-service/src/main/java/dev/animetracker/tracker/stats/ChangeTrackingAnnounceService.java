package dev.animetracker.tracker.stats;

import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.AnnounceResult;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.ScrapeRequest;
import dev.animetracker.tracker.protocol.ScrapeResult;
import dev.animetracker.tracker.swarm.Whitelist;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the swarms announced to since the last {@link #drainChanged()}, by swarm key (the
 * whitelist's 40-hex tracker key, so a hybrid's v1 and v2 announces are one swarm). Only successful
 * announces count.
 */
public final class ChangeTrackingAnnounceService implements AnnounceService {

  private final AnnounceService delegate;
  private final Whitelist whitelist;
  private final Set<InfoHash> changed = ConcurrentHashMap.newKeySet();

  public ChangeTrackingAnnounceService(AnnounceService delegate, Whitelist whitelist) {
    this.delegate = delegate;
    this.whitelist = whitelist;
  }

  @Override
  public CompletionStage<AnnounceResult> announce(AnnounceRequest request) {
    return delegate
        .announce(request)
        .thenApply(
            result -> {
              InfoHash key = whitelist.swarmOf(request.infoHash());
              if (key != null) {
                changed.add(key);
              }
              return result;
            });
  }

  @Override
  public CompletionStage<ScrapeResult> scrape(ScrapeRequest request) {
    return delegate.scrape(request);
  }

  /** The wrapped swarm store. */
  public AnnounceService delegate() {
    return delegate;
  }

  /** Takes the swarm keys changed since the last call; they are forgotten until announced again. */
  public List<InfoHash> drainChanged() {
    List<InfoHash> drained = new ArrayList<>();
    for (InfoHash key : changed) {
      if (changed.remove(key)) {
        drained.add(key);
      }
    }
    return drained;
  }

  /** Puts keys whose flush failed back, so the next flush sends them again. */
  public void requeue(Collection<InfoHash> keys) {
    changed.addAll(keys);
  }

  /** How many swarms wait for the next flush. */
  public int pending() {
    return changed.size();
  }
}
