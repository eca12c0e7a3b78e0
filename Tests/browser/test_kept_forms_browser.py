"""Nothing typed is lost: a new ticket or a reply sent after the session ended (logged out in
another tab) comes back after the login filled in, files included, with a line saying why."""
import re

import pytest
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from chromium import chromium
from people import field, press, sign_in, tick, type_into
from portal import ADMIN, DEMO_PASSWORD, ROSSI_VAT, TECHNICIAN, running_portal


@pytest.fixture(scope="module")
def portal():
    yield from running_portal()


def open_ticket(portal, newest=False):
    """The number of an open ticket of the demo company: its oldest, or its newest."""
    with portal.db() as db:
        return db.execute("SELECT t.number FROM tickets t JOIN tenants te ON te.id = t.tenant_id"
                          " WHERE te.vat = ? AND t.status != 'closed' ORDER BY t.id " + ("DESC" if newest else "") + " LIMIT 1",
                          (ROSSI_VAT,)).fetchone()[0]


def log_out_in_another_tab(browser, portal):
    form_tab = browser.current_window_handle
    browser.switch_to.new_window("tab")
    browser.get(portal.url + "/profilo")
    press(browser, "Esci")
    browser.close()
    browser.switch_to.window(form_tab)


def log_in_here(browser):
    """The login page the browser was sent to (its address says where to go back to); the
    trusted device of the first login skips the code."""
    type_into(browser, "Email", ADMIN)
    type_into(browser, "Password", DEMO_PASSWORD)
    press(browser, "Accedi")


def test_a_new_ticket_sent_after_the_session_ended_comes_back_after_the_login(portal, browser, tmp_path):
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket/nuovo")
    area = browser.find_element(By.XPATH, "//label[normalize-space()='Richiesta su tematiche di tipo sistemistico']")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", area)
    area.click()
    type_into(browser, "Titolo", "Il server di stampa non risponde")
    field(browser, "Descrizione").send_keys("Dalle nove nessuna stampa esce dal reparto spedizioni.")
    attachment = tmp_path / "coda-di-stampa.txt"
    attachment.write_text("lavori in coda: 14\n")
    field(browser, "Allegati").send_keys(str(attachment))
    log_out_in_another_tab(browser, portal)

    press(browser, "Invia Ticket")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Login"
    assert "il modulo che stavi inviando è stato conservato" in browser.page_source.lower()
    log_in_here(browser)

    assert browser.find_element(By.TAG_NAME, "h1").text == "Creazione Ticket"
    assert "Il modulo non era stato inviato" in browser.page_source
    assert field(browser, "Titolo").get_attribute("value") == "Il server di stampa non risponde"
    description = field(browser, "Descrizione")
    WebDriverWait(browser, 5).until(lambda _: "reparto spedizioni" in (description.text or description.get_attribute("value")))
    assert "coda-di-stampa.txt" in browser.find_element(By.CSS_SELECTOR, ".kept-files").text
    assert browser.find_element(By.ID, "area-systems").is_selected(), "the choices come back too"
    press(browser, "Invia Ticket")
    assert browser.find_element(By.TAG_NAME, "h1").text.startswith("Informazioni Ticket #")
    assert "coda-di-stampa.txt" in browser.page_source and "reparto spedizioni" in browser.page_source


def test_a_reply_without_javascript_is_kept_too(portal, tmp_path):
    browser = chromium(javascript=False)
    try:
        with portal.db() as db:
            number = db.execute("SELECT t.number FROM tickets t JOIN tenants te ON te.id = t.tenant_id"
                                " WHERE te.vat = ? AND t.status != 'closed' ORDER BY t.id LIMIT 1", (ROSSI_VAT,)).fetchone()[0]
        sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
        browser.get(portal.url + f"/ticket/{number}")
        type_into(browser, "Risposta", "Allego il registro di ieri sera.")
        attachment = tmp_path / "registro.txt"
        attachment.write_text("23:10 errore 0x1f\n")
        field(browser, "Allega files").send_keys(str(attachment))
        log_out_in_another_tab(browser, portal)

        press(browser, "Invia")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Login"
        log_in_here(browser)
        assert browser.current_url.endswith(f"/ticket/{number}")
        assert field(browser, "Risposta").get_attribute("value").strip() == "Allego il registro di ieri sera."
        assert "registro.txt" in browser.find_element(By.CSS_SELECTOR, ".kept-files").text
        press(browser, "Invia")
        assert "Risposta inviata." in browser.page_source and "registro.txt" in browser.page_source

        # Taken once: the page is the ticket's own again.
        browser.get(portal.url + f"/ticket/{number}")
        assert "Il modulo non era stato inviato" not in browser.page_source
    finally:
        browser.quit()


