"""Phones (390 x 844) and a laptop (1280 px): no page scrolls sideways, the menu is closed
on a phone, the ticket list shows the tickets first with the filters behind "Filtri", the
ticket page starts with the title and the status, list cards read as table rows with badges."""
from contextlib import contextmanager

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from chromium import chromium
from people import press, sign_in
from portal import ADMIN, DEMO_PASSWORD, login, running_portal
from tickets import reply

OPERATOR = "giulia.neri@assistenza.example"
PHONE = (390, 844)
LAPTOP = (1280, 900)
SMALL_LAPTOP = (1024, 768)
TABLET = (820, 1180)
# WCAG's reflow width, 320 px, less a desktop scrollbar: a 1280 px window at 400 % zoom.
REFLOW = (305, 640)

# Every page a customer administrator reaches, then the public ones and the manual.
# "{old}": a ticket closed too long ago, whose way out names its number in a wide button.
CUSTOMER_PAGES = ["/dashboard", "/ticket", "/ticket/nuovo", "/ticket/{ticket}", "/ticket/{old}", "/profilo", "/tenant", "/tenant/ruoli",
                  "/tenant/utenti", "/tenant/inviti", "/tenant/inviti/nuovo", "/tenant/attivita", "/accesso/azienda",
                  "/manuale/index.html", "/manuale/richieste.html", "/manuale/accesso.html", "/aiuto/index.html",
                  "/privacy.html", "/browser.html", "/cerca.html"]
PUBLIC_PAGES = ["/login", "/password/recupero", "/portale-classico"]
# And the administration's (the operator is a Responsabile): a company's page scrolled sideways
# at 305 px (then «Registro attività dell'azienda», one long button).
OPERATOR_PAGES = ["/desk/", "/desk/ticket/{ticket}", "/manuale/operatori.html", "/desk/aziende", "/desk/aziende/1",
                  "/desk/aziende/1/invita", "/desk/operatori", "/desk/registro", "/desk/tempi", "/desk/andamento",
                  "/desk/portale-classico", "/desk/nuovo/1"]


@pytest.fixture(scope="module")
def portal():
    yield from running_portal()


def viewport(browser, size):
    width, height = size
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 800})


def overflow(browser):
    """How many pixels the page is wider than the window (0 when nothing scrolls sideways),
    and the widest element that sticks out, to name in a failure."""
    return browser.execute_script("""
        const width = document.documentElement.clientWidth;
        let culprit = '';
        let widest = width;
        for (const element of document.querySelectorAll('body *')) {
            const right = element.getBoundingClientRect().right;
            if (right > widest + 1 && element.offsetParent !== null) {
                widest = right;
                culprit = element.tagName.toLowerCase() + (element.className ? '.' + element.className : '') +
                    (element.id ? '#' + element.id : '');
            }
        }
        // A box that scrolls sideways inside the page (a table's wrapper) cuts its content too.
        // But for a chart of «Andamento» on a phone: drawn smaller, its text was unreadable; it
        // scrolls in a group the keyboard focuses.
        for (const element of document.querySelectorAll('body *')) {
            const style = getComputedStyle(element);
            if (element.matches('.figure-chart[tabindex="0"]')) continue;
            if (['auto', 'scroll'].includes(style.overflowX) && element.scrollWidth > element.clientWidth + 1 &&
                element.offsetParent !== null && element.tagName !== 'PRE' && element.tagName !== 'TEXTAREA') {
                return [element.scrollWidth - element.clientWidth,
                        'scrolling ' + element.tagName.toLowerCase() + '.' + element.className];
            }
        }
        return [document.documentElement.scrollWidth - width, culprit];
    """)


@contextmanager
def signed_in(portal, email=ADMIN):
    """A Chromium signed in as `email`, closed after the test's block."""
    browser = chromium()
    try:
        sign_in(browser, portal, email, DEMO_PASSWORD)
        yield browser
    finally:
        browser.quit()


def newest_ticket(portal):
    with portal.db() as db:
        return db.execute("SELECT t.number FROM tickets t JOIN tenants te ON te.id = t.tenant_id"
                          " WHERE te.vat = '02740123456' ORDER BY t.id DESC LIMIT 1").fetchone()[0]


