package dev.animetracker.tracker.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.tracker.protocol.AnnounceService;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InMemorySwarmsTests extends SwarmRules {

  @Override
  protected AnnounceService newSwarms(long seed) {
    return new InMemorySwarms(whitelist, settings, clock, new SplittableRandom(seed));
  }

  @Test
  void purgeDropsExpiredPeersOfIdleSwarms() {
    announce(leecher(1));
    clock.advance(settings.peerTimeout().plusSeconds(1));
    ((InMemorySwarms) swarms).purgeExpired();
    assertThat(scrape(V1).incomplete()).isZero();
  }
}
