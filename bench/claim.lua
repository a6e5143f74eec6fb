-- wrk script: every request is one volunteer (random token) claiming one shift (random id).
-- Counts answers per status and per problem code; done() (bench/answers.lua) prints them.
dofile("bench/answers.lua")
success = "claims"
local tokens, shifts = {}, {}
local dir = os.getenv("BENCH_DIR") or "."
for line in io.lines(dir .. "/tokens.txt") do tokens[#tokens + 1] = line end
for line in io.lines(dir .. "/" .. (os.getenv("BENCH_SHIFTS") or "shifts.txt")) do shifts[#shifts + 1] = line end

function init(args)
  answers_init()
end

function request()
  local token = tokens[math.random(#tokens)]
  local shift = shifts[math.random(#shifts)]
  return wrk.format("POST", "/api/shifts/" .. shift .. "/claims",
    { ["Authorization"] = "Bearer " .. token, ["Content-Length"] = "0" }, nil)
end
