"""A reader answers "was this helpful?" without JavaScript, in each language; readers search; an
editor reads both reports in the Hebrew, Persian and Finnish admin, finds the vote and the
searches there (forms of one word as one need), and starts a missing page. The editors' report
screens (helpful, search, reported comments) are checked by axe in light and dark and by the Nu
HTML Checker."""

import re

import pytest
from django.contrib.auth.models import User
from wagtail.users.models import UserProfile

from apps.comments.models import Comment, CommentReport
from apps.feedback.models import Vote
from apps.search.models import LoggedSearch, OpenedResult
from tests.seeds import seed, seed_page

from .admin_words import findings
from .checkers import axe_nodes, axe_violations, nu_messages

pytestmark = pytest.mark.browser

PASSWORD = "report-password-1"  # noqa: S105 - a test account
LANGUAGES = ("he", "fa", "fi")
REASON_TEXT = {"he": "חסר מחיר 050-1234567", "fa": "قیمت نیامده بود", "fi": "Hinta puuttui"}
# What a reader searches for in each language: one that finds pages, one that finds nothing.
SEARCHES = {"he": ("הלקוחות", "מזגן שבור"), "fa": ("مشتریان", "یخچال خراب"),
            "fi": ("asiakkaille", "jääkaappi rikki")}  # fmt: skip
# Other forms of the word that finds pages: the report counts them as the same need.
SAME_NEED = {"he": ("ללקוח", "לקוחות"), "fa": ("مشتری", "مشتری‌ها"), "fi": ("asiakas", "asiakkaat")}
THANKS = {
    "he": "תודה! התשובה שלכם עוזרת לעורכים לשפר את הדף.",
    "fa": "سپاس! پاسخ شما به ویراستاران کمک می‌کند این صفحه را بهتر کنند.",
    "fi": "Kiitos! Vastauksesi auttaa toimittajia parantamaan sivua.",
}
REASON_CHOSEN = {}  # lang -> the reason the reader gave, as the form names it
REPORTED_BODY = "Reported for the report screens"
OWN_WORDS = frozenset({"dana", *REPORTED_BODY.lower().split()})  # the test data's, not the admin's
# The reports' own words, which must not be left in English in the he/fa/fi admin.
ENGLISH = ("What readers search for", "Results opened", "Missing page", "Start a page",
           "Was this helpful?", "Trend (30 days)", "Reasons")  # fmt: skip


@pytest.fixture(scope="module")
def browser_data(django_db_blocker):
    with django_db_blocker.unblock():
        # The reports count this module's votes and searches only: other browser modules run
        # earlier on the same database (pytest-xdist) may have left theirs, e.g. test_search.py's
        # "ללקוחות", the same need as "הלקוחות", which the report would show as its example.
        for model in (Vote, LoggedSearch, OpenedResult):
            model.objects.all().delete()
        for lang in LANGUAGES:
            user, _created = User.objects.get_or_create(
                username=f"report-{lang}", defaults={"is_superuser": True, "is_staff": True}
            )
            user.set_password(PASSWORD)
            user.save()
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = lang
            profile.save()
        # A comment readers reported, for the moderation screen's Reported queue.
        reported = Comment.objects.create(
            page=seed_page(seed("004")), language="he", name="Dana", email="d@example.com",
            body=REPORTED_BODY, status="approved",
        )  # fmt: skip
        CommentReport.objects.create(comment=reported, client_hash="a" * 64, reason="spam")
    yield reported.pk
    with django_db_blocker.unblock():
        for model in (Vote, LoggedSearch, OpenedResult):
            model.objects.all().delete()
        CommentReport.objects.filter(comment_id=reported.pk).delete()
        reported.delete()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_no_with_its_reason_without_javascript(browser, server_url, seed_urls, artifacts, lang):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 800})
    page = context.new_page()
    path = seed_urls[lang][1]
    page.goto(server_url + path)
    section = page.locator("#helpful")
    assert section.locator(".helpful__done").first.is_hidden()
    section.locator("summary").click()
    reason = section.locator("input[name=reason]").first
    reason.check()
    REASON_CHOSEN[lang] = page.locator(f"label[for='{reason.get_attribute('id')}']").inner_text()
    section.locator("textarea[name=text]").fill(REASON_TEXT[lang])
    section.locator("button[value=no]").click()
    page.wait_for_url(re.compile(r"#helpful-thanks$"))

    assert page.url.split("#")[0] == server_url + path  # the page's own address, reloadable
    assert page.locator("#helpful-thanks").is_visible()
    assert page.locator("#helpful-thanks").inner_text() == THANKS[lang]
    assert page.locator("#helpful .helpful__form").is_hidden()
    assert context.cookies() == []
    page.screenshot(path=str(artifacts / f"helpful-{lang}-375.png"), full_page=False)
    # The same reader again today: counted once, and told so.
    page.goto(server_url + path)
    page.locator("#helpful button[value=yes]").click()
    page.wait_for_url(re.compile(r"#helpful-counted$"))
    assert page.locator("#helpful-counted").is_visible()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_open_form_has_no_accessibility_violations(browser, server_url, seed_urls, scheme):
    page = browser.new_page(color_scheme=scheme, bypass_csp=True)
    page.goto(server_url + seed_urls["fa"][1])
    page.locator("#helpful summary").click()
    violations = axe_violations(page, within="'#helpful'")
    page.close()
    assert violations == []


