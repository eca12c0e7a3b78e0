-- wrk: POST a new ticket (no files) with the session cookie and CSRF token given in the
-- environment; every request creates one ticket.
local body = "csrf=" .. os.getenv("CSRF") .. "&action=send&email=mario.rossi%40rossi.example&contact=web" ..
  "&type=assistance&area=systems&priority=normal&title=Ticket+di+prova&description=Descrizione+di+prova"
wrk.method = "POST"
wrk.body = body
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.headers["Cookie"] = "portal_session=" .. os.getenv("SESSION")
