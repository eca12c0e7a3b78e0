"""The classic portal's old address and its transition page: the permanent redirect, the
closing date, the manuals, and the login by P.IVA (checked, rate-limited, and answering every
valid number the same way)."""
import re

import pytest
import requests

from portal import ROSSI_VAT, csrf_token

PAGE = "/portale-classico"
SUPPORT = "supporto@fornitore.example"


def vat_with_check_digit(first_ten):
    """The Italian P.IVA check digit (the same algorithm the portal uses)."""
    total = 0
    for index, char in enumerate(first_ten):
        digit = int(char)
        if index % 2 == 1:
            digit *= 2
            digit = digit - 9 if digit > 9 else digit
        total += digit
    return first_ten + str((10 - total % 10) % 10)


UNKNOWN_VAT = vat_with_check_digit("0555444333")
NO_USERS_VAT = vat_with_check_digit("0777666555")


def submit(portal, vat, session=None):
    session = session or requests.Session()
    page = session.get(portal.url + PAGE)
    return session.post(portal.url + PAGE, data={"csrf": csrf_token(page.text), "vat": vat})


def without_tokens(html):
    return re.sub(r'value="[^"]*"', "", html)


@pytest.mark.parametrize("old", ["/assistenza/assistenzaUTF.php", "/assistenza/", "/assistenza",
                                 "/assistenza/vecchia/pagina.php?id=3"])
def test_the_old_address_moved_permanently_to_the_transition_page(portal, old):
    response = requests.get(portal.url + old, allow_redirects=False)
    assert response.status_code == 301
    assert response.headers["Location"] == PAGE
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    followed = requests.get(portal.url + old)
    assert followed.url == portal.url + PAGE and followed.status_code == 200


def test_the_transition_page_says_when_the_classic_portal_closes_and_links_both_manuals(portal):
    page = requests.get(portal.url + PAGE)
    assert page.status_code == 200
    assert "Portale classico IN DISMISSIONE: la chiusura definitiva è prevista il 01/03/2027." in page.text
    assert 'href="/manuale/"' in page.text and "Manuale utente del nuovo portale" in page.text
    # No manual of the classic portal is configured here: the link says it leads to our chapter.
    classic = re.search(r"<a href=\"([^\"]+)\">Manuale del portale classico \(capitolo sull'accesso\)</a>", page.text).group(1)
    # One link whose name starts «Manuale utente» (the footer's is left out here).
    assert len(re.findall(r">Manuale utente", page.text)) == 1, page.text
    assert classic == "/manuale/problemi-accesso.html#accesso-attraverso-portale-classico"
    assert "Accesso attraverso portale classico" in requests.get(portal.url + classic).text
    assert '<a class="button button--primary" href="/login">Nuovo portale assistenza</a>' in page.text
    assert '<label for="vat">Partita IVA</label>' in page.text
    assert re.search(r'<input id="vat"[^>]*aria-label="Partita IVA \(P.IVA\)"', page.text), "the manual's «P.IVA» too"
    assert page.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("typed, message", [
    ("02740123457", "l'ultima cifra di controllo non corrisponde"),
    ("IT 02740123450", "l'ultima cifra di controllo non corrisponde"),
    ("1234567", "è formata da 11 cifre"),
    ("0274012345X", "è formata da 11 cifre"),
    ("", "Campo obbligatorio."),
])
def test_a_wrong_number_is_refused_next_to_the_field(portal, typed, message):
    response = submit(portal, typed)
    assert response.status_code == 422
    assert re.search(r'<p class="field-error" id="vat-error">[^<]*' + re.escape(message), response.text)
    assert 'aria-invalid="true"' in response.text and 'aria-describedby="vat-error vat-hint"' in response.text
    # The person is put on the wrong field, as on every other refused form.
    assert re.search(r'<input id="vat"[^>]*autofocus="autofocus"', response.text)
    assert "Richiesta ricevuta" not in response.text


def test_a_post_without_the_forms_token_is_refused(portal):
    response = requests.post(portal.url + PAGE, data={"vat": ROSSI_VAT})
    assert response.status_code == 403


def test_known_and_unknown_valid_numbers_get_the_same_answer(portal):
    known = submit(portal, ROSSI_VAT)
    unknown = submit(portal, UNKNOWN_VAT)
    spaced = submit(portal, "IT " + ROSSI_VAT[:3] + " " + ROSSI_VAT[3:])
    assert known.status_code == unknown.status_code == spaced.status_code == 200
    assert without_tokens(known.text) == without_tokens(unknown.text) == without_tokens(spaced.text)
    assert "Richiesta ricevuta" in known.text and "Login" in known.text
    assert 'name="vat"' not in known.text, "the answer replaces the form"
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM legacy_access_requests").fetchone()[0] == 0, \
            "a company with active users is not recorded"


