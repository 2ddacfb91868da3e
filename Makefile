# AnimeTracker developer commands. ./mvnw and infra/devstack/stack.sh find JDK 25 themselves (no JAVA_HOME needed).
# The dev stack, its environment overrides and the compose setup: docs/devstack.md.
SHELL := /bin/bash
MVNW  := ./mvnw -B
STACK := infra/devstack/stack.sh
CLUSTER := infra/cluster/cluster.sh

.DEFAULT_GOAL := help
.PHONY: help run up down status cluster cluster-down cluster-status test test-prereqs check-static build infra-up fmt clean bench bench-tracker bench-tracker-memory bench-search bench-match bench-release bench-ui reindex backup restore

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

run: ## build, start infra + all six services, wait healthy, stay in the foreground (Ctrl-C stops)
	exec $(STACK) run

up: ## like run, but return once everything is healthy (stop with make down)
	$(STACK) up

down: ## stop everything the dev stack started
	$(STACK) down

status: ## what the dev stack runs
	$(STACK) status

cluster: ## two instances of every service behind HAProxy :8080, 3 Kafka brokers, Redis Cluster 3+3 (docs/scaling.md)
	$(CLUSTER) up

cluster-down: ## stop everything make cluster started (data in var/cluster is kept)
	$(CLUSTER) down

cluster-status: ## every cluster process: pid, RSS, ports, health
	$(CLUSTER) status

test: test-prereqs check-static ## whole test suite, unit + integration, against real PostgreSQL/Redis/Kafka
	@# A fresh machine's PostgreSQL login, made by the set-up (infra/lib/common.sh), unless DB_USER/DB_PASSWORD are given.
	if [ -z "$${DB_USER:-}$${DB_PASSWORD:-}" ] && [ -r var/postgres/credentials ]; then \
	  set -a; . var/postgres/credentials; set +a; fi; \
	$(MVNW) verify

# What the cluster tests and benchmarks are told about make cluster (infra/cluster/cluster.sh's ports).
CLUSTER_PROPS := -Danimetracker.repository=$(CURDIR) -Danimetracker.base-url=http://localhost:8080 \
  -Danimetracker.tracker-port=6969 -Danimetracker.imap-port=3143 \
  -Danimetracker.cluster.redis-ports=7001,7002,7003,7004,7005,7006

.PHONY: test-cluster bench-scale
test-cluster: test-prereqs ## fault tests on make cluster: kill -9 each service's instance, a Kafka broker, a Redis master under load (<= 8 min; table in system-tests/target/cluster-faults.md)
	$(MVNW) -q -DskipTests install
	$(MAKE) cluster
	status=0; $(MVNW) -pl system-tests -Pcluster verify || status=$$?; $(MAKE) cluster-down; exit $$status

bench-scale: test-prereqs ## throughput with one vs two instances on make cluster: uploads, UDP announces, searches (ratios; two cores cap them)
	$(MVNW) -q -DskipTests install
	$(MAKE) cluster
	status=0; $(MVNW) -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test $(CLUSTER_PROPS) \
	  -Dexec.mainClass=dev.animetracker.system.ScaleBenchmark -Dexec.args="$${BENCH_SECONDS:-15}" || status=$$?; \
	  $(MAKE) cluster-down; exit $$status