def measure(browser, portal, pages):
    ticket = newest_ticket(portal)
    with portal.db() as db:
        old = db.execute("SELECT t.number FROM tickets t JOIN tenants te ON te.id = t.tenant_id WHERE te.vat = '02740123456'"
                         " AND t.status = 'closed' AND t.closed_at < strftime('%s','now') - 16 * 86400 LIMIT 1").fetchone()[0]
    wide = []
    # 1024 px, the menu open beside the content: tables scrolled sideways in their box there,
    # their actions out of sight («Rimuovi utente», «Termina», «Disattiva»).
    for size in (REFLOW, PHONE, SMALL_LAPTOP, LAPTOP):
        viewport(browser, size)
        for path in pages:
            browser.get(portal.url + path.format(ticket=ticket, old=old))
            extra, culprit = overflow(browser)
            if extra > 0:
                wide.append(f"{path} at {size[0]} px: {extra} px too wide ({culprit})")
    return wide


def test_no_page_scrolls_sideways_on_a_phone_or_a_laptop(portal):
    browser = chromium()
    try:
        # A ticket with a long first line and a long unbroken title, as customers paste them.
        with portal.db() as db:
            db.execute("UPDATE tickets SET title = ? WHERE id = (SELECT max(id) FROM tickets)",
                       ("Errore_di_stampa_del_documento_di_trasporto_numero_2026_000123_in_contabilità_generale",))
            # And first lines as long as a paragraph: the list shows each on one line, cut.
            db.execute("UPDATE tickets SET first_line = ? WHERE tenant_id = (SELECT id FROM tenants WHERE vat = '02740123456')",
                       ("Buongiorno, apro la stampa dei documenti di trasporto e ricevo sempre lo stesso errore " * 3,))
        # A reply with a long command line in a code block and a wide table: they scroll inside
        # their bubble, never the page (the thread's grid column grew to the bubble's width).
        mario, _ = login(portal)
        wide_message = ("```\nportal-admin invite --vat 02740123456 --email " + "x" * 110 + "@rossi.example\n```\n\n"
                        "| Colonna | Valore |\n|---|---|\n| " + "documento_di_trasporto_" * 6 + " | 1 |\n")
        assert reply(portal, mario, newest_ticket(portal), wide_message).status_code == 303
        wide = measure(browser, portal, PUBLIC_PAGES)
        sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
        wide += measure(browser, portal, CUSTOMER_PAGES)
        browser.delete_all_cookies()
        sign_in(browser, portal, OPERATOR, DEMO_PASSWORD)
        wide += measure(browser, portal, OPERATOR_PAGES)
        assert not wide, "\n".join(wide)
    finally:
        browser.quit()


