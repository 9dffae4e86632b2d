"""Chromium enforces the public Content-Security-Policy and reports no violation on real pages:
nothing the site needs (stylesheet, fonts, images, structured data) is blocked."""

import pytest

pytestmark = pytest.mark.browser

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_no_csp_violations_on_a_page_and_the_home_page(browser, server_url, seed_urls, lang):
    _data, path = seed_urls[lang]
    page = browser.new_page()
    page.add_init_script(LISTEN)
    console = []
    page.on("console", lambda message: console.append(message.text))
    for url in (server_url + path, f"{server_url}/{lang}/"):
        response = page.goto(url)
        assert "'unsafe-inline'" not in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        assert page.evaluate("window.__cspViolations") == [], url
        # The stylesheet did apply: the policy did not block it.
        assert page.evaluate("document.styleSheets.length") >= 1
    assert not [text for text in console if "Content Security Policy" in text], console
    page.close()


def test_the_policy_is_enforced(browser, server_url, seed_urls):
    """The listener above does see violations: an injected inline style is refused."""
    _data, path = seed_urls["he"]
    page = browser.new_page()
    page.add_init_script(LISTEN)
    page.goto(server_url + path)
    page.evaluate(
        "document.head.insertAdjacentHTML('beforeend', '<style>body{color:red}</style>')"
    )
    page.wait_for_function("() => window.__cspViolations.length > 0")
    assert page.evaluate("window.__cspViolations")[0].startswith("style-src")
    page.close()
