"""The attacks of issue 16, reproduced through the real nginx and gunicorn (conftest.py), each
from its own client address. Every test here failed on the code before the fix."""

import json
import re

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.models import User
from django.db import connections
from django.test import Client as DjangoClient

from apps.comments import moderation
from apps.comments.models import Comment
from apps.core.translation import url_in
from apps.feedback.models import Vote
from apps.qa.models import QuestionIndexPage
from apps.search.models import LoggedSearch, OpenedResult
from apps.taxonomy.models import Topic
from tests.seeds import seed, seed_page

from .conftest import Client

THREAD_SEED = "004"  # the Hebrew coaching post, with comments
FINNISH_SEED = "001"  # the Finnish Q&A page


@pytest.fixture(scope="module")
def urls(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        post = seed_page(seed(THREAD_SEED))
        finnish = seed_page(seed(FINNISH_SEED))
        return {
            "post": url_in(post, "he"),
            "post_id": post.pk,
            "finnish": url_in(finnish, "fi"),
            "finnish_id": finnish.pk,
            # A section with Finnish pages (an empty one is not served: issue 18's empty rooms).
            "section_fi": url_in(QuestionIndexPage.objects.get(), "fi"),
        }


@pytest.fixture
def db(django_db_blocker):
    """The database in autocommit, as the server process sees it."""
    with django_db_blocker.unblock():
        yield
        connections.close_all()


def title_of(text):
    match = re.search(r"<title>(.*?)</title>", text, re.S)
    return match.group(1).strip() if match else None


# 1. One cache key, one meaning ------------------------------------------------------------


@pytest.mark.parametrize(
    "variant",
    [
        "{prefix}/{rest}",  # control: the page itself
        "{prefix}//{rest}",
        "{prefix}/./{rest}",
        "{prefix}/x/../{rest}",
        "{prefix}/{rest}/",
        "{prefix}/{rest}/%2e%2e/{rest}",
        "/{lang}%2F{rest}",
    ],
)
def test_no_spelling_of_a_path_can_put_a_404_in_its_cache_entry(edge, urls, variant):
    path = urls["section_fi"]  # /fi/kysymykset/
    prefix, rest = path.rstrip("/").rsplit("/", 1)
    edge.purge(path)
    reader = Client(edge, "127.0.0.2")
    expected = reader.get(path)
    assert expected.status == 200
    edge.purge(path)

    attack = variant.format(prefix=prefix, rest=rest + "/", lang="fi")
    first = Client(edge, "127.0.0.3").get(attack)
    after = reader.get(path)
    assert after.status == 200, (attack, first.status)
    assert title_of(after.text) == title_of(expected.text)
    # What the odd spelling got is the page itself: nginx passed Django its key.
    assert first.status == 200 and title_of(first.text) == title_of(expected.text), attack


def test_the_home_page_a_redirect_leads_to_cannot_be_replaced_either(edge):
    edge.purge("/he/")
    Client(edge, "127.0.0.3").get("//he/")
    home = Client(edge, "127.0.0.2").get("/he/")
    assert home.status == 200
    assert '<html lang="he" dir="rtl"' in home.text


def test_query_strings_the_site_does_not_read_create_no_cache_entries(edge, urls):
    edge.purge("/he/")
    before = len(edge.cache_files())
    client = Client(edge, "127.0.0.4")
    for number in range(40):
        assert client.get(f"/he/?v={number}").status == 200
    assert len(edge.cache_files()) == before + 1
    assert client.get("/he/?utm_source=x").header("X-Cache") == "HIT"

    # A query no other test asks, so that its entry is new whatever ran before on this edge.
    searches_before = len(edge.cache_files(edge.search_cache_dir))
    for number in range(10):
        assert client.get(f"/he/search/?q=קוקוריקו&v={number}").status == 200
    assert len(edge.cache_files(edge.search_cache_dir)) == searches_before + 1


def test_a_reply_link_is_served_fresh_and_never_stored(edge, urls):
    client = Client(edge, "127.0.0.4")
    before = len(edge.cache_files())
    first = client.get(f"{urls['post']}?replyto=999999")
    second = client.get(f"{urls['post']}?replyto=999999")
    assert first.status == second.status == 200
    assert second.header("X-Cache") == "BYPASS"
    assert len(edge.cache_files()) <= before + 1  # the page itself at most, never the reply form


def test_made_up_addresses_fill_no_cache_entries(edge):
    client = Client(edge, "127.0.0.30")
    before = len(edge.cache_files())
    for number in range(20):
        assert client.get(f"/he/junk-{number}/").status == 404
    assert len(edge.cache_files()) == before


@pytest.mark.parametrize(
    ("path", "headers"),
    [
        ("{post}", {"Cookie": "sessionid=made-up"}),
        ("{post}?replyto=1", {}),
        ("/fi/search/?q=x{n}", {}),
        ("/he/junk-{n}/", {}),
    ],
)
def test_requests_that_always_reach_django_are_limited_per_client(edge, urls, path, headers):
    """A flood of GETs that bypass or miss the cache (a made-up session cookie, reply links,
    new searches, made-up addresses) is refused by nginx past a rate no reader reaches, while
    other readers go on."""
    import concurrent.futures

    flooder = Client(edge, "127.0.0.31" if "junk" not in path else "127.0.0.32")
    # Made-up addresses are 404 pages Django renders: on a busy machine they come back slowly
    # enough that 240 of them stay within the page limit's burst and rate, so more are sent.
    count = 480 if "junk" in path else 240
    with concurrent.futures.ThreadPoolExecutor(16) as pool:
        statuses = list(pool.map(
            lambda n: flooder.get(path.format(post=urls["post"], n=n), **headers).status,
            range(count),
        ))
    assert 429 in statuses, statuses[-5:]
    assert Client(edge, "127.0.0.33").get("/fi/search/?q=asiakas").status == 200


# 4. A pinned host -------------------------------------------------------------------------


def test_a_forged_host_cannot_change_the_links_every_reader_gets(edge, urls):
    path = urls["finnish"]
    edge.purge(path)
    forged = Client(edge, "127.0.0.5").get(path, Host="localhost:6666")
    assert forged.status == 200
    assert "6666" not in forged.text
    reader = Client(edge, "127.0.0.2").get(path)
    assert reader.header("X-Cache") == "HIT"
    assert "6666" not in reader.text and "localhost" not in reader.text
    canonical = re.search(r'<link rel="canonical" href="([^"]+)"', reader.text).group(1)
    assert canonical.startswith(f"{edge.base}/fi/")


def test_unknown_hosts_are_not_answered(edge):
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", edge.port, timeout=10)
    connection.request("GET", "/he/", headers={"Host": "evil.example"})
    with pytest.raises((http.client.RemoteDisconnected, ConnectionResetError)):
        connection.getresponse()


# 2, 5. Comments: limits per real client, cheap refusals, single-use tokens ------------------


def comment_fields(client, page_id, lang, body, **extra):
    token = json.loads(client.get(f"/{lang}/comments/token/{page_id}/").text)["token"]
    return {"name": "Testi", "email": "t@example.com", "body": body, "token": token, **extra}


def sent(client, action, data, **headers):
    """What a commenter sees after posting: a post that went wrong is redirected (303) to the
    form's address, where the draft waits."""
    response = client.post(action, data, **headers)
    if response.status == 303 and response.header("Location") == action:
        return client.get(action)
    return response


def test_each_client_address_has_its_own_comment_limit(edge, urls, fresh_limits, db):
    page_id, lang = urls["finnish_id"], "fi"
    action = f"/{lang}/comments/post/{page_id}/"
    try:
        noisy = Client(edge, "127.0.0.6")
        statuses = [
            sent(noisy, action, comment_fields(noisy, page_id, lang, f"Viesti {n}")).status
            for n in range(7)
        ]
        assert statuses == [303] * 6 + [429]
        refused = sent(noisy, action, comment_fields(noisy, page_id, lang, "Pidetty teksti"))
        assert refused.status == 429 and "Pidetty teksti</textarea>" in refused.text
        # A forwarded-for header of its own changes nothing: nginx writes that header.
        spoofed = sent(
            noisy, action, comment_fields(noisy, page_id, lang, "Naamioitu"),
            **{"X-Forwarded-For": "10.9.8.7"},
        )
        assert spoofed.status == 429
        # Every other reader still comments.
        other = Client(edge, "127.0.0.7")
        answer = other.post(action, comment_fields(other, page_id, lang, "Toinen lukija"))
        assert answer.status == 303
    finally:
        Comment.objects.filter(email="t@example.com").delete()


def test_one_form_token_is_good_for_one_post_from_any_address(edge, urls, fresh_limits, db):
    page_id, lang = urls["finnish_id"], "fi"
    action = f"/{lang}/comments/post/{page_id}/"
    page = Client(edge, "127.0.0.8").get(urls["finnish"]).text
    token = re.search(r'name="token" value="([^"]+)"', page).group(1)
    try:
        statuses = []
        for number in range(19):
            client = Client(edge, f"127.0.1.{number + 1}")
            data = {"name": "Toisto", "email": "t@example.com", "body": f"Uusinta {number}",
                    "token": token}
            response = sent(client, action, data)
            statuses.append(response.status)
            if response.status == 400:
                assert f"Uusinta {number}</textarea>" in response.text
                assert 'lang="fi"' in response.text
        assert statuses == [303] + [400] * 18
        assert Comment.objects.filter(name="Toisto").count() == 1
    finally:
        Comment.objects.filter(email="t@example.com").delete()


def test_a_post_from_the_same_host_over_another_scheme_is_refused(edge, urls, fresh_limits, db):
    page_id = urls["finnish_id"]
    client = Client(edge, "127.0.0.9")
    data = comment_fields(client, page_id, "fi", "Väärä protokolla")
    refused = sent(client, f"/fi/comments/post/{page_id}/", data,
                   Origin=f"https://127.0.0.1:{edge.port}")
    assert refused.status == 403
    assert "Väärä protokolla</textarea>" in refused.text
    assert not Comment.objects.filter(body="Väärä protokolla").exists()


def test_a_flood_of_posts_is_refused_by_nginx_before_django(edge, urls, fresh_limits):
    client = Client(edge, "127.0.0.10")
    action = f"/fi/comments/post/{urls['finnish_id']}/"
    statuses = [client.post(action, {"body": "x", "token": "x"}).status for _ in range(40)]
    assert statuses.count(429) >= 15
    refused = client.post(action, {"body": "x", "token": "x"})
    assert refused.status == 429 and "Liian monta pyyntöä" in refused.text
    # Another reader is not held up.
    assert Client(edge, "127.0.0.11").get(urls["finnish"]).status == 200


def test_a_flood_of_comment_reports_is_refused_by_nginx_and_one_report_counts_once(
    edge, urls, fresh_limits, db
):
    comment = Comment.objects.create(
        page_id=urls["finnish_id"], language="fi", name="Raportoitu", body="Mainos",
        status=Comment.Status.APPROVED,
    )
    action = f"/fi/comments/report/{comment.pk}/"
    try:
        reader = Client(edge, "127.0.0.14")
        form = reader.get(action)
        token = re.search(r'name="token" value="([^"]+)"', form.text).group(1)
        sent_once = reader.post(action, {"token": token, "reason": "spam"})
        assert sent_once.status == 303 and sent_once.header("Location").endswith("?sent=1")
        assert comment.reports.count() == 1
        flood = Client(edge, "127.0.0.15")
        statuses = [flood.post(action, {"token": "x", "reason": "spam"}).status
                    for _ in range(40)]
        assert statuses.count(429) >= 15 and set(statuses) <= {303, 429}
        assert comment.reports.count() == 1
    finally:
        comment.delete()


def test_oversized_posts_are_refused_at_the_edge(edge, urls):
    client = Client(edge, "127.0.0.12")
    refused = client.post(f"/fi/comments/post/{urls['finnish_id']}/", {"body": "x" * 200_000})
    assert refused.status == 413


# 6. Masking on the public page ------------------------------------------------------------


def test_personal_data_in_the_name_and_body_is_masked_for_readers(edge, urls, fresh_limits, db):
    page_id = urls["finnish_id"]
    client = Client(edge, "127.0.0.13")
    data = comment_fields(
        client, page_id, "fi", "Soita 0 4 0 • 1 2 3 • 4 5 6 7 tai mikko (at) example (dot) fi",
        name="Mikko 050\u200b123\u200b4567",
    )
    assert client.post(f"/fi/comments/post/{page_id}/", data).status == 303
    comment = Comment.objects.get(email="t@example.com")
    try:
        assert comment.status == Comment.Status.PENDING and comment.has_personal_data
        moderation.apply("approve", [comment], None)
        edge.purge(urls["finnish"])
        text = Client(edge, "127.0.0.2").get(urls["finnish"]).text
        assert "Mikko" in text
        for leaked in ("4 5 6 7", "example (dot)", "123\u200b4567"):
            assert leaked not in text
    finally:
        comment.delete()


# 3. Sign-in and password reset ------------------------------------------------------------


def csrf_form(client, path):
    page = client.get(path)
    assert page.status == 200, page.status
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)