def test_a_phone_shows_the_tickets_first_and_the_menu_closed(portal):
    browser = chromium()
    try:
        sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
        viewport(browser, PHONE)
        browser.get(portal.url + "/ticket")
        assert not browser.find_element(By.CSS_SELECTOR, ".sidebar").is_displayed(), "the menu starts closed on a phone"
        first_card = browser.find_element(By.CSS_SELECTOR, ".ticket-list .ticket")
        assert first_card.rect["y"] < 844, "the first ticket is on the first screen"
        # A title has the card's width, the button under it: squeezed beside it, words broke inside.
        title = first_card.find_element(By.CSS_SELECTOR, ".ticket-title")
        button = first_card.find_element(By.CSS_SELECTOR, ".ticket-head .button")
        assert title.rect["width"] > first_card.rect["width"] * 0.7, (title.rect, first_card.rect)
        assert button.rect["y"] >= title.rect["y"] + title.rect["height"] - 1
        code = browser.find_element(By.ID, "codice")
        assert not code.is_displayed(), "the filters wait behind «Filtri»"
        filters = browser.find_element(By.XPATH, "//button[normalize-space()='Filtri']")
        assert filters.get_attribute("aria-expanded") == "false", "with JavaScript «Filtri» is a button that says it is closed"
        filters.click()
        assert code.is_displayed() and filters.get_attribute("aria-expanded") == "true"
        # In the list's place, so that the next Tab reaches them (above it, Tab crossed every card first).
        assert not first_card.is_displayed(), "the filters take the list's place"
        filters.click()
        assert first_card.is_displayed() and not code.is_displayed()
        assert not browser.find_elements(By.CSS_SELECTOR, ".active-filters"), "no filter, no line"
        # A search folds the filters away: the line above the list says which ones narrow it.
        browser.get(portal.url + "/ticket?stato=chiuso&priorita=qualsiasi&tipologia=qualsiasi")
        applied = browser.find_element(By.CSS_SELECTOR, ".active-filters")
        assert applied.is_displayed() and applied.text == "Filtri applicati: Stato richiesta: Chiuso.", applied.text
        viewport(browser, LAPTOP)
        assert not applied.is_displayed(), "beside the filters on a laptop, the line would repeat them"
        viewport(browser, PHONE)
        browser.get(portal.url + "/ticket?stato=qualsiasi&priorita=qualsiasi&tipologia=qualsiasi")
        first_card = browser.find_element(By.CSS_SELECTOR, ".ticket-list .ticket")

        menu = browser.find_element(By.CSS_SELECTOR, "button.menu-button")
        assert menu.get_attribute("aria-expanded") == "false"
        menu.click()
        assert browser.find_element(By.CSS_SELECTOR, ".sidebar").is_displayed(), "the menu button opens it"
        assert menu.get_attribute("aria-expanded") == "true"

        # Cards read as table rows: each label above its value, status and priority as badges.
        facts = first_card.find_elements(By.CSS_SELECTOR, ".ticket-fact")
        for fact in facts:
            label, value = fact.find_element(By.TAG_NAME, "dt"), fact.find_element(By.TAG_NAME, "dd")
            assert label.rect["y"] + label.rect["height"] <= value.rect["y"] + 1, label.text
        badges = [badge.text for badge in first_card.find_elements(By.CSS_SELECTOR, ".badge")]
        assert len(badges) == 2, badges

        number = first_card.find_element(By.CSS_SELECTOR, ".ticket-title").get_attribute("id")[1:]
        browser.get(portal.url + f"/ticket/{number}")
        title = browser.find_element(By.CSS_SELECTOR, ".ticket-summary")
        reply = browser.find_element(By.ID, "reply-form") if browser.find_elements(By.ID, "reply-form") else None
        assert "#" + number in title.text and "Stato" in title.text
        assert title.rect["y"] < 400, "title and status are the first thing on the ticket page"
        if reply:
            assert title.rect["y"] < reply.rect["y"]

        viewport(browser, LAPTOP)
        browser.get(portal.url + "/ticket")
        assert browser.find_element(By.CSS_SELECTOR, ".sidebar").is_displayed(), "the menu is open on a laptop"
        assert browser.find_element(By.ID, "codice").is_displayed(), "the filters stand beside the list"

        # A tablet upright or a phone turned (one column, the menu open beside it): the tickets
        # first and the filters behind «Filtri» too. They came after the whole page of tickets,
        # «Cerca Ticket» 8,000 px down, with no «Filtri» to open them.
        for size in (TABLET, (844, 390)):
            viewport(browser, size)
            browser.get(portal.url + "/ticket")
            assert not browser.find_element(By.ID, "codice").is_displayed(), size
            filters = browser.find_element(By.XPATH, "//button[normalize-space()='Filtri']")
            filters.click()
            assert browser.find_element(By.ID, "codice").is_displayed(), size
            assert browser.find_element(By.XPATH, "//button[normalize-space()='Cerca Ticket']").rect["y"] < size[1] * 2, size
    finally:
        browser.quit()


def test_on_a_phone_a_menu_entry_within_the_page_closes_the_menu(portal):
    """«Sessioni attive» from the profile loads no page: the menu stayed open over the section."""
    with signed_in(portal) as browser:
        viewport(browser, PHONE)
        browser.get(portal.url + "/profilo")
        browser.find_element(By.CSS_SELECTOR, "button.menu-button").click()
        sidebar = browser.find_element(By.CSS_SELECTOR, ".sidebar")
        assert sidebar.is_displayed()
        entry = sidebar.find_element(By.XPATH, ".//a[normalize-space()='Sessioni attive']")
        browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", entry)
        entry.click()
        WebDriverWait(browser, 5).until(lambda _: not sidebar.is_displayed())
        assert browser.find_element(By.CSS_SELECTOR, "button.menu-button").get_attribute("aria-expanded") == "false"
        assert browser.current_url.endswith("/profilo#sessions-title")


