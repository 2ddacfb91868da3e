package dev.animetracker.system;

import dev.animetracker.system.Api.Response;
import dev.animetracker.system.TrackerClient.Announce;
import dev.animetracker.system.TrackerClient.Event;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Faults on {@code make cluster} (run by {@code make test-cluster}, Maven profile {@code cluster}):
 * under a steady mixed load — logins and refreshes with an authenticated call, uploads, searches,
 * HTTP and UDP announces with {@code completed}, comments that mail the uploader — one instance of
 * every service, one Kafka broker and one Redis Cluster master are killed with {@code kill -9} in
 * turn, and each is started again before the next fault.
 *
 * <p>Per fault it measures error seconds (wall-clock seconds from the kill to the end of its
 * recovery in which any request of the load failed), lost and duplicated: accepted uploads present
 * and searchable exactly once, accepted comments present once with exactly one mail, completed
 * counts equal to the completed announces the tracker answered (one torrent per fault, so the count
 * is attributed), refresh tokens and access tokens that keep working, and the peers of a swarm
 * announced before the faults still returned after each. It prints the table, writes it to {@code
 * target/cluster-faults.md} and asserts ≤ 5 error seconds, 0 lost and 0 duplicated per fault.
 *
 * <p>Every simulated person sends from a loopback address of its own ({@link Loopback}), as the
 * gateway's per-IP limits and the tracker's per-address caps expect.
 */
class ClusterFaultsIT {

  private static final Logger log = LoggerFactory.getLogger(ClusterFaultsIT.class);

  /**
   * The faults in order; {@link #REDIS_MASTER} is resolved through CLUSTER NODES when its turn
   * comes.
   */
  private static final List<String> FAULTS =
      List.of(
          "gateway-1",
          "user-service-1",
          "torrent-service-1",
          "search-service-1",
          "tracker-service-1",
          "notification-service-1",
          "kafka-1",
          ClusterFaultsIT.REDIS_MASTER);

  private static final String REDIS_MASTER = "redis-master";

  private static final int MAX_ERROR_SECONDS = 5;
  private static final Duration OBSERVE_DOWN = Duration.ofSeconds(8);
  private static final Duration SETTLE = Duration.ofSeconds(5);
  private static final Duration CONVERGE = Duration.ofSeconds(90);
  private static final int UPLOADERS = 16;
  private static final int UPLOADS_PER_NEW_ACCOUNT = 10;
  private static final int COMMENTERS = 5;
  private static final int SWARM_PEERS = 20;
  private static final String PASSWORD = "cluster faults password";

  private final Cluster cluster = new Cluster(Cluster.Settings.fromSystemProperties());
  private final int trackerPort = cluster.settings().trackerPort();

  /** Phase 0 is the time outside any fault's window (before the first, between two). */
  private final List<Phase> phases = new CopyOnWriteArrayList<>();

  private volatile int currentPhase;

  /** Epoch second → the first few failures seen in it. */
  private final ConcurrentSkipListMap<Long, List<String>> failures = new ConcurrentSkipListMap<>();

  private final List<Sent> uploads = new CopyOnWriteArrayList<>();
  private final List<Sent> comments = new CopyOnWriteArrayList<>();
  private final AtomicInteger refused = new AtomicInteger();

