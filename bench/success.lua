-- wrk script: every request is a claim that must succeed. Volunteer v claims, in each of the
-- roster's time slots t, the shift of checkpoint (v mod checkpoints): no overlaps, and every shift
-- receives exactly `capacity` claims. Each thread walks its own share of the pairs and stops when
-- they run out, so the numbers describe the database path only.
local ffi = require("ffi")
ffi.cdef[[
  typedef struct { long tv_sec; long tv_usec; } bench_timeval;
  int gettimeofday(bench_timeval *tv, void *tz);
]]
local function now_ms()
  local tv = ffi.new("bench_timeval")
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000 + tonumber(tv.tv_usec) / 1000
end

local tokens, shifts = {}, {}
local dir = os.getenv("BENCH_DIR") or "."
for line in io.lines(dir .. "/tokens.txt") do tokens[#tokens + 1] = line end
for line in io.lines(dir .. "/" .. (os.getenv("BENCH_SHIFTS") or "shifts.txt")) do shifts[#shifts + 1] = line end
local checkpoints = tonumber(os.getenv("BENCH_CHECKPOINTS") or "10")
local slots = math.floor(#shifts / checkpoints)

local threads = {}
function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

function init(args)
  counts, k, nthreads, first, last = {}, id, 2, nil, nil
end

function request()
  local pairs_total = #tokens * slots
  if k >= pairs_total then
    wrk.thread:stop()
  end
  first = first or now_ms()
  local v, t = math.floor(k / slots), k % slots
  k = k + nthreads
  local shift = shifts[(v % checkpoints) * slots + t + 1]
  return wrk.format("POST", "/api/shifts/" .. shift .. "/claims",
    { ["Authorization"] = "Bearer " .. tokens[(v % #tokens) + 1], ["Content-Length"] = "0" }, nil)
end

function response(status, headers, body)
  last = now_ms()
  local key = tostring(status)
  if status ~= 201 then key = key .. " " .. (string.match(body, '"code":"([A-Z_]+)"') or "?") end
  counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
  local total, t0, t1 = {}, nil, nil
  for _, thread in ipairs(threads) do
    for key, n in pairs(thread:get("counts")) do total[key] = (total[key] or 0) + n end
    local f, l = thread:get("first"), thread:get("last")
    if f and (not t0 or f < t0) then t0 = f end
    if l and (not t1 or l > t1) then t1 = l end
  end
  local seconds = (t1 - t0) / 1000
  io.write(string.format("claims/s: %.0f (%d answers in %.2f s, first request to last answer)\n",
    summary.requests / seconds, summary.requests, seconds))
  io.write(string.format("latency p50: %.2f ms, p90: %.2f ms, p99: %.2f ms, max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  for key, n in pairs(total) do io.write(string.format("answers %s: %d\n", key, n)) end
end