def test_a_company_without_users_is_recorded_and_support_is_mailed_once_a_day(fresh_portal):
    portal = fresh_portal(PORTAL_SUPPORT_EMAIL=SUPPORT, PORTAL_LEGACY_CLOSING_DATE="2031-06-15")
    portal.admin("tenant", "add", "--name", "VERDI SNC", "--vat", NO_USERS_VAT)
    assert "la chiusura definitiva è prevista il 15/06/2031" in requests.get(portal.url + PAGE).text

    first = submit(portal, NO_USERS_VAT)
    unknown = submit(portal, UNKNOWN_VAT)
    assert first.status_code == 200
    assert without_tokens(first.text) == without_tokens(unknown.text)
    mail = portal.wait_for_mail(SUPPORT, "VERDI SNC")
    assert NO_USERS_VAT in mail["Subject"] and "Invita amministratore" in mail.get_content()
    invite_link = re.search(r"(http\S+/login\?next=\S*aziende\S*invita)", mail.get_content()).group(1)
    assert "portal-admin" not in mail.get_content(), "the desk's page, not the server's command line"
    from vendor import manager_session
    invite_page = manager_session(portal).get(invite_link)
    assert "VERDI SNC" in invite_page.text and ">Invita amministratore</button>" in invite_page.text

    second = submit(portal, NO_USERS_VAT)
    assert without_tokens(second.text) == without_tokens(first.text)
    with portal.db() as db:
        rows = db.execute("SELECT vat FROM legacy_access_requests ORDER BY id").fetchall()
        assert [row["vat"] for row in rows] == [NO_USERS_VAT, NO_USERS_VAT]
        queued = db.execute("SELECT count(*) FROM outbox WHERE subject LIKE '%VERDI SNC%'").fetchone()[0]
    assert queued == 1, "support hears of a company once a day, however often it asks"


def test_a_deactivated_companys_request_leads_support_to_its_page_not_to_a_refused_invitation(fresh_portal):
    portal = fresh_portal(PORTAL_SUPPORT_EMAIL=SUPPORT)
    portal.admin("tenant", "add", "--name", "SPENTA SRL", "--vat", NO_USERS_VAT)
    with portal.db() as db:
        db.execute("UPDATE tenants SET deactivated_at = 1 WHERE vat = ?", (NO_USERS_VAT,))
        company = db.execute("SELECT id FROM tenants WHERE vat = ?", (NO_USERS_VAT,)).fetchone()[0]
    submit(portal, NO_USERS_VAT)
    body = portal.wait_for_mail(SUPPORT, "SPENTA SRL").get_content()
    assert "L'azienda è disattivata" in body and "«Riattiva»" in body
    assert re.search(rf"/login\?next=/desk/aziende/{company}\s", body) and "/invita" not in body, body


def test_the_pva_form_is_rate_limited_but_reading_the_page_is_not(fresh_portal):
    # Its own limit, not the login's: the login's stays generous here.
    portal = fresh_portal(PORTAL_VAT_RATE="6r/m", PORTAL_VAT_BURST="2")
    session = requests.Session()
    token = csrf_token(session.get(portal.url + PAGE).text)
    statuses = [session.post(portal.url + PAGE, data={"csrf": token, "vat": UNKNOWN_VAT}).status_code
                for _ in range(6)]
    assert 200 in statuses and 429 in statuses, statuses
    limited = session.post(portal.url + PAGE, data={"csrf": token, "vat": UNKNOWN_VAT})
    assert limited.status_code == 429 and "Troppi tentativi" in limited.text
    assert all(session.get(portal.url + PAGE).status_code == 200 for _ in range(10))


def test_by_default_a_dozen_numbers_in_a_row_meet_the_limit_and_the_login_stays_open(fresh_portal):
    # The installation's own limits: the form's is tight, and it is not the office's login allowance.
    portal = fresh_portal(PORTAL_VAT_RATE=None, PORTAL_VAT_BURST=None, PORTAL_LOGIN_RATE=None, PORTAL_LOGIN_BURST=None)
    session = requests.Session()
    token = csrf_token(session.get(portal.url + PAGE).text)
    statuses = [session.post(portal.url + PAGE, data={"csrf": token, "vat": UNKNOWN_VAT}).status_code for _ in range(12)]
    assert statuses[:5] == [200] * 5 and 429 in statuses, statuses
    login_token = csrf_token(session.get(portal.url + "/login").text)
    refused = session.post(portal.url + "/login", data={"csrf": login_token, "email": "a@b.it", "password": "x"})
    assert refused.status_code == 422, "the P.IVA form's tries spend nothing of the login's limit"


def test_after_the_closing_date_the_form_gives_way_to_the_closure_notice(fresh_portal):
    portal = fresh_portal(PORTAL_LEGACY_CLOSING_DATE="2020-01-31")
    page = requests.get(portal.url + PAGE)
    assert page.status_code == 200
    assert "è stato chiuso definitivamente il 31/01/2020" in page.text
    assert 'name="vat"' not in page.text and "Manuale utente del nuovo portale" in page.text
    session = requests.Session()
    token = csrf_token(session.get(portal.url + "/login").text)
    refused = session.post(portal.url + PAGE, data={"csrf": token, "vat": ROSSI_VAT})
    assert refused.status_code == 410 and "chiuso definitivamente" in refused.text


def test_a_malformed_closing_date_keeps_the_page_up_with_the_default(fresh_portal):
    portal = fresh_portal(PORTAL_LEGACY_CLOSING_DATE="01/03/2027")
    page = requests.get(portal.url + PAGE)
    assert page.status_code == 200 and "prevista il 01/03/2027" in page.text
    log = (portal.var / "log" / "portal-auth.log").read_text()
    assert "event=config_invalid key=PORTAL_LEGACY_CLOSING_DATE" in log
