-- One request shape for every benchmark, set through the environment:
--   METHOD (default GET), TOKEN (bearer token, optional), COOKIE (a web session's cookie, optional), ACCEPT
--   (optional), BODY (optional JSON; "{AMOUNT}" and "{DAY}" are replaced
--   by a random amount and day so that creates are not all identical), CONTENT_TYPE (default application/json),
--   RATE (optional: requests per second for the whole run; each connection waits between its requests so that the
--   total stays at that rate, to measure latency below saturation), CONNECTIONS (wrk's -c, for that arithmetic).
local method = os.getenv("METHOD") or "GET"
local token = os.getenv("TOKEN")
local cookie = os.getenv("COOKIE")
local accept = os.getenv("ACCEPT")
local body = os.getenv("BODY")
local content_type = os.getenv("CONTENT_TYPE") or "application/json"
local rate = tonumber(os.getenv("RATE") or "")
local connections = tonumber(os.getenv("CONNECTIONS") or "1")

function init(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function delay()
  if rate and rate > 0 then
    -- wrk's connections are spread over its threads; the total rate is shared by all of them
    return math.floor(connections * 1000 / rate)
  end
  return 0
end

function request()
  local headers = {}
  if token then
    headers["Authorization"] = "Bearer " .. token
  end
  if cookie then
    headers["Cookie"] = cookie
  end
  if accept then
    headers["Accept"] = accept
  end
  local payload = nil
  if body then
    headers["Content-Type"] = content_type
    payload = body:gsub("{AMOUNT}", string.format("%d.%02d", math.random(1, 500), math.random(0, 99)))
                  :gsub("{DAY}", string.format("2026-%02d-%02d", math.random(1, 12), math.random(1, 28)))
  end
  return wrk.format(method, nil, headers, payload)
end
