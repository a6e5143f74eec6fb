-- wrk script: every request is one resident (random token) asking for help for their household.
dofile("bench/answers.lua")
success = "requests"
local tokens = {}
local dir = os.getenv("BENCH_DIR") or "."
for line in io.lines(dir .. "/tokens.txt") do tokens[#tokens + 1] = line end
local types = { "MEDICINE", "MEDICAL_TRIP", "HOME_SAMPLING", "ESSENTIALS", "OTHER" }

function init(args)
  answers_init()
end

function request()
  local body = string.format('{"type":"%s","description":"需要帮忙：代购药品和生活物资，谢谢"}', types[math.random(#types)])
  return wrk.format("POST", "/api/care-requests", {
    ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)], ["Content-Type"] = "application/json" }, body)
end