  @Test
  void killsOfEveryKindUnderLoadLoseAndDoubleNothing() throws Exception {
    phases.add(new Phase("(between faults)"));
    for (String fault : FAULTS) {
      phases.add(new Phase(fault));
    }

    log.info("registering {} people", UPLOADERS + COMMENTERS + 2);
    List<Person> people = register(UPLOADERS + COMMENTERS + 2);
    Person host = people.get(0);
    Person owner = people.get(1);
    List<Person> uploaders = people.subList(2, 2 + UPLOADERS);
    List<Person> commenters = people.subList(2 + UPLOADERS, people.size());

    Setup setup = setUp(host, owner);
    ScheduledExecutorService load = Executors.newScheduledThreadPool(6);
    every(load, Duration.ofMillis(400), n -> session(people.get(n % people.size())));
    every(load, Duration.ofSeconds(3), n -> login(people.get(n % people.size())));
    every(load, Duration.ofMillis(2500), n -> upload(uploaders, n));
    every(load, Duration.ofMillis(300), this::search);
    every(load, Duration.ofMillis(300), n -> announce(setup, n));
    every(load, Duration.ofSeconds(2), n -> comment(commenters, setup, n));

    hold(SETTLE);
    for (int i = 1; i < phases.size(); i++) {
      Phase phase = phases.get(i);
      String target = REDIS_MASTER.equals(phase.fault) ? cluster.redisMaster() : phase.fault;
      phase.target = target;
      phase.started = Instant.now();
      currentPhase = i;
      log.info("fault {}: kill -9 {}", i, target);
      cluster.kill(target);
      hold(OBSERVE_DOWN);
      try {
        cluster.start(target);
        if (target.startsWith("redis-")) {
          awaitRedisClusterOk();
        }
      } catch (RuntimeException e) {
        // Counted, and the table still written: what the load saw matters more than the abort.
        log.error("{} did not come back", target, e);
        phase.lose(target + " did not come back: " + abbreviate(e.getMessage()));
      }
      hold(SETTLE);
      phase.swarmMissing = missingSwarmPeers(setup);
      phase.ended = Instant.now();
      currentPhase = 0;
      log.info(
          "fault {} over after {} s",
          target,
          Duration.between(phase.started, phase.ended).toSeconds());
    }
    // Periodic tasks end with shutdown; the ones running finish their request.
    load.shutdown();
    if (!load.awaitTermination(2, TimeUnit.MINUTES)) {
      throw new AssertionError("the load did not stop");
    }

    converge(setup, host);
    String table = table();
    log.info("Faults on make cluster:\n{}", table);
    Path target = Path.of("target", "cluster-faults.md");
    Files.createDirectories(target.getParent());
    Files.writeString(target, table, StandardCharsets.UTF_8);

    SoftAssertions softly = new SoftAssertions();
    for (Phase phase : phases.subList(1, phases.size())) {
      softly
          .assertThat(errorSeconds(phase))
          .as("error seconds of %s", phase.target)
          .isLessThanOrEqualTo(MAX_ERROR_SECONDS);
      softly.assertThat(phase.lost).as("lost during %s: %s", phase.target, phase.lost).isEmpty();
      softly
          .assertThat(phase.duplicated)
          .as("duplicated during %s: %s", phase.target, phase.duplicated)
          .isEmpty();
    }
    Phase between = phases.getFirst();
    softly.assertThat(between.lost).as("lost outside the faults: %s", between.lost).isEmpty();
    softly
        .assertThat(between.duplicated)
        .as("duplicated outside the faults: %s", between.duplicated)
        .isEmpty();
    softly.assertAll();
  }

  // ---- set-up ------------------------------------------------------------------------------

  /** A registered, verified person with a session of their own, at an address of their own. */
  private static final class Person {
    final Visitor visitor = Visitor.fresh();
    final String username = Api.uniqueName("Fault");
    final String email = username.toLowerCase(Locale.ROOT) + "@example.org";
    volatile String accessToken;
    volatile String refreshToken;
    final AtomicInteger uploads = new AtomicInteger();
  }

