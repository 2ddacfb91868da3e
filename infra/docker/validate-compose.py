#!/usr/bin/env python3
"""Static checks of docker-compose.yml (no Docker engine needed): YAML parses, every service named in a depends_on
exists and has a healthcheck, the six services build from their own Dockerfile, mounted files exist, and the Java
services get the environment variable names the dev stack uses (docs/conventions.md). Operations rules: PostgreSQL,
Redis and Kafka keep their data on volumes, infrastructure ports are published on 127.0.0.1 only, every service
logs in to PostgreSQL as its own role, SMTP is configurable (host, port, login, STARTTLS, sender), every Java
service has a memory limit its heap fits in, TRACKER_ANNOUNCE_URLS is required, and the tracker can be scaled.

    python3 infra/docker/validate-compose.py        (needs PyYAML)
"""
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SERVICES = {
    "gateway": 8080, "user-service": 8081, "torrent-service": 8082,
    "search-service": 8083, "tracker-service": 8084, "notification-service": 8085,
}
COMMON = {"SPRING_PROFILES_ACTIVE", "SERVER_PORT", "DB_HOST", "DB_PORT", "DB_USER", "DB_PASSWORD", "REDIS_HOST",
          "REDIS_PORT", "REDIS_DATABASE", "KAFKA_BOOTSTRAP_SERVERS", "SMTP_HOST", "SMTP_PORT", "USER_SERVICE_URL",
          "TORRENT_SERVICE_URL", "SEARCH_SERVICE_URL", "TRACKER_SERVICE_URL", "NOTIFICATION_SERVICE_URL", "JWKS_URI",
          "PUBLIC_BASE_URL", "TRACKER_PORT"}
DB = {"user-service": "users", "torrent-service": "torrents", "search-service": "search",
      "notification-service": "notifications"}

errors = []


def has_image_healthcheck(service):
    path = os.path.join(ROOT, service, "Dockerfile")
    return os.path.exists(path) and "\nHEALTHCHECK " in open(path).read()


with open(os.path.join(ROOT, "docker-compose.yml")) as f:
    text = f.read()
doc = yaml.safe_load(text)
services = doc["services"]

# Names the dev stack passes to the services: every one must also be set by compose.
with open(os.path.join(ROOT, "infra/devstack/stack.sh")) as f:
    stack = f.read()
launch = stack[stack.index("launch_service() {"):stack.index("await_services() {")]
stack_names = set(re.findall(r"\b([A-Z][A-Z0-9_]+)=\"", launch)) - {"DB_NAME"}
# Per-service names, checked below: the database login (per service) and the .torrent directory (torrent-service).
PER_SERVICE = {"DB_USER", "DB_PASSWORD", "TORRENT_LEGACY_STORAGE_DIR"}

for name, svc in services.items():
    for dep in (svc.get("depends_on") or {}):
        if dep not in services:
            errors.append(f"{name}: depends_on unknown service {dep}")
        elif "healthcheck" not in services[dep] and not has_image_healthcheck(dep):
            errors.append(f"{name}: depends on {dep}, which has no healthcheck")
        elif svc["depends_on"][dep].get("condition") != "service_healthy":
            errors.append(f"{name}: depends_on {dep} without condition service_healthy")
    for vol in svc.get("volumes") or []:
        src = vol.split(":")[0]
        if src.startswith("./") and not os.path.exists(os.path.join(ROOT, src)):
            errors.append(f"{name}: mounted file {src} does not exist")
    if "healthcheck" not in svc and name not in SERVICES:
        errors.append(f"{name}: no healthcheck")

for name, port in SERVICES.items():
    svc = services.get(name)
    if svc is None:
        errors.append(f"service {name} missing")
        continue
    build = svc.get("build") or {}
    if build.get("context") != "." or build.get("dockerfile") != f"{name}/Dockerfile":
        errors.append(f"{name}: build must be context . and dockerfile {name}/Dockerfile")
    if not os.path.exists(os.path.join(ROOT, name, "Dockerfile")):
        errors.append(f"{name}/Dockerfile missing")
    env = svc.get("environment") or {}
    missing = (COMMON | stack_names) - PER_SERVICE - set(env)
    if missing:
        errors.append(f"{name}: environment lacks {sorted(missing)}")
    if str(env.get("SERVER_PORT")) != str(port):
        errors.append(f"{name}: SERVER_PORT {env.get('SERVER_PORT')} != {port}")
    if name in DB and not str(env.get("DB_NAME", "")).endswith("_" + DB[name]):
        errors.append(f"{name}: DB_NAME should end with _{DB[name]}")
    for key, value in env.items():
        for host in re.findall(r"https?://([a-z-]+):", str(value)):
            if host not in services and host != "localhost":
                errors.append(f"{name}: {key} points at unknown host {host}")