check-static: ## checks outside Maven: Dockerfiles, docker-compose.yml, Prometheus config + alert rules (promtool), dashboards
	infra/docker/generate-dockerfiles.sh --check
	/usr/bin/python3 infra/docker/validate-compose.py
	@# promtool from Debian's prometheus package (test-prereqs installs it; here too, for a lone make check-static).
	command -v promtool >/dev/null || infra/ci/ensure-packages.sh prometheus
	promtool check rules infra/prometheus/rules/*.yml
	cd infra/prometheus/rules/tests && promtool test rules *.yml
	cd infra/prometheus && promtool check config --syntax-only prometheus.yml && promtool check config --syntax-only prometheus-devstack.yml
	/usr/bin/python3 infra/prometheus/check-monitoring.py --self-test
	/usr/bin/python3 infra/prometheus/check-monitoring.py

test-prereqs: ## PostgreSQL + Redis up, chromium + chromedriver + promtool installed, Kafka/GreenMail jars fetched
	infra/ci/test-prereqs.sh

build: ## package all jars without tests
	$(MVNW) -DskipTests package

infra-up: ## PostgreSQL + Redis only (started or installed when missing; databases created)
	$(STACK) infra-up

fmt: ## format Java sources and poms (Spotless)
	$(MVNW) spotless:apply

clean: ## remove build output (keeps var/: dev stack data and the fetched Kafka/GreenMail jars)
	$(MVNW) -q clean

bench: test-prereqs ## .torrent parse+validate timings, upload p50/p95 and 503-for-a-stopped-service latency through the gateway (real stack)
	$(MVNW) -q -DskipTests install
	$(MVNW) -q -pl torrent-service test-compile exec:java -Dexec.classpathScope=test \
	  -Dexec.mainClass=dev.animetracker.torrent.metainfo.MetainfoBenchmark -Dexec.args=201
	$(MVNW) -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test \
	  -Danimetracker.repository=$(CURDIR) \
	  -Dexec.mainClass=dev.animetracker.system.UploadBenchmark -Dexec.args=300
	$(MVNW) -q -pl system-tests test-compile exec:java -Dexec.classpathScope=test \
	  -Danimetracker.repository=$(CURDIR) \
	  -Dexec.mainClass=dev.animetracker.system.ResilienceBenchmark -Dexec.args=50

bench-tracker: ## tracker-service vs Debian opentracker: announces/s, p99, CPU µs per announce, UDP + HTTP + beside scrapes (PROFILE=1: JFR; BENCH_MODE=ab: two builds)
	infra/bench/tracker/bench.sh

bench-tracker-memory: infra-up ## 1M peers over 100k swarms: heap/RSS per peer ours vs opentracker, Redis bytes per peer
	$(MVNW) -q -pl common,test-support -am -DskipTests install
	$(MVNW) -q -pl tracker-service test-compile exec:java -Dexec.classpathScope=test \
	  -Dexec.mainClass=dev.animetracker.tracker.redis.RedisMemoryBenchmark
	BENCH_MODE=memory infra/bench/tracker/bench.sh

bench-search: infra-up ## 1M-torrent search benchmark: p50/p95/p99 through the gateway and search-service vs the SQL floor, plans, index sizes
	$(MVNW) -q -pl common,test-support -am -DskipTests install
	$(MVNW) -q -pl gateway -DskipTests package
	$(MVNW) -q -pl search-service test-compile exec:java -Dexec.classpathScope=test \
	  -Dexec.mainClass=dev.animetracker.search.bench.SearchBenchmark -Dexec.args="$${BENCH_ROWS:-1000000} 300" \
	  -Dbench.gateway.jar="$$(ls $(CURDIR)/gateway/target/gateway-*.jar | grep -v original | head -1)"

bench-match: infra-up ## release matching: 100k saved searches + 100k follows, ms per new release (p50/p95/p99) against the 50 ms p95 yardstick
	$(MVNW) -q -pl common,test-support -am -DskipTests install
	$(MVNW) -q -pl search-service test-compile exec:java -Dexec.classpathScope=test \
	  -Dexec.mainClass=dev.animetracker.search.watch.MatchBenchmark \
	  -Dexec.args="$${BENCH_DOCS:-20000} $${BENCH_SEARCHES:-100000} $${BENCH_FOLLOWS:-100000} 300"

bench-release: ## release-name parser: µs per name (p50/p99) over the corpus, repeated, against the p50 <= 50 µs yardstick
	$(MVNW) -q -pl common,test-support -am -DskipTests install
	$(MVNW) -q -pl common test-compile exec:java -Dexec.classpathScope=test \
	  -Dexec.mainClass=dev.animetracker.common.release.ReleaseParserBenchmark -Dexec.args="$${BENCH_ROUNDS:-200}"

bench-ui: ## Lighthouse mobile Performance/Accessibility/Best Practices/SEO on /, a torrent page and a search, plus repeat-view bytes, vs issue 14's yardstick (starts and stops the dev stack)
	infra/bench/ui/bench.sh

backup: ## every database, the authoritative Redis keys, the storage dir + checksummed manifest -> var/backups/<UTC time> (BACKUP_DIR=...)
	infra/backup/backup.sh

restore: ## put a backup back: make restore BACKUP=var/backups/<time> (services stopped; refuses a partial or altered backup)
	infra/backup/restore.sh "$(BACKUP)"

reindex: ## rebuild search-service's read model from torrent-service (SEARCH_PORT 8083, USER_SERVICE_PORT 8081, SERVICE_SECRET)
	@token=$$(curl -fsS -X POST "http://127.0.0.1:$${USER_SERVICE_PORT:-8081}/oauth2/token" \
	  -d grant_type=client_credentials -d client_id=operator \
	  --data-urlencode "client_secret=$${SERVICE_SECRET:-development-service-secret-not-for-production}" \
	  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'); \
	test -n "$$token" || { echo "reindex: no service token from user-service (is SERVICE_SECRET right?)" >&2; exit 1; }; \
	curl -fsS -X POST -H "Authorization: Bearer $$token" "http://127.0.0.1:$${SEARCH_PORT:-8083}/internal/reindex"; echo