def test_the_list_filters_stay_below_the_topbar_and_within_the_window(portal):
    """On a 1366 x 768 laptop, scrolled to the very end of the list: "Cerca Ticket" is not half
    under the topbar, and "A data" can be reached inside the panel."""
    browser = chromium()
    try:
        sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
        viewport(browser, (1366, 768))
        browser.get(portal.url + "/ticket?stato=qualsiasi")
        browser.execute_script("window.scrollTo(0, document.body.scrollHeight)")
        topbar = browser.execute_script("return document.querySelector('.topbar').getBoundingClientRect().bottom")
        panel = browser.execute_script(
            "const r = document.querySelector('.ticket-filters').getBoundingClientRect(); return [r.top, r.bottom]")
        button = browser.find_element(By.XPATH, "//button[normalize-space()='Cerca Ticket']")
        assert browser.execute_script("return arguments[0].getBoundingClientRect().top", button) >= topbar
        assert panel[0] >= topbar and panel[1] <= 768, panel
        until = browser.find_element(By.ID, "a")
        browser.execute_script("arguments[0].scrollIntoView({block: 'nearest'})", until)
        top = browser.execute_script("return arguments[0].getBoundingClientRect().top", until)
        assert topbar <= top <= 768, top
    finally:
        browser.quit()


def test_the_queue_never_breaks_a_word_of_its_short_columns_on_a_laptop(portal):
    """At 1366 px "Coda ticket" broke "Normale" and "assegnato" mid-word: the table narrowed
    those columns to a letter's width because every cell could break anywhere."""
    browser = chromium()
    try:
        viewport(browser, (1366, 768))
        sign_in(browser, portal, OPERATOR, DEMO_PASSWORD)
        browser.get(portal.url + "/desk/")
        broken = browser.execute_script("""
            const broken = [];
            const cells = document.querySelectorAll('.desk-queue td[data-label]');
            for (const cell of cells) {
                const label = cell.dataset.label;
                if (!['Priorità', 'Stato'].includes(label)) continue;
                const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    for (const match of node.data.matchAll(/\\S+/g)) {
                        const range = document.createRange();
                        range.setStart(node, match.index);
                        range.setEnd(node, match.index + match[0].length);
                        if (range.getClientRects().length > 1) broken.push(label + ': ' + match[0]);
                    }
                }
            }
            return [cells.length, broken];
        """)
        cells, words = broken
        assert cells > 0, "the queue lists tickets"
        assert not words, words
    finally:
        browser.quit()


def test_the_queue_fits_a_1024_pixel_laptop_with_the_menu_open_and_a_phone_reads_the_ticket_first(portal):
    """At 1024 px with the menu open "Coda ticket" scrolled sideways in its box, "Scadenza"
    out of sight: there each ticket is a block of named facts. On a phone the desk's ticket
    page opened on four screens of controls and other tickets before the conversation."""
    browser = chromium()
    try:
        viewport(browser, (1024, 768))
        sign_in(browser, portal, OPERATOR, DEMO_PASSWORD)
        browser.get(portal.url + "/desk/")
        assert browser.find_element(By.CSS_SELECTOR, ".sidebar").is_displayed()
        wrap = browser.find_element(By.CSS_SELECTOR, ".table-wrap:has(.desk-queue)")
        assert browser.execute_script("return arguments[0].scrollWidth <= arguments[0].clientWidth", wrap)
        due = browser.find_element(By.CSS_SELECTOR, ".desk-queue td[data-label='Scadenza']")
        assert due.is_displayed() and due.rect["x"] + due.rect["width"] <= 1024
        named = browser.execute_script("return getComputedStyle(arguments[0], '::before').content", due)
        assert "Scadenza" in named, named

        viewport(browser, PHONE)
        # The queue's tickets first; its filters behind "Filtri", as on the customers' list (their
        # whole card came before the first ticket).
        browser.get(portal.url + "/desk/")
        filters = browser.find_element(By.CSS_SELECTOR, ".ticket-filters")
        assert not filters.is_displayed()
        assert browser.find_element(By.CSS_SELECTOR, ".desk-queue .ticket-link").is_displayed()
        browser.find_element(By.XPATH, "//button[normalize-space()='Filtri']").click()
        assert filters.is_displayed()
        number = browser.find_element(By.CSS_SELECTOR, ".desk-queue .ticket-link").get_attribute("href").rsplit("/", 1)[1]
        browser.get(portal.url + f"/desk/ticket/{number}")
        chat = browser.find_element(By.CSS_SELECTOR, ".ticket-detail .chat")
        panel = browser.find_element(By.CSS_SELECTOR, ".ticket-panel")
        assert chat.rect["y"] < panel.rect["y"], "the conversation before the panel"
        # ...and "Vai ai comandi" at the top leads to them ("Prendi in carico" was 2,500
        # pixels down on a tablet, with no way there but scrolling).
        jump = browser.find_element(By.XPATH, "//a[normalize-space()='Vai ai comandi']")
        assert jump.is_displayed() and jump.rect["y"] < chat.rect["y"]
        jump.click()
        WebDriverWait(browser, 5).until(lambda _: abs(browser.execute_script(
            "return arguments[0].getBoundingClientRect().top", panel)) < 200)
        viewport(browser, (1280, 800))
        browser.get(portal.url + f"/desk/ticket/{number}")
        assert not browser.find_element(By.XPATH, "//a[normalize-space()='Vai ai comandi']").is_displayed(), \
            "beside the conversation, the controls need no shortcut"
    finally:
        browser.quit()