def signed_in(browser, server_url, lang, **options):
    """A new tab (`options`: Playwright's, such as color_scheme), signed in to the admin of
    `lang` as that language's editor."""
    page = browser.new_page(viewport={"width": 1280, "height": 900}, **options)
    page.goto(f"{server_url}/admin/login/")
    page.fill("#id_username", f"report-{lang}")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(f"{server_url}/admin/")
    return page


def cells(table):
    """The table's body rows as lists of cell texts, Persian digits read as digits."""
    digits = str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789")
    rows = table.locator("tbody tr")
    return [
        [cell.strip().translate(digits) for cell in rows.nth(i).locator("td").all_inner_texts()]
        for i in range(rows.count())
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_search_report_after_a_few_searches(browser, server_url, artifacts, lang):
    found, missing = SEARCHES[lang]
    reader = browser.new_page()
    for query in (missing, *SAME_NEED[lang], found):
        reader.goto(f"{server_url}/{lang}/search/?q={query}")
    reader.locator(".search-result__title a").first.click()  # opened, through the redirect
    reader.wait_for_load_state()
    assert "/search/" not in reader.url
    reader.close()

    page = signed_in(browser, server_url, lang)
    page.goto(f"{server_url}/admin/reports/searches/?language={lang}")
    table = page.locator("table.listing")
    # Three forms of one word are one need, asked three times, its results opened once; the
    # search that found nothing is the other row, with a link to start its page.
    rows = sorted(cells(table), key=lambda row: row[2], reverse=True)
    assert len(rows) == 2
    (example, _lang, searches, results, opened, _last, start), missing_row = rows
    assert example in (found, *SAME_NEED[lang])
    assert (searches, opened) == ("3", "1") and int(results) > 0
    assert start == ""
    assert missing_row[0] == missing and missing_row[2:5] == ["1", "0", "0"]
    assert missing_row[6] != ""
    assert page.locator("html").get_attribute("lang") == lang
    text = page.locator("main").inner_text()
    assert [word for word in ENGLISH if word in text] == []
    page.screenshot(path=str(artifacts / f"admin-search-report-{lang}.png"), full_page=True)

    # The reader's "no" (test_a_no_with_its_reason_without_javascript) is counted, once, with
    # its reason, and its text is there for editors, masked.
    page.goto(f"{server_url}/admin/reports/helpful/?language={lang}")
    (row,) = cells(page.locator("table.listing"))
    assert row[2:4] == ["0", "1"]
    assert REASON_CHOSEN[lang] in row[6]
    assert [word for word in ENGLISH if word in page.locator("main").inner_text()] == []
    page.screenshot(path=str(artifacts / f"admin-helpful-report-{lang}.png"), full_page=True)
    page.locator("table.listing a[href*='/texts/']").click()
    page.wait_for_load_state()
    assert REASON_TEXT[lang].split()[0] in page.locator("main").inner_text()
    assert "1234567" not in page.content()

    # The missing page, started from the report: its title is there, in its language's field.
    page.goto(f"{server_url}/admin/reports/searches/?language={lang}&show=missing")
    page.locator("table.listing a[href*='/pages/add/']").first.click()
    page.wait_for_load_state()
    assert page.locator(f"#id_title_{lang}").input_value() == missing
    page.close()


def report_screens(lang, reported_id):
    """The editors' report screens a language's admin shows, by name."""
    return {
        "helpful": f"/admin/reports/helpful/?language={lang}",
        "helpful-texts": f"/admin/reports/helpful/texts/?language={lang}",
        "searches": f"/admin/reports/searches/?language={lang}",
        "searches-missing": f"/admin/reports/searches/?language={lang}&show=missing",
        "reported": "/admin/snippets/comments/comment/?reported=true",
        "reported-comment": f"/admin/moderation/comments/{reported_id}/",
    }


# Wagtail's own report, filtered: the chrome every admin listing shares with ours (the slim
# header, the filters' toggle, the "N matches" heading, dates, the keyboard shortcuts dialog).
# Wagtail 8.0.1's chrome is not at zero itself (axe: h2[role=alert], the filters toggle's name,
# two unnamed headers; Nu: a div in a button, the shortcuts table, microseconds in <time>), and
# only a change to Wagtail's templates would bring it there: the report screens are held to
# adding nothing to it.
WAGTAIL_REPORT = "/admin/reports/site-history/?action=wagtail.publish"
# Wagtail's own form with a page chooser, whose label points at the chooser's hidden input:
# the moderation queue filters by page with the same widget.
WAGTAIL_CHOOSER = "/admin/sites/new/"


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_report_screens_add_no_accessibility_violations(
    browser, server_url, browser_data, lang, scheme
):
    page = signed_in(browser, server_url, lang, color_scheme=scheme, bypass_csp=True)
    page.goto(server_url + WAGTAIL_REPORT)
    wagtails = axe_nodes(page)
    found = {}
    for name, path in report_screens(lang, browser_data).items():
        page.goto(server_url + path)
        assert page.locator("html").get_attribute("lang") == lang
        found[name] = sorted(axe_nodes(page) - wagtails)
    page.close()
    assert {name: nodes for name, nodes in found.items() if nodes} == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_report_screens_speak_the_admins_language(browser, server_url, browser_data, lang):
    """No English on the report screens, filtered and full (Wagtail's "N matches" heading too),
    as tests/browser/admin_words.py reads every admin screen; the test data's own words aside."""
    page = signed_in(browser, server_url, lang)
    found = []
    for name, path in report_screens(lang, browser_data).items():
        page.goto(server_url + path)
        found += findings(page, name, OWN_WORDS)
    page.close()
    assert found == [], "\n".join(map(str, found))


# A <time>'s value differs from page to page; the finding is the same.
_TIMESTAMP = re.compile(r"“\d{4}-\d\d-\d\dT[^”]*”")


def nu_kinds(messages):
    """{file name: {(type, message)}}, timestamps in messages read as one value."""
    kinds = {}
    for m in messages:
        name = m.get("url", "").rsplit("/", 1)[-1]
        kinds.setdefault(name, set()).add((m["type"], _TIMESTAMP.sub("“…”", m["message"])))
    return kinds


def test_the_report_screens_add_no_html_errors(browser, server_url, browser_data, tmp_path):
    """The screens as the server sends them (the admin's scripts change the page afterwards)."""
    files = []
    for lang in LANGUAGES:
        page = signed_in(browser, server_url, lang)
        screens = {
            "wagtail": WAGTAIL_REPORT,
            "wagtail-chooser": WAGTAIL_CHOOSER,
            **report_screens(lang, browser_data),
        }
        for name, path in screens.items():
            response = page.request.get(server_url + path)
            assert response.ok, path
            target = tmp_path / f"{lang}-{name}.html"
            target.write_bytes(response.body())
            files.append(target)
        page.close()
    kinds = nu_kinds(nu_messages(files))
    added = {}
    for lang in LANGUAGES:
        wagtails = kinds.get(f"{lang}-wagtail.html", set()) | kinds.get(
            f"{lang}-wagtail-chooser.html", set()
        )
        for name in report_screens(lang, browser_data):
            extra = kinds.get(f"{lang}-{name}.html", set()) - wagtails
            if extra:
                added[f"{lang}-{name}"] = sorted(extra)
    assert added == {}
