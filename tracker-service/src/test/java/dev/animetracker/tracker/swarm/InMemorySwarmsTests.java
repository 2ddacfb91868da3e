package dev.animetracker.tracker.swarm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.animetracker.tracker.protocol.Addresses;
import dev.animetracker.tracker.protocol.AnnounceEvent;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.Transport;
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

  @Test
  void theMemoryOfCompletedNetworksIsBoundedOldestFirst() {
    swarms =
        new InMemorySwarms(
            whitelist, settings.withPeerLimits(5, 8, 2), clock, new SplittableRandom(1));
    for (int n = 1; n <= 3; n++) {
      announce(request(V1, n, "10.0.0." + n, 0, AnnounceEvent.COMPLETED, Transport.HTTP));
      announce(request(V1, n, "10.0.0." + n, 0, AnnounceEvent.STOPPED, Transport.HTTP));
    }
    // 10.0.0.3 and 10.0.0.2 are remembered; 10.0.0.1 was forgotten and counts again.
    assertThat(
            announce(request(V1, 3, "10.0.0.3", 0, AnnounceEvent.COMPLETED, Transport.HTTP))
                .downloaded())
        .isEqualTo(3);
    assertThat(
            announce(request(V1, 2, "10.0.0.2", 0, AnnounceEvent.COMPLETED, Transport.HTTP))
                .downloaded())
        .isEqualTo(3);
    assertThat(
            announce(request(V1, 1, "10.0.0.1", 0, AnnounceEvent.COMPLETED, Transport.HTTP))
                .downloaded())
        .isEqualTo(4);
  }

  @Test
  void peersPerAddressAreReleasedWhenPeersExpire() {
    InMemorySwarms memory = (InMemorySwarms) swarms;
    for (int n = 1; n <= 5; n++) {
      announce(request(V1, n, "10.1.1.1", 100, AnnounceEvent.STARTED, Transport.HTTP));
    }
    assertThat(memory.peersOfNetwork(Addresses.parseLiteral("10.1.1.1"))).isEqualTo(5);
    clock.advance(settings.peerTimeout().plusSeconds(1));
    memory.purgeExpired();
    assertThat(memory.peersOfNetwork(Addresses.parseLiteral("10.1.1.1"))).isZero();
    assertThat(
            announce(request(V1, 9, "10.1.1.1", 100, AnnounceEvent.STARTED, Transport.HTTP))
                .incomplete())
        .isEqualTo(1);
  }
}
