-- wrk script: every request is one household (random token) ordering one unit of one of the
-- window's three products, with an Idempotency-Key never used before. Counts answers per status
-- and per problem code; done() prints them.
local tokens = {}
local dir = os.getenv("BENCH_DIR") or "."
for line in io.lines(dir .. "/tokens.txt") do tokens[#tokens + 1] = line end
local spec = io.open(dir .. "/" .. (os.getenv("BENCH_WINDOW") or "window.txt")):read("*l")
local window, products = nil, {}
for word in string.gmatch(spec, "%S+") do
  if window == nil then window = word else products[#products + 1] = word end
end

local threads = {}
function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  math.randomseed(os.time() * 1000 + id)
  counts = {}
  n = 0
end

function request()
  n = n + 1
  local body = string.format('{"windowId":"%s","items":[{"productId":"%s","quantity":1}]}',
    window, products[math.random(#products)])
  return wrk.format("POST", "/api/orders", {
    ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d", id, n, math.random(1000000000)) }, body)
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
  io.write(string.format("successful orders/s: %.0f\n", (total["201"] or 0) / seconds))
  io.write(string.format("latency p50: %.2f ms, p90: %.2f ms, p99: %.2f ms, max: %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("socket errors: connect %d, read %d, write %d, timeout %d\n",
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
  local keys = {}
  for k in pairs(total) do keys[#keys + 1] = k end
  table.sort(keys)
  for _, k in ipairs(keys) do io.write(string.format("answers %s: %d\n", k, total[k])) end
end