def sign_in(client, username, password):
    token = csrf_form(client, "/admin/login/")
    return client.post(
        "/admin/login/",
        {"csrfmiddlewaretoken": token, "username": username, "password": password},
        Referer=f"{client.edge.base}/admin/login/",
    )


def test_an_attack_from_anywhere_never_locks_the_editor_out(edge, fresh_limits, db):
    User.objects.create_superuser("edge-editor", "edge@example.com", "the-right-password-9")
    try:
        attacker = Client(edge, "127.0.0.20")
        token = csrf_form(attacker, "/admin/login/")
        statuses = [
            attacker.post(
                "/admin/login/",
                {"csrfmiddlewaretoken": token, "username": f"made-up-{n}", "password": "x"},
                Referer=f"{edge.base}/admin/login/",
            ).status
            for n in range(25)
        ]
        assert 429 in statuses  # nginx stops the spray

        guesser = Client(edge, "127.0.0.21")
        token = csrf_form(guesser, "/admin/login/")
        for _ in range(5):
            guessed = guesser.post(
                "/admin/login/",
                {"csrfmiddlewaretoken": token, "username": "edge-editor", "password": "guess"},
                Referer=f"{edge.base}/admin/login/",
            )
        assert guessed.status == 429  # that account, from that address

        editor = Client(edge, "127.0.0.22")
        signed_in = sign_in(editor, "edge-editor", "the-right-password-9")
        assert signed_in.status == 302 and signed_in.header("Location") == "/admin/"
    finally:
        User.objects.filter(username="edge-editor").delete()
        AccessAttempt.objects.all().delete()


