-- wrk script for the soak (bench/soak.sh): a district's day in one mix. Of every 100 requests,
-- 45 are orders (a household, one unit, a fresh Idempotency-Key), 20 claims (a volunteer, a random
-- shift of the roster: most answer 409 once it is full, as at a roster opening) and 35 reads (a
-- household's profile, its notice feed, its orders); one request in a thousand is a notice to the
-- community's four group chats and feed instead, due two seconds later (the relay posts it to the
-- WeCom stand-in, at most 20 a minute per robot as WeCom allows). Counts answers per
-- status and per problem code; done() (bench/answers.lua) prints them.
dofile("bench/answers.lua")
success = "answers"
local dir = os.getenv("BENCH_DIR") or "."
local function lines(path)
  local out = {}
  for line in io.lines(path) do out[#out + 1] = line end
  return out
end
local households = lines(dir .. "/tokens.txt")
local volunteers = lines(dir .. "/claims/tokens.txt")
local shifts = lines(dir .. "/claims/shifts.txt")
local admin = lines(dir .. "/admin-token.txt")[1]
local community = lines(dir .. "/notice-community.txt")[1]
local spec = io.open(dir .. "/window.txt"):read("*l")
local window, products = nil, {}
for word in string.gmatch(spec, "%S+") do
  if window == nil then window = word else products[#products + 1] = word end
end
local reads = { "/api/me", "/api/notices/feed", "/api/orders/mine" }

function init(args)
  answers_init()
  n = 0
end

function request()
  n = n + 1
  if math.random(1000) == 1 then
    local body = string.format('{"title":"通知%d","body":"请各位居民按时下楼做核酸。","scope":{"type":"COMMUNITY","id":"%s"},'
      .. '"channels":["GROUP_CHAT","FEED"],"sendAt":"%s"}', n, community, os.date("!%Y-%m-%dT%H:%M:%SZ", os.time() + 2))
    return wrk.format("POST", "/api/notices", { ["Authorization"] = "Bearer " .. admin, ["Content-Type"] = "application/json" }, body)
  end
  local r = math.random(100)
  if r <= 45 then
    local body = string.format('{"windowId":"%s","items":[{"productId":"%s","quantity":1}]}', window, products[math.random(#products)])
    return wrk.format("POST", "/api/orders", { ["Authorization"] = "Bearer " .. households[math.random(#households)],
      ["Content-Type"] = "application/json", ["Idempotency-Key"] = string.format("soak-%d-%d-%d", id, n, math.random(1000000000)) }, body)
  elseif r <= 65 then
    return wrk.format("POST", "/api/shifts/" .. shifts[math.random(#shifts)] .. "/claims",
      { ["Authorization"] = "Bearer " .. volunteers[math.random(#volunteers)], ["Content-Length"] = "0" }, nil)
  else
    return wrk.format("GET", reads[math.random(#reads)], { ["Authorization"] = "Bearer " .. households[math.random(#households)] }, nil)
  end
end