def test_with_javascript_a_draft_is_offered_back_and_big_files_are_refused_before_sending(portal, browser, tmp_path):
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket/nuovo")
    type_into(browser, "Titolo", "Bozza: il gestionale si chiude da solo")
    field(browser, "Descrizione").send_keys("Succede quando apro la contabilità.")
    WebDriverWait(browser, 5).until(lambda _: "contabilità" in drafts(browser))

    browser.get(portal.url + "/ticket")
    browser.get(portal.url + "/ticket/nuovo")
    offer = browser.find_element(By.CSS_SELECTOR, ".draft-offer")
    assert "Hai una bozza di questo modulo" in offer.text
    assert re.search(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}", offer.text), "a time as the pages write it, without a comma"
    assert field(browser, "Titolo").get_attribute("value") == ""
    offer.find_element(By.XPATH, ".//button[normalize-space()='Ripristina bozza']").click()
    assert field(browser, "Titolo").get_attribute("value") == "Bozza: il gestionale si chiude da solo"
    WebDriverWait(browser, 5).until(lambda _: "contabilità" in field(browser, "Descrizione").text)

    big = tmp_path / "filmato.bin"
    big.write_bytes(b"\0" * (5 * 1024 * 1024))
    field(browser, "Allegati").send_keys(str(big))
    with portal.db() as db:
        before = db.execute("SELECT count(*) FROM tickets").fetchone()[0]
    browser.find_element(By.XPATH, "//button[normalize-space()='Invia Ticket']").click()
    error = browser.find_element(By.ID, "files-limit")
    assert "«filmato.bin» pesa 5,0 MB" in error.text
    # Tied to its field as the server's errors are: a screen reader reads it with "Allegati".
    files = field(browser, "Allegati")
    assert "files-limit" in files.get_attribute("aria-describedby").split() and files.get_attribute("aria-invalid") == "true"
    # The picker is out of sight behind "+ Scegli": the focus goes to the button, which the
    # error describes too (the focus sat on a 1-pixel control nobody could see).
    choose = browser.switch_to.active_element
    assert choose.get_attribute("id") == "files-choose" and choose.text == "+ Scegli"
    assert "files-limit" in choose.get_attribute("aria-describedby").split()
    assert browser.find_element(By.TAG_NAME, "h1").text == "Creazione Ticket"
    with portal.db() as db:
        assert db.execute("SELECT count(*) FROM tickets").fetchone()[0] == before, "nothing was sent"
    assert field(browser, "Titolo").get_attribute("value") == "Bozza: il gestionale si chiude da solo"


def test_a_file_a_byte_over_four_megabytes_is_not_said_to_weigh_four(portal, browser, tmp_path):
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket/nuovo")
    over = tmp_path / "registro.pdf"
    over.write_bytes(b"\0" * (4 * 1024 * 1024 + 1))
    field(browser, "Allegati").send_keys(str(over))
    browser.find_element(By.XPATH, "//button[normalize-space()='Invia Ticket']").click()
    said = browser.find_element(By.ID, "files-limit").text
    assert "«registro.pdf» pesa 4,1 MB" in said and "archivio ZIP" in said


def test_an_archive_too_large_is_not_advised_to_become_an_archive(portal, browser, tmp_path):
    """«Toglilo o riducilo (per esempio in un archivio ZIP)» said of a file that was a ZIP."""
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket/nuovo")
    archive = tmp_path / "grande.ZIP"
    archive.write_bytes(b"\0" * (5 * 1024 * 1024))
    field(browser, "Allegati").send_keys(str(archive))
    browser.find_element(By.XPATH, "//button[normalize-space()='Invia Ticket']").click()
    said = browser.find_element(By.ID, "files-limit").text
    assert "«grande.ZIP» pesa 5,0 MB" in said and "archivio ZIP" not in said and "più archivi" in said, said


def drafts(browser):
    """Every draft this browser keeps, as one text."""
    return browser.execute_script(
        "return Object.keys(localStorage).filter((k) => k.startsWith('portale-bozza:'))"
        ".map((k) => k + ' ' + localStorage.getItem(k)).join('\\n')")


