"""Fixtures shared by the end-to-end and the browser tests: a real running portal."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "e2e"))
from portal import Portal, running_portal  # noqa: E402


@pytest.fixture(scope="session")
def portal():
    """One running portal with the demo data for the end-to-end tests."""
    yield from running_portal()


@pytest.fixture
def fresh_portal():
    """A portal of its own, for tests that break or reconfigure things."""
    started = []

    def start(**env):
        instance = Portal(**env).start()
        started.append(instance)
        return instance

    yield start
    for instance in started:
        instance.stop()
