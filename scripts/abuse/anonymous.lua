-- wrk script: anonymous GETs at full speed to public pages, console URLs and unknown URLs (each may create a session).
local paths = {"/m/stations", "/console/stations", "/console", "/console/accounts", "/login"}
local n = 0
request = function()
  n = n + 1
  local path
  if n % 3 == 0 then
    path = "/no-such-page/" .. n -- unknown URL, different every time
  else
    path = paths[(n % #paths) + 1]
  end
  return wrk.format("GET", path, {["User-Agent"] = "abuse-load", ["Accept"] = "text/html"})
end