if "ADMIN_PASSWORD" not in (services["user-service"].get("environment") or {}):
    errors.append("user-service: ADMIN_PASSWORD not passed")
if "${ADMIN_PASSWORD:?" not in text:
    errors.append("ADMIN_PASSWORD must be required (${ADMIN_PASSWORD:?...})")
# Secrets whose development defaults the services refuse outside dev/test: compose must demand them, and
# every service that uses one must get it (backend services also must listen beyond loopback).
for secret, users in {
    "SERVICE_SECRET": [n for n in SERVICES if n != "gateway"],
    "MAIL_TOKEN_KEY": ["user-service", "notification-service"],
    "MEDIA_PROXY_KEY": ["gateway", "torrent-service"],
}.items():
    if "${" + secret + ":?" not in text:
        errors.append(f"{secret} must be required (${{{secret}:?...}})")
    for name in users:
        if secret not in (services.get(name, {}).get("environment") or {}):
            errors.append(f"{name}: {secret} not passed")
for name in SERVICES:
    if name != "gateway" and str((services.get(name, {}).get("environment") or {}).get("SERVER_ADDRESS")) != "0.0.0.0":
        errors.append(f"{name}: SERVER_ADDRESS must be 0.0.0.0 in a container (services default to loopback)")


# --- data on volumes: a recreated container must not lose the databases, Redis' AOF or Kafka's log.
declared = set((doc.get("volumes") or {}).keys())
DATA = {"postgres": "/var/lib/postgresql/data", "redis": "/data", "kafka": None}
for name, path in DATA.items():
    mounts = {v.split(":")[1]: v.split(":")[0] for v in services.get(name, {}).get("volumes") or []}
    if name == "kafka":
        path = str((services.get(name, {}).get("environment") or {}).get("KAFKA_LOG_DIRS", ""))
        if not path:
            errors.append("kafka: KAFKA_LOG_DIRS must point at its volume (the image logs to /tmp otherwise)")
    if path not in mounts or mounts[path] not in declared:
        errors.append(f"{name}: {path or 'its data directory'} must be a named volume declared under volumes:")

# --- published ports: infrastructure on loopback only; of the six services only the gateway and the tracker.
PUBLIC = {"gateway", "tracker-service"}
for name, svc in services.items():
    if "container_name" in svc:
        errors.append(f"{name}: container_name prevents docker compose up --scale")
    for port in svc.get("ports") or []:
        spec = str(port)
        if name in SERVICES:
            if name not in PUBLIC:
                errors.append(f"{name}: publishes {spec}; only the gateway and the tracker face users")
        elif not spec.startswith("127.0.0.1:"):
            errors.append(f"{name}: port {spec} must be bound to 127.0.0.1 (or not published)")

# --- one database role per service, with its own required password; the superuser only for the init script.
common_env = doc.get("x-common-env") or {}
for key in ("DB_USER", "DB_PASSWORD"):
    if key in common_env:
        errors.append(f"x-common-env: {key} must be per service (one database role each)")
pg_env = services.get("postgres", {}).get("environment") or {}
if not str(pg_env.get("POSTGRES_PASSWORD", "")).startswith("${POSTGRES_PASSWORD:?"):
    errors.append("postgres: POSTGRES_PASSWORD must be required (${POSTGRES_PASSWORD:?...}), no default")
with open(os.path.join(ROOT, "infra/postgres/create-databases.sh")) as f:
    init_script = f.read()
logins = set()
for name in SERVICES:
    env = services.get(name, {}).get("environment") or {}
    if name not in DB:
        for key in ("DB_USER", "DB_PASSWORD"):
            if key in env:
                errors.append(f"{name}: has no database but gets {key}")
        continue
    var = {"users": "USER", "torrents": "TORRENT", "search": "SEARCH", "notifications": "NOTIFICATION"}[DB[name]]
    var += "_DB_PASSWORD"
    if str(env.get("DB_USER")) != str(env.get("DB_NAME")):
        errors.append(f"{name}: DB_USER must be the role named like its database ({env.get('DB_NAME')})")
    logins.add(str(env.get("DB_USER")))
    if not str(env.get("DB_PASSWORD", "")).startswith("${" + var + ":?"):
        errors.append(f"{name}: DB_PASSWORD must be ${{{var}:?...}} (required, its own)")
    if not str(pg_env.get(var, "")).startswith("${" + var + ":?"):
        errors.append(f"postgres: {var} must reach the init script (required)")
    if var not in init_script:
        errors.append(f"infra/postgres/create-databases.sh does not create a role from {var}")