  private static List<Person> register(int count) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Person>> registered = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        registered.add(
            pool.submit(
                () -> {
                  // Set-up, not the measured load: a 502 under parallel registrations (seen through
                  // HAProxy) is retried as another person rather than failing the run.
                  AssertionError last = null;
                  for (int attempt = 0; attempt < 3; attempt++) {
                    Person person = new Person();
                    try {
                      var login = person.visitor.registerVerifiedUser(person.username, PASSWORD);
                      person.accessToken = login.path("accessToken").asString();
                      person.refreshToken = login.path("refreshToken").asString();
                      return person;
                    } catch (AssertionError e) {
                      log.warn("registration failed, retrying: {}", abbreviate(e.getMessage()));
                      last = e;
                    }
                  }
                  throw last;
                }));
      }
      List<Person> people = new ArrayList<>();
      for (Future<Person> person : registered) {
        people.add(person.get());
      }
      return people;
    } finally {
      pool.shutdownNow();
    }
  }

  /** The torrents the load writes to, all whitelisted by the tracker before the load starts. */
  private record Setup(
      Uploaded commented, Uploaded swarm, List<Uploaded> completed, Set<String> swarmPeers) {}

  private record Uploaded(long id, String infoHash, String word) {}

  private Setup setUp(Person host, Person owner) {
    Uploaded commented = uploadAndAwaitTracker(host, word());
    Uploaded swarm = uploadAndAwaitTracker(host, word());
    List<Uploaded> completed = new ArrayList<>();
    for (int i = 0; i < phases.size(); i++) {
      completed.add(uploadAndAwaitTracker(i < 8 ? host : owner, word()));
    }
    Set<String> swarmPeers = new java.util.HashSet<>();
    for (int i = 0; i < SWARM_PEERS; i++) {
      TrackerClient seeder = new TrackerClient(Loopback.next(), trackerPort);
      int port = 20000 + i;
      Announce announce =
          i % 2 == 0
              ? seeder.httpAnnounce(swarm.infoHash(), peerId(i), port, 0, Event.STARTED)
              : seeder.udpAnnounce(
                  swarm.infoHash(),
                  peerId(i).getBytes(StandardCharsets.US_ASCII),
                  port,
                  0,
                  Event.STARTED);
      if (!announce.ok()) {
        throw new AssertionError("seeder " + i + " was not announced: " + announce.failure());
      }
      swarmPeers.add(seeder.address().getHostAddress() + ":" + port);
    }
    return new Setup(commented, swarm, List.copyOf(completed), Set.copyOf(swarmPeers));
  }

  private Uploaded uploadAndAwaitTracker(Person person, String word) {
    Path file = Torrents.make("Faults " + word);
    Response created = Torrents.upload(file, Map.of("category", "anime-raw"), person.accessToken);
    if (created.status() != 201) {
      throw new AssertionError(
          "set-up upload failed: " + created.status() + " " + created.raw().body());
    }
    person.uploads.incrementAndGet();
    Uploaded uploaded =
        new Uploaded(created.json().path("id").asLong(), created.text("infoHash"), word);
    TrackerClient probe = new TrackerClient(Loopback.next(), trackerPort);
    Awaitility.await("the tracker serves " + word)
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> probe.scrapeCompleted(uploaded.infoHash()) >= 0);
    return uploaded;
  }

  // ---- the load ----------------------------------------------------------------------------

  @FunctionalInterface
  private interface Step {
    void run(int n) throws Exception;
  }

  /** Runs a step of the load at a fixed rate; a step never throws (it counts its failures). */
  private void every(ScheduledExecutorService load, Duration period, Step step) {
    AtomicInteger count = new AtomicInteger();
    load.scheduleAtFixedRate(
        () -> {
          try {
            step.run(count.getAndIncrement());
          } catch (Exception e) {
            failed("load step", e.toString());
          }
        },
        0,
        period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** Lets the load run on for a while (a fault's down time, a recovery's settling). */
  private static void hold(Duration duration) {
    Awaitility.await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
  }

  /** A refresh and an authenticated call with the new access token: both must keep working. */
  private void session(Person person) {
    Response refreshed =
        call(
            person.visitor,
            "refresh",
            () ->
                person.visitor.post(
                    "/api/auth/refresh", Map.of("refreshToken", person.refreshToken)));
    if (refreshed == null) {
      return;
    }
    if (refreshed.status() == 200) {
      person.refreshToken = refreshed.text("refreshToken");
      person.accessToken = refreshed.text("accessToken");
    } else if (refreshed.status() == 401) {
      phase()
          .lose("session of " + person.username + " (refresh 401 " + refreshed.text("code") + ")");
      failed("refresh", "401 " + refreshed.text("code"));
      login(person);
      return;
    } else {
      failed("refresh", refreshed.status() + " " + refreshed.text("code"));
      return;
    }
    Response me =
        call(person.visitor, "me", () -> person.visitor.get("/api/users/me", person.accessToken));
    if (me != null && me.status() != 200) {
      if (me.status() == 401) {
        phase().lose("session of " + person.username + " (/api/users/me 401)");
      }
      failed("me", me.status() + " " + me.text("code"));
    }
  }

  private void login(Person person) {
    Response login =
        call(person.visitor, "login", () -> person.visitor.login(person.username, PASSWORD));
    if (login == null) {
      return;
    }
    if (login.status() == 200) {
      person.refreshToken = login.text("refreshToken");
      person.accessToken = login.text("accessToken");
    } else if (login.status() == 429) {
      refused.incrementAndGet();
    } else {
      failed("login", login.status() + " " + login.text("code"));
    }
  }

  private void upload(List<Person> uploaders, int n) {
    Person person = uploaders.get(n % uploaders.size());
    if (person.uploads.get() >= UPLOADS_PER_NEW_ACCOUNT) {
      return;
    }
    String word = word();
    Path file = Torrents.make("Faults " + word);
    int phase = currentPhase;
    person.uploads.incrementAndGet();
    Response created =
        call(
            person.visitor,
            "upload",
            () -> Torrents.upload(file, Map.of("category", "anime-raw"), person.accessToken));
    if (created == null) {
      uploads.add(new Sent(phase, word, false, -1));
    } else if (created.status() == 201) {
      uploads.add(new Sent(phase, word, true, created.json().path("id").asLong()));
    } else if (created.status() == 429) {
      refused.incrementAndGet();
    } else {
      // A 5xx may still have committed: the torrent may appear once, never twice.
      uploads.add(new Sent(phase, word, false, -1));
      failed("upload", created.status() + " " + created.text("code"));
    }
  }

  private final Visitor searcher = Visitor.fresh();

  private void search(int n) {
    Response found =
        call(searcher, "search", () -> searcher.get("/api/search?q=faults&page=" + n % 3, null));
    if (found != null && found.status() != 200) {
      failed("search", found.status() + " " + found.text("code"));
    }
  }

  /** started, then completed, from a new address each time, alternately over HTTP and UDP. */
  private void announce(Setup setup, int n) {
    int phase = currentPhase;
    Uploaded torrent = setup.completed().get(phase);
    TrackerClient client = new TrackerClient(Loopback.next(), trackerPort);
    String peerId = peerId(100_000 + n);
    boolean udp = n % 2 == 1;
    Announce started =
        udp
            ? client.udpAnnounce(
                torrent.infoHash(),
                peerId.getBytes(StandardCharsets.US_ASCII),
                30000,
                100,
                Event.STARTED)
            : client.httpAnnounce(torrent.infoHash(), peerId, 30000, 100, Event.STARTED);
    if (!started.ok()) {
      failed(udp ? "udp announce" : "http announce", started.failure());
      return;
    }
    Announce completed =
        udp
            ? client.udpAnnounce(
                torrent.infoHash(),
                peerId.getBytes(StandardCharsets.US_ASCII),
                30000,
                0,
                Event.COMPLETED)
            : client.httpAnnounce(torrent.infoHash(), peerId, 30000, 0, Event.COMPLETED);
    Phase counted = phases.get(phase);
    if (completed.ok()) {
      counted.completedAnswered.incrementAndGet();
    } else {
      counted.completedUncertain.incrementAndGet();
      failed(udp ? "udp completed" : "http completed", completed.failure());
    }
  }

  private void comment(List<Person> commenters, Setup setup, int n) {
    Person person = commenters.get(n % commenters.size());
    String word = word();
    int phase = currentPhase;
    Response created =
        call(
            person.visitor,
            "comment",
            () ->
                person.visitor.post(
                    "/api/torrents/" + setup.commented().id() + "/comments",
                    Map.of("text", "Faults comment " + word),
                    person.accessToken));
    if (created == null) {
      comments.add(new Sent(phase, word, false, -1));
    } else if (created.status() == 201) {
      comments.add(new Sent(phase, word, true, created.json().path("id").asLong()));
    } else if (created.status() == 429) {
      refused.incrementAndGet();
    } else {
      comments.add(new Sent(phase, word, false, -1));
      failed("comment", created.status() + " " + created.text("code"));
    }
  }

  /** A call whose transport failure is counted and answered with null; 5xx are the caller's. */
  private Response call(
      Visitor visitor, String what, java.util.function.Supplier<Response> request) {
    try {
      Response response = request.get();
      if (response.status() >= 500) {
        failed(what, response.status() + " " + response.raw().body());
        return null;
      }
      return response;
    } catch (IllegalStateException e) {
      failed(what, String.valueOf(e.getCause()));
      return null;
    }
  }

  private void failed(String what, String detail) {
    List<String> seen =
        failures.computeIfAbsent(
            Instant.now().getEpochSecond(),
            second -> Collections.synchronizedList(new ArrayList<>()));
    if (seen.size() < 5) {
      seen.add(currentPhaseName() + ": " + what + ": " + abbreviate(detail));
    }
  }

  private String currentPhaseName() {
    Phase phase = phases.get(currentPhase);
    return phase.target == null ? phase.fault : phase.target;
  }

  private Phase phase() {
    return phases.get(currentPhase);
  }

  // ---- checks ------------------------------------------------------------------------------

  /** One upload or comment sent by the load: accepted (201) or uncertain (no answer, 5xx). */
  private record Sent(int phase, String word, boolean accepted, long id) {}

  /**
   * The seeders announced before the faults that neither the HTTP nor the UDP side returns to a new
   * leecher within 15 s (instances learn each other's peers within a few sync intervals).
   */
  private Set<String> missingSwarmPeers(Setup setup) {
    Set<String> missing = ConcurrentHashMap.newKeySet();
    missing.addAll(setup.swarmPeers());
    java.util.concurrent.Callable<Boolean> allReturned =
        () -> {
          TrackerClient probe = new TrackerClient(Loopback.next(), trackerPort);
          Announce http =
              probe.httpAnnounce(
                  setup.swarm().infoHash(),
                  peerId(900_000 + ThreadLocalRandom.current().nextInt(99_999)),
                  40000,
                  100,
                  Event.STARTED);
          missing.removeAll(http.peers());
          Announce udp =
              probe.udpAnnounce(
                  setup.swarm().infoHash(),
                  peerId(900_000 + ThreadLocalRandom.current().nextInt(99_999))
                      .getBytes(StandardCharsets.US_ASCII),
                  40001,
                  100,
                  Event.STARTED);
          missing.removeAll(udp.peers());
          return missing.isEmpty();
        };
    try {
      Awaitility.await()
          .atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofSeconds(1))
          .until(allReturned);
    } catch (ConditionTimeoutException e) {
      log.warn("swarm peers not returned: {}", missing);
    }
    return missing;
  }

  private void awaitRedisClusterOk() {
    Awaitility.await("Redis Cluster serves every slot again")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(500))
        .until(cluster::redisClusterOk);
  }

  /** What the system shows of the load's writes, looked up after the load. */
  private final class Seen {
    final Map<String, Integer> found = new HashMap<>();
    final Map<String, Integer> listed = new HashMap<>();
    final Map<String, Integer> mailed = new HashMap<>();
    final Map<Integer, Long> scraped = new HashMap<>();
    final Map<Integer, Long> shown = new HashMap<>();
    final Visitor reader = Visitor.fresh();
    final TrackerClient scraper = new TrackerClient(Loopback.next(), trackerPort);

    /** Looks everything up again; whether every accepted write is visible (at least once). */
    boolean look(Setup setup, Person host) {
      for (Sent upload : uploads) {
        Response result = reader.get("/api/search?q=" + upload.word(), null);
        found.put(upload.word(), result.status() == 200 ? result.json().path("items").size() : 0);
      }
      listed.clear();
      Response list = reader.get("/api/torrents/" + setup.commented().id() + "/comments", null);
      if (list.status() == 200) {
        for (String text : list.json().findValuesAsString("text")) {
          listed.merge(text.replace("Faults comment ", ""), 1, Integer::sum);
        }
      }
      mailed.clear();
      for (MailSink.Mail mail : MailSink.inbox(host.email)) {
        for (Sent comment : comments) {
          if (mail.text().contains(comment.word())) {
            mailed.merge(comment.word(), 1, Integer::sum);
          }
        }
      }
      for (int i = 0; i < phases.size(); i++) {
        Uploaded torrent = setup.completed().get(i);
        scraped.put(i, scraper.scrapeCompleted(torrent.infoHash()));
        Response page = reader.get("/api/torrents/" + torrent.id(), null);
        shown.put(i, page.status() == 200 ? page.json().path("completed").asLong() : -1);
      }
      boolean countsReached = true;
      for (int i = 0; i < phases.size(); i++) {
        long answered = phases.get(i).completedAnswered.get();
        countsReached &= scraped.get(i) >= answered && shown.get(i) >= answered;
      }
      return countsReached
          && uploads.stream()
              .filter(Sent::accepted)
              .allMatch(u -> found.getOrDefault(u.word(), 0) >= 1)
          && comments.stream()
              .filter(Sent::accepted)
              .allMatch(c -> listed.getOrDefault(c.word(), 0) >= 1)
          && comments.stream()
              .filter(c -> listed.getOrDefault(c.word(), 0) >= 1)
              .allMatch(c -> mailed.getOrDefault(c.word(), 0) >= 1);
    }
  }

  /** Waits until every accepted write shows up everywhere (or the time is up), then counts. */
  private void converge(Setup setup, Person host) {
    Seen seen = new Seen();
    try {
      Awaitility.await("every accepted write visible")
          .atMost(CONVERGE)
          .pollInterval(Duration.ofSeconds(3))
          .until(() -> seen.look(setup, host));
    } catch (ConditionTimeoutException e) {
      log.warn("not every accepted write became visible within {}", CONVERGE);
    }
    // Late copies (a redelivered event, a second mail) come after the first: look once more.
    hold(Duration.ofSeconds(5));
    seen.look(setup, host);
    Map<String, Integer> found = seen.found;
    Map<String, Integer> listed = seen.listed;
    Map<String, Integer> mailed = seen.mailed;
    Map<Integer, Long> scraped = seen.scraped;
    Map<Integer, Long> shown = seen.shown;

    for (Sent upload : uploads) {
      Phase phase = phases.get(upload.phase());
      int copies = found.getOrDefault(upload.word(), 0);
      if (upload.accepted() && copies == 0) {
        phase.lose("upload " + upload.word() + " (id " + upload.id() + ") not searchable");
      }
      if (copies > 1) {
        phase.duplicate("upload " + upload.word() + " found " + copies + " times");
      }
    }
    for (Sent comment : comments) {
      Phase phase = phases.get(comment.phase());
      int copies = listed.getOrDefault(comment.word(), 0);
      int mails = mailed.getOrDefault(comment.word(), 0);
      if (comment.accepted() && copies == 0) {
        phase.lose("comment " + comment.id() + " missing");
      }
      if (copies > 1) {
        phase.duplicate("comment " + comment.word() + " listed " + copies + " times");
      }
      if (copies >= 1 && mails == 0) {
        phase.lose("mail for comment " + comment.word());
      }
      if (mails > 1) {
        phase.duplicate("mail for comment " + comment.word() + " delivered " + mails + " times");
      }
    }
    for (int i = 0; i < phases.size(); i++) {
      Phase phase = phases.get(i);
      long answered = phase.completedAnswered.get();
      long upTo = answered + phase.completedUncertain.get();
      for (Map.Entry<String, Long> count :
          Map.of("tracker scrape", scraped.get(i), "torrent page", shown.get(i)).entrySet()) {
        if (count.getValue() < answered) {
          phase.lose(
              count.getKey() + " completed " + count.getValue() + " < " + answered + " answered");
        } else if (count.getValue() > upTo) {
          phase.duplicate(
              count.getKey() + " completed " + count.getValue() + " > " + upTo + " sent");
        }
      }
      if (phase.swarmMissing != null && !phase.swarmMissing.isEmpty()) {
        phase.lose(phase.swarmMissing.size() + " swarm peers no longer returned");
      }
    }
  }

  // ---- the table ---------------------------------------------------------------------------

  private static final class Phase {
    final String fault;
    volatile String target;
    volatile Instant started;
    volatile Instant ended;
    volatile Set<String> swarmMissing;
    final AtomicLong completedAnswered = new AtomicLong();
    final AtomicLong completedUncertain = new AtomicLong();
    final List<String> lost = new CopyOnWriteArrayList<>();
    final List<String> duplicated = new CopyOnWriteArrayList<>();

    Phase(String fault) {
      this.fault = fault;
    }

    void lose(String what) {
      lost.add(what);
    }

    void duplicate(String what) {
      duplicated.add(what);
    }
  }

  private long errorSeconds(Phase phase) {
    if (phase.started == null) {
      return 0;
    }
    long from = phase.started.getEpochSecond();
    long to = (phase.ended == null ? Instant.now() : phase.ended).getEpochSecond();
    return failures.subMap(from, true, to, true).size();
  }

  private String table() {
    StringBuilder out = new StringBuilder();
    out.append("| fault | error seconds | lost | duplicated | recovery (s) |\n");
    out.append("|---|---|---|---|---|\n");
    for (Phase phase : phases.subList(1, phases.size())) {
      out.append("| kill -9 ")
          .append(phase.target == null ? phase.fault : phase.target)
          .append(REDIS_MASTER.equals(phase.fault) ? " (Redis master)" : "")
          .append(" | ")
          .append(errorSeconds(phase))
          .append(" | ")
          .append(phase.lost.size())
          .append(" | ")
          .append(phase.duplicated.size())
          .append(" | ")
          .append(
              phase.ended == null ? "-" : Duration.between(phase.started, phase.ended).toSeconds())
          .append(" |\n");
    }
    Phase between = phases.getFirst();
    out.append("| (outside the faults) | ")
        .append(
            failures.size()
                - phases.subList(1, phases.size()).stream().mapToLong(this::errorSeconds).sum())
        .append(" | ")
        .append(between.lost.size())
        .append(" | ")
        .append(between.duplicated.size())
        .append(" | - |\n\n");
    long accepted = uploads.stream().filter(Sent::accepted).count();
    long acceptedComments = comments.stream().filter(Sent::accepted).count();
    long completed = phases.stream().mapToLong(p -> p.completedAnswered.get()).sum();
    out.append("Load: ")
        .append(accepted)
        .append(" uploads accepted (")
        .append(uploads.size() - accepted)
        .append(" unanswered), ")
        .append(acceptedComments)
        .append(" comments accepted (")
        .append(comments.size() - acceptedComments)
        .append(" unanswered), ")
        .append(completed)
        .append(" completed announces answered, ")
        .append(refused.get())
        .append(" requests refused by limits (429, not counted as errors).\n");
    for (Phase phase : phases) {
      for (String what : phase.lost) {
        out.append("- lost (")
            .append(phase.target == null ? phase.fault : phase.target)
            .append("): ")
            .append(what)
            .append('\n');
      }
      for (String what : phase.duplicated) {
        out.append("- duplicated (")
            .append(phase.target == null ? phase.fault : phase.target)
            .append("): ")
            .append(what)
            .append('\n');
      }
    }
    out.append("\nFailures by second:\n");
    failures.forEach(
        (second, seen) ->
            out.append("- ")
                .append(Instant.ofEpochSecond(second))
                .append(' ')
                .append(seen)
                .append('\n'));
    return out.toString();
  }

  // ---- small helpers -----------------------------------------------------------------------

  /** A word of ten random letters: unique in the catalogue, found by full-text search as it is. */
  private static String word() {
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      word.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
    }
    return word.toString();
  }

  private static String peerId(int n) {
    return String.format("-FT0001-%012d", n);
  }

  private static String abbreviate(String text) {
    String line = text == null ? "null" : text.replace('\n', ' ');
    return line.length() > 160 ? line.substring(0, 160) + "…" : line;
  }
}
