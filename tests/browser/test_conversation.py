"""Conversation in Chromium, in each language: reloading after a comment error (with and
without JavaScript), reporting a comment without JavaScript, readers' reports hiding a comment
at the site's threshold, the reply e-mails' double opt-in
read from the server's mail, and the new screens checked by axe (light and dark) and the Nu
HTML Checker."""

import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect
from wagtail.models import Site
from wagtail.users.models import UserProfile

from apps.comments.models import Comment, CommentReport, CommentSettings, MailConsent
from tests.seeds import seed, seed_page, url_in

from .checkers import axe_violations, nu_findings
from .conftest import MAIL_DIR

pytestmark = pytest.mark.browser
LANGS = ["he", "fa", "fi"]
SEEDS = {"he": "004", "fa": "003", "fi": "001"}
REPORT_BUTTON = {"he": "שליחת הדיווח", "fa": "فرستادن گزارش", "fi": "Lähetä ilmoitus"}
OFF_TOPIC = {"he": "לא קשורה לנושא", "fa": "بی‌ربط به موضوع", "fi": "Ei liity aiheeseen"}
CONFIRM_BUTTON = {
    "he": "כן, לשלוח לי דוא״ל על תשובות",
    "fa": "بله، دربارهٔ پاسخ‌ها به من ایمیل بزنید",
    "fi": "Kyllä, lähetä viestit vastauksista",
}
DISMISS = {"he": "דחיית הדיווחים", "fa": "رد گزارش‌ها", "fi": "Hylkää ilmoitukset"}
OFF_TOPIC_IN_ADMIN = OFF_TOPIC
SPAM = {"he": "ספאם או פרסומת", "fa": "هرزنامه یا تبلیغ", "fi": "Roskapostia tai mainontaa"}
PAGES_CHECKED = {}
# Settings → Comments: a published comment reported by this many readers is hidden (the
# default is 3; the site's own number is what counts).
THRESHOLD = 2


@pytest.fixture(scope="module")
def browser_data(django_db_setup, django_db_blocker):
    """A published comment to report on each language's commentable seed page."""
    with django_db_blocker.unblock():
        made = {}
        for lang, number in SEEDS.items():
            page = seed_page(seed(number))
            comment = Comment.objects.create(
                page=page,
                language=lang,
                name="Ilmoitettava",
                email="r@example.com",
                body=f"Reported comment {lang}",
                status="approved",
            )
            made[lang] = (comment.pk, url_in(page, lang))
            crowd = Comment.objects.create(
                page=page, language=lang, name="Monen ilmoittama", email="c@example.com",
                body=f"Many readers flagged this {lang}", status="approved",
            )  # fmt: skip
            made[f"{lang}-crowd"] = (crowd.pk, url_in(page, lang))
            user, _created = User.objects.get_or_create(username=f"reports-{lang}")
            user.set_password("reports-password-1")
            user.save()
            user.groups.add(Group.objects.get(name="Moderators"))
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = lang
            profile.save()
        settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
        threshold, settings.hide_after_reports = settings.hide_after_reports, THRESHOLD
        settings.save()
    yield made
    with django_db_blocker.unblock():
        settings.hide_after_reports = threshold
        settings.save()
        ids = [pk for pk, _path in made.values()]
        CommentReport.objects.filter(comment_id__in=ids).delete()
        Comment.objects.filter(pk__in=ids).delete()
        Comment.objects.filter(email__endswith="@optin.example").delete()
        User.objects.filter(username__startswith="reports-").delete()
        MailConsent.objects.filter(email__endswith="@optin.example").delete()


def reloads_with_a_get(page):
    with page.expect_request(lambda request: request.is_navigation_request()) as reloaded:
        page.reload()
    return reloaded.value.method == "GET"


def axe_clean(browser, url, scheme):
    page = browser.new_page(color_scheme=scheme, bypass_csp=True)
    page.goto(url)
    violations = axe_violations(page)
    page.close()
    return violations


def mail_to(address):
    """The newest e-mail the server wrote to `address` (file backend)."""
    for path in sorted(MAIL_DIR.glob("*.log"), key=lambda p: p.stat().st_mtime, reverse=True):
        text = path.read_text(encoding="utf-8", errors="replace")
        if f"To: {address}" in text:
            return text
    return None


