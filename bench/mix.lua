-- wrk: the many-user mix. Each request goes to the next logged-in user and asks for a page
-- picked at random. Customers (sessions from the file SESSIONS, one per company: cookie,
-- ticket numbers, open numbers; tab-separated) ask for a ticket list with random order,
-- filters and page, the saved list, a date range, a search by code, a ticket of their
-- company, or the dashboard's data. DESK per cent of the requests (default 15 when OPERATORS
-- names the operators' sessions file: cookie, address) go to the next operator instead, for
-- "Coda ticket" with random filters (status, priority, assignee, area, type, a company by
-- name part or P.IVA from the file COMPANIES, page 1 to 5), a text search ("cerca", frequent
-- and rare words of the generated tickets), or any company's ticket (numbers TICKETS="min
-- max"). KIND=queue, search or ticket sends every request to that desk page, still rotating
-- over the operators and drawing filters, words and tickets: wrk's latency covers a whole
-- run, so a kind's p99 needs a run of its own. With MODE=static every request asks for the
-- file STATIC instead, with the same rotation, draws and callbacks, so that wrk's own Lua
-- work (which shares the 2 cores with nginx and the handlers) weighs the same on both sides
-- of the ratio. done() prints the statuses and the mean body size: a mix answered with
-- redirects to /login would otherwise look fast.

dofile("bench/threads.lua")

function init(args)
  -- Seeded per thread: the threads draw different sequences, the same ones on every run.
  math.randomseed(tonumber(os.getenv("SEED") or "1") * 1000 + id)
  static = os.getenv("MODE") == "static" and os.getenv("STATIC")
  kind = os.getenv("KIND")
  sessions = {}
  for line in io.lines(os.getenv("SESSIONS")) do
    local fields = split(line, "\t")
    table.insert(sessions, { cookie = "portal_session=" .. fields[1], numbers = split(fields[2] or "", " ") })
  end
  -- Threads start far apart in the list, so that they rarely ask for the same customer at once.
  next_session = math.floor((id - 1) * #sessions * 0.618) % #sessions
  operators, companies, desk_share = {}, {}, 0
  if os.getenv("OPERATORS") then
    for line in io.lines(os.getenv("OPERATORS")) do
      table.insert(operators, "portal_session=" .. split(line, "\t")[1])
    end
    for line in io.lines(os.getenv("COMPANIES")) do
      local fields = split(line, "\t")
      table.insert(companies, { name = fields[1], vat = fields[2] })
    end
    local range = split(os.getenv("TICKETS"), " ")
    first_ticket, last_ticket = tonumber(range[1]), tonumber(range[2])
    desk_share = tonumber(os.getenv("DESK") or "15")
    next_operator = (id - 1) * 2 % #operators
  end
  if kind and #operators == 0 then error("KIND needs OPERATORS") end
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

-- The desk. Most operators keep the default filters; the others are drawn independently,
-- so that combinations of two or three filters occur too.
local queue_states = { "aperti", "aperti", "aperti", "qualsiasi", "unassigned", "waiting", "postponed", "development",
  "closed" }
local desk_priorities = { "qualsiasi", "qualsiasi", "qualsiasi", "low", "normal", "high", "blocking" }
local assignees = { "qualsiasi", "qualsiasi", "me", "me", "nessuno" }
local areas = { "qualsiasi", "qualsiasi", "qualsiasi", "administrative", "management", "systems" }
local desk_types = { "qualsiasi", "qualsiasi", "assistance", "appointment" }
local desk_pages = { 1, 1, 1, 1, 2, 3, 4, 5 }
-- Words of the generated tickets: in nearly every ticket (titles "Richiesta N", descriptions,
-- the operator's question, the customer's "Versione 23.0.0.69, grazie.") and only in the
-- demo's few dozen tickets.
local frequent_words = { "richiesta", "problema", "programma", "aggiornamento", "versione", "grazie", "buongiorno",
  "descrizione", "versione programma", "problema aggiornamento", "grazie versione" }
local rare_words = { "intrastat", "stampante", "giacenze", "ritenute", "listini", "accredito", "fattura elettronica",
  "excel", "backup database", "magazzino" }

-- "Azienda": four digits of a name (one company), the start of a name (ten), or a P.IVA,
-- sometimes with its IT prefix.
local function company()
  local chosen = pick(companies)
  local draw = math.random(100)
  if draw <= 40 then return string.sub(chosen.name, 9, 12)
  elseif draw <= 60 then return "azienda%20" .. string.sub(chosen.name, 9, 11)
  elseif draw <= 85 then return chosen.vat
  else return "IT" .. chosen.vat end
end

local function queue()
  if math.random(100) <= 10 then return "/desk/" end
  local path = "/desk/?stato=" .. pick(queue_states) .. "&priorita=" .. pick(desk_priorities) .. "&assegnato=" ..
    pick(assignees) .. "&area=" .. pick(areas) .. "&tipologia=" .. pick(desk_types)
  if math.random(100) <= 15 then path = path .. "&azienda=" .. company() end
  local page = pick(desk_pages)
  if page > 1 then path = path .. "&pagina=" .. page end
  return path
end

local function search()
  local draw, words = math.random(100)
  if draw <= 40 then words = pick(frequent_words):gsub(" ", "%%20")
  elseif draw <= 70 then words = pick(rare_words):gsub(" ", "%%20")
  else
    -- A ticket's number: its own ticket (title and description), or as a prefix, ten more.
    local number = tostring(math.random(first_ticket, last_ticket))
    if draw <= 80 then words = number
    elseif draw <= 90 then words = "richiesta%20" .. number
    else words = string.sub(number, 1, #number - 1) end
  end
  local path = "/desk/?cerca=" .. words
  local filter = math.random(100)
  if filter <= 30 then path = path .. "&stato=qualsiasi"
  elseif filter <= 40 then path = path .. "&stato=" .. pick(queue_states) .. "&assegnato=me"
  elseif filter <= 50 then path = path .. "&priorita=" .. pick(desk_priorities) end
  if math.random(100) <= 15 then path = path .. "&pagina=" .. math.random(2, 3) end
  return path
end

local function desk()
  local which = kind
  if not which then
    local draw = math.random(100)
    which = draw <= 45 and "queue" or draw <= 70 and "search" or "ticket"
  end
  if which == "queue" then return queue()
  elseif which == "search" then return search()
  else return "/desk/ticket/" .. math.random(first_ticket, last_ticket) end
end

local function customer(session)
  local draw = math.random(100)
  if draw <= 40 then return list()
  elseif draw <= 45 then return "/ticket"
  elseif draw <= 50 then return date_range()
  elseif draw <= 55 then return "/ticket?codice=" .. pick(session.numbers)
  elseif draw <= 85 then return "/ticket/" .. pick(session.numbers)
  else return "/api/dashboard" end
end

function request()
  local cookie, path
  if kind or math.random(100) <= desk_share then
    cookie = operators[next_operator + 1]
    next_operator = (next_operator + 1) % #operators
    path = desk()
  else
    local session = sessions[next_session + 1]
    next_session = (next_session + 1) % #sessions
    cookie, path = session.cookie, customer(session)
  end
  return wrk.format("GET", static or path, { Cookie = cookie })
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  bytes = bytes + #body
  answered = answered + 1
end

function done(summary, latency, requests)
  write_statuses()
  local all, sizes = 0, 0
  for _, thread in ipairs(threads) do
    all = all + thread:get("answered")
    sizes = sizes + thread:get("bytes")
  end
  io.write(string.format("mean body: %d B\n", all > 0 and math.floor(sizes / all + 0.5) or 0))
end
