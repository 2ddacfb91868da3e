package dev.animetracker.tracker.redis;

import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceRequest;
import dev.animetracker.tracker.protocol.AnnounceResult;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.InfoHash;
import dev.animetracker.tracker.protocol.ScrapeRequest;
import dev.animetracker.tracker.protocol.ScrapeResult;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import java.util.concurrent.CompletionStage;

/**
 * Announces answered from memory as before, except {@code event=completed}: its reply waits until
 * the swarm's changes, the completion included, reached Redis. A client reports a completion once,
 * so a completion held only in this instance's write-behind queue would be lost for good if the
 * instance were killed before the next round; completions are rare enough that the extra round trip
 * costs nothing measurable. When Redis does not answer in time the reply goes out anyway and the
 * completion stays queued (a Redis outage must not stop announces).
 */
public final class DurableCompletions implements AnnounceService {

  private final InMemorySwarms swarms;
  private final SwarmReplicator replicator;

  public DurableCompletions(InMemorySwarms swarms, SwarmReplicator replicator) {
    this.swarms = swarms;
    this.replicator = replicator;
  }

  @Override
  public CompletionStage<AnnounceResult> announce(AnnounceRequest request) {
    CompletionStage<AnnounceResult> answered = swarms.announce(request);
    if (request.event() != AnnounceEvent.COMPLETED) {
      return answered;
    }
    return answered.thenCompose(
        result -> {
          InfoHash key = swarms.swarmOf(request.infoHash());
          return key == null ? answered : replicator.syncSwarm(key).thenApply(written -> result);
        });
  }

  @Override
  public CompletionStage<ScrapeResult> scrape(ScrapeRequest request) {
    return swarms.scrape(request);
  }
}
