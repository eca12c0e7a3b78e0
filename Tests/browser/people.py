"""What a person does on a page: find a field by its visible label, press a button by its text."""
from selenium.webdriver.common.by import By


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
    browser.find_element(By.XPATH, f"//button[normalize-space()={quote(text)}] | //a[normalize-space()={quote(text)}]").click()


def quote(text):
    return "'" + text + "'" if "'" not in text else 'concat("' + text + '")'