def test_on_a_narrow_phone_the_topbar_icons_stay_and_table_cells_name_their_column(portal):
    """At 320 px the company and profile icons shrank to nothing; on a phone (or at 200 %
    zoom) tables lost their heading row and showed bare values."""
    browser = chromium()
    try:
        sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
        viewport(browser, (320, 640))
        browser.get(portal.url + "/dashboard")
        for link in (".tenant-icon", ".user-icon"):
            icon = browser.find_element(By.CSS_SELECTOR, f"{link} svg")
            assert icon.rect["width"] >= 16 and icon.rect["x"] + icon.rect["width"] <= 320, (link, icon.rect)
        # From 344 px the company worked for is named beside its icon (the manual says the
        # company is the one named at the top); the profile keeps its icon alone.
        for width in (360, 375, 600):
            viewport(browser, (width, 640))
            browser.get(portal.url + "/dashboard")
            company = browser.find_element(By.CSS_SELECTOR, ".tenant-icon .account-label")
            assert company.rect["width"] > 40 and company.text.startswith("ROSSI"), (width, company.rect, company.text)
            assert company.rect["x"] + company.rect["width"] <= width, (width, company.rect)
            assert browser.find_element(By.CSS_SELECTOR, ".user-icon .account-label").rect["width"] <= 1
        viewport(browser, PHONE)
        browser.get(portal.url + "/tenant/utenti")
        labels = browser.execute_script("""
            return [...document.querySelector('.table-wrap tbody tr').querySelectorAll('td')]
                .map(cell => getComputedStyle(cell, '::before').content);""")
        assert labels[:3] == ['"Nome: "', '"Cognome: "', '"Email: "'], labels
    finally:
        browser.quit()