def test_a_draft_is_offered_to_its_writer_only_and_leaves_with_the_logout(portal):
    """A browser shared at a front desk: the next person never sees the previous one's draft."""
    browser = chromium()
    try:
        sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
        browser.get(portal.url + "/ticket/nuovo")
        type_into(browser, "Titolo", "Bozza riservata di Mario")
        WebDriverWait(browser, 5).until(lambda _: "Bozza riservata di Mario" in drafts(browser))
        browser.delete_cookie("portal_session")  # Mario walks away; his session is left to expire
        sign_in(browser, portal, TECHNICIAN, DEMO_PASSWORD)
        browser.get(portal.url + "/ticket/nuovo")
        assert not browser.find_elements(By.CSS_SELECTOR, ".draft-offer"), "another person's draft is not offered"
        browser.get(portal.url + "/profilo")
        press(browser, "Esci")
        WebDriverWait(browser, 5).until(lambda _: "/login" in browser.current_url)
        assert "Bozza riservata di Mario" not in drafts(browser)
    finally:
        browser.quit()


def test_a_refused_reply_keeps_its_draft_and_an_accepted_one_clears_it(portal, tmp_path):
    """The draft goes when the server accepted the form, not when it was sent: a file refused
    by the server (its name runs as a program) must not cost the text when the person leaves."""
    browser = chromium()
    try:
        sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
        number = open_ticket(portal)
        browser.get(portal.url + f"/ticket/{number}")
        field(browser, "Risposta").send_keys("Testo scritto con cura, da non perdere.")
        WebDriverWait(browser, 5).until(lambda _: "da non perdere" in drafts(browser))
        script = tmp_path / "avvio.bat"
        script.write_text("echo ciao\n")
        field(browser, "Allega files").send_keys(str(script))
        press(browser, "Invia")
        WebDriverWait(browser, 5).until(lambda _: "avvio.bat" in " ".join(
            error.text for error in browser.find_elements(By.CSS_SELECTOR, ".field-error")))
        assert "da non perdere" in drafts(browser), "refused: the draft stays"
        browser.get(portal.url + "/ticket")
        browser.get(portal.url + f"/ticket/{number}")
        assert browser.find_elements(By.CSS_SELECTOR, ".draft-offer"), "offered back after leaving the page"
        browser.find_element(By.XPATH, "//button[normalize-space()='Ripristina bozza']").click()
        press(browser, "Invia")
        WebDriverWait(browser, 5).until(lambda _: "Risposta inviata." in browser.page_source)
        assert "da non perdere" not in drafts(browser), "accepted: the draft is done"
    finally:
        browser.quit()


def test_aggiorna_keeps_the_reply_being_written_in_its_field(portal, browser):
    """«Aggiorna» (to see whether support answered) emptied the reply being written: it came
    back only behind «Ripristina bozza», and looked lost."""
    sign_in(browser, portal, TECHNICIAN, DEMO_PASSWORD)
    number = open_ticket(portal, newest=True)
    browser.get(portal.url + f"/ticket/{number}")
    field(browser, "Risposta").send_keys("Sto scrivendo e intanto controllo se avete risposto.")
    # At once, before the typing pause has kept the draft.
    browser.find_element(By.XPATH, "//button[normalize-space()='Aggiorna']").click()
    # The page is drawn anew: the field read while it is replaced is gone (stale), read again.
    WebDriverWait(browser, 10, ignored_exceptions=[StaleElementReferenceException, NoSuchElementException]).until(
        lambda _: "intanto controllo" in field(browser, "Risposta").text)
    assert not browser.find_elements(By.XPATH, "//button[normalize-space()='Ripristina bozza']")
    assert "Bozza ripristinata" in browser.find_element(By.CSS_SELECTOR, ".draft-offer").text
    # Any other way back to the page still offers it, as before.
    browser.get(portal.url + "/ticket")
    browser.get(portal.url + f"/ticket/{number}")
    WebDriverWait(browser, 5).until(lambda _: browser.find_elements(By.XPATH, "//button[normalize-space()='Ripristina bozza']"))
    assert "intanto controllo" not in field(browser, "Risposta").text