@pytest.mark.parametrize("lang", LANGS)
def test_reload_after_an_error_and_report_a_comment_without_javascript(
    browser, server_url, browser_data, artifacts, lang
):
    comment_id, path = browser_data[lang]
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 900})
    page = context.new_page()
    page.goto(server_url + path)
    page.fill("#id_name", "Ilman skriptiä")
    page.fill("#id_body", f"No JavaScript {lang}")
    page.click("#respond button[type=submit]")
    expect(page.locator("#id_email_error")).to_be_visible()
    assert reloads_with_a_get(page)
    assert page.input_value("#id_body") == f"No JavaScript {lang}"
    PAGES_CHECKED[f"{lang}-resend"] = page.url

    page.goto(server_url + path)
    page.click(f"#comment-{comment_id} .comment__report")
    report_url = page.url
    assert re.search(rf"/{lang}/comments/report/{comment_id}/$", report_url)
    page.get_by_role("button", name=REPORT_BUTTON[lang]).click()  # no reason chosen
    expect(page.locator("[role=alert]")).to_be_visible()
    page.get_by_label(OFF_TOPIC[lang]).check()
    page.get_by_role("button", name=REPORT_BUTTON[lang]).click()
    expect(page.locator("[role=status]")).to_be_visible()
    assert reloads_with_a_get(page)
    page.screenshot(path=str(artifacts / f"report-sent-{lang}.png"))
    context.close()
    PAGES_CHECKED[f"{lang}-report"] = report_url
    for scheme in ("light", "dark"):
        assert axe_clean(browser, report_url, scheme) == []

    # A moderator reading the admin in the same language finds it under Reported.
    admin = signed_in_moderator(browser, server_url, lang)
    admin.goto(f"{server_url}/admin/snippets/comments/comment/?reported=true")
    admin.get_by_role("link", name=f"Reported comment {lang}").click()
    expect(admin.get_by_text(OFF_TOPIC_IN_ADMIN[lang])).to_be_visible()
    assert admin.locator("html").get_attribute("lang") == lang
    for width in (1280, 375):  # the reported comment's screen, for review
        admin.set_viewport_size({"width": width, "height": 900})
        admin.screenshot(
            path=str(artifacts / f"reported-comment-{lang}-{width}.png"), full_page=True
        )
    admin.get_by_role("button", name=DISMISS[lang]).click()
    expect(admin.get_by_role("button", name=DISMISS[lang])).to_have_count(0)
    admin.context.close()


def signed_in_moderator(browser, server_url, lang):
    """A tab in the admin of `lang`, signed in as that language's moderator."""
    admin = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    admin.goto(f"{server_url}/admin/login/")
    admin.fill("#id_username", f"reports-{lang}")
    admin.fill("#id_password", "reports-password-1")
    admin.click("button[type=submit]")
    admin.wait_for_url(f"{server_url}/admin/")
    return admin


def report_as_a_reader(browser, url, comment_id, address, reason):
    """One reader (behind the site's proxy at `address`) reports the comment with `reason`."""
    context = browser.new_context(extra_http_headers={"X-Forwarded-For": address})
    page = context.new_page()
    page.goto(url)
    page.click(f"#comment-{comment_id} .comment__report")
    page.get_by_label(reason).check()
    page.locator("form button[type=submit]").click()
    expect(page.locator("[role=status]")).to_be_visible()
    context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_readers_reports_hide_a_comment_at_the_threshold(browser, server_url, browser_data, lang):
    comment_id, path = browser_data[f"{lang}-crowd"]
    reader = browser.new_page()
    reasons = [SPAM[lang], OFF_TOPIC[lang]]
    for number in range(THRESHOLD):
        reader.goto(server_url + path)
        expect(reader.locator(f"#comment-{comment_id}")).to_be_visible()
        address = f"203.0.113.{10 + number}"
        report_as_a_reader(browser, server_url + path, comment_id, address, reasons[number])
    reader.goto(server_url + path)
    expect(reader.locator(f"#comment-{comment_id}")).to_have_count(0)
    assert f"Many readers flagged this {lang}" not in reader.content()
    reader.close()

    # It waits in the moderators' Reported queue, with both readers' reasons.
    admin = signed_in_moderator(browser, server_url, lang)
    admin.goto(f"{server_url}/admin/snippets/comments/comment/?reported=true")
    admin.get_by_role("link", name=f"Many readers flagged this {lang}").click()
    for reason in reasons:
        expect(admin.get_by_text(reason)).to_be_visible()
    admin.context.close()


@pytest.mark.parametrize("lang", LANGS)
def test_reply_mails_are_confirmed_from_the_emailed_link(browser, server_url, browser_data, lang):
    _comment_id, path = browser_data[lang]
    address = f"reader-{lang}@optin.example"
    page = browser.new_page()
    page.goto(server_url + path)
    page.fill("#id_name", "Tilaaja")
    page.fill("#id_email", address)
    page.fill("#id_body", f"Tell me about replies {lang}")
    page.check("#id_notify")
    page.click("#respond button[type=submit]")
    page.wait_for_url(re.compile(r".*#comment-\d+$"))

    mail = mail_to(address)
    assert mail, "no confirmation e-mail"
    confirm = re.search(rf"/{lang}/comments/mail/confirm/\S+/", mail).group(0)
    assert re.search(rf"/{lang}/comments/mail/stop/\S+/", mail)
    page.goto(server_url + confirm)
    PAGES_CHECKED[f"{lang}-confirm"] = confirm
    for scheme in ("light", "dark"):
        assert axe_clean(browser, server_url + confirm, scheme) == []
    page.get_by_role("button", name=CONFIRM_BUTTON[lang]).click()
    expect(page.locator("[role=status]")).to_be_visible()

    PAGES_CHECKED[f"{lang}-my-data"] = f"/{lang}/comments/my-data/"
    for scheme in ("light", "dark"):
        assert axe_clean(browser, f"{server_url}/{lang}/comments/my-data/", scheme) == []
    page.close()


def test_the_new_screens_are_valid_html(browser, server_url, tmp_path):
    """One Nu HTML Checker run over the screens the walks above went through."""
    assert len(PAGES_CHECKED) >= 4, "run with the walks above"
    files = []
    page = browser.new_page()
    for name, url in sorted(PAGES_CHECKED.items()):
        page.goto(url if url.startswith("http") else server_url + url)
        target = tmp_path / f"{name}.html"
        target.write_text(page.content(), encoding="utf-8")
        files.append(str(target))
    page.close()
    findings = nu_findings(files)
    assert findings == []
