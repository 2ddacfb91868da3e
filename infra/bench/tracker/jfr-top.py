#!/usr/bin/env python3
"""Hottest frames of a JFR recording, for `PROFILE=1 make bench-tracker`.

Reads `jfr print --json --events <event>` (jdk.ExecutionSample: Java code on CPU; jdk.CPUTimeSample: also
native code such as socket system calls) and prints, per event, the top frames by self samples (the method
on top of the stack) and by total samples (the method anywhere in the stack, counted once per sample), with
their share of all samples.

  jfr-top.py JDK_HOME RECORDING [TOP]
"""
import collections
import json
import subprocess
import sys


def frames(event):
    stack = event.get("values", {}).get("stackTrace") or {}
    for frame in stack.get("frames") or []:
        method = frame.get("method") or {}
        cls = (method.get("type") or {}).get("name", "?").replace("/", ".")
        if "$$Lambda" in cls:  # a lambda's class name changes from run to run: name its outer class only
            cls = cls.split("$$Lambda")[0] + "$$Lambda"
        yield f"{cls}.{method.get('name', '?')}"


def main():
    jdk, recording = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 15
    for name in ("jdk.ExecutionSample", "jdk.CPUTimeSample"):
        out = subprocess.run(
            [f"{jdk}/bin/jfr", "print", "--json", "--stack-depth", "64", "--events", name, recording],
            capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(f"{name}: jfr print failed: {out.stderr.strip()[:200]}")
            continue
        events = json.loads(out.stdout).get("recording", {}).get("events", [])
        if not events:
            print(f"{name}: no samples")
            continue
        own, total = collections.Counter(), collections.Counter()
        for event in events:
            stack = list(frames(event))
            if not stack:
                continue
            own[stack[0]] += 1
            for method in set(stack):
                total[method] += 1
        n = len(events)
        print(f"\n{name}: {n} samples")
        print(f"  {'self %':>7}  top frame")
        for method, count in own.most_common(top):
            print(f"  {100 * count / n:6.1f}%  {method}")
        print(f"  {'total %':>7}  frame anywhere in the stack (tracker and Netty code)")
        shown = 0
        for method, count in total.most_common():
            if not method.startswith(("dev.animetracker", "io.netty")):
                continue
            print(f"  {100 * count / n:6.1f}%  {method}")
            shown += 1
            if shown == top:
                break


if __name__ == "__main__":
    main()
