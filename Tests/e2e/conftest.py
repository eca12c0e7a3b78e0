import pytest

from portal import Portal


@pytest.fixture(scope="session")
def portal():
    """One running portal with the demo data for the whole run."""
    instance = Portal().start()
    yield instance
    instance.stop()


@pytest.fixture
def fresh_portal():
    """A portal of its own, for tests that break or reconfigure things."""
    started = []

    def start(**env):
        instance = Portal(**env).start(demo=env.pop("demo", True) if "demo" in env else True)
        started.append(instance)
        return instance

    yield start
    for instance in started:
        instance.stop()
