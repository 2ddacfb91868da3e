#!/usr/bin/env python3
"""Static checks of docker-compose.yml (no Docker engine needed): YAML parses, every service named in a depends_on
exists and has a healthcheck, the six services build from their own Dockerfile, mounted files exist, and the Java
services get the environment variable names the dev stack uses (docs/conventions.md).

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
launch = stack[stack.index("launch_service() {"):stack.index("service_healthy() {")]
stack_names = set(re.findall(r"\b([A-Z][A-Z0-9_]+)=\"", launch)) - {"DB_NAME"}

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
    missing = (COMMON | stack_names) - set(env)
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
}.items():
    if "${" + secret + ":?" not in text:
        errors.append(f"{secret} must be required (${{{secret}:?...}})")
    for name in users:
        if secret not in (services.get(name, {}).get("environment") or {}):
            errors.append(f"{name}: {secret} not passed")
for name in SERVICES:
    if name != "gateway" and str((services.get(name, {}).get("environment") or {}).get("SERVER_ADDRESS")) != "0.0.0.0":
        errors.append(f"{name}: SERVER_ADDRESS must be 0.0.0.0 in a container (services default to loopback)")

with open(os.path.join(ROOT, "infra/prometheus/prometheus.yml")) as f:
    prom = yaml.safe_load(f)
targets = {t for job in prom["scrape_configs"] for sc in job["static_configs"] for t in sc["targets"]}
for name, port in SERVICES.items():
    if f"{name}:{port}" not in targets:
        errors.append(f"prometheus.yml does not scrape {name}:{port}")

for e in errors:
    print("compose check:", e, file=sys.stderr)
print(f"docker-compose.yml: {len(services)} services, {'OK' if not errors else str(len(errors)) + ' problem(s)'}")
sys.exit(1 if errors else 0)
