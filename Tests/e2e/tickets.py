"""Helpers for the ticket tests: the forms as a browser fills them."""
import re

from portal import csrf_token

FIELDS = {
    "email": "mario.rossi@rossi.example", "phone": "", "contact": "web", "type": "assistance",
    "area": "administrative", "priority": "normal", "title": "Nota di accredito non emessa",
    "description": "Buongiorno,\nnon riesco a emettere una **nota di accredito**.\n\nGrazie",
    "technical_details": "",
    # What the formatting editor (editor.js) sends: the description is Markdown.
    "description_format": "markdown",
}


def new_ticket(portal, session, files=None, action="send", **changes):
    page = session.get(portal.url + "/ticket/nuovo")
    data = dict(FIELDS, csrf=csrf_token(page.text), action=action, **changes)
    data = {key: value for key, value in data.items() if value is not None}
    return session.post(portal.url + "/ticket/nuovo", data=data, files=files or {"files": ("", b"", "application/octet-stream")},
                        allow_redirects=False)


def created_number(response):
    match = re.fullmatch(r"/ticket/(\d+)\?avviso=creato", response.headers.get("Location", ""))
    assert match, (response.status_code, response.headers.get("Location"), response.text[:500])
    return int(match.group(1))


def reply(portal, session, number, message, action="reply", close=False, files=None, **panel):
    """A reply as the formatting editor sends it (Markdown); `message_format=None` as a plain text area does."""
    page = session.get(portal.url + f"/ticket/{number}")
    data = {"csrf": csrf_token(page.text), "message": message, "action": action, "message_format": "markdown", **panel}
    data = {key: value for key, value in data.items() if value is not None}
    if close:
        data["close"] = "1"
    return session.post(portal.url + f"/ticket/{number}", data=data,
                        files=files or {"files": ("", b"", "application/octet-stream")}, allow_redirects=False)


def kept_references(html):
    return re.findall(r'name="kept" value="([^"]+)"', html)