def test_the_menu_and_filters_switches_answer_enter_and_the_editor_says_what_is_pressed(portal):
    browser = chromium()
    try:
        sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
        viewport(browser, PHONE)
        browser.get(portal.url + "/ticket")
        sidebar = browser.find_element(By.CSS_SELECTOR, ".sidebar")
        assert not sidebar.is_displayed()
        # As a keyboard user reaches them: after "Vai al contenuto" the next Tab is the menu's
        # button (its checkbox is out of the tab order), and Enter works on it.
        skip = browser.find_element(By.CSS_SELECTOR, ".skip-link")
        browser.execute_script("arguments[0].focus()", skip)
        skip.send_keys(Keys.TAB)
        menu = browser.switch_to.active_element
        assert menu.tag_name == "button" and "menu-button" in menu.get_attribute("class")
        menu.send_keys(Keys.ENTER)
        assert sidebar.is_displayed(), "Enter opens the menu"
        assert browser.current_url.endswith("/ticket"), "Enter submits nothing"
        browser.switch_to.active_element.send_keys(Keys.ENTER)
        assert not sidebar.is_displayed(), "Enter closes it again"
        # Escape closes it too, from inside it, and the focus is back on its button.
        menu.send_keys(Keys.ENTER)
        assert sidebar.is_displayed()
        first_link = sidebar.find_element(By.CSS_SELECTOR, "a")
        browser.execute_script("arguments[0].focus()", first_link)
        first_link.send_keys(Keys.ESCAPE)
        assert not sidebar.is_displayed(), "Escape closes the menu"
        assert "menu-button" in browser.switch_to.active_element.get_attribute("class")
        code = browser.find_element(By.ID, "codice")
        filters = browser.find_element(By.XPATH, "//button[normalize-space()='Filtri']")
        filters.send_keys(Keys.ENTER)
        assert code.is_displayed(), "Enter opens «Filtri»"
        # Escape closes it from a field inside it, as the menu, and the focus is back on "Filtri".
        browser.execute_script("arguments[0].focus()", code)
        code.send_keys(Keys.ESCAPE)
        assert not code.is_displayed(), "Escape closes «Filtri»"
        assert browser.switch_to.active_element == filters
        assert filters.get_attribute("aria-expanded") == "false"
        # A search box with text clears it first: the panel stays open.
        filters.send_keys(Keys.ENTER)
        search = browser.find_element(By.CSS_SELECTOR, ".ticket-filters input[type=search]")
        search.send_keys("fattura")
        search.send_keys(Keys.ESCAPE)
        assert search.is_displayed(), "the first Escape clears the search box, not the panel"

        viewport(browser, LAPTOP)
        browser.get(portal.url + "/ticket/nuovo")
        bold = browser.find_element(By.CSS_SELECTOR, "button[aria-label='Grassetto (B)']")
        assert bold.get_attribute("aria-pressed") == "false"
        editor = browser.find_element(By.CSS_SELECTOR, "[data-editor-for='description']")
        editor.click()
        bold.click()
        editor.send_keys("importante")
        assert bold.get_attribute("aria-pressed") == "true", "typing in bold: Grassetto is pressed"
        assert browser.find_element(By.CSS_SELECTOR, "button[aria-label='Corsivo (I)']").get_attribute("aria-pressed") == "false"

        # Refused for its description alone: the focus is in the editor that stands for it.
        browser.get(portal.url + "/ticket/nuovo")
        browser.execute_script("""
            document.getElementById('title').value = 'Senza descrizione';
            for (const name of ['contact', 'type', 'area', 'priority']) document.querySelector(`input[name=${name}]`).checked = true;
        """)
        before = browser.find_element(By.TAG_NAME, "html")
        browser.find_element(By.XPATH, "//button[normalize-space()='Invia Ticket']").click()
        # The refused page, not the one it replaces (its heading went stale under the read).
        WebDriverWait(browser, 10).until(expected_conditions.staleness_of(before))
        assert "Creazione Ticket" in browser.find_element(By.TAG_NAME, "h1").text
        focused = browser.switch_to.active_element
        assert focused.get_attribute("data-editor-for") == "description", focused.get_attribute("outerHTML")[:200]
    finally:
        browser.quit()


def broken_words(browser):
    """Short single words (a date, an address, "Amministrativa", "Rinviato") that the page
    draws on more than one line."""
    return browser.execute_script("""
        const broken = [];
        for (const cell of document.querySelectorAll('.ticket-facts dd, .table td')) {
            const text = cell.textContent.trim();
            if (!text || /\\s/.test(text) || text.length > 20 || cell.offsetParent === null) continue;
            // The text's own boxes (a badge's padding is a box of its own at another height).
            const rects = [];
            const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const range = document.createRange();
                range.selectNodeContents(walker.currentNode);
                rects.push(...Array.from(range.getClientRects()).filter((r) => r.width > 0));
            }
            rects.sort((a, b) => a.top - b.top);
            const lines = rects.filter((r, i) => i === 0 || r.top > rects[i - 1].top + rects[i - 1].height / 2).length;
            if (lines > 1) broken.push(text);
        }
        return broken;
    """)


def test_the_conversations_shortcuts_are_taps_of_at_least_24_pixels_on_a_phone(portal):
    mario, _ = login(portal)
    number = newest_ticket(portal)
    for index in range(6):
        assert reply(portal, mario, number, f"Aggiornamento {index}").status_code == 303
    browser = chromium()
    try:
        sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
        viewport(browser, PHONE)
        browser.get(portal.url + f"/ticket/{number}")
        jumps = browser.find_elements(By.CSS_SELECTOR, "nav.thread-jumps a")
        assert [jump.text for jump in jumps] == ["Vai all'ultimo messaggio", "Vai alla risposta"]
        for jump in jumps:
            assert jump.rect["height"] >= 24, (jump.text, jump.rect)  # WCAG 2.5.8
    finally:
        browser.quit()


