#!/usr/bin/env python3
"""Static checks of the monitoring files (run by make check-static; no Prometheus or Grafana server needed):

* Grafana: every dashboard in infra/grafana/dashboards parses as JSON, has a unique uid, refers only to the
  provisioned data source (infra/grafana/provisioning/datasources), and every panel queries something; every metric
  name in a panel's PromQL is a meter the services register (Micrometer builders in */src/main/java, named as
  /actuator/prometheus writes them) or one the platform registers (JVM, HTTP server, Kafka client, Resilience4j...).
* Alert rules: the same metric-name check over infra/prometheus/rules/*.yml (promtool checks their syntax and
  behaviour; it cannot know that a name is misspelt).
* Kubernetes: infra/prometheus/prometheus-k8s.yml discovers pods by annotation (Debian's promtool lacks
  kubernetes_sd, so it is checked here), and every Deployment in deploy/k8s/base carries the annotations, naming a
  container port it declares.

    python3 infra/prometheus/check-monitoring.py            (needs PyYAML)
    python3 infra/prometheus/check-monitoring.py --self-test (shows a misspelt metric and a broken dashboard fail)
"""
import glob
import json
import os
import re
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

# Meters the platform registers, not our code: Boot's JVM/process/system/disk/HTTP binders, HikariCP, Lettuce, the
# Kafka client listeners Boot adds to Spring Kafka's factories, Resilience4j's circuit breakers (gateway), and the
# series Prometheus itself writes per target.
PLATFORM = ("up", "scrape_", "jvm_", "process_", "system_", "disk_", "http_server_requests_seconds",
            "http_client_requests_seconds", "hikaricp_", "jdbc_connections_", "lettuce_", "executor_",
            "logback_events_total", "application_ready_time_seconds", "application_started_time_seconds",
            "kafka_consumer_", "kafka_producer_", "spring_kafka_", "resilience4j_circuitbreaker_",
            "node_filesystem_")

PROMQL_WORDS = {
    "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or", "unless", "offset", "le",
    "inf", "nan", "sum", "min", "max", "avg", "count", "stddev", "stdvar", "topk", "bottomk", "quantile",
    "count_values", "group", "rate", "irate", "increase", "delta", "idelta", "deriv", "predict_linear",
    "histogram_quantile", "clamp_min", "clamp_max", "clamp", "abs", "ceil", "floor", "round", "exp", "ln", "log2",
    "log10", "sqrt", "time", "timestamp", "vector", "scalar", "sort", "sort_desc", "label_replace", "label_join",
    "absent", "absent_over_time", "changes", "resets", "avg_over_time", "min_over_time", "max_over_time",
    "sum_over_time", "count_over_time", "last_over_time", "quantile_over_time", "day_of_week", "hour", "minute",
}

BUILDER = re.compile(
    r"\b(Counter|FunctionCounter|Timer|FunctionTimer|LongTaskTimer|Gauge|TimeGauge|DistributionSummary)"
    r"\.builder\(\s*(\"[^\"]+\"|[A-Za-z_][A-Za-z0-9_.]*)", re.S)
# Helpers that wrap a builder: notification-service's counter("name", kind).
HELPER = re.compile(r"\bcounter\(\s*\"([a-z][a-z0-9_.]+)\"")
CONSTANT = re.compile(r"\b([A-Z][A-Z0-9_]*)\s*=\s*\"([a-z][a-z0-9_.]+)\"\s*;")


def prometheus_names(kind, name):
    base = name.replace(".", "_").replace("-", "_")
    if kind in ("Counter", "FunctionCounter"):
        return {base + "_total"}
    if kind in ("Timer", "FunctionTimer", "LongTaskTimer"):
        return {base + "_seconds" + s for s in ("_count", "_sum", "_max", "_bucket", "_active_count", "_duration_sum")}
    if kind == "DistributionSummary":
        return {base + s for s in ("_count", "_sum", "_max", "_bucket")}
    return {base, base + "_seconds", base + "_bytes"}  # gauges, with or without a base unit


def service_meters(root):
    sources = [p for p in glob.glob(os.path.join(root, "*", "src", "main", "java", "**", "*.java"), recursive=True)]
    texts = {p: open(p, encoding="utf-8").read() for p in sources}
    constants = {}
    for text in texts.values():
        for ident, value in CONSTANT.findall(text):
            constants.setdefault(ident, value)
    names = set()
    for text in texts.values():
        for kind, arg in BUILDER.findall(text):
            if arg.startswith('"'):
                value = arg.strip('"')
            else:
                value = constants.get(arg.split(".")[-1])
                if value is None:
                    continue
            names |= prometheus_names(kind, value)
        for value in HELPER.findall(text):
            names |= prometheus_names("Counter", value)
    return names


