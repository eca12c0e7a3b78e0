"""The three browser engines the core journeys run in, each from Debian (scripts/deps.sh test):
Chromium through its chromedriver, Firefox ESR through Marionette (Debian has no geckodriver,
so `Firefox` below gives marionette_driver the Selenium names the tests use), WebKitGTK
through WebKitWebDriver on a virtual X server (its MiniBrowser has no headless mode)."""
import atexit
import os
import select
import shutil
import socket
import subprocess
import tempfile
import time

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, WebDriverException
from selenium.webdriver.remote.command import Command

from chromium import chromium

ENGINES = ("chromium", "firefox", "webkit")
# The journeys' browsers: every engine, and one of them with JavaScript turned off.
BROWSERS = ENGINES + ("chromium-nojs",)
NAMES = {"chromium": "Chromium", "firefox": "Firefox ESR", "webkit": "WebKitGTK",
         "chromium-nojs": "Chromium senza JavaScript"}
KINDS = {"chromium": "Blink (Chrome e Edge)", "firefox": "Gecko (Firefox)", "webkit": "WebKit (Safari)",
         "chromium-nojs": "Blink (Chrome e Edge)"}
SIZE = (1280, 900)


def start(engine, javascript=True, wait=5):
    """A fresh 1280x900 browser of the engine (or of BROWSERS), its implicit wait `wait` seconds."""
    if engine == "chromium-nojs":
        driver = chromium(javascript=False, wait=wait)
        driver.javascript_off = True
        return driver
    if engine == "chromium":
        return chromium(javascript=javascript, wait=wait)
    if not javascript:
        raise ValueError("only Chromium runs the journeys without JavaScript")
    if engine == "firefox":
        return Firefox(wait=wait)
    if engine == "webkit":
        return webkit(wait=wait)
    raise ValueError(engine)


def version(browser):
    """The engine's version as the browser reports it to WebDriver."""
    capabilities = browser.capabilities
    return capabilities.get("browserVersion") or capabilities.get("version", "")


def axe_runs(browser):
    """axe-core 3.1 (axe.py) builds its messages with `new Function`. Chromium and Firefox run
    a test's scripts outside the page's Content-Security-Policy; WebKitGTK runs them under it,
    and the portal's policy (no eval) refuses axe there, as it should. With JavaScript off,
    axe's asynchronous run never answers: the same pages are checked with it on."""
    return not isinstance(browser, WebKit) and not getattr(browser, "javascript_off", False)


def scroll_into_view(browser, element):
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)


def click(browser, element):
    """A person's click: the element scrolled to the middle of the window first, clear of the
    sticky top bar (WebKitGTK's own scrolling would leave it under the bar)."""
    scroll_into_view(browser, element)
    element.click()


def perform(browser, actions):
    """W3C input actions (pointer and key sequences) as every engine's driver takes them:
    the same real pointer events a person's mouse makes, in Marionette too."""
    if isinstance(browser, Firefox):
        browser.client.actions.perform(actions)
        browser.client.actions.release()
    else:
        browser.execute(Command.W3C_ACTIONS, {"actions": actions})
        browser.execute(Command.W3C_CLEAR_ACTIONS)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# ------------------------------------------------------------------ WebKitGTK

_display = None


def display():
    """One Xvfb for the whole test run: without a display the session start hangs silently."""
    global _display
    if _display is None:
        read, write = os.pipe()
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1400x1000x24", "-nolisten", "tcp"],
                                  pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        number = b""
        deadline = time.time() + 20
        # Xvfb writes the number and the newline separately: read up to the newline.
        while not number.endswith(b"\n") and time.time() < deadline:
            if select.select([read], [], [], 1)[0]:
                chunk = os.read(read, 16)
                if not chunk:
                    break
                number += chunk
        os.close(read)
        if not number.strip():
            server.kill()
            raise RuntimeError("Xvfb did not start")
        atexit.register(stop, server)
        _display = ":" + number.strip().decode()
    return _display


# What Selenium's get_attribute answers from the live element rather than the markup.
LIVE_PROPERTIES = ("value", "checked", "selected", "innerHTML", "outerHTML")


class WebKit(webdriver.WebKitGTK):
    """Its own class, so the tests can tell it apart."""


def stop(server):
    server.terminate()
    server.wait(timeout=10)


def webkit(wait=5):
    # WebKitWebDriver passes its environment on to MiniBrowser, and this Selenium's WebKitGTK
    # takes no environment of its own: DISPLAY is set for the moment it starts.
    before = os.environ.get("DISPLAY")
    os.environ["DISPLAY"] = display()
    try:
        driver = WebKit(executable_path="/usr/bin/WebKitWebDriver")
    finally:
        if before is None:
            del os.environ["DISPLAY"]
        else:
            os.environ["DISPLAY"] = before
    driver.set_window_size(*SIZE)
    driver.implicitly_wait(wait)
    return driver


# ------------------------------------------------------------------ Firefox through Marionette

