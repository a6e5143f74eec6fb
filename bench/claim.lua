-- wrk script: every request is one volunteer (random token) claiming one shift (random id).
-- Counts answers per status and per problem code; done() prints them.
local tokens, shifts = {}, {}
local dir = os.getenv("BENCH_DIR") or "."
for line in io.lines(dir .. "/tokens.txt") do tokens[#tokens + 1] = line end
for line in io.lines(dir .. "/" .. (os.getenv("BENCH_SHIFTS") or "shifts.txt")) do shifts[#shifts + 1] = line end

local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
  counts = {}
end

function request()
  local token = tokens[math.random(#tokens)]
  local shift = shifts[math.random(#shifts)]
  return wrk.format("POST", "/api/shifts/" .. shift .. "/claims",
    { ["Authorization"] = "Bearer " .. token, ["Content-Length"] = "0" }, nil)
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
  io.write(string.format("requests/s: %.0f\n", summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50: %.2f ms, p90: %.2f ms, p99: %.2f ms, max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  local keys = {}
  for k in pairs(total) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do io.write(string.format("answers %s: %d\n", k, total[k])) end
end
