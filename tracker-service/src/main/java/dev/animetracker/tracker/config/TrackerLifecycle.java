package dev.animetracker.tracker.config;

import dev.animetracker.tracker.metrics.TrackerMetrics;
import dev.animetracker.tracker.protocol.AnnounceService;
import dev.animetracker.tracker.protocol.ConnectionIds;
import dev.animetracker.tracker.protocol.TrackerSettings;
import dev.animetracker.tracker.redis.DurableCompletions;
import dev.animetracker.tracker.redis.SwarmReplicator;
import dev.animetracker.tracker.server.TrackerServer;
import dev.animetracker.tracker.swarm.InMemorySwarms;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Binds the tracker's HTTP and UDP sockets when the application starts and closes them gracefully
 * when it stops. Stops before the management web server (a higher phase stops first).
 */
@Component
public class TrackerLifecycle implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(TrackerLifecycle.class);

  private final TrackerProperties properties;
  private final InMemorySwarms service;
  private final AnnounceService announcer;
  private final TrackerSettings settings;
  private final ConnectionIds connectionIds;
  private final TrackerMetrics metrics;
  private volatile @Nullable TrackerServer server;
  private @Nullable ScheduledExecutorService purger;

  public TrackerLifecycle(
      TrackerProperties properties,
      InMemorySwarms service,
      ObjectProvider<SwarmReplicator> replicator,
      TrackerSettings settings,
      ConnectionIds connectionIds,
      MeterRegistry registry) {
    this.metrics = new TrackerMetrics(registry, service);
    this.properties = properties;
    this.service = service;
    // With the Redis store, a completed announce is answered once Redis holds the completion.
    SwarmReplicator shared = replicator.getIfAvailable();
    this.announcer = shared == null ? service : new DurableCompletions(service, shared);
    this.settings = settings;
    this.connectionIds = connectionIds;
  }

  @Override
  public synchronized void start() {
    if (server != null) {
      return;
    }
    InetSocketAddress address =
        new InetSocketAddress(properties.bindInetAddress(), properties.port());
    try {
      awaitWhitelist();
      TrackerServer started =
          TrackerServer.start(
              address,
              properties.eventLoopThreads(),
              properties.socketTransport(),
              announcer,
              settings,
              connectionIds,
              metrics);
      server = started;
      // Swarms drop silent peers of idle swarms only when asked to.
      ScheduledExecutorService scheduler =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofVirtual().name("swarm-purge").factory());
      scheduler.scheduleWithFixedDelay(service::purgeExpired, 1, 1, TimeUnit.MINUTES);
      purger = scheduler;
      log.info(
          "Tracker listening on {} port {} (HTTP over TCP, BEP 15 over UDP, {} sockets), swarm store {}",
          address.getAddress().getHostAddress(),
          started.port(),
          started.transport(),
          properties.swarmStore());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while binding the tracker on " + address, e);
    }
  }

  /**
   * A restarted instance shares its port with the running ones (SO_REUSEPORT): bound before its
   * whitelist is loaded it would answer "torrent not registered" to the announces the kernel hands
   * it. So it waits for the load, bounded, and binds anyway after that (the replay of
   * torrent-events fills the rest).
   */
  private void awaitWhitelist() throws InterruptedException {
    Duration wait = properties.whitelistWait();
    if (!wait.isZero() && !service.awaitWhitelist(wait)) {
      log.warn("Whitelist not loaded after {}; binding the tracker port anyway", wait);
    }
  }

  @Override
  public synchronized void stop() {
    if (purger != null) {
      purger.shutdownNow();
      purger = null;
    }
    TrackerServer running = server;
    if (running != null) {
      server = null;
      running.close();
      log.info("Tracker on port {} stopped", running.port());
    }
  }

  @Override
  public boolean isRunning() {
    return server != null;
  }

  /** The bound port (TCP and UDP), or -1 when not running. */
  public int port() {
    TrackerServer running = server;
    return running == null ? -1 : running.port();
  }
}
