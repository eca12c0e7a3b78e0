"""What a ticket holds and who hears of it, in Chromium (issue 14, items 3, 4, 6, 7, 11): the
formatting editor and plain text without JavaScript, the closed ticket's warning, files
checked by their content and named as given, the profile's "Notifiche", and the branding
of this installation (names, contacts, data controller, colour) on every page."""
import re

import pytest
import requests
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

import engines
from people import field, png, press, select_words, sign_in, tick, type_into
from portal import ADMIN, DEMO_PASSWORD, TECHNICIAN, Portal, login
from tickets import created_number, new_ticket, reply

OPERATOR = "giulia.neri@assistenza.example"
BRANDING = {
    "PORTAL_PRODUCT_NAME": "Assistenza Rossi Gestionali",
    "PORTAL_VENDOR_NAME": "Rossi Gestionali S.p.A.",
    "PORTAL_SUPPORT_EMAIL": "assistenza@rossi-gestionali.example",
    "PORTAL_SUPPORT_PHONE": "+39 0541 123456",
    "PORTAL_CONTROLLER_NAME": "Rossi Gestionali S.p.A.",
    "PORTAL_CONTROLLER_ADDRESS": "Via Emilia 12, 47921 Rimini (RN)",
    "PORTAL_CONTROLLER_VAT": "01234567890",
    "PORTAL_CONTROLLER_EMAIL": "privacy@rossi-gestionali.example",
    "PORTAL_COLOR_PRIMARY": "#8a2be2",
}


@pytest.fixture(scope="module")
def portal():
    # Closing is allowed at once, so the closed ticket need not wait the default 5 minutes.
    instance = Portal(PORTAL_CLOSE_DELAY_MINUTES="0", **BRANDING).start()
    yield instance
    instance.stop()


def toolbar(browser, name):
    browser.find_element(By.CSS_SELECTOR, f"button[aria-label='{name}']").click()


def new_ticket_page(browser, portal, email=ADMIN):
    sign_in(browser, portal, email, DEMO_PASSWORD)
    browser.get(portal.url + "/ticket/nuovo")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Creazione Ticket"
    area = browser.find_element(By.XPATH, "//label[normalize-space()='Richiesta su tematiche di tipo sistemistico']")
    engines.click(browser, area)


def test_an_error_goes_once_its_field_is_changed(portal, browser):
    """«Il titolo è obbligatorio.» stayed beside the title typed since, until the next press;
    the field stayed marked invalid for a screen reader too. The editor's "Link" box, inside
    the description's field, keeps its own error and changes no other."""
    new_ticket_page(browser, portal)
    press(browser, "Invia Ticket")

    def errors():
        return [error.text for error in browser.find_elements(By.CSS_SELECTOR, ".field-error") if error.is_displayed()]

    assert "Il titolo è obbligatorio." in errors() and "La descrizione è obbligatoria." in errors()
    type_into(browser, "Descrizione", "Ora c'è la descrizione.")
    assert "La descrizione è obbligatoria." not in errors() and "Il titolo è obbligatorio." in errors()
    toolbar(browser, "Link")
    type_into(browser, "Indirizzo del link", "non un indirizzo")
    assert "Il titolo è obbligatorio." in errors(), "typing in the link box changes no field"
    browser.find_element(By.XPATH, "//button[normalize-space()='Inserisci link']").click()
    assert "Scrivi un indirizzo web (https://…) o email." in errors()
    # Said to a screen reader too: the field is described by it, and it is an alert.
    link_field = field(browser, "Indirizzo del link")
    described = browser.find_element(By.ID, link_field.get_attribute("aria-describedby"))
    assert described.text == "Scrivi un indirizzo web (https://…) o email." and described.get_attribute("role") == "alert"
    type_into(browser, "Titolo", "Errore corretto")
    assert "Il titolo è obbligatorio." not in errors()
    assert field(browser, "Titolo").get_attribute("aria-invalid") is None
    assert "title-error" not in (field(browser, "Titolo").get_attribute("aria-describedby") or "")
    press(browser, "Invia Ticket")
    WebDriverWait(browser, 5).until(lambda _: re.search(r"/ticket/\d+", browser.current_url))
    assert errors() == [], "the ticket was created"


