-- wrk script: sign-in with wrong passwords, for admin and for unknown names, with a valid session and CSRF token
-- (ABUSE_COOKIE and ABUSE_CSRF from the environment), so that each request reaches the password check.
local cookie = os.getenv("ABUSE_COOKIE") or ""
local csrf = os.getenv("ABUSE_CSRF") or ""
local n = 0
request = function()
  n = n + 1
  local user = (n % 2 == 0) and "admin" or ("nobody" .. (n % 50))
  local body = "username=" .. user .. "&password=wrong-password-" .. n .. "&_csrf=" .. csrf
  return wrk.format("POST", "/login", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = cookie,
    ["User-Agent"] = "abuse-load"
  }, body)
end
