-- wrk script: every request is one of the community's staff (random token) allocating one unit of
-- the donated item to one random household. Counts answers; done() (bench/answers.lua) prints them.
dofile("bench/answers.lua")
success = "packages"
local staff, households = {}, {}
local dir = os.getenv("BENCH_DIR") or "."
for line in io.lines(dir .. "/staff-tokens.txt") do staff[#staff + 1] = line end
for line in io.lines(dir .. "/households.txt") do households[#households + 1] = line end
local spec = io.open(dir .. "/care.txt"):read("*l")
local community, donation, item = string.match(spec, "(%S+) (%S+) (%S+)")

function init(args)
  answers_init()
end

function request()
  local body = string.format('{"communityId":"%s","householdIds":["%s"],"items":[{"donationItemId":"%s","quantity":1}]}',
    community, households[math.random(#households)], item)
  return wrk.format("POST", "/api/care-packages", {
    ["Authorization"] = "Bearer " .. staff[math.random(#staff)], ["Content-Type"] = "application/json" }, body)
end
