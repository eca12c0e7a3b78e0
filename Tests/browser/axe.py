"""axe-core (shipped by axe-selenium-python, installed by scripts/deps.sh test) on whatever
the browser shows now: the serious and critical violations, with where they are."""
from axe_selenium_python import Axe


def serious_violations(browser):
    axe = Axe(browser)
    axe.inject()
    return [(violation["id"], [node["target"] for node in violation["nodes"]])
            for violation in axe.run()["violations"] if violation["impact"] in ("serious", "critical")]
