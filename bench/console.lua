-- wrk script: 16 staff browsing the console — the board, notices, orders, roster and care pages in turn, each
-- request with one of the console session cookies seeded by bench/seed_console.py. Counts statuses.
local cookies = {}
for line in io.lines((os.getenv("BENCH_DIR") or ".") .. "/cookies.txt") do cookies[#cookies + 1] = line end
local pages = { "/console/", "/console/notices", "/console/orders", "/console/roster", "/console/care" }
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  n = 0
  counts = {}
end

function request()
  n = n + 1
  return wrk.format("GET", pages[n % #pages + 1], { ["Cookie"] = "tongxin_console=" .. cookies[(id * 7 + n) % #cookies + 1] })
end

function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for k, v in pairs(thread:get("counts")) do total[k] = (total[k] or 0) + v end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("pages/s: %.0f\n", summary.requests / seconds))
  for k, v in pairs(total) do io.write(string.format("status %s: %d\n", k, v)) end
  io.write(string.format("latency p50 %.1f ms, p99 %.1f ms, max %.1f ms\n", latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000))
end
