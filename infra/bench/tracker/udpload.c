// udpload: BEP 15 (UDP tracker) announce load generator for `make bench-tracker`.
//
// Connects once per socket (the connection id is reused: BEP 15 ids stay valid for at least a minute on both
// trackers; a socket reconnects in-band every 50 s anyway), then keeps a bounded window of announces in flight,
// sent and received many datagrams per syscall (sendmmsg / recvmmsg). Simulated peers are fixed for a seed:
// peer i announces on info hash i mod N with a random peer id, key and port (ports are distinct within a swarm,
// because opentracker tells peers apart by address + port only), left > 0 for 80 % of peers, numwant 50,
// event=started on a peer's first announce and none after. Replies are matched by transaction id; the latency
// is send -> reply. Error packets (action 3), timeouts and malformed replies are counted apart from successes.
// The default window (128) stays below what opentracker's socket holds (the kernel default 208 KiB receive
// buffer, ~166 small datagrams on loopback): with more in flight the excess is dropped whenever the server falls
// behind, and every lost request idles its slot until the timeout. Only requests sent after the warm-up count.
//
//   udpload -p PORT -f HASHES [-h 127.0.0.1] [-P 100000] [-d 10] [-w 2] [-W 128] [-s 16] [-n 50] [-t 2000]
//           [-S seed] [-l label] [-N announces: stop after this many, once all are answered]
//
// Prints a human summary and one machine-readable line starting with "RESULT ". Exit status 0 when at least one
// announce was answered with an announce reply, 1 otherwise (2 = usage / set-up error).
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define BATCH 64
#define MAX_SOCKETS 256
#define REQ_LEN 98
#define MAX_SCRAPE 74  // hashes per scrape packet (BEP 15 leaves it to the tracker; ours allows 74 by default)
#define SEND_LEN (16 + 20 * MAX_SCRAPE)
#define RECV_LEN 2048
#define RECONNECT_NS (50LL * 1000000000LL)
#define RAMP_NS 500000000LL  // the window opens over the first 0.5 s (see send_some)
#define HIST_FINE 10000    // 1 us buckets below 10 ms
#define HIST_COARSE 99900  // then 100 us buckets up to 10 s
#define HIST_SIZE (HIST_FINE + HIST_COARSE + 1)

enum slot_state { FREE = 0, ANNOUNCE, CONNECT };

typedef struct {
  uint8_t state;
  uint16_t seq;
  uint32_t peer;
  int64_t sent_ns;
} slot_t;

typedef struct {
  int fd;
  uint64_t conn_id;
  int connected;
  int64_t connected_ns;
  int connect_pending;
  slot_t *slots;  // window / sockets slots, transaction id = socket << 24 | slot << 16... see tid()
  int nslots;
  int free_top;
  int *free_list;
} sock_t;

typedef struct {
  uint8_t peer_id[20];
  uint32_t key;
  uint16_t port;
  uint8_t seeder;
  uint8_t started;
} peer_t;

typedef struct {
  uint64_t ok, err_packets, timeouts, malformed, send_errors, peers_total, with_peers, connects;
  uint64_t hist[HIST_SIZE];
} stats_t;

static struct sockaddr_in target;
static int nhashes;
static uint8_t (*hashes)[20];
static peer_t *peers;
static uint32_t npeers;
static int numwant = 50;
static uint64_t rng_state = 0x9e3779b97f4a7c15ULL;
static stats_t stats;
static int measuring;
static int64_t measure_from, measure_end;  // only requests sent from here on count, whatever their outcome
static char first_error[256];
static int nsock = 16;
static sock_t socks[MAX_SOCKETS];
static uint32_t next_peer;
// -N: stop issuing announces after this many (0 = no limit), e.g. one announce per peer to fill the swarms.
static uint64_t max_announces, announces_issued;
// -X k: send scrapes of k hashes (cycling through the hash list) instead of announces; -X 74 x 14 packets = one
// scrape of about 1000 hashes.
static int scrape_hashes;
static uint32_t next_scrape;
static int64_t started_ns;