# ------------------------------------------------------------------ item 3: the editor

def test_the_formatting_toolbar_is_one_stop_of_tab_and_its_buttons_follow_the_arrows(portal, browser):
    """A toolbar (role="toolbar") is one stop of Tab whose buttons the arrow keys go through:
    Tab went through its five buttons on the way from "Titolo" to the text."""
    new_ticket_page(browser, portal)
    focused = lambda: browser.switch_to.active_element.get_attribute("aria-label")
    browser.find_element(By.CSS_SELECTOR, "button[aria-label='Grassetto (B)']").send_keys(Keys.TAB)
    assert browser.switch_to.active_element == field(browser, "Descrizione"), "Tab leaves the toolbar"
    browser.switch_to.active_element.send_keys(Keys.SHIFT + Keys.TAB)
    assert focused() == "Grassetto (B)"
    for key, name in [(Keys.ARROW_RIGHT, "Corsivo (I)"), (Keys.END, "Link"), (Keys.ARROW_RIGHT, "Grassetto (B)"),
                      (Keys.ARROW_LEFT, "Link"), (Keys.HOME, "Grassetto (B)"), (Keys.ARROW_RIGHT, "Corsivo (I)")]:
        browser.switch_to.active_element.send_keys(key)
        assert focused() == name, (key, name)
    # The last button reached keeps the toolbar's stop.
    browser.switch_to.active_element.send_keys(Keys.TAB)
    browser.switch_to.active_element.send_keys(Keys.SHIFT + Keys.TAB)
    assert focused() == "Corsivo (I)"
    assert [b.get_attribute("tabindex") for b in browser.find_elements(By.CSS_SELECTOR, ".editor-toolbar button")] == ["-1", "0", "-1", "-1", "-1"]


def test_escape_in_the_link_box_goes_back_where_the_caret_was(portal, browser):
    """Esc closed the box and focused the editor with the caret at the start: « seguito»
    typed next went to the top of the text."""
    new_ticket_page(browser, portal)
    editor = field(browser, "Descrizione")
    editor.click()
    editor.send_keys("Prima riga")
    toolbar(browser, "Link")
    field(browser, "Indirizzo del link").send_keys(Keys.ESCAPE)
    browser.switch_to.active_element.send_keys(" seguito")
    assert browser.find_element(By.ID, "description").get_attribute("value") == "Prima riga seguito"


