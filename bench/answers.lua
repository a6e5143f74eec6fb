-- Shared by the wrk scripts (loaded with dofile from the repository root): numbers the threads,
-- counts answers per status and problem code, and prints the report. A script that loads it sets
-- `success` (e.g. "orders") and defines request() and init(), where it calls answers_init().
local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function answers_init()
  math.randomseed(os.time() * 1000 + id)
  counts = {}
end

function response(status, headers, body)
  local key = tostring(status)
  if status ~= 201 then
    key = key .. " " .. (string.match(body, '"code":"([A-Z_]+)"') or "?")
  end
  counts[key] = (counts[key] or 0) + 1
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for k, v in pairs(thread:get("counts")) do total[k] = (total[k] or 0) + v end
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("requests/s: %.0f\n", summary.requests / seconds))
  io.write(string.format("successful %s/s: %.0f\n", success or "requests", (total["201"] or 0) / seconds))
  io.write(string.format("latency p50: %.2f ms, p90: %.2f ms, p99: %.2f ms, max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  local keys = {}
  for k in pairs(total) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do io.write(string.format("answers %s: %d\n", k, total[k])) end
end