def test_without_javascript_files_over_every_limit_keep_the_text(portal, tmp_path):
    browser = chromium(javascript=False)
    try:
        sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
        browser.get(portal.url + "/ticket/nuovo")
        type_into(browser, "Titolo", "Registrazione dello schermo")
        type_into(browser, "Descrizione", "Allego il filmato dell'errore in fattura.")
        film = tmp_path / "filmato.mp4"
        with open(film, "wb") as out:
            out.truncate(45 * 1024 * 1024)  # over the 40 MB a form may carry, under nginx's 100 MB
        field(browser, "Allegati").send_keys(str(film))
        press(browser, "Invia Ticket")
        assert browser.find_element(By.TAG_NAME, "h1").text == "Creazione Ticket"
        assert "superavano in tutto i 40 MB e non sono arrivati" in browser.page_source
        assert field(browser, "Titolo").get_attribute("value") == "Registrazione dello schermo"
        assert "filmato dell'errore" in field(browser, "Descrizione").get_attribute("value")
    finally:
        browser.quit()


def test_back_to_the_new_ticket_shows_the_description_typed(portal, browser):
    """Chromium puts the typed text back into the hidden text area after the editor has
    started: the editor looked empty, and "Invia Ticket" said the description was missing."""
    sign_in(browser, portal, TECHNICIAN, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket/nuovo")
    type_into(browser, "Titolo", "Tornato indietro")
    type_into(browser, "Descrizione", "Testo scritto prima di cambiare pagina")
    press(browser, "Elenco richieste di assistenza")
    browser.back()
    WebDriverWait(browser, 10).until(lambda _: browser.current_url.endswith("/ticket/nuovo"))
    editor = browser.find_element(By.CSS_SELECTOR, "[data-editor-for='description']")
    WebDriverWait(browser, 10).until(lambda _: "Testo scritto prima di cambiare pagina" in editor.text)


def test_scegli_sits_beside_the_names_and_counts_the_kept_files_and_the_dropped_ones(portal, browser, tmp_path):
    """"+ Scegli" took the field's whole width with the names a line below; after a refused
    form it said «Nessun file scelto» above the files kept for the next press; and files
    dropped on the field, which the visible picker took, were no longer taken."""
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket/nuovo")
    button = browser.find_element(By.ID, "files-choose")
    names = browser.find_element(By.ID, "files-chosen")
    assert names.text == "Nessun file scelto"
    assert button.size["width"] < 300 and abs(button.location["y"] - names.location["y"]) < button.size["height"]
    browser.execute_script("""
        const [box] = arguments;
        const data = new DataTransfer();
        data.items.add(new File(["verbale"], "verbale.txt", {type: "text/plain"}));
        box.dispatchEvent(new DragEvent("dragover", {dataTransfer: data, bubbles: true, cancelable: true}));
        box.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));""",
                           browser.find_element(By.ID, "files").find_element(By.XPATH, "./ancestor::div[contains(@class,'field')][1]"))
    WebDriverWait(browser, 5).until(lambda _: names.text == "verbale.txt")
    # Sent without a title: the file comes back kept, and nothing else is chosen.
    field(browser, "Descrizione").send_keys("Il verbale allegato.")
    browser.find_element(By.XPATH, "//button[normalize-space()='Invia Ticket']").click()
    assert "verbale.txt" in browser.find_element(By.CSS_SELECTOR, ".kept-files").text
    assert browser.find_element(By.ID, "files-chosen").text == "Nessun altro file scelto"
    kept = browser.find_element(By.CSS_SELECTOR, ".kept-files label")
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", kept)
    kept.click()  # unticked: nothing goes with the form
    WebDriverWait(browser, 5).until(lambda _: browser.find_element(By.ID, "files-chosen").text == "Nessun file scelto")


def test_a_chosen_name_is_listed_without_its_direction_characters(portal, browser):
    """"\u202Egpj.exe" read "exe.jpg" in the chosen files' list before the form was sent (the
    portal stores and refuses it without the character)."""
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket/nuovo")
    names = browser.find_element(By.ID, "files-chosen")
    browser.execute_script("""
        const [box] = arguments;
        const data = new DataTransfer();
        data.items.add(new File(["x"], "\\u202egpj.exe", {type: "application/octet-stream"}));
        data.items.add(new File(["y"], "col:on\\u2060x\\u00ad.txt", {type: "text/plain"}));
        box.dispatchEvent(new DragEvent("dragover", {dataTransfer: data, bubbles: true, cancelable: true}));
        box.dispatchEvent(new DragEvent("drop", {dataTransfer: data, bubbles: true, cancelable: true}));""",
                           browser.find_element(By.ID, "files").find_element(By.XPATH, "./ancestor::div[contains(@class,'field')][1]"))
    WebDriverWait(browser, 5).until(lambda _: names.text != "Nessun file scelto")
    assert browser.execute_script("return arguments[0].textContent", names) == "gpj.exe, col_onx.txt"


def test_a_draft_restored_after_the_session_ended_is_its_text_not_the_login_page(portal):
    """«Ripristina bozza» asks the server to show the Markdown formatted; a session ended
    answers with the way to the login, whose page went into the editor and, at the first key,
    over the draft."""
    browser = chromium()
    try:
        sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
        number = open_ticket(portal, newest=True)
        browser.get(portal.url + f"/ticket/{number}")
        editor = field(browser, "Risposta")
        editor.send_keys("Bozza ")
        editor.send_keys(Keys.CONTROL, "b")
        editor.send_keys("forte")
        editor.send_keys(Keys.CONTROL, "b")
        editor.send_keys(" 5*3*2 da ritrovare,\nsu due righe.")
        WebDriverWait(browser, 5).until(lambda _: "da ritrovare" in drafts(browser))
        browser.get(portal.url + "/ticket")
        browser.get(portal.url + f"/ticket/{number}")
        WebDriverWait(browser, 5).until(lambda _: browser.find_elements(By.XPATH, "//button[normalize-space()='Ripristina bozza']"))
        log_out_in_another_tab(browser, portal)
        browser.find_element(By.XPATH, "//button[normalize-space()='Ripristina bozza']").click()
        WebDriverWait(browser, 5).until(lambda _: "da ritrovare" in field(browser, "Risposta").text)
        shown = field(browser, "Risposta").text
        assert "Password" not in shown and "Accedi" not in shown, shown
        # As it was typed: its lines, and no escape of the editor's shown (typed on, they were
        # escaped again: «5\\\*3»).
        assert "Bozza **forte** 5*3*2 da ritrovare," in shown and "su due righe." in shown and "\\" not in shown, shown
        assert shown.index("da ritrovare,") < shown.index("su due righe."), shown
        # Sent as it is, the draft's Markdown goes unchanged (converted from the plain text shown,
        # a bold word or a list arrived as literal «**» and «- »).
        kept = browser.execute_script("""
            const area = document.querySelector('textarea[name=message]');
            area.form.dispatchEvent(new Event('submit', {cancelable: true}));
            return area.value;""")
        assert kept.startswith("Bozza **forte** 5\\*3\\*2 da ritrovare,"), kept
        field(browser, "Risposta").send_keys("!")
        WebDriverWait(browser, 5).until(lambda _: "righe.!" in drafts(browser) or "righe!" in drafts(browser))
        assert "\\\\\\\\" not in drafts(browser), drafts(browser)
    finally:
        browser.quit()


def test_reloading_the_page_that_said_risposta_inviata_keeps_the_next_draft(portal):
    """The answer's address says «accepted» on every reload: it deleted the draft of the
    reply written after it."""
    browser = chromium()
    try:
        sign_in(browser, portal, TECHNICIAN, DEMO_PASSWORD)
        number = open_ticket(portal, newest=True)
        browser.get(portal.url + f"/ticket/{number}")
        field(browser, "Risposta").send_keys("Prima risposta, inviata.")
        press(browser, "Invia")
        WebDriverWait(browser, 5).until(lambda _: "Risposta inviata." in browser.page_source)
        assert "Prima risposta" not in drafts(browser), "accepted: its draft is done"
        field(browser, "Risposta").send_keys("Seconda risposta, ancora da inviare.")
        WebDriverWait(browser, 5).until(lambda _: "ancora da inviare" in drafts(browser))
        browser.refresh()
        WebDriverWait(browser, 5).until(lambda _: browser.find_elements(By.XPATH, "//button[normalize-space()='Ripristina bozza']"))
        assert "ancora da inviare" in drafts(browser)
        # «Anteprima» sends the form but not the reply: the answer's page, opened again after
        # it, still keeps the draft.
        answered = browser.current_url
        browser.find_element(By.XPATH, "//button[normalize-space()='Ripristina bozza']").click()
        press(browser, "Anteprima")
        browser.get(answered)
        WebDriverWait(browser, 5).until(lambda _: browser.find_elements(By.XPATH, "//button[normalize-space()='Ripristina bozza']"))
        assert "ancora da inviare" in drafts(browser)
    finally:
        browser.quit()
