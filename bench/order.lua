-- wrk script: every request is one household (random token) ordering one unit of one of the
-- window's three products (1 to BENCH_QUANTITY units when that is set), with an Idempotency-Key
-- never used before. Counts answers per status
-- and per problem code; done() (bench/answers.lua) prints them.
dofile("bench/answers.lua")
success = "orders"
local tokens = {}
local dir = os.getenv("BENCH_DIR") or "."
for line in io.lines(dir .. "/tokens.txt") do tokens[#tokens + 1] = line end
local spec = io.open(dir .. "/" .. (os.getenv("BENCH_WINDOW") or "window.txt")):read("*l")
local window, products = nil, {}
local most = tonumber(os.getenv("BENCH_QUANTITY") or "1")
for word in string.gmatch(spec, "%S+") do
  if window == nil then window = word else products[#products + 1] = word end
end

function init(args)
  answers_init()
  n = 0
  -- A seed of its own for every thread of every wrk process: two processes (REPLICAS=2) must not
  -- send the same households the same keys, or their orders would be replays of each other's.
  local urandom = io.open("/dev/urandom", "rb")
  local b1, b2, b3, b4 = urandom:read(4):byte(1, 4)
  urandom:close()
  math.randomseed(((b1 * 256 + b2) * 256 + b3) * 256 + b4)
  run = math.random(1000000000)
end

function request()
  n = n + 1
  local body = string.format('{"windowId":"%s","items":[{"productId":"%s","quantity":%d}]}',
    window, products[math.random(#products)], math.random(most))
  return wrk.format("POST", "/api/orders", {
    ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)],
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = string.format("bench-%d-%d-%d-%d", run, id, n, math.random(1000000000)) }, body)
end
