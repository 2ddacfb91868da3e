package dev.animetracker.tracker.protocol;

import java.util.concurrent.CompletionStage;

/**
 * The swarm behind the protocol front ends. A stage that fails with a {@link
 * TrackerProtocolException} (an unregistered info hash, say) sends its reason to the client; any
 * other failure becomes a generic error reply.
 */
public interface AnnounceService {

  CompletionStage<AnnounceResult> announce(AnnounceRequest request);

  CompletionStage<ScrapeResult> scrape(ScrapeRequest request);
}
