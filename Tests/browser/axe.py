"""axe-core (shipped by axe-selenium-python, installed by scripts/deps.sh test) on whatever
the browser shows now, in any engine (engines.py): the serious and critical violations, with
where they are."""
from axe_selenium_python import Axe

# The bundled axe-core (3.1.1) lags three later fixes of axe-core itself, taught here instead of
# dropping the rules: the HTML autofill token "one-time-code" (the code page, so phones offer the
# e-mailed code); "off" fits every kind of field (a colleague's address is not one's own); a
# <label> kept off screen by the visually-hidden pattern is read by screen readers, and newer
# axe-core counts a label hidden only when screen readers cannot see it.
LATER_AXE = """const appropriate = axe._audit.checks['autocomplete-appropriate'].evaluate;
axe.configure({checks: [
    {id: 'autocomplete-valid', options: {standaloneTerms: ['one-time-code']}},
    {id: 'autocomplete-appropriate', evaluate: function (node, options, virtualNode) {
        return node.getAttribute('autocomplete').trim().toLowerCase() === 'off'
            || appropriate.call(this, node, options, virtualNode);
    }},
    {id: 'hidden-explicit-label', evaluate: function (node) {
        const label = node.id && document.querySelector('label[for="' + CSS.escape(node.id) + '"]');
        return Boolean(label) && !axe.commons.dom.isVisible(label, true);
    }}]});"""


def serious_violations(browser):
    axe = Axe(browser)
    axe.inject()
    browser.execute_script(LATER_AXE)
    return [(violation["id"], [node["target"] for node in violation["nodes"]])
            for violation in axe.run()["violations"] if violation["impact"] in ("serious", "critical")]