def metric_names(expr):
    """The metric names a PromQL expression reads (label matchers, strings, durations and keywords removed)."""
    text = re.sub(r'"(?:[^"\\]|\\.)*"', '""', expr)
    text = re.sub(r"\{[^}]*\}", " ", text)
    text = re.sub(r"\[[^\]]*\]", " ", text)
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)
    found = set()
    for match in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", text):
        word = match.group(0)
        start, end = match.span()
        if word.lower() in PROMQL_WORDS or text[end:end + 1] == "(" or re.match(r"\d", text[start - 1:start] or "x"):
            continue
        if re.fullmatch(r"\d+[smhdwy]|e\d+", word):
            continue
        found.add(word)
    return found


def known(name, meters):
    return name in meters or any(name == p or name.startswith(p) for p in PLATFORM)


def check_dashboards(root, meters, errors):
    ds_files = glob.glob(os.path.join(root, "infra", "grafana", "provisioning", "datasources", "*.yml"))
    uids = {ds.get("uid") for f in ds_files for ds in (yaml.safe_load(open(f)) or {}).get("datasources", [])}
    if not uids:
        errors.append("infra/grafana/provisioning/datasources: no data source with a uid")
    dashboards = sorted(glob.glob(os.path.join(root, "infra", "grafana", "dashboards", "*.json")))
    if not dashboards:
        errors.append("infra/grafana/dashboards: no dashboards")
    seen = {}
    for path in dashboards:
        rel = os.path.relpath(path, root)
        try:
            board = json.load(open(path, encoding="utf-8"))
        except ValueError as e:
            errors.append(f"{rel}: not JSON: {e}")
            continue
        uid = board.get("uid")
        if not uid or not board.get("title"):
            errors.append(f"{rel}: needs a uid and a title")
        elif uid in seen:
            errors.append(f"{rel}: uid {uid} is also {seen[uid]}'s")
        seen[uid] = rel
        panels = board.get("panels") or []
        if not panels:
            errors.append(f"{rel}: no panels")
        for panel in panels:
            where = f"{rel}: panel {panel.get('id')} \"{panel.get('title')}\""
            targets = panel.get("targets") or []
            if not targets:
                errors.append(f"{where}: no query")
            for source in [panel.get("datasource")] + [t.get("datasource") for t in targets]:
                if source is not None and source.get("uid") not in uids:
                    errors.append(f"{where}: data source uid {source.get('uid')} is not provisioned ({sorted(uids)})")
            for target in targets:
                expr = target.get("expr", "")
                if not expr.strip():
                    errors.append(f"{where}: empty expression")
                for name in sorted(metric_names(expr)):
                    if not known(name, meters):
                        errors.append(f"{where}: metric {name} is not a meter of any service")
    return len(dashboards)


def check_rules(root, meters, errors):
    count = 0
    for path in sorted(glob.glob(os.path.join(root, "infra", "prometheus", "rules", "*.yml"))):
        rel = os.path.relpath(path, root)
        for group in (yaml.safe_load(open(path)) or {}).get("groups", []):
            for rule in group.get("rules", []):
                count += 1
                name = rule.get("alert") or rule.get("record")
                if rule.get("alert") and "runbook" not in (rule.get("annotations") or {}):
                    errors.append(f"{rel}: alert {name} has no runbook annotation")
                for metric in sorted(metric_names(rule.get("expr", ""))):
                    if not known(metric, meters):
                        errors.append(f"{rel}: {name}: metric {metric} is not a meter of any service")
    return count


def check_runbooks(root, errors):
    doc = os.path.join(root, "docs", "operations.md")
    if not os.path.exists(doc):
        errors.append("docs/operations.md is missing (runbooks)")
        return
    headings = {re.sub(r"[^a-z0-9 -]", "", h.strip().lower()).replace(" ", "-")
                for h in re.findall(r"^#+\s+(.+)$", open(doc, encoding="utf-8").read(), re.M)}
    for path in sorted(glob.glob(os.path.join(root, "infra", "prometheus", "rules", "*.yml"))):
        for group in (yaml.safe_load(open(path)) or {}).get("groups", []):
            for rule in group.get("rules", []):
                runbook = (rule.get("annotations") or {}).get("runbook", "")
                anchor = runbook.partition("#")[2]
                if rule.get("alert") and anchor not in headings:
                    errors.append(f"alert {rule['alert']}: docs/operations.md has no heading for #{anchor}")


