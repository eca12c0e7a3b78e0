-- wrk: POST a new ticket (no files), every request by the next logged-in customer of the
-- file SESSIONS (cookie first, then e-mail address and CSRF token last, tab-separated; see
-- login_many.py), so that creations spread over as many companies as there are sessions,
-- as a morning's do. Every request creates one ticket; done() prints the statuses (303 is
-- a created ticket).
dofile("bench/threads.lua")

local function encode(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  forms = {}
  for line in io.lines(os.getenv("SESSIONS")) do
    local fields = split(line, "\t")
    local token, address = fields[#fields], fields[#fields - 1]
    table.insert(forms, {
      cookie = "portal_session=" .. fields[1],
      body = "csrf=" .. encode(token) .. "&action=send&email=" .. encode(address) .. "&contact=web" ..
        "&type=assistance&area=systems&priority=normal&title=Stampa+fatture+bloccata" ..
        "&description=Buongiorno%2C%0Ala+stampa+delle+fatture+si+blocca+al+secondo+documento.",
    })
  end
  next_form = math.floor((id - 1) * #forms * 0.618) % #forms
  statuses = {}
end

function request()
  local form = forms[next_form + 1]
  next_form = (next_form + 1) % #forms
  return wrk.format("POST", nil, { Cookie = form.cookie, ["Content-Type"] = "application/x-www-form-urlencoded" },
    form.body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests) write_statuses() end
