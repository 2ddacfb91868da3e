#!/usr/bin/env python3
"""Dumps and restores the authoritative Redis keys of AnimeTracker (make backup / make restore): DUMP/RESTORE per key,
with its remaining TTL, so a shared Redis (other databases, other tenants, the tracker's short-lived peers) is neither
copied nor touched. Speaks RESP over a socket (no client library needed).

    redis_keys.py dump    FILE PATTERN...   (writes FILE; prints the number of keys)
    redis_keys.py restore FILE PATTERN...   (deletes the keys matching PATTERN first, then restores FILE's)
    redis_keys.py count   PATTERN...

Connection from REDIS_HOST, REDIS_PORT, REDIS_DATABASE, REDIS_USERNAME, REDIS_PASSWORD. File format: the magic line
"animetracker-redis-keys 1", then per key: 4-byte key length, key, 8-byte signed PTTL (-1 = none), 4-byte payload
length, DUMP payload (big-endian lengths).
"""
import os
import socket
import struct
import sys

MAGIC = b"animetracker-redis-keys 1\n"


class Redis:
    def __init__(self):
        host = os.environ.get("REDIS_HOST", "127.0.0.1")
        port = int(os.environ.get("REDIS_PORT", "6379"))
        self.sock = socket.create_connection((host, port), timeout=30)
        self.file = self.sock.makefile("rb")
        password = os.environ.get("REDIS_PASSWORD")
        if password:
            user = os.environ.get("REDIS_USERNAME")
            self.call(*(["AUTH", user, password] if user else ["AUTH", password]))
        self.call("SELECT", os.environ.get("REDIS_DATABASE", "0"))

    def call(self, *args):
        parts = [b"*%d\r\n" % len(args)]
        for arg in args:
            data = arg if isinstance(arg, bytes) else str(arg).encode()
            parts.append(b"$%d\r\n%s\r\n" % (len(data), data))
        self.sock.sendall(b"".join(parts))
        return self.read()

    def read(self):
        line = self.file.readline()
        if not line:
            raise IOError("Redis closed the connection")
        kind, rest = line[:1], line[1:-2]
        if kind == b"+":
            return rest
        if kind == b"-":
            raise RuntimeError(rest.decode(errors="replace"))
        if kind == b":":
            return int(rest)
        if kind == b"$":
            size = int(rest)
            if size < 0:
                return None
            data = self.file.read(size + 2)
            return data[:-2]
        if kind == b"*":
            size = int(rest)
            return None if size < 0 else [self.read() for _ in range(size)]
        raise IOError(f"unexpected Redis reply {line!r}")

    def keys(self, pattern):
        cursor = b"0"
        while True:
            cursor, batch = self.call("SCAN", cursor, "MATCH", pattern, "COUNT", 1000)
            yield from batch
            if cursor == b"0":
                return


def matching(redis, patterns):
    seen = set()
    for pattern in patterns:
        for key in redis.keys(pattern):
            if key not in seen:
                seen.add(key)
                yield key


def dump(path, patterns):
    redis = Redis()
    count = 0
    with open(path, "wb") as out:
        out.write(MAGIC)
        for key in matching(redis, patterns):
            payload = redis.call("DUMP", key)
            ttl = redis.call("PTTL", key)
            if payload is None or ttl == -2:  # expired between SCAN and DUMP
                continue
            out.write(struct.pack(">I", len(key)) + key + struct.pack(">q", ttl))
            out.write(struct.pack(">I", len(payload)) + payload)
            count += 1
    print(count)


def entries(path):
    with open(path, "rb") as f:
        if f.read(len(MAGIC)) != MAGIC:
            raise SystemExit(f"{path}: not an AnimeTracker Redis key dump")
        while True:
            head = f.read(4)
            if not head:
                return
            key = f.read(struct.unpack(">I", head)[0])
            ttl = struct.unpack(">q", f.read(8))[0]
            payload = f.read(struct.unpack(">I", f.read(4))[0])
            yield key, ttl, payload


def restore(path, patterns):
    loaded = list(entries(path))  # the whole file parses before anything is deleted
    redis = Redis()
    for key in list(matching(redis, patterns)):
        redis.call("DEL", key)
    for key, ttl, payload in loaded:
        # A key whose TTL ran out while the backup waited stays gone (a session that would have expired anyway).
        redis.call("RESTORE", key, 0 if ttl == -1 else max(ttl, 1), payload, "REPLACE")
    print(len(loaded))


def count(patterns):
    print(sum(1 for _ in matching(Redis(), patterns)))


if __name__ == "__main__":
    if len(sys.argv) >= 4 and sys.argv[1] in ("dump", "restore"):
        (dump if sys.argv[1] == "dump" else restore)(sys.argv[2], sys.argv[3:])
    elif len(sys.argv) >= 3 and sys.argv[1] == "count":
        count(sys.argv[2:])
    else:
        raise SystemExit(__doc__)
