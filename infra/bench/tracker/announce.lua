-- wrk script for `make bench-tracker`: HTTP announces over the info hashes of a file (one 40-hex hash a line),
-- the same simulated swarm shape as udpload (peer i announces on hash i mod N, ports distinct within a swarm,
-- 80 % leechers, numwant 50, compact=1, event=started on a peer's first announce). Run with
--   wrk -t2 -c64 -d10s --latency -H "Connection: close" -s announce.lua http://127.0.0.1:PORT \
--     -- HASHES [PEERS] [LABEL] [THREADS]       (THREADS = wrk's -t, so that the threads share the peers out)
-- A 200 whose body is a bencoded `failure reason` is a failure, not a success: response() counts those, other
-- non-200 statuses, and successful replies carrying no peers; done() prints them with one "RESULT" line.

local hashes = {}
local peers = 100000
local threads = {}
local thread_count = 0

local function percent_encode(bytes)
  return (bytes:gsub(".", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local function from_hex(hex)
  return (hex:gsub("..", function(h) return string.char(tonumber(h, 16)) end))
end

local function load(path)
  local list = {}
  for line in io.lines(path) do
    local hex = line:match("^%s*(%x+)%s*$")
    if hex and #hex == 40 then
      list[#list + 1] = percent_encode(from_hex(hex))
    elseif not line:match("^%s*#") and not line:match("^%s*$") then
      error(path .. ": not a 40-hex info hash: " .. line)
    end
  end
  if #list == 0 then error(path .. ": no info hashes") end
  return list
end

function setup(thread)
  thread_count = thread_count + 1
  thread:set("id", thread_count)
  threads[#threads + 1] = thread
end

-- Per thread (each wrk thread has its own Lua state): its share of the peers, built lazily on first use.
local peer_ids, ports, lefts, started = {}, {}, {}, {}
local next_peer, step
-- Globals, not locals: done() reads them from every thread with thread:get().
ok, failures, bad_status, empty = 0, 0, 0, 0
first_failure = ""

function init(args)
  hashes = load(args[1])
  peers = tonumber(args[2] or "100000")
  label = args[3] or "http" -- a global, so that done() (run in wrk's main Lua state) can read it
  step = tonumber(args[4] or "1")
  math.randomseed(1000 + id)
  next_peer = (id - 1) % step -- thread t announces for the peers i with i mod THREADS = t - 1
end

local function peer(i)
  local p = peer_ids[i]
  if p == nil then
    local raw = "-BN0001-"
    for _ = 1, 12 do raw = raw .. string.char(math.random(0, 255)) end
    p = percent_encode(raw)
    peer_ids[i] = p
    local n = #hashes
    local h, k = i % n, math.floor(i / n)
    ports[i] = 1025 + (k * 7919 + h * 131) % 64000
    lefts[i] = (math.random(0, 99) < 20) and 0 or 750000
  end
  return p
end

function request()
  local i = next_peer
  next_peer = next_peer + step
  if next_peer >= peers then next_peer = (id - 1) % step end
  local p = peer(i)
  local event = ""
  if not started[i] then
    started[i] = true
    event = "&event=started"
  end
  local path = "/announce?info_hash=" .. hashes[(i % #hashes) + 1] .. "&peer_id=" .. p .. "&port=" .. ports[i]
      .. "&uploaded=50000&downloaded=250000&left=" .. lefts[i] .. "&compact=1&numwant=50&key=" .. string.format("%x", i)
      .. event
  return wrk.format("GET", path)
end

function response(status, headers, body)
  if status ~= 200 then
    bad_status = bad_status + 1
    if first_failure == "" then first_failure = "HTTP " .. status end
  elseif body:find("failure reason", 1, true) then
    failures = failures + 1
    if first_failure == "" then first_failure = body:sub(1, 200) end
  elseif body:find("5:peers0:", 1, true) or not body:find("5:peers", 1, true) then
    ok = ok + 1
    empty = empty + 1
  else
    ok = ok + 1
  end
end

function done(summary, latency, requests)
  local total_ok, total_fail, total_status, total_empty, first = 0, 0, 0, 0, ""
  local label = threads[1]:get("label")
  for _, t in ipairs(threads) do
    total_ok = total_ok + t:get("ok")
    total_fail = total_fail + t:get("failures")
    total_status = total_status + t:get("bad_status")
    total_empty = total_empty + t:get("empty")
    local f = t:get("first_failure")
    if first == "" and f ~= nil then first = f end
  end
  local seconds = summary.duration / 1e6
  local e = summary.errors
  -- A read error after a complete reply is the server resetting the closed connection (opentracker does so on
  -- every request); the reply was still counted. Replies that never came show as connect/write/timeout errors.
  local socket_errors = e.connect + e.write + e.timeout
  -- Successful announces only: a failure reason or a non-200 is not an announce served.
  local rate = total_ok / seconds
  local with_peers = total_ok > 0 and 100 * (total_ok - total_empty) / total_ok or 0
  io.write(string.format("%s: %.0f announces/s (%d requests in %.1f s), %d failure-reason replies, %d non-200,"
      .. " socket errors: connect %d, write %d, timeout %d (read %d), %.1f%% of replies with peers\n",
      label, rate, summary.requests, seconds, total_fail, total_status, e.connect, e.write, e.timeout, e.read,
      with_peers))
  if first ~= "" then io.write("  first failure: " .. first .. "\n") end
  io.write(string.format("RESULT label=%s proto=http rps=%.0f p50_ms=%.3f p99_ms=%.3f ok=%d errors=%d"
      .. " failures=%d non200=%d socket_errors=%d read_errors=%d with_peers_pct=%.1f\n",
      label, rate, latency:percentile(50) / 1000, latency:percentile(99) / 1000, total_ok,
      total_fail + total_status + socket_errors, total_fail, total_status, socket_errors, e.read, with_peers))
end