def test_the_editor_formats_the_selection_and_never_shows_markup(portal, browser):
    new_ticket_page(browser, portal)
    type_into(browser, "Titolo", "Consolle ferma")
    editor = field(browser, "Descrizione")
    assert editor.get_attribute("contenteditable") == "true", "with JavaScript the description is a formatting editor"
    assert not browser.find_element(By.ID, "description").is_displayed()
    hint = browser.find_element(By.ID, "description-formatting")
    assert hint.is_displayed() and "grassetto" in hint.text, "formatting is offered where it exists"
    assert "description-formatting" in editor.get_attribute("aria-describedby")
    assert editor.get_attribute("aria-required") == "true", "the text area it hides is required"
    editor.send_keys("Buongiorno, apro la consolle <script>alert(1)</script> e resta ferma.")
    select_words(browser, editor, "Buongiorno")
    toolbar(browser, "Grassetto (B)")
    select_words(browser, editor, "resta ferma")
    toolbar(browser, "Corsivo (I)")
    select_words(browser, editor, "consolle")
    toolbar(browser, "Link")
    # The address is asked right under the toolbar: it opened above the field's label.
    assert browser.execute_script("""
        const bar = document.querySelector('.editor-toolbar'), label = [...document.querySelectorAll('label')].find((l) => l.textContent.trim().startsWith('Descrizione'));
        const input = [...document.querySelectorAll('input')].find((i) => i.labels && [...i.labels].some((l) => l.textContent.trim() === 'Indirizzo del link'));
        return bar.nextElementSibling.contains(input) && !!(label.compareDocumentPosition(input) & Node.DOCUMENT_POSITION_FOLLOWING);""")
    type_into(browser, "Indirizzo del link", "www.esempio.it/consolle")
    browser.find_element(By.XPATH, "//button[normalize-space()='Inserisci link']").click()
    browser.execute_script("""
        const editor = arguments[0], range = document.createRange();
        range.selectNodeContents(editor); range.collapse(false);
        window.getSelection().removeAllRanges(); window.getSelection().addRange(range);""", editor)
    editor.send_keys("\nprima voce")
    toolbar(browser, "Elenco puntato (•)")

    html = editor.get_attribute("innerHTML")
    assert re.search(r"<b>Buongiorno</b>", html) and re.search(r"<i>resta ferma</i>", html), html
    assert '<a href="https://www.esempio.it/consolle">consolle</a>' in html, html
    assert "<li>prima voce</li>" in html, html
    assert "**" not in editor.text and "](" not in editor.text, "no markup syntax is visible"
    stored = browser.find_element(By.ID, "description").get_attribute("value")
    assert "**Buongiorno**" in stored and "[consolle](<https://www.esempio.it/consolle>)" in stored, stored
    assert "\\<script\\>" in stored, "typed HTML is text in the Markdown"

    # A screenshot pasted into the text becomes an attachment of the form.
    browser.execute_script("""
        const [editor, bytes] = arguments;
        const file = new File([new Uint8Array(bytes)], "image.png", {type: "image/png"});
        const data = new DataTransfer();
        data.items.add(file);
        editor.dispatchEvent(new ClipboardEvent("paste", {clipboardData: data, bubbles: true, cancelable: true}));""",
                           editor, list(png()))
    status = browser.find_element(By.CSS_SELECTOR, ".editor-status")
    assert status.text.startswith("Immagine incollata aggiunta agli allegati: screenshot-")
    assert browser.execute_script("return document.getElementById('files').files.length") == 1
    assert "<img" not in editor.get_attribute("innerHTML"), "the image is a file, not part of the text"

    press(browser, "Invia Ticket")
    body = browser.find_element(By.CSS_SELECTOR, ".message-body")
    assert "<strong>Buongiorno</strong>" in body.get_attribute("innerHTML")
    assert "<em>resta ferma</em>" in body.get_attribute("innerHTML")
    assert body.find_element(By.LINK_TEXT, "consolle").get_attribute("href") == "https://www.esempio.it/consolle"
    assert "<script>alert(1)</script>" in body.text, "HTML typed is shown as text, never run"
    assert browser.find_elements(By.PARTIAL_LINK_TEXT, "screenshot-"), "the pasted image is attached"
    number = browser.find_element(By.TAG_NAME, "h1").text.split("#")[1]

    # Previews in the list are plain text.
    browser.get(portal.url + f"/ticket?codice={number}")
    preview = browser.find_element(By.CSS_SELECTOR, ".ticket-first-line").text
    assert preview.startswith("Buongiorno, apro la consolle <script>") and "**" not in preview and "\\" not in preview


def test_bold_from_a_comma_after_a_word_shows_bold_not_asterisks(portal, browser):
    """Made bold from its comma, "Buongiorno, il gestionale non si avvia" was sent as
    "Buongiorno**, il gestionale non si avvia**": a marker between a letter and punctuation is
    no marker, and the page showed the asterisks. So did italics ending in a comma before a letter."""
    new_ticket_page(browser, portal)
    type_into(browser, "Titolo", "Gestionale fermo")
    editor = field(browser, "Descrizione")
    editor.send_keys("Buongiorno, il gestionale non si avvia da stamattina. Vedi fattura,ora e (grave)poi.")
    select_words(browser, editor, ", il gestionale non si avvia")
    toolbar(browser, "Grassetto (B)")
    select_words(browser, editor, "fattura,")
    toolbar(browser, "Corsivo (I)")
    select_words(browser, editor, "(grave)")
    toolbar(browser, "Grassetto (B)")
    stored = browser.find_element(By.ID, "description").get_attribute("value")
    assert "Buongiorno, **il gestionale non si avvia** da" in stored, stored
    assert "*fattura*,ora" in stored and "**(grave**)poi" in stored, stored
    press(browser, "Invia Ticket")
    body = browser.find_element(By.CSS_SELECTOR, ".message-body")
    assert "*" not in body.text, body.text
    markup = body.get_attribute("innerHTML")
    assert "<strong>il gestionale non si avvia</strong>" in markup and "<em>fattura</em>," in markup, markup
    assert "<strong>(grave</strong>)poi" in markup, markup