static int64_t now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static uint64_t rnd(void) {  // splitmix64: fixed sequence for a seed
  uint64_t z = (rng_state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

static void put64(uint8_t *p, uint64_t v) {
  for (int i = 7; i >= 0; i--, v >>= 8) p[i] = (uint8_t)v;
}
static void put32(uint8_t *p, uint32_t v) {
  for (int i = 3; i >= 0; i--, v >>= 8) p[i] = (uint8_t)v;
}
static uint32_t get32(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}
static uint64_t get64(const uint8_t *p) { return (uint64_t)get32(p) << 32 | get32(p + 4); }

static void die(const char *what) {
  perror(what);
  exit(2);
}

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static void load_hashes(const char *path) {
  FILE *f = fopen(path, "r");
  if (!f) die(path);
  char line[256];
  int cap = 1024, lineno = 0;
  hashes = malloc(sizeof(*hashes) * cap);
  while (fgets(line, sizeof line, f)) {
    lineno++;
    char *s = line;
    while (*s == ' ' || *s == '\t') s++;
    if (*s == '#' || *s == '\n' || *s == '\r' || *s == 0) continue;
    if (nhashes == cap) hashes = realloc(hashes, sizeof(*hashes) * (cap *= 2));
    for (int i = 0; i < 20; i++) {
      int hi = hexval(s[2 * i]), lo = hi < 0 ? -1 : hexval(s[2 * i + 1]);
      if (hi < 0 || lo < 0) {
        fprintf(stderr, "%s line %d: not a 40-hex info hash\n", path, lineno);
        exit(2);
      }
      hashes[nhashes][i] = (uint8_t)(hi << 4 | lo);
    }
    nhashes++;
  }
  fclose(f);
  if (nhashes == 0) {
    fprintf(stderr, "%s: no info hashes\n", path);
    exit(2);
  }
}

static void make_peers(void) {
  peers = calloc(npeers, sizeof(peer_t));
  for (uint32_t i = 0; i < npeers; i++) {
    peer_t *p = &peers[i];
    memcpy(p->peer_id, "-BN0001-", 8);  // Azureus-style client prefix, random rest
    for (int b = 8; b < 20; b++) p->peer_id[b] = (uint8_t)rnd();
    p->key = (uint32_t)rnd();
    // Distinct within a swarm (peers i, i+N, i+2N... share hash i mod N): 7919 is coprime to 64000.
    uint32_t h = i % (uint32_t)nhashes, k = i / (uint32_t)nhashes;
    p->port = (uint16_t)(1025 + (k * 7919u + h * 131u) % 64000u);
    p->seeder = (rnd() % 100) < 20;
  }
}

static uint32_t tid_of(int sock, int slot, uint16_t seq) {
  // 8 bits socket, 12 bits slot, 12 bits sequence: a late reply to a reused slot is recognised as stale.
  return (uint32_t)sock << 24 | (uint32_t)slot << 12 | (seq & 0xfffu);
}

static void hist_add(int64_t ns) {
  int64_t us = ns / 1000;
  size_t idx;
  if (us < HIST_FINE)
    idx = (size_t)us;
  else if (us < HIST_FINE + (int64_t)HIST_COARSE * 100)
    idx = HIST_FINE + (size_t)((us - HIST_FINE) / 100);
  else
    idx = HIST_SIZE - 1;
  stats.hist[idx]++;
}

static double hist_pct(double q) {  // milliseconds
  uint64_t total = 0;
  for (size_t i = 0; i < HIST_SIZE; i++) total += stats.hist[i];
  if (total == 0) return 0;
  uint64_t rank = (uint64_t)(q * (double)total);
  if (rank >= total) rank = total - 1;
  uint64_t seen = 0;
  for (size_t i = 0; i < HIST_SIZE; i++) {
    seen += stats.hist[i];
    if (seen > rank) {
      double us = i < HIST_FINE ? (double)i : HIST_FINE + (double)(i - HIST_FINE) * 100;
      return us / 1000.0;
    }
  }
  return 0;
}

static void release(sock_t *s, int slot) {
  s->slots[slot].state = FREE;
  s->free_list[s->free_top++] = slot;
}

static int build_connect(uint8_t *buf, uint32_t tid) {
  put64(buf, 0x41727101980ULL);
  put32(buf + 8, 0);
  put32(buf + 12, tid);
  return 16;
}

static int build_announce(sock_t *s, uint8_t *buf, uint32_t tid, uint32_t pi) {
  peer_t *p = &peers[pi];
  put64(buf, s->conn_id);
  put32(buf + 8, 1);
  put32(buf + 12, tid);
  memcpy(buf + 16, hashes[pi % (uint32_t)nhashes], 20);
  memcpy(buf + 36, p->peer_id, 20);
  put64(buf + 56, p->seeder ? 1000000 : 250000);  // downloaded
  put64(buf + 64, p->seeder ? 0 : 750000);        // left
  put64(buf + 72, 50000);                         // uploaded
  put32(buf + 80, p->started ? 0 : 2);            // event: none / started
  put32(buf + 84, 0);                             // ip: the sender's
  put32(buf + 88, p->key);
  put32(buf + 92, (uint32_t)numwant);
  buf[96] = (uint8_t)(p->port >> 8);
  buf[97] = (uint8_t)p->port;
  return REQ_LEN;
}

static int build_scrape(sock_t *s, uint8_t *buf, uint32_t tid) {
  put64(buf, s->conn_id);
  put32(buf + 8, 2);
  put32(buf + 12, tid);
  for (int j = 0; j < scrape_hashes; j++) {
    memcpy(buf + 16 + 20 * j, hashes[next_scrape], 20);
    next_scrape = (next_scrape + 1) % (uint32_t)nhashes;
  }
  return 16 + 20 * scrape_hashes;
}

static uint8_t sendbuf[BATCH][SEND_LEN];
static struct iovec send_iov[BATCH];
static struct mmsghdr send_msgs[BATCH];
static uint8_t recvbuf[BATCH][RECV_LEN];
static struct iovec recv_iov[BATCH];
static struct mmsghdr recv_msgs[BATCH];

// Fills free slots of socket `si` with requests and sends them in batches; returns datagrams sent. The window
// opens gradually over RAMP_NS rather than in one burst of the whole window at the server.
static int send_some(int si, int64_t now) {
  sock_t *s = &socks[si];
  int n = 0, slots_used[BATCH];
  int limit = s->nslots;
  if (now - started_ns < RAMP_NS) limit = 1 + (int)((int64_t)s->nslots * (now - started_ns) / RAMP_NS);
  int room = limit - (s->nslots - s->free_top);
  if (!s->connected || (!s->connect_pending && now - s->connected_ns > RECONNECT_NS)) {
    if (!s->connect_pending && s->free_top > 0) {
      int slot = s->free_list[--s->free_top];
      slot_t *sl = &s->slots[slot];
      sl->state = CONNECT;
      sl->seq++;
      sl->sent_ns = now;
      send_iov[n].iov_base = sendbuf[n];
      send_iov[n].iov_len = (size_t)build_connect(sendbuf[n], tid_of(si, slot, sl->seq));
      slots_used[n++] = slot;
      s->connect_pending = 1;
    }
    if (!s->connected) goto flush;
  }
  while (n < BATCH && s->free_top > 0 && room-- > 0 && (max_announces == 0 || announces_issued < max_announces)) {
    announces_issued++;
    int slot = s->free_list[--s->free_top];
    slot_t *sl = &s->slots[slot];
    uint32_t pi = next_peer;
    next_peer = (next_peer + 1) % npeers;
    sl->state = ANNOUNCE;
    sl->seq++;
    sl->peer = pi;
    sl->sent_ns = now;
    send_iov[n].iov_base = sendbuf[n];
    if (scrape_hashes) {
      send_iov[n].iov_len = (size_t)build_scrape(s, sendbuf[n], tid_of(si, slot, sl->seq));
    } else {
      send_iov[n].iov_len = (size_t)build_announce(s, sendbuf[n], tid_of(si, slot, sl->seq), pi);
      peers[pi].started = 1;  // the next announce of this peer is a regular one
    }
    slots_used[n++] = slot;
  }
flush:
  if (n == 0) return 0;
  for (int i = 0; i < n; i++) {
    memset(&send_msgs[i], 0, sizeof send_msgs[i]);
    send_msgs[i].msg_hdr.msg_iov = &send_iov[i];
    send_msgs[i].msg_hdr.msg_iovlen = 1;
  }
  int sent = sendmmsg(s->fd, send_msgs, (unsigned)n, MSG_DONTWAIT);
  if (sent < 0) {
    if (errno != EAGAIN && errno != EWOULDBLOCK && errno != ENOBUFS && errno != ECONNREFUSED) die("sendmmsg");
    if (measuring) stats.send_errors += errno == ECONNREFUSED ? (uint64_t)n : 0;
    sent = 0;
  }
  int rewound = 0;
  for (int i = sent; i < n; i++) {  // not sent: the slot is free again, the peer keeps its event for next time
    slot_t *sl = &s->slots[slots_used[i]];
    if (sl->state == CONNECT) s->connect_pending = 0;
    if (sl->state == ANNOUNCE) {
      if (!scrape_hashes) peers[sl->peer].started = 0;
      announces_issued--;
      // With -N the first unsent peer (and those after it) go out again next time: every peer once.
      if (max_announces && !rewound) next_peer = sl->peer;
      rewound = 1;
    }
    release(s, slots_used[i]);
  }
  return sent;
}

static void on_reply(int si, const uint8_t *b, size_t len, int64_t now) {
  sock_t *s = &socks[si];
  if (len < 8) {
    if (measuring) stats.malformed++;
    return;
  }
  uint32_t action = get32(b), tid = get32(b + 4);
  int sock = (int)(tid >> 24), slot = (int)(tid >> 12 & 0xfff);
  if (sock != si || slot >= s->nslots) {
    if (measuring) stats.malformed++;
    return;
  }
  slot_t *sl = &s->slots[slot];
  if (sl->state == FREE || (sl->seq & 0xfff) != (tid & 0xfff)) return;  // late reply to a timed-out request
  int counted = sl->sent_ns >= measure_from && now < measure_end;
  if (action == 3) {
    if (!first_error[0]) {
      size_t m = len - 8 < sizeof first_error - 1 ? len - 8 : sizeof first_error - 1;
      memcpy(first_error, b + 8, m);
      first_error[m] = 0;
    }
    if (sl->state == CONNECT) s->connect_pending = 0;
    if (counted) stats.err_packets++;
  } else if (sl->state == CONNECT && action == 0 && len >= 16) {
    s->conn_id = get64(b + 8);
    s->connected = 1;
    s->connected_ns = now;
    s->connect_pending = 0;
    if (counted) stats.connects++;
  } else if (sl->state == ANNOUNCE && scrape_hashes && action == 2 && len == 8 + 12 * (size_t)scrape_hashes) {
    if (counted) {
      stats.ok++;
      hist_add(now - sl->sent_ns);
    }
  } else if (sl->state == ANNOUNCE && !scrape_hashes && action == 1 && len >= 20 && (len - 20) % 6 == 0) {
    if (counted) {
      uint64_t n = (len - 20) / 6;
      stats.ok++;
      stats.peers_total += n;
      stats.with_peers += n > 0;
      hist_add(now - sl->sent_ns);
    }
  } else {
    if (sl->state == CONNECT) s->connect_pending = 0;
    if (counted) stats.malformed++;
  }
  release(s, slot);
}

static int recv_some(int si, int64_t now) {
  for (int i = 0; i < BATCH; i++) {
    recv_iov[i].iov_base = recvbuf[i];
    recv_iov[i].iov_len = RECV_LEN;
    memset(&recv_msgs[i], 0, sizeof recv_msgs[i]);
    recv_msgs[i].msg_hdr.msg_iov = &recv_iov[i];
    recv_msgs[i].msg_hdr.msg_iovlen = 1;
  }
  int got = recvmmsg(socks[si].fd, recv_msgs, BATCH, MSG_DONTWAIT, NULL);
  if (got < 0) {
    if (errno == EAGAIN || errno == EWOULDBLOCK) return 0;
    if (errno == ECONNREFUSED) {  // ICMP port unreachable: nothing listens (yet)
      if (measuring) stats.send_errors++;
      return 0;
    }
    die("recvmmsg");
  }
  for (int i = 0; i < got; i++) on_reply(si, recvbuf[i], recv_msgs[i].msg_len, now);
  return got;
}

static void expire(int64_t now, int64_t timeout_ns) {
  for (int si = 0; si < nsock; si++) {
    sock_t *s = &socks[si];
    for (int k = 0; k < s->nslots; k++) {
      slot_t *sl = &s->slots[k];
      if (sl->state != FREE && now - sl->sent_ns > timeout_ns) {
        if (sl->state == CONNECT) s->connect_pending = 0;
        if (sl->sent_ns >= measure_from) stats.timeouts++;
        release(s, k);
      }
    }
  }
}

static double cpu_seconds(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
}

static void usage(void) {
  fprintf(stderr,
          "usage: udpload -p PORT -f HASHES [-h HOST] [-P peers] [-d seconds] [-w warmup-seconds] [-W window]\n"
          "               [-s sockets] [-n numwant] [-t timeout-ms] [-S seed] [-l label] [-N announces]\n"
          "               [-X hashes: scrapes of that many hashes, at most 74, instead of announces]\n");
  exit(2);
}

int main(int argc, char **argv) {
  const char *host = "127.0.0.1", *file = NULL, *label = "udp";
  int port = 0, window = 128, timeout_ms = 2000;
  double duration = 10, warmup = 2;
  npeers = 100000;
  int opt;
  while ((opt = getopt(argc, argv, "h:p:f:P:d:w:W:s:n:t:S:l:N:X:")) != -1) {
    switch (opt) {
      case 'h': host = optarg; break;
      case 'p': port = atoi(optarg); break;
      case 'f': file = optarg; break;
      case 'P': npeers = (uint32_t)strtoul(optarg, NULL, 10); break;
      case 'd': duration = atof(optarg); break;
      case 'w': warmup = atof(optarg); break;
      case 'W': window = atoi(optarg); break;
      case 's': nsock = atoi(optarg); break;
      case 'n': numwant = atoi(optarg); break;
      case 't': timeout_ms = atoi(optarg); break;
      case 'S': rng_state ^= strtoull(optarg, NULL, 10) * 0x2545f4914f6cdd1dULL; break;
      case 'l': label = optarg; break;
      case 'N': max_announces = strtoull(optarg, NULL, 10); break;
      case 'X': scrape_hashes = atoi(optarg); break;
      default: usage();
    }
  }
  if (port <= 0 || port > 65535 || !file || npeers == 0 || duration <= 0 || warmup < 0 || nsock < 1 ||
      nsock > MAX_SOCKETS || window < nsock || window / nsock > 4095 || scrape_hashes < 0 || scrape_hashes > MAX_SCRAPE)
    usage();
  load_hashes(file);
  if (npeers / (uint32_t)nhashes > 64000) {
    fprintf(stderr, "too many peers per info hash (max 64000)\n");
    exit(2);
  }
  make_peers();
  memset(&target, 0, sizeof target);
  target.sin_family = AF_INET;
  target.sin_port = htons((uint16_t)port);
  if (inet_pton(AF_INET, host, &target.sin_addr) != 1) {
    fprintf(stderr, "not an IPv4 address: %s\n", host);
    exit(2);
  }
  struct pollfd pfd[MAX_SOCKETS];
  for (int si = 0; si < nsock; si++) {
    sock_t *s = &socks[si];
    s->fd = socket(AF_INET, SOCK_DGRAM, 0);
    if (s->fd < 0) die("socket");
    int buf = 4 << 20;
    setsockopt(s->fd, SOL_SOCKET, SO_RCVBUF, &buf, sizeof buf);
    setsockopt(s->fd, SOL_SOCKET, SO_SNDBUF, &buf, sizeof buf);
    if (connect(s->fd, (struct sockaddr *)&target, sizeof target) < 0) die("connect");
    s->nslots = window / nsock;
    s->slots = calloc((size_t)s->nslots, sizeof(slot_t));
    s->free_list = malloc(sizeof(int) * (size_t)s->nslots);
    for (int k = s->nslots - 1; k >= 0; k--) s->free_list[s->free_top++] = k;
    pfd[si].fd = s->fd;
    pfd[si].events = POLLIN;
  }

  int64_t start = started_ns = now_ns(), timeout_ns = (int64_t)timeout_ms * 1000000LL;
  measure_from = start + (int64_t)(warmup * 1e9);
  measure_end = measure_from + (int64_t)(duration * 1e9);
  int64_t end = measure_end;
  int64_t last_expire = start;
  double cpu0 = 0;
  while (1) {
    int64_t now = now_ns();
    if (!measuring && now >= measure_from) {
      measuring = 1;
      cpu0 = cpu_seconds();
      first_error[0] = 0;
    }
    if (now >= end) break;
    if (max_announces && announces_issued >= max_announces) {  // done once every issued announce is answered
      int busy = 0;
      for (int si = 0; si < nsock; si++) busy += socks[si].nslots - socks[si].free_top;
      if (busy == 0) break;
    }
    int activity = 0;
    for (int si = 0; si < nsock; si++) {
      int got;
      while ((got = recv_some(si, now)) > 0) activity += got;
      activity += send_some(si, now);
    }
    if (now - last_expire > 10000000LL) {  // every 10 ms
      expire(now, timeout_ns);
      last_expire = now;
    }
    if (!activity) poll(pfd, (nfds_t)nsock, 1);
  }
  double cpu = cpu_seconds() - cpu0;
  uint64_t outstanding = 0;
  for (int si = 0; si < nsock; si++) outstanding += (uint64_t)(socks[si].nslots - socks[si].free_top);

  double rate = (double)stats.ok / duration;
  double peers_avg = stats.ok ? (double)stats.peers_total / (double)stats.ok : 0;
  double with_peers = stats.ok ? 100.0 * (double)stats.with_peers / (double)stats.ok : 0;
  double p50 = hist_pct(0.50), p90 = hist_pct(0.90), p99 = hist_pct(0.99), p999 = hist_pct(0.999);
  uint64_t errors = stats.err_packets + stats.timeouts + stats.malformed + stats.send_errors;
  printf("%s: %.0f %s/s over %.1f s (after %.1f s warm-up), %d sockets, window %d, %u peers on %d hashes\n",
         label, rate, scrape_hashes ? "scrapes" : "announces", duration, warmup, nsock, window, npeers, nhashes);
  printf("  latency ms: p50 %.3f  p90 %.3f  p99 %.3f  p99.9 %.3f\n", p50, p90, p99, p999);
  printf("  replies: %llu announce replies (%.1f peers each on average, %.1f%% with peers), %llu error packets,"
         " %llu timeouts, %llu malformed, %llu send errors, %llu reconnects, %llu in flight at the end\n",
         (unsigned long long)stats.ok, peers_avg, with_peers, (unsigned long long)stats.err_packets,
         (unsigned long long)stats.timeouts, (unsigned long long)stats.malformed,
         (unsigned long long)stats.send_errors, (unsigned long long)stats.connects, (unsigned long long)outstanding);
  if (first_error[0]) printf("  first error packet: %s\n", first_error);
  printf("  generator CPU: %.0f%% of one core\n", 100.0 * cpu / duration);
  printf("RESULT label=%s proto=%s rps=%.0f p50_ms=%.3f p99_ms=%.3f ok=%llu errors=%llu err_packets=%llu"
         " timeouts=%llu peers_avg=%.1f with_peers_pct=%.1f gen_cpu_pct=%.0f\n",
         label, scrape_hashes ? "udp-scrape" : "udp", rate, p50, p99, (unsigned long long)stats.ok,
         (unsigned long long)errors,
         (unsigned long long)stats.err_packets, (unsigned long long)stats.timeouts, peers_avg, with_peers,
         100.0 * cpu / duration);
  return stats.ok > 0 ? 0 : 1;
}