def check_kubernetes(root, errors):
    config = yaml.safe_load(open(os.path.join(root, "infra", "prometheus", "prometheus-k8s.yml")))
    jobs = config.get("scrape_configs", [])
    sd = [c for job in jobs for c in job.get("kubernetes_sd_configs", [])]
    if not any(c.get("role") == "pod" and "animetracker" in c.get("namespaces", {}).get("names", []) for c in sd):
        errors.append("prometheus-k8s.yml: no kubernetes_sd pod discovery in namespace animetracker")
    relabels = [r for job in jobs for r in job.get("relabel_configs", [])]
    if not any("__meta_kubernetes_pod_annotation_prometheus_io_scrape" in r.get("source_labels", [])
               and r.get("action") == "keep" for r in relabels):
        errors.append("prometheus-k8s.yml: pods are not kept by their prometheus.io/scrape annotation")
    for path in sorted(glob.glob(os.path.join(root, "deploy", "k8s", "base", "*.yaml"))):
        for doc in yaml.safe_load_all(open(path)):
            if not doc or doc.get("kind") != "Deployment":
                continue
            name = doc["metadata"]["name"]
            template = doc["spec"]["template"]
            notes = (template.get("metadata") or {}).get("annotations") or {}
            ports = {p.get("name"): p.get("containerPort") for c in template["spec"]["containers"]
                     for p in c.get("ports", [])}
            if notes.get("prometheus.io/scrape") != "true":
                errors.append(f"{name}: pod template lacks prometheus.io/scrape: \"true\"")
                continue
            port_name = notes.get("prometheus.io/port-name")
            if port_name not in ports:
                errors.append(f"{name}: prometheus.io/port-name {port_name} is not a container port ({sorted(ports)})")
            elif str(ports[port_name]) != notes.get("prometheus.io/port"):
                errors.append(f"{name}: prometheus.io/port {notes.get('prometheus.io/port')} is not port "
                              f"{port_name} ({ports[port_name]})")
            if notes.get("prometheus.io/path") != "/actuator/prometheus":
                errors.append(f"{name}: prometheus.io/path is not /actuator/prometheus")


def run(root):
    errors = []
    meters = service_meters(root)
    if not meters:
        errors.append("no Micrometer meters found in */src/main/java")
    boards = check_dashboards(root, meters, errors)
    rules = check_rules(root, meters, errors)
    check_runbooks(root, errors)
    check_kubernetes(root, errors)
    return errors, len(meters), boards, rules


def self_test():
    """The checks must be able to fail: a misspelt metric and a data source that is not provisioned."""
    meters = service_meters(ROOT)
    assert "torrent_uploads_total" in meters, "torrent.uploads not found among the meters"
    assert metric_names('sum by (kind) (rate(tracker_errors_total{kind="internal"}[5m])) / clamp_min(up, 1e-9)') \
        == {"tracker_errors_total", "up"}
    errors = []
    import tempfile
    with tempfile.TemporaryDirectory() as tmp:
        os.makedirs(os.path.join(tmp, "infra", "grafana", "dashboards"))
        os.makedirs(os.path.join(tmp, "infra", "grafana", "provisioning", "datasources"))
        with open(os.path.join(tmp, "infra", "grafana", "provisioning", "datasources", "p.yml"), "w") as f:
            yaml.safe_dump({"datasources": [{"uid": "prometheus"}]}, f)
        board = {"uid": "x", "title": "x", "panels": [
            {"id": 1, "title": "typo", "datasource": {"uid": "prometheus"},
             "targets": [{"expr": "rate(torrent_uplaods_total[5m])"}]},
            {"id": 2, "title": "foreign", "datasource": {"uid": "influx"}, "targets": [{"expr": "up"}]}]}
        with open(os.path.join(tmp, "infra", "grafana", "dashboards", "x.json"), "w") as f:
            json.dump(board, f)
        check_dashboards(tmp, meters, errors)
    assert any("torrent_uplaods_total" in e for e in errors), errors
    assert any("influx" in e for e in errors), errors
    print("[monitoring] self-test: a misspelt metric and an unprovisioned data source are refused")


if __name__ == "__main__":
    if "--self-test" in sys.argv:
        self_test()
        sys.exit(0)
    problems, meter_count, board_count, rule_count = run(ROOT)
    for problem in problems:
        print(f"[monitoring] ERROR: {problem}", file=sys.stderr)
    if problems:
        sys.exit(1)
    print(f"[monitoring] {board_count} dashboards and {rule_count} rules use only known metrics "
          f"({meter_count} service meter names); Kubernetes scrape annotations consistent")