def test_a_bold_link_glued_to_a_word_shows_bold_not_asterisks(portal, browser):
    """A word made bold and then a link, right after a letter ("ilmanuale"): sent as
    "il**[manuale](…)**", where CommonMark sees no emphasis, and the page showed "**"."""
    new_ticket_page(browser, portal)
    type_into(browser, "Titolo", "Link in grassetto")
    editor = field(browser, "Descrizione")
    editor.send_keys("Scarica ilmanuale oggi e lanotaoggi. Vedi laguida.")
    for words in ("manuale", "nota", "guida"):
        select_words(browser, editor, words)
        toolbar(browser, "Grassetto (B)")
        if words == "guida":  # bold, italic and then the link: Chromium nests <b><i><a>
            select_words(browser, editor, words)
            toolbar(browser, "Corsivo (I)")
        select_words(browser, editor, words)
        toolbar(browser, "Link")
        type_into(browser, "Indirizzo del link", "www.esempio.it/" + words)
        browser.find_element(By.XPATH, "//button[normalize-space()='Inserisci link']").click()
    stored = browser.find_element(By.ID, "description").get_attribute("value")
    assert "il[**manuale**](<https://www.esempio.it/manuale>) oggi" in stored, stored
    assert "la[**nota**](<https://www.esempio.it/nota>)oggi." in stored, stored
    assert "la[***guida***](<https://www.esempio.it/guida>)." in stored, stored
    # A double click selects "word ": the space made bold with the link stays a space beside it.
    pasted = browser.execute_script("""
        const editor = arguments[0], saved = editor.innerHTML;
        editor.innerHTML = 'Vedi il<b><a href="https://www.esempio.it/x">manuale</a> </b>oggi';
        editor.dispatchEvent(new Event("input", {bubbles: true}));
        const value = document.getElementById("description").value;
        editor.innerHTML = saved;
        editor.dispatchEvent(new Event("input", {bubbles: true}));
        return value;""", editor)
    assert pasted == "Vedi il[**manuale**](<https://www.esempio.it/x>) oggi", pasted
    press(browser, "Invia Ticket")
    body = browser.find_element(By.CSS_SELECTOR, ".message-body")
    assert "*" not in body.text, body.text
    markup = body.get_attribute("innerHTML")
    assert re.search(r'<a href="https://www.esempio.it/manuale"[^>]*><strong>manuale</strong></a>', markup), markup


def test_bold_and_italic_together_stay_both_and_punctuation_and_emoji_stay_put(portal, browser):
    """Bold and italic at the caret, one turned off: the browser wrote <i style="font-weight:
    bold">, sent as italic only. Both at a comma after a word showed "***"; an emoji at a bold
    run's start beside a word was split in two halves (sent as two "�")."""
    new_ticket_page(browser, portal)
    type_into(browser, "Titolo", "Grassetto e corsivo insieme")
    editor = field(browser, "Descrizione")
    editor.send_keys("Nota: ")
    toolbar(browser, "Grassetto (B)")
    toolbar(browser, "Corsivo (I)")
    editor.send_keys("importante")
    toolbar(browser, "Corsivo (I)")
    toolbar(browser, "Grassetto (B)")
    editor.send_keys(" davvero. Buongiorno, il gestionale. Stato🔴 bloccato.")
    select_words(browser, editor, ", il gestionale")
    toolbar(browser, "Grassetto (B)")
    toolbar(browser, "Corsivo (I)")
    select_words(browser, editor, "🔴 bloccato")
    toolbar(browser, "Grassetto (B)")
    stored = browser.find_element(By.ID, "description").get_attribute("value")
    assert "***importante***" in stored, stored
    assert "Buongiorno, ***il gestionale***." in stored, stored
    assert "Stato**🔴 bloccato**." in stored, stored
    press(browser, "Invia Ticket")
    body = browser.find_element(By.CSS_SELECTOR, ".message-body")
    assert "*" not in body.text and "\ufffd" not in body.text and "🔴" in body.text, body.text
    markup = body.get_attribute("innerHTML")
    assert re.search(r"<(em|strong)><(em|strong)>importante</", markup), markup


