"""The one way the browser tests start headless Chromium (Debian's, with its chromedriver)."""
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


def chromium(javascript=True, wait=5):
    """A 1280x900 headless Chromium; `javascript=False` turns scripts off, as some users do.
    The browser console is kept, for tests that read it."""
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                     "--disable-gpu"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.implicitly_wait(wait)
    return driver
