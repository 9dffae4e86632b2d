"""Every page type in every language, in Chromium: accessibility (axe-core), HTML validity (the Nu
HTML Checker), keyboard use of the FAQ, the reading-progress bar and the table of contents."""

import urllib.request
from urllib.parse import unquote

import pytest

from tests.page_catalog import LANGUAGES, PAGE_TYPES, add_sample_pages, catalog, remove_sample_pages

from .checkers import axe_violations, nu_findings

pytestmark = pytest.mark.browser

CASES = [(lang, kind) for lang in LANGUAGES for kind in PAGE_TYPES]


@pytest.fixture(scope="module")
def browser_data(django_db_setup, django_db_blocker):
    """The seed pages plus a sample of each page type a language lacks, for this module only."""
    with django_db_blocker.unblock():
        made = add_sample_pages()
        paths = catalog()
    yield paths
    with django_db_blocker.unblock():
        remove_sample_pages(made)


@pytest.fixture(scope="module")
def paths(browser_data):
    missing = [case for case in CASES if case not in browser_data]
    assert not missing, f"no page for {missing}"
    return browser_data


def open_page(browser, url, scheme="light", width=1280, inject_scripts=False):
    # The site's Content-Security-Policy refuses inline scripts, which is how Playwright adds
    # axe-core: only the axe audit lets the browser bypass it (tests/browser/test_csp.py checks
    # the policy itself).
    page = browser.new_page(
        viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=inject_scripts
    )
    response = page.goto(url)
    return page, response


def comment_form_open(page, kind):
    """Posts are checked as a reader replying sees them: the reply form open under a comment."""
    if kind == "post":
        reply = page.locator(".comment__reply").first
        assert reply.count(), "the post has a comment to reply to"
        reply.click()
        page.wait_for_load_state()
        assert page.locator("#respond textarea").is_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("lang", "kind"), CASES)
def test_axe_finds_no_violations(browser, server_url, paths, lang, kind, scheme):
    page, response = open_page(
        browser, server_url + paths[(lang, kind)], scheme, inject_scripts=True
    )
    assert response.status == (404 if kind == "not_found" else 200)
    comment_form_open(page, kind)
    violations = axe_violations(page)
    page.close()
    assert violations == []


def test_every_page_type_is_valid_html(server_url, paths, tmp_path):
    """One run of the Nu HTML Checker over every page in every language; no errors, no warnings."""
    files = []
    for (lang, kind), path in sorted(paths.items()):
        try:
            with urllib.request.urlopen(server_url + path) as response:  # noqa: S310 - loopback
                body = response.read()
        except urllib.error.HTTPError as error:  # the 404 page is a page too
            body = error.read()
        target = tmp_path / f"{lang}-{kind}.html"
        target.write_bytes(body)
        files.append(str(target))
    findings = nu_findings(files, check_css=True)
    assert findings == []


def test_faq_answer_opens_and_closes_with_the_keyboard(browser, server_url, paths):
    page, _response = open_page(browser, server_url + paths[("fi", "post")], width=375)
    summary = page.locator(".faq__item summary").first
    answer = page.locator(".faq__item .faq__answer").first
    assert not answer.is_visible()
    for _ in range(80):  # Tab through the page as a keyboard user does
        page.keyboard.press("Tab")
        if summary.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("the FAQ question cannot be reached with Tab")
    page.keyboard.press("Enter")
    assert answer.is_visible()
    assert summary.evaluate("element => element.parentElement.open")
    page.keyboard.press("Space")
    assert not answer.is_visible()
    page.close()


def test_reading_progress_follows_the_article(browser, server_url, paths):
    page, _response = open_page(browser, server_url + paths[("he", "article")], width=375)
    bar = page.locator("progress.reading-progress")
    assert bar.get_attribute("aria-label") == "התקדמות הקריאה"
    assert bar.evaluate("bar => bar.value") == 0
    middle = page.evaluate(
        "(() => { const a = document.querySelector('[data-reading-progress]');"
        " const box = a.getBoundingClientRect();"
        " return box.top + window.scrollY + (box.height - innerHeight) / 2; })()"
    )
    page.evaluate(f"window.scrollTo(0, {middle})")
    # Functions, not expressions: Playwright evaluates an expression with eval(), which the
    # site's Content-Security-Policy refuses.
    page.wait_for_function("() => document.querySelector('progress.reading-progress').value >= 40")
    assert 40 <= bar.evaluate("bar => bar.value") <= 60
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_function(
        "() => document.querySelector('progress.reading-progress').value === 100"
    )
    # The bar runs with the text: it fills from the right in Hebrew.
    assert bar.evaluate("bar => getComputedStyle(bar).direction") == "rtl"
    page.close()


def test_article_is_complete_without_javascript(browser, server_url, paths):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    page.goto(server_url + paths[("he", "article")])
    assert page.locator("progress").count() == 0
    assert page.locator(".prose p").count() > 5
    # The table of contents is plain links to the headings.
    links = page.locator(".toc a")
    assert links.count() >= 3
    target = links.nth(2).get_attribute("href")
    links.nth(2).click()
    assert unquote(page.url).endswith(target)
    assert page.locator(target).is_visible()
    heading_top = page.locator(target).evaluate("h => h.getBoundingClientRect().top")
    assert 0 <= heading_top < 100
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dates_and_direction_on_posts(browser, server_url, paths, lang):
    page, _response = open_page(browser, server_url + paths[(lang, "post")], width=375)
    shown = page.locator(".page-meta time").inner_text()
    digits = {c for c in shown if c.isdigit()}
    assert digits and digits <= set("۰۱۲۳۴۵۶۷۸۹" if lang == "fa" else "0123456789")
    assert page.evaluate("document.documentElement.dir") == ("ltr" if lang == "fi" else "rtl")
    page.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_type_scrolls_sideways_at_320_px(browser, server_url, paths, lang):
    page = browser.new_page(viewport={"width": 320, "height": 700})
    wide = []
    for kind in PAGE_TYPES:
        page.goto(server_url + paths[(lang, kind)])
        overflow = page.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        if overflow > 0:
            wide.append((kind, overflow))
    page.close()
    assert wide == []


def test_skip_link_is_the_first_stop_and_moves_to_the_content(browser, server_url, paths):
    page, _response = open_page(browser, server_url + paths[("fa", "article")], width=375)
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("link => link === document.activeElement")
    box = skip.bounding_box()
    assert box and box["y"] >= 0, "the focused skip link is on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.close()


def test_language_switcher_keeps_the_reader_in_the_same_section(browser, server_url, paths):
    page, _response = open_page(browser, server_url + paths[("fa", "blog_index")], width=375)
    assert page.locator(".lang-switcher [aria-current]").inner_text().strip() == "فارسی"
    page.locator(".lang-switcher a[hreflang=fi]").click()
    page.wait_for_url(server_url + paths[("fi", "blog_index")])
    assert page.evaluate("[document.documentElement.lang, document.documentElement.dir]") == [
        "fi",
        "ltr",
    ]
    assert page.locator(".lang-switcher [aria-current]").inner_text().strip() == "Suomi"
    page.close()