def test_a_line_break_stays_one_when_the_form_comes_back_and_is_sent_again(portal, browser):
    """The text comes back from "Anteprima" (or a refusal) rendered by the server, a <br>
    and a line break after it: read back, that was two line breaks, a paragraph."""
    new_ticket_page(browser, portal)
    editor = field(browser, "Descrizione")
    editor.send_keys("Primo paragrafo lungo.")
    editor.send_keys(Keys.ENTER)
    editor.send_keys("Secondo paragrafo.")
    area = browser.find_element(By.ID, "description")
    assert area.get_attribute("value") == "Primo paragrafo lungo.\nSecondo paragrafo."
    press(browser, "Anteprima")
    editor = field(browser, "Descrizione")
    WebDriverWait(browser, 5).until(lambda _: "Secondo paragrafo." in editor.text)
    browser.execute_script("arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", editor)
    assert browser.find_element(By.ID, "description").get_attribute("value") == "Primo paragrafo lungo.\nSecondo paragrafo."


def test_a_web_address_typed_in_the_editor_opens_what_was_typed_through_anteprima_and_sending(portal, browser):
    """Escaped like the rest of the text, the address was linked with the backslashes inside:
    a_b?x=1&y=2 opened a%5C_b?x=1%5C&y=2, and each Anteprima added more."""
    address = "https://example.com/a_b?x=1&y=2"
    new_ticket_page(browser, portal)
    type_into(browser, "Titolo", "Indirizzo nel testo")
    editor = field(browser, "Descrizione")
    editor.send_keys(f"Vedi {address} e www.example.com/guida_utente.html grazie")
    press(browser, "Anteprima")
    editor = field(browser, "Descrizione")
    WebDriverWait(browser, 5).until(lambda _: "grazie" in editor.text)
    browser.execute_script("arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", editor)
    press(browser, "Invia Ticket")
    body = WebDriverWait(browser, 5).until(lambda b: b.find_element(By.CSS_SELECTOR, ".message-body"))
    hrefs = [link.get_attribute("href") for link in body.find_elements(By.TAG_NAME, "a")]
    assert hrefs == [address, "http://www.example.com/guida_utente.html"], hrefs
    assert body.text == f"Vedi {address} e www.example.com/guida_utente.html grazie"


def test_without_javascript_what_is_typed_is_shown_as_typed(portal):
    browser = engines.start("chromium-nojs")
    try:
        new_ticket_page(browser, portal)
        area = field(browser, "Descrizione")
        assert area.tag_name == "textarea" and area.is_displayed()
        assert not browser.find_element(By.CSS_SELECTOR, ".editor-toolbar").is_displayed()
        assert not browser.find_element(By.ID, "description-formatting").is_displayed(), "no formatting promised"
        type_into(browser, "Titolo", "Testo come scritto")
        typed = "*non corsivo* e **non grassetto**\n1. non un elenco\n<b>non un tag</b> [non](un link)"
        type_into(browser, "Descrizione", typed)
        press(browser, "Invia Ticket")
        body = browser.find_element(By.CSS_SELECTOR, ".message-body")
        assert body.text == typed
        assert "<strong>" not in body.get_attribute("innerHTML") and "<ol>" not in body.get_attribute("innerHTML")
    finally:
        browser.quit()


# ------------------------------------------------------------------ item 6: a closed ticket

def test_a_closed_ticket_warns_and_keeps_closed_when_asked(portal, browser):
    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Chiuso e poi una nota"))
    assert reply(portal, customer, number, "Risolto, grazie.", close=True).headers["Location"].endswith("avviso=chiuso")

    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + f"/ticket/{number}")
    warning = browser.find_element(By.CSS_SELECTOR, ".reply-form .notice--warning").text
    assert "Questo ticket è chiuso: se invii una risposta verrà riaperto." in warning
    type_into(browser, "Risposta", "Per completezza: era il cavo di rete.")
    tick(browser, "Chiudere il ticket all'invio del messaggio")
    press(browser, "Invia")
    assert "Messaggio aggiunto: il ticket resta chiuso." in browser.find_element(By.CSS_SELECTOR, ".notice").text
    assert "era il cavo di rete" in browser.find_element(By.CSS_SELECTOR, ".thread").text
    with portal.db() as db:
        assert db.execute("SELECT status FROM tickets WHERE number = ?", (number,)).fetchone()[0] == "closed"


