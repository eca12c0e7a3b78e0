-- wrk: the many-user mix. Each request goes to the next logged-in customer (sessions from
-- the file SESSIONS, one per company: cookie, ticket numbers, open numbers; tab-separated)
-- and asks for a page picked at random: a ticket list with random order, filters and page,
-- the saved list, a date range, a search by code, a ticket of that customer's company, or
-- the dashboard's data. With MODE=static every request asks for the file STATIC instead,
-- with the same rotation and the same callbacks, so that wrk's own Lua work (which shares
-- the 2 cores with nginx and the handlers) weighs the same on both sides of the ratio.
-- done() prints the statuses and the mean body size: a mix answered with redirects to
-- /login would otherwise look fast.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local function split(text, separator)
  local fields = {}
  for field in string.gmatch(text, "[^" .. separator .. "]+") do table.insert(fields, field) end
  return fields
end

function init(args)
  -- Seeded per thread: the threads draw different sequences, the same ones on every run.
  math.randomseed(tonumber(os.getenv("SEED") or "1") * 1000 + id)
  static = os.getenv("MODE") == "static" and os.getenv("STATIC")
  sessions = {}
  for line in io.lines(os.getenv("SESSIONS")) do
    local fields = split(line, "\t")
    table.insert(sessions, { cookie = "portal_session=" .. fields[1], numbers = split(fields[2] or "", " ") })
  end
  -- Threads start far apart in the list, so that they rarely ask for the same customer at once.
  next_session = math.floor((id - 1) * #sessions * 0.618) % #sessions
  statuses, bytes, answered = {}, 0, 0
end

local function pick(values) return values[math.random(#values)] end

local orders = { "creazione", "risposta", "priorita" }
local states = { "qualsiasi", "aperto", "chiuso" }
-- "qualsiasi" twice: most people look at every priority and type.
local priorities = { "qualsiasi", "qualsiasi", "low", "normal", "high", "blocking" }
local types = { "qualsiasi", "qualsiasi", "assistance", "appointment" }
local pages = { 1, 1, 1, 2, 2, 3, 4 }
local day = 86400

local function list()
  local priority, type = pick(priorities), pick(types)
  local path = "/ticket?ordine=" .. pick(orders) .. "&stato=" .. pick(states) .. "&priorita=" .. priority ..
    "&tipologia=" .. type
  -- A company's hundred tickets fill a few pages; narrowed by priority or type, one.
  local page = (priority == "qualsiasi" and type == "qualsiasi") and pick(pages) or 1
  if page > 1 then path = path .. "&pagina=" .. page end
  return path
end

local function date_range()
  local to = os.time() - math.random(0, 300) * day
  local from = to - math.random(7, 90) * day
  return "/ticket?ordine=creazione&stato=qualsiasi&priorita=qualsiasi&tipologia=qualsiasi&da=" ..
    os.date("!%Y-%m-%d", from) .. "&a=" .. os.date("!%Y-%m-%d", to)
end

function request()
  local session = sessions[next_session + 1]
  next_session = (next_session + 1) % #sessions
  local path
  if static then
    path = static
  else
    local draw = math.random(100)
    if draw <= 40 then path = list()
    elseif draw <= 45 then path = "/ticket"
    elseif draw <= 50 then path = date_range()
    elseif draw <= 55 then path = "/ticket?codice=" .. pick(session.numbers)
    elseif draw <= 85 then path = "/ticket/" .. pick(session.numbers)
    else path = "/api/dashboard" end
  end
  return wrk.format("GET", path, { Cookie = session.cookie })
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  bytes = bytes + #body
  answered = answered + 1
end

function done(summary, latency, requests)
  local total, all, sizes = {}, 0, 0
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do total[status] = (total[status] or 0) + count end
    all = all + thread:get("answered")
    sizes = sizes + thread:get("bytes")
  end
  local parts = {}
  for status, count in pairs(total) do table.insert(parts, status .. "=" .. count) end
  table.sort(parts)
  io.write("statuses: " .. table.concat(parts, " ") .. "\n")
  io.write(string.format("mean body: %d B\n", all > 0 and math.floor(sizes / all + 0.5) or 0))
end