if len(logins) != len(DB):
    errors.append(f"services share database logins: {sorted(logins)}")

# --- mail: every SMTP setting is a variable the notification-service maps.
with open(os.path.join(ROOT, "notification-service/src/main/resources/application.yml")) as f:
    notification_yml = f.read()
notification_env = services.get("notification-service", {}).get("environment") or {}
for key in ("SMTP_HOST", "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD", "SMTP_STARTTLS", "MAIL_FROM"):
    value = str(notification_env.get(key, ""))
    if not value.startswith("${" + key):
        errors.append(f"notification-service: {key} must be a variable (${{{key}...}}), got {value!r}")
    if "${" + key + ":" not in notification_yml:
        errors.append(f"notification-service application.yml does not map {key}")

# --- memory: a limit per Java service, and the heap (MaxRAMPercentage of it) leaves room for the rest.
NON_HEAP_MB = 192  # metaspace, code cache, threads, direct buffers at the measured RSS (docs/deploy.md)


def megabytes(value):
    m = re.fullmatch(r"(\d+)([kmg])", str(value).lower())
    if not m:
        return None
    return int(m.group(1)) * {"k": 1 / 1024, "m": 1, "g": 1024}[m.group(2)]


for name in SERVICES:
    svc = services.get(name, {})
    limit = megabytes(svc.get("mem_limit"))
    options = str((svc.get("environment") or {}).get("JAVA_TOOL_OPTIONS", ""))
    percent = re.search(r"-XX:MaxRAMPercentage=(\d+)", options)
    if limit is None:
        errors.append(f"{name}: mem_limit missing or not like 512m")
    elif not percent:
        errors.append(f"{name}: JAVA_TOOL_OPTIONS must set -XX:MaxRAMPercentage")
    elif limit * int(percent.group(1)) / 100 + NON_HEAP_MB > limit:
        errors.append(f"{name}: heap {percent.group(1)}% of {limit:.0f} MB leaves less than {NON_HEAP_MB} MB off-heap")

# --- the announce URL: required (a localhost default poisons every download) and documented.
for name in ("torrent-service", "search-service"):
    value = str((services.get(name, {}).get("environment") or {}).get("TRACKER_ANNOUNCE_URLS", ""))
    if not value.startswith("${TRACKER_ANNOUNCE_URLS:?"):
        errors.append(f"{name}: TRACKER_ANNOUNCE_URLS must be required (${{TRACKER_ANNOUNCE_URLS:?...}})")
with open(os.path.join(ROOT, "docs/conventions.md")) as f:
    if "`TRACKER_ANNOUNCE_URLS`" not in f.read():
        errors.append("docs/conventions.md does not document TRACKER_ANNOUNCE_URLS")

# --- the tracker scales: one connection-id secret for all replicas, no fixed single host port.
tracker = services.get("tracker-service", {})
if not str((tracker.get("environment") or {}).get("TRACKER_CONNECTION_SECRET", "")).startswith(
        "${TRACKER_CONNECTION_SECRET:?"):
    errors.append("tracker-service: TRACKER_CONNECTION_SECRET must be required (shared by every replica)")
for port in tracker.get("ports") or []:
    host = str(port).rsplit(":", 1)[0]
    if "-" not in host:
        errors.append(f"tracker-service: port {port} pins one host port; --scale needs a range (or none)")

with open(os.path.join(ROOT, "infra/prometheus/prometheus.yml")) as f:
    prom = yaml.safe_load(f)
# Every replica: static targets, or DNS discovery of the compose service name (one target per container).
targets = {t for job in prom["scrape_configs"] for sc in job.get("static_configs", []) for t in sc["targets"]}
targets |= {f"{n}:{sd['port']}" for job in prom["scrape_configs"] for sd in job.get("dns_sd_configs", [])
            for n in sd["names"]}
for name, port in SERVICES.items():
    if f"{name}:{port}" not in targets:
        errors.append(f"prometheus.yml does not scrape {name}:{port}")

for e in errors:
    print("compose check:", e, file=sys.stderr)
print(f"docker-compose.yml: {len(services)} services, {'OK' if not errors else str(len(errors)) + ' problem(s)'}")
sys.exit(1 if errors else 0)