# ------------------------------------------------------------------ item 7: files

def test_files_are_checked_by_their_content_and_named_as_given(portal, browser, tmp_path):
    folder = tmp_path / "file"
    folder.mkdir()
    program = folder / "fattura.pdf"
    program.write_bytes(b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00")
    empty = folder / "vuoto.txt"
    empty.write_bytes(b"")
    quoted = folder / 'rapporto "finale" è.txt'
    quoted.write_text("Totale 12,50\n")
    reversed_name = folder / "\u202egpj.txt"
    reversed_name.write_text("solo testo\n")
    # Shown as "exe.jpg" by the reversing character, and a text Windows would run if named so.
    disguised = folder / "\u202egpj.exe"
    disguised.write_text("solo testo\n")

    new_ticket_page(browser, portal)
    type_into(browser, "Titolo", "Allegati controllati")
    type_into(browser, "Descrizione", "In allegato il rapporto.")
    field(browser, "Allegati").send_keys("\n".join(str(path) for path in [program, empty, quoted, reversed_name, disguised]))
    press(browser, "Invia Ticket")
    error = browser.find_element(By.CSS_SELECTOR, ".field-error[role=alert]").text
    assert "Il file «fattura.pdf» è di un tipo non ammesso (programma Windows (EXE/DLL))" in error
    assert "Il file «vuoto.txt» è vuoto" in error
    assert "Il file «gpj.exe» è di un tipo non ammesso (un file .exe si avvia come programma con un doppio clic)" in error
    kept = browser.find_element(By.CSS_SELECTOR, ".kept-files").text
    assert 'rapporto "finale" è.txt' in kept and "gpj.txt" in kept and "gpj.exe" not in kept and "\u202e" not in kept
    press(browser, "Invia Ticket")

    links = [link.text for link in browser.find_elements(By.CSS_SELECTOR, ".message-body + .file-list a")]
    assert sorted(links) == sorted(['rapporto "finale" è.txt', "gpj.txt"]), links
    href = browser.find_element(By.LINK_TEXT, 'rapporto "finale" è.txt').get_attribute("href")
    session = requests.Session()
    for cookie in browser.get_cookies():
        session.cookies.set(cookie["name"], cookie["value"], domain="127.0.0.1", path=cookie.get("path", "/"))
    download = session.get(href)
    assert download.content == b"Totale 12,50\n"
    disposition = download.headers["Content-Disposition"]
    assert "filename*=UTF-8''rapporto%20%22finale%22%20%C3%A8.txt" in disposition, disposition
    assert 'filename="rapporto _finale_ _.txt"' in disposition, disposition


# ------------------------------------------------------------------ item 4: notifications

def test_notifications_follow_each_persons_choices_in_the_profile(portal, browser):
    sign_in(browser, portal, TECHNICIAN, DEMO_PASSWORD)
    browser.get(portal.url + "/profilo")
    section = browser.find_element(By.XPATH, "//section[h2[normalize-space()='Notifiche']]")
    replies = section.find_element(By.XPATH, ".//fieldset[legend[normalize-space()=\"Risposte dell'assistenza\"]]")
    statuses = section.find_element(By.XPATH, ".//fieldset[legend[normalize-space()='Cambi di stato']]")
    assert replies.find_element(By.CSS_SELECTOR, "input:checked").get_attribute("value") == "mine", "my tickets by default"
    replies.find_element(By.XPATH, ".//label[normalize-space()='Tutti i ticket della mia azienda']").click()
    statuses.find_element(By.XPATH, ".//label[normalize-space()='Nessuno']").click()
    press(browser, "Conferma le scelte")
    assert "Notifiche salvate." in browser.find_element(By.CSS_SELECTOR, ".notice").text
    section = browser.find_element(By.XPATH, "//section[h2[normalize-space()='Notifiche']]")
    assert section.find_element(By.ID, "notify-replies-company").is_selected()
    assert section.find_element(By.ID, "notify-status-none").is_selected()

    customer, _ = login(portal)
    number = created_number(new_ticket(portal, customer, title="Chi riceve cosa"))
    portal.admin("ticket", "reply", "--number", str(number), "--operator", OPERATOR,
                 "--text", "Buongiorno, **quale versione** usa? Vedi [le note](https://esempio.it/note).")
    for person in (ADMIN, TECHNICIAN):  # the requester, and a colleague who chose the company's tickets
        mail = portal.wait_for_mail(person, f"Ticket #{number} nuova risposta")
        text = mail.get_content()
        assert "Chi riceve cosa" in text and f"{portal.url}/ticket/{number}" in text
        assert "Buongiorno, quale versione usa? Vedi le note (https://esempio.it/note)." in text and "**" not in text
    portal.admin("ticket", "status", "--number", str(number), "--status", "development", "--operator", OPERATOR)
    portal.wait_for_mail(ADMIN, f"Ticket #{number} cambio di stato")
    with pytest.raises(AssertionError):
        portal.wait_for_mail(TECHNICIAN, f"Ticket #{number} cambio di stato", timeout=3)


# ------------------------------------------------------------------ item 11: branding

def test_the_configured_branding_is_on_static_and_dynamic_pages(portal, browser):
    browser.get(portal.url + "/login")
    assert browser.title.endswith("· Assistenza Rossi Gestionali")
    assert "Assistenza Rossi Gestionali" in browser.find_element(By.CSS_SELECTOR, ".brand").text
    assert "Rossi Gestionali S.p.A." in browser.find_element(By.CSS_SELECTOR, "footer").text
    button = browser.find_element(By.XPATH, "//button[normalize-space()='Accedi']")
    assert button.value_of_css_property("background-color") in ("rgba(138, 43, 226, 1)", "rgb(138, 43, 226)")

    press(browser, "Contatti")
    assert browser.find_element(By.TAG_NAME, "h1").text == "Contatti"
    assert browser.find_element(By.LINK_TEXT, "assistenza@rossi-gestionali.example").get_attribute("href") == \
        "mailto:assistenza@rossi-gestionali.example"
    assert browser.find_element(By.LINK_TEXT, "+39 0541 123456").get_attribute("href") == "tel:+390541123456"
    assert browser.title.endswith("· Assistenza Rossi Gestionali")

    browser.get(portal.url + "/privacy.html")
    controller = browser.find_element(By.XPATH, "//h2[@id='titolare-del-trattamento']/following-sibling::p[1]").text
    assert "Rossi Gestionali S.p.A., Via Emilia 12, 47921 Rimini (RN), P.IVA 01234567890" in controller
    assert "privacy@rossi-gestionali.example" in controller


def test_a_new_request_from_an_old_ticket_is_typed_below_the_reference(portal, browser):
    """"Nuova richiesta" from a ticket closed long ago fills "Riferimento al ticket #…" and an
    empty line: the editor showed the reference alone, and what was typed went on its line."""
    with portal.db() as db:
        number = db.execute("SELECT t.number FROM tickets t JOIN users u ON u.id = t.requester_id WHERE u.email = ?"
                            " AND t.status = 'closed' AND t.closed_at < strftime('%s','now') - 16 * 86400 LIMIT 1",
                            (ADMIN,)).fetchone()[0]
    sign_in(browser, portal, ADMIN, DEMO_PASSWORD)
    browser.get(portal.url + f"/ticket/nuovo?riferimento={number}")
    editor = field(browser, "Descrizione")
    WebDriverWait(browser, 5).until(lambda _: f"#{number}" in editor.text)
    editor.send_keys("Di nuovo lo stesso errore.")
    area = browser.find_element(By.ID, "description")
    assert area.get_attribute("value") == (f"Riferimento al ticket \\#{number}, chiuso da più di 15 giorni.\n\n"
                                           "Di nuovo lo stesso errore."), area.get_attribute("value")
