import datetime
import re
import sys

import pytest
from portal import ROOT, running_portal
from chromium import chromium
import engines

RECORD = ROOT / "site" / "browser-tests.csv"
JOURNEYS = "test_engines_browser.py"


@pytest.fixture(scope="module")
def portal():
    """Each browser journey starts from the demo data, with no codes sent yet."""
    yield from running_portal()


@pytest.fixture
def browser():
    driver = chromium()
    yield driver
    driver.quit()


class Record:
    """What the engines' journeys did in this session: each engine's version and its tests'
    outcomes. At the end, the engines whose journeys all ran get their row in
    site/browser-tests.csv (committed), which the site build turns into the table of /browser.html."""

    def __init__(self):
        self.versions, self.passed, self.failed = {}, {}, {}

    def started(self, engine, version):
        self.versions[engine] = version

    def report(self, report):
        engine = re.search(r"\[([\w-]+)\]$", report.nodeid)
        if JOURNEYS not in report.nodeid or not engine:
            return
        engine = engine.group(1)
        if report.failed:
            self.failed[engine] = self.failed.get(engine, 0) + 1
        elif report.when == "call" and report.passed:
            self.passed[engine] = self.passed.get(engine, 0) + 1

    def write(self, session):
        module = sys.modules.get("test_engines_browser")
        if module is None:
            return
        journeys = len([name for name in dir(module) if name.startswith("test_")])
        rows = read_record()
        today = datetime.date.today().strftime("%d/%m/%Y")
        for engine, version in self.versions.items():
            ran = self.passed.get(engine, 0) + self.failed.get(engine, 0)
            if self.failed.get(engine) or ran == journeys:
                outcome = "superati" if not self.failed.get(engine) else "non superati"
                rows[engine] = [engines.NAMES[engine], engines.KINDS[engine], version, today, outcome]
        lines = [",".join(HEADER)] + [",".join(rows[engine]) for engine in engines.BROWSERS if engine in rows]
        RECORD.write_text("\n".join(lines) + "\n")


HEADER = ["Browser", "Motore", "Versione", "Data", "Test"]


def read_record():
    rows = {}
    if RECORD.exists():
        for line in RECORD.read_text().splitlines()[1:]:
            cells = line.split(",")
            engine = next((key for key, name in engines.NAMES.items() if name == cells[0]), None)
            if engine:
                rows[engine] = cells
    return rows


RECORDED = Record()


@pytest.fixture(scope="session")
def record():
    return RECORDED


def pytest_runtest_logreport(report):
    RECORDED.report(report)


def pytest_sessionfinish(session):
    RECORDED.write(session)
