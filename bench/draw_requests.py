"""Writes the requests of one page kind for bench/instructions.sh, drawn as bench/mix.lua
draws them, each by the next session: KIND is list (a customer's list with random order,
filters and page), ticket (one of the company's tickets), dashboard (its data), queue
("Coda ticket" with random filters), search (a text search), desk-ticket (any company's
ticket) or create (a new ticket by the next customer, the form bench/create-ticket.lua sends).
One line per request: path, tab, Cookie header (and for create, tab, the form).
usage: draw_requests.py KIND COUNT SESSIONS OPERATORS COMPANIES FIRST_TICKET LAST_TICKET"""
import random
import urllib.parse
import sys

kind, count = sys.argv[1], int(sys.argv[2])
customers = [line.rstrip("\n").split("\t") for line in open(sys.argv[3])]
operators = [line.split("\t")[0] for line in open(sys.argv[4])]
companies = [line.rstrip("\n").split("\t") for line in open(sys.argv[5])]
first, last = int(sys.argv[6]), int(sys.argv[7])
random.seed(7)
pick = random.choice


def customer_list():
    priority, kind_of = pick(["qualsiasi", "qualsiasi", "low", "normal", "high", "blocking"]), pick(
        ["qualsiasi", "qualsiasi", "assistance", "appointment"])
    path = (f"/ticket?ordine={pick(['creazione', 'risposta', 'priorita'])}&stato={pick(['qualsiasi', 'aperto', 'chiuso'])}"
            f"&priorita={priority}&tipologia={kind_of}")
    page = pick([1, 1, 1, 2, 2, 3, 4]) if priority == "qualsiasi" and kind_of == "qualsiasi" else 1
    return path + (f"&pagina={page}" if page > 1 else "")


def company():
    name, vat = pick(companies)
    draw = random.randint(1, 100)
    return name[8:12] if draw <= 40 else "azienda%20" + name[8:11] if draw <= 60 else vat if draw <= 85 else "IT" + vat


def queue():
    path = (f"/desk/?stato={pick(['aperti'] * 3 + ['qualsiasi', 'unassigned', 'waiting', 'postponed', 'development', 'closed'])}"
            f"&priorita={pick(['qualsiasi'] * 3 + ['low', 'normal', 'high', 'blocking'])}"
            f"&assegnato={pick(['qualsiasi', 'qualsiasi', 'me', 'me', 'nessuno'])}"
            f"&area={pick(['qualsiasi'] * 3 + ['administrative', 'management', 'systems'])}"
            f"&tipologia={pick(['qualsiasi', 'qualsiasi', 'assistance', 'appointment'])}")
    if random.randint(1, 100) <= 15:
        path += "&azienda=" + company()
    page = pick([1, 1, 1, 1, 2, 3, 4, 5])
    return path + (f"&pagina={page}" if page > 1 else "")


def search():
    words = pick(["richiesta", "problema", "programma", "aggiornamento", "versione", "grazie", "buongiorno",
                  "intrastat", "stampante", "giacenze", "fattura%20elettronica", str(random.randint(first, last))])
    return "/desk/?cerca=" + words + pick(["", "", "&stato=qualsiasi", "&assegnato=me"])


for index in range(count):
    if kind in ("queue", "search", "desk-ticket"):
        cookie = operators[index % len(operators)]
        path = queue() if kind == "queue" else search() if kind == "search" else f"/desk/ticket/{random.randint(first, last)}"
    elif kind == "create":
        session = customers[index % len(customers)]
        form = {"csrf": session[-1], "action": "send", "email": session[-2], "contact": "web", "type": "assistance",
                "area": "systems", "priority": "normal", "title": "Stampa fatture bloccata",
                "description": "Buongiorno,\nla stampa delle fatture si blocca al secondo documento."}
        print(f"/ticket/nuovo\tportal_session={session[0]}\t{urllib.parse.urlencode(form)}")
        continue
    else:
        session = customers[index % len(customers)]
        cookie = session[0]
        path = customer_list() if kind == "list" else "/api/dashboard" if kind == "dashboard" \
            else "/ticket/" + pick(session[1].split())
    print(f"{path}\tportal_session={cookie}")
