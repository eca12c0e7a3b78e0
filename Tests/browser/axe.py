"""axe-core as shipped by axe-selenium-python (installed by scripts/deps.sh test), unchanged,
on whatever the browser shows now, in any engine (engines.py): the serious and critical
violations, with where they are.

Its axe-core (3.1.1) is older than the browsers, and the pages are made to pass it as it is,
not it taught later fixes: that is the tool an outside check of the pages reaches for (the
issues name it). So labels kept off screen use clip-path alone (3.1.1 took a `clip`ped label
for a hidden one), an e-mail field has no autocomplete="off" and the e-mailed codes no
autocomplete="one-time-code" (3.1.1 knows neither there)."""
from axe_selenium_python import Axe


def serious_violations(browser):
    axe = Axe(browser)
    axe.inject()
    return [(violation["id"], [node["target"] for node in violation["nodes"]])
            for violation in axe.run()["violations"] if violation["impact"] in ("serious", "critical")]