class Firefox:
    """Firefox ESR started by hand with Marionette on a free port and a fresh profile, wrapped
    in the Selenium names the tests use, so the journeys stay the same in every engine."""

    def __init__(self, wait=5):
        from marionette_driver.marionette import Marionette

        self.profile = tempfile.mkdtemp(prefix="portal-firefox-")
        port = free_port()
        preferences = {
            "marionette.port": port,
            # A quiet first start: no welcome tabs, telemetry or update checks.
            "browser.shell.checkDefaultBrowser": False, "browser.aboutwelcome.enabled": False,
            "datareporting.policy.dataSubmissionEnabled": False, "toolkit.telemetry.reportingpolicy.firstRun": False,
            "app.update.disabledForTesting": True, "browser.startup.homepage_override.mstone": "ignore",
            "browser.tabs.warnOnClose": False, "signon.rememberSignons": False,
        }
        with open(os.path.join(self.profile, "user.js"), "w") as file:
            for key, value in preferences.items():
                literal = ("true" if value else "false") if isinstance(value, bool) else repr(value)
                file.write(f'user_pref("{key}", {literal});\n')
        self.process = subprocess.Popen(
            ["firefox-esr", "--headless", "--marionette", "--no-remote", "--profile", self.profile, "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        self.client = Marionette(host="127.0.0.1", port=port)
        try:
            self.capabilities = self.client.start_session(timeout=60)
        except Exception:
            self.process.kill()
            raise
        self.client.set_window_rect(width=SIZE[0], height=SIZE[1])
        self.implicitly_wait(wait)
        self.switch_to = _SwitchTo(self)

    # the page
    def implicitly_wait(self, seconds):
        self.client.timeout.implicit = seconds

    def get(self, url):
        self.client.navigate(url)

    def refresh(self):
        self.client.refresh()

    @property
    def current_url(self):
        return self.client.get_url()

    @property
    def page_source(self):
        return self.client.page_source

    @property
    def title(self):
        return self.client.title

    def find_element(self, by, value):
        return _element(self, self.client.find_element(by, value))

    def find_elements(self, by, value):
        return [_element(self, found) for found in self.client.find_elements(by, value)]

    # scripts run in the page itself, as WebDriver's do (Marionette's default is a sandbox)
    def execute_script(self, script, *args):
        result = self.client.execute_script(script, script_args=[_raw(arg) for arg in args],
                                            new_sandbox=False, sandbox=None)
        return _wrapped(self, result)

    def execute_async_script(self, script, *args):
        result = self.client.execute_async_script(script, script_args=[_raw(arg) for arg in args],
                                                  new_sandbox=False, sandbox=None, script_timeout=30000)
        return _wrapped(self, result)

    # cookies, windows, pictures
    def add_cookie(self, cookie):
        self.client.add_cookie(cookie)

    def delete_all_cookies(self):
        self.client.delete_all_cookies()

    def get_cookie(self, name):
        return next((cookie for cookie in self.client.get_cookies() if cookie["name"] == name), None)

    @property
    def window_handles(self):
        return self.client.window_handles

    def set_window_size(self, width, height):
        self.client.set_window_rect(width=width, height=height)

    def save_screenshot(self, path):
        with open(path, "wb") as file:
            file.write(self.client.screenshot(format="binary", full=False))
        return True

    def quit(self):
        try:
            self.client.delete_session()
        except Exception:
            pass
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


class _SwitchTo:
    def __init__(self, browser):
        self.browser = browser

    @property
    def active_element(self):
        return _element(self.browser, self.browser.client.get_active_element())

    def window(self, handle):
        self.browser.client.switch_to_window(handle)


class _Element:
    """A Marionette element with Selenium's names (marionette_driver's already match most)."""

    def __init__(self, browser, element):
        self.browser, self.raw = browser, element

    def __eq__(self, other):
        return isinstance(other, _Element) and self.raw.id == other.raw.id

    def __hash__(self):
        return hash(self.raw.id)

    def find_element(self, by, value):
        return _element(self.browser, self.raw.find_element(by, value))

    def find_elements(self, by, value):
        return [_element(self.browser, found) for found in self.raw.find_elements(by, value)]

    @property
    def text(self):
        return self.raw.text

    @property
    def tag_name(self):
        return self.raw.tag_name

    @property
    def rect(self):
        return self.raw.rect

    @property
    def size(self):
        return {"width": self.raw.rect["width"], "height": self.raw.rect["height"]}

    @property
    def accessible_name(self):
        return self.raw.computed_label

    def get_attribute(self, name):
        # Selenium's get_attribute answers the live property for value and checked: do the same.
        if name in LIVE_PROPERTIES:
            value = self.raw.get_property(name)
            return None if value is None or value is False else ("true" if value is True else value)
        return self.raw.get_attribute(name)

    def get_dom_attribute(self, name):
        return self.raw.get_attribute(name)

    def get_property(self, name):
        return self.raw.get_property(name)

    def click(self):
        self.raw.click()

    def send_keys(self, *values):
        self.raw.send_keys(*values)

    def clear(self):
        self.raw.clear()

    def is_selected(self):
        return self.raw.is_selected()

    def is_enabled(self):
        return self.raw.is_enabled()

    def is_displayed(self):
        return self.raw.is_displayed()

    def value_of_css_property(self, name):
        return self.raw.value_of_css_property(name)


def _element(browser, raw):
    if raw is None:
        raise NoSuchElementException("no such element")
    return _Element(browser, raw)


def _raw(value):
    if isinstance(value, _Element):
        return value.raw
    if isinstance(value, (list, tuple)):
        return [_raw(item) for item in value]
    return value


def _wrapped(browser, value):
    from marionette_driver.marionette import WebElement

    if isinstance(value, WebElement):
        return _Element(browser, value)
    if isinstance(value, list):
        return [_wrapped(browser, item) for item in value]
    if isinstance(value, dict):
        return {key: _wrapped(browser, item) for key, item in value.items()}
    return value


# Marionette's errors are not Selenium's: the helpers that retry or wait catch both.
try:
    from marionette_driver.errors import MarionetteException
    ERRORS = (WebDriverException, MarionetteException)
except ImportError:  # marionette_driver is only needed for Firefox
    ERRORS = (WebDriverException,)
