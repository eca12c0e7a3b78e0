import pytest
from portal import running_portal
from chromium import chromium


@pytest.fixture(scope="module")
def portal():
    """Each browser journey starts from the demo data, with no codes sent yet."""
    yield from running_portal()


@pytest.fixture
def browser():
    driver = chromium()
    yield driver
    driver.quit()