def test_the_conversation_puts_the_customers_and_the_supports_messages_on_two_sides(portal):
    """The manual: «i messaggi tuoi e dei colleghi da un lato e quelli dell'assistenza
    dall'altro». In a column narrower than the bubbles' widest, both took the whole width."""
    with portal.db() as db:
        number = db.execute(
            "SELECT t.number FROM tickets t JOIN memberships m ON m.tenant_id = t.tenant_id JOIN users u ON u.id = m.user_id"
            " WHERE u.email = ? AND EXISTS (SELECT 1 FROM messages WHERE ticket_id = t.id AND kind = 'reply'"
            " AND author_is_operator = 1) ORDER BY t.number LIMIT 1", (ADMIN,)).fetchone()[0]
    with signed_in(portal) as browser:
        for size in (LAPTOP, PHONE):
            viewport(browser, size)
            browser.get(portal.url + f"/ticket/{number}")
            customer = browser.find_element(By.CSS_SELECTOR, ".message--customer").rect
            support = browser.find_element(By.CSS_SELECTOR, ".message--operator").rect
            assert support["x"] >= customer["x"] + 20, (size, customer, support)
            assert customer["x"] + customer["width"] + 20 <= support["x"] + support["width"], (size, customer, support)


def test_a_checkbox_stays_beside_its_label_on_a_phone(portal):
    """«Chiudere il ticket all'invio del messaggio» went whole to the line below its box at 390 px."""
    with signed_in(portal) as browser:
        viewport(browser, PHONE)
        browser.get(portal.url + f"/ticket/{newest_ticket(portal)}")
        box = browser.find_element(By.ID, "close").rect
        label = browser.find_element(By.CSS_SELECTOR, "label[for=close]").rect
        assert label["x"] > box["x"] and label["y"] <= box["y"] + box["height"] / 2 <= label["y"] + label["height"], \
            (box, label)


def test_short_words_dates_and_addresses_are_never_broken_mid_word(portal):
    browser = chromium()
    try:
        with portal.db() as db:
            db.execute("UPDATE tickets SET area = 'administrative' WHERE tenant_id = (SELECT id FROM tenants WHERE vat = '02740123456')")
        sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
        broken = []
        for size in (PHONE, (1024, 800), LAPTOP):
            viewport(browser, size)
            for path in ["/ticket", "/tenant/inviti", "/tenant/utenti", "/profilo", "/dashboard"]:
                browser.get(portal.url + path)
                broken += [f"{path} at {size[0]} px: {word}" for word in broken_words(browser)]
        assert not broken, "\n".join(broken)
    finally:
        browser.quit()


def test_a_companys_ticket_titles_keep_their_words_at_1024_pixels(portal):
    """"Ticket dell'azienda" at 1024 px with the menu open broke "Aggiornamen|to" and
    "nell'emission|e": the other columns squeezed the titles' column to a letter's width."""
    browser = chromium()
    try:
        viewport(browser, (1024, 768))
        sign_in(browser, portal, OPERATOR, DEMO_PASSWORD)
        with portal.db() as db:
            company = db.execute("SELECT id FROM tenants WHERE vat = '02740123456'").fetchone()[0]
        browser.get(portal.url + f"/desk/aziende/{company}")
        cells, words = browser.execute_script("""
            const broken = [];
            const cells = document.querySelectorAll('.table td > a');
            for (const link of cells) {
                const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    for (const match of node.data.matchAll(/\\S+/g)) {
                        if (match[0].length > 14) continue;  // a longer word may have to break
                        const range = document.createRange();
                        range.setStart(node, match.index);
                        range.setEnd(node, match.index + match[0].length);
                        if (range.getClientRects().length > 1) broken.push(match[0]);
                    }
                }
            }
            return [cells.length, broken];
        """)
        assert cells > 0, "the company's tickets are listed"
        assert not words, words
    finally:
        browser.quit()


def test_a_manual_page_on_a_phone_starts_with_its_text_and_links_to_the_chapters(portal):
    browser = chromium()
    try:
        viewport(browser, PHONE)
        browser.get(portal.url + "/manuale/accesso.html")
        heading = browser.find_element(By.TAG_NAME, "h1")
        assert heading.rect["y"] < 300, f"the page's title is {heading.rect['y']} px down: the chapter list came first"
        jump = browser.find_element(By.LINK_TEXT, "Capitoli e ricerca")
        assert jump.is_displayed()
        chapters = browser.find_element(By.ID, "docs_capitoli")
        assert chapters.rect["y"] > heading.rect["y"]
        viewport(browser, LAPTOP)
        browser.get(portal.url + "/manuale/accesso.html")
        assert not browser.find_element(By.CSS_SELECTOR, ".docs-jump").is_displayed(), "beside the text on a laptop"
    finally:
        browser.quit()


