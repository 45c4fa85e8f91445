-- wrk script: the all-stations map layer as a browser asks for it (gzip accepted), whole city at the console map's
-- first zoom, and boxes around the centre at higher zooms. Old servers ignore bbox/zoom and send every station.
local urls = {
  "/api/v1/stations?zoom=7",
  "/api/v1/stations",
  "/api/v1/stations?bbox=106.30,29.40,106.80,29.75&zoom=11",
  "/api/v1/stations?bbox=106.50,29.52,106.62,29.60&zoom=14"
}
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", urls[(n % #urls) + 1], {["Accept-Encoding"] = "gzip", ["User-Agent"] = "abuse-load"})
end
