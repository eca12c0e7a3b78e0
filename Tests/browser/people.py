"""What a person does on a page: find a field by its visible label, press a button by its text."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait


def field(browser, label):
    element = browser.find_element(By.XPATH, f"//label[normalize-space()={quote(label)}]")
    return browser.find_element(By.ID, element.get_attribute("for"))


def type_into(browser, label, text):
    target = field(browser, label)
    target.clear()
    target.send_keys(text)


def tick(browser, label):
    target = field(browser, label)
    if not target.is_selected():
        browser.find_element(By.XPATH, f"//label[normalize-space()={quote(label)}]").click()


def press(browser, text):
    """Presses a button or link by its text and waits for the page it leads to."""
    page = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.XPATH, f"//button[normalize-space()={quote(text)}] | //a[normalize-space()={quote(text)}]").click()
    WebDriverWait(browser, 10).until(expected_conditions.staleness_of(page))


def quote(text):
    return "'" + text + "'" if "'" not in text else 'concat("' + text + '")'