def test_password_reset_mails_are_limited(edge, fresh_limits):
    client = Client(edge, "127.0.0.23")
    token = csrf_form(client, "/admin/password_reset/")
    statuses = [
        client.post(
            "/admin/password_reset/",
            {"csrfmiddlewaretoken": token, "email": "victim@example.com"},
            Referer=f"{edge.base}/admin/password_reset/",
        ).status
        for _ in range(5)
    ]
    assert statuses[:3] == [302, 302, 302]
    assert statuses[3:] == [429, 429]


# 7. Smaller holes -------------------------------------------------------------------------


def test_an_editors_view_of_a_public_page_is_private(edge, urls, db):
    user = User.objects.create_superuser("edge-viewer", "", "x-password-1")
    try:
        django_client = DjangoClient()
        django_client.force_login(user)
        session = django_client.cookies["sessionid"].value
        client = Client(edge, "127.0.0.24", cookies={"sessionid": session})
        response = client.get(urls["post"])
        assert response.status == 200 and "wagtail-userbar" in response.text
        assert "private" in response.header("Cache-Control")
        assert response.header("X-Cache") == "BYPASS"
    finally:
        user.delete()


def test_uploads_cannot_run_in_the_site_origin_and_nothing_is_sniffed(edge):
    (edge.media_root / "documents").mkdir(exist_ok=True)
    (edge.media_root / "documents" / "page.html").write_text("<script>alert(1)</script>")
    (edge.media_root / "documents" / "drawing.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    )
    (edge.media_root / "documents" / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    client = Client(edge, "127.0.0.25")
    for name in ("page.html", "drawing.svg"):
        response = client.get(f"/media/documents/{name}")
        assert response.status == 200
        assert response.header("Content-Disposition") == "attachment", name
        assert "sandbox" in response.header("Content-Security-Policy")
        assert response.header("X-Content-Type-Options") == "nosniff"
    photo = client.get("/media/documents/photo.png")
    assert photo.header("Content-Disposition") is None
    assert photo.header("X-Content-Type-Options") == "nosniff"
    css = client.get("/static/css/site.css")
    assert css.status == 200 and css.header("X-Content-Type-Options") == "nosniff"


# Issue 18: "was this helpful?" votes and the search log --------------------------------------


@pytest.fixture
def clean(db):
    yield
    for model in (Vote, LoggedSearch, OpenedResult):
        model.objects.all().delete()


def test_a_vote_leaves_the_cached_page_alike_for_everyone(edge, urls, fresh_limits, clean):
    reader = Client(edge, "127.0.0.40")
    reader.get(urls["finnish"])
    before = reader.get(urls["finnish"])
    assert before.header("X-Cache") == "HIT"
    action = f"/fi/feedback/{urls['finnish_id']}/"

    voted = reader.post(action, {"helpful": "no", "reason": "outdated", "text": "Vanha"})
    assert voted.status == 303 and voted.header("Location").endswith("#helpful-thanks")
    assert voted.header("Set-Cookie") is None and reader.cookies == {}
    after = reader.get(urls["finnish"])
    assert after.header("X-Cache") == "HIT" and after.text == before.text

    again = reader.post(action, {"helpful": "yes"})
    assert again.header("Location").endswith("#helpful-counted")
    # Another reader has their own vote, however the first one writes its headers.
    other = Client(edge, "127.0.0.41").post(
        action, {"helpful": "yes"}, **{"X-Forwarded-For": "127.0.0.40"}
    )
    assert other.header("Location").endswith("#helpful-thanks")
    assert Vote.objects.filter(page_id=urls["finnish_id"]).count() == 2


def test_a_flood_of_votes_is_refused_by_nginx_before_django(edge, urls, fresh_limits, clean):
    client = Client(edge, "127.0.0.42")
    action = f"/fi/feedback/{urls['finnish_id']}/"
    statuses = [client.post(action, {"helpful": "x"}).status for _ in range(30)]
    assert statuses.count(429) >= 15
    refused = client.post(action, {"helpful": "x"})
    assert refused.status == 429 and "Liian monta pyyntöä" in refused.text
    assert client.post(action, {"helpful": "yes", "text": "x" * 40_000}).status == 413


def test_each_opened_result_reaches_django_and_filters_key_the_search_cache(edge, urls, clean):
    client = Client(edge, "127.0.0.43")
    first = client.get("/he/search/?q=לקוח")
    link = re.search(r'class="search-result__title"><a href="([^"]+)"', first.text)[1]
    link = link.replace("&amp;", "&")
    for _ in range(3):
        opened = client.get(link)
        assert opened.status == 302 and opened.header("X-Cache") is None
    assert OpenedResult.objects.count() == 3

    coaching = Topic.objects.get(key="coaching")
    narrowed = client.get(f"/he/search/?q=לקוח&topic={coaching.pk}")
    assert narrowed.text.count('class="search-result"') < first.text.count('class="search-result"')
    assert f'<option value="{coaching.pk}" selected>' in narrowed.text
    assert client.get("/he/search/?q=לקוח").text.count('class="search-result"') == (
        first.text.count('class="search-result"')
    )