def test_long_unbroken_names_and_addresses_never_widen_a_table_on_a_laptop(portal):
    """People type a name without spaces and companies have long addresses: a table that
    holds one wraps it in its cell; it never scrolls sideways at 1280 pixels, and short
    columns (dates, roles) keep their words whole beside it."""
    long_name = "Massimiliano_Alessandro_Bartolomeo_Ferdinando_Giuseppe_Vittorio"
    long_company = "INDUSTRIA_MECCANICA_LOMBARDA_DI_PRECISIONE_E_AUTOMAZIONE_INDUSTRIALE_SRL"
    long_email = "massimiliano.alessandro.bartolomeo.ferdinando@amministrazione-contabilita.rossi.example"
    with portal.db() as db:
        db.execute("UPDATE users SET first_name = ? WHERE email = 'luca.verdi@rossi.example'", (long_name,))
        db.execute("UPDATE tenants SET name = ? WHERE vat = '02740123456'", (long_company,))
    portal.invite(long_email)
    browser = chromium()
    try:
        sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
        viewport(browser, LAPTOP)
        wide, broken = [], []
        pages = ["/tenant/utenti", "/tenant/inviti", "/tenant/attivita", "/tenant/ruoli", "/ticket", "/profilo"]
        for path in pages:
            browser.get(portal.url + path)
            extra, culprit = overflow(browser)
            if extra > 0:
                wide.append(f"{path}: {extra} px too wide ({culprit})")
            broken += [f"{path}: {word}" for word in broken_words(browser)]
        browser.delete_all_cookies()
        sign_in(browser, portal, OPERATOR, DEMO_PASSWORD)
        with portal.db() as db:
            company = db.execute("SELECT id FROM tenants WHERE vat = '02740123456'").fetchone()[0]
        for path in ["/desk/", "/desk/aziende", f"/desk/aziende/{company}", "/desk/operatori", "/desk/registro",
                     "/desk/ticket/" + str(newest_ticket(portal))]:
            browser.get(portal.url + path)
            extra, culprit = overflow(browser)
            if extra > 0:
                wide.append(f"{path}: {extra} px too wide ({culprit})")
            broken += [f"{path}: {word}" for word in broken_words(browser)]
        assert not wide and not broken, "\n".join(wide + broken)
    finally:
        browser.quit()



def test_andamento_charts_keep_their_text_size_on_a_phone(portal):
    """Scaled to a 360-pixel column, a chart's labels and numbers were 4 pixels tall: on a
    phone each chart keeps its drawn size and scrolls sideways in its own box, the page not."""
    with signed_in(portal, OPERATOR) as browser:
        viewport(browser, (360, 800))
        browser.get(portal.url + "/desk/andamento")
        charts = browser.find_elements(By.CSS_SELECTOR, ".figure-chart svg")
        assert charts
        for chart in charts:
            drawn = browser.execute_script("return arguments[0].getBoundingClientRect().width", chart)
            assert abs(drawn - float(chart.get_attribute("width"))) < 1, (drawn, chart.get_attribute("width"))
            box = chart.find_element(By.XPATH, "..")
            assert box.get_attribute("tabindex") == "0" and box.get_attribute("aria-label").startswith("Grafico: ")
        assert browser.execute_script("return document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_operators_addresses_and_the_trails_filters_read_whole_on_a_laptop(portal):
    """«Operatori» broke «giulia.neri@assistenza.example» over three lines beside a column with
    room to spare; «Registro attività»'s company field sat 27 px below the date fields, whose
    hint («gg/mm/aaaa») lined their bottoms up with it."""
    with signed_in(portal, OPERATOR) as browser:
        viewport(browser, LAPTOP)
        browser.get(portal.url + "/desk/operatori")
        lines = browser.execute_script("""
            return Array.from(document.querySelectorAll('td.cell-address')).map((cell) => {
                const range = document.createRange(); range.selectNodeContents(cell);
                return [cell.textContent.trim(), new Set(Array.from(range.getClientRects()).map((r) => Math.round(r.top))).size];
            });""")
        assert lines and all(count == 1 for _, count in lines), lines
        for path in ("/desk/registro", "/desk/andamento", "/desk/aziende"):
            browser.get(portal.url + path)
            tops = browser.execute_script("""
                return Array.from(document.querySelectorAll('form.form--inline input:not([type=hidden]), form.form--inline button'))
                    .map((element) => Math.round(element.getBoundingClientRect().top));""")
            assert len(tops) >= 2 and max(tops) - min(tops) <= 1, (path, tops)
