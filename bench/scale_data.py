"""The data set of `make bench-scale` (bench/scale.py), written straight into PostgreSQL.

At scale 1.0: 30,000 pages (10,000 per language; posts, knowledge-base articles and questions
with answers; one page in ten also translated into the other two languages), 2,000 topics, 100
authors, 1,000,000 comments (most pages a few, a few pages thousands, one post with 5,000, replies
to depth 3; 100,000 of them pending), 1,000 pages that name one article as related, and a search
log of 100,000 queries. `scale` multiplies every count.

The text is the seed content's own (content/, loaded by `make db` first): each language's
paragraphs, sentences and words, and body lengths drawn from the seed pages' numbers of
paragraphs, so pages weigh what real ones do. The rows go in with COPY (psycopg 3) through
Django's connection, with Wagtail's tree columns computed here: a child's `path` is its parent's
plus a four-character base-36 step, `depth` one more, the parent's `numchild` counts them; each
language's `url_path_<lang>` is the parent's plus the page's slug in that language (its first
language's slug where it has none, as set_translation_url_paths stores it), and the untranslated
columns hold the Hebrew (default language) value, as modeltranslation keeps them.
"""

import json
import random
import re
import time
import uuid
from datetime import UTC, datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils.text import slugify

from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.comments.models import Comment
from apps.content.pages import minutes_to_read
from apps.core.translation import LANGUAGE_CODES
from apps.kb.models import ArticlePage, KnowledgeBaseIndexPage
from apps.qa.models import QuestionIndexPage, QuestionPage

PAGES = 30_000
TOPICS = 2_000
AUTHORS = 100
COMMENTS = 1_000_000
THREAD = 5_000  # the one post with the longest thread
HOT_MAX = 4_000  # the most any other page has
PENDING = 100_000
RELATED = 1_000  # pages that name one article as related
SEARCHES = 100_000
# Share of pages per type, and one page in TRANSLATED_EVERY also in the other two languages.
TYPE_SHARES = (("post", 0.5), ("article", 0.3), ("question", 0.2))
TRANSLATED_EVERY = 10
STEP = 4
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
NOW = datetime(2026, 12, 1, tzinfo=UTC)


def scaled(count, scale, least=1):
    return max(least, round(count * scale))


def step(number):
    """Treebeard's path step for the `number`th child (1-based): four base-36 digits."""
    digits = ""
    for _ in range(STEP):
        number, digit = divmod(number, 36)
        digits = ALPHABET[digit] + digits
    return digits


def copy_rows(table, columns, rows):
    """COPY `rows` (tuples of Python values; dicts and lists as JSON) into `table`."""
    names = ", ".join(columns)
    with connection.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([json.dumps(v) if isinstance(v, dict | list) else v for v in row])


def next_ids(table, count):
    """`count` fresh ids of `table`, reserved from its identity sequence."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT pg_get_serial_sequence('{table}', 'id')")
        sequence = cursor.fetchone()[0]
        cursor.execute("SELECT nextval(%s) FROM generate_series(1, %s)", [sequence, count])
        return [row[0] for row in cursor.fetchall()]


# The seed's text -------------------------------------------------------------------------


def _paragraphs_of(html):
    return [re.sub(r"<[^>]+>", "", part).strip() for part in re.split(r"</p>", html or "")]


def seed_corpus():
    """Per language: paragraphs, sentences and words of the seed pages, and the numbers of
    paragraphs their bodies (or answers) have."""
    corpus = {lang: {"paragraphs": [], "lengths": []} for lang in LANGUAGE_CODES}
    for page in [*BlogPostPage.objects.all(), *ArticlePage.objects.all()]:
        for lang in LANGUAGE_CODES:
            body = getattr(page, f"body_{lang}")
            if not body:
                continue
            texts = [
                _paragraphs_of(block.value.source)
                for block in body
                if block.block_type == "paragraph"
            ]
            paragraphs = [p for group in texts for p in group if p]
            corpus[lang]["paragraphs"] += paragraphs
            corpus[lang]["lengths"].append(len(paragraphs))
    for question in QuestionPage.objects.prefetch_related("answers"):
        for lang in LANGUAGE_CODES:
            answers = [_paragraphs_of(getattr(a, f"body_{lang}")) for a in question.answers.all()]
            paragraphs = [p for group in answers for p in group if p]
            if paragraphs:
                corpus[lang]["paragraphs"] += paragraphs
                corpus[lang]["lengths"].append(len(paragraphs))
    for entry in corpus.values():
        entry["sentences"] = [
            s for p in entry["paragraphs"] for s in re.split(r"(?<=[.!?؟])\s+", p) if len(s) > 20
        ]
        entry["words"] = sorted({w for p in entry["paragraphs"] for w in re.findall(r"\w{4,}", p)})
    return corpus


def title_from(rng, corpus, lang, number):
    sentence = rng.choice(corpus[lang]["sentences"])
    return f"{sentence[:70].rsplit(' ', 1)[0].rstrip(',.:;')} {number}"


def body_blocks(rng, corpus, lang):
    """A body as long as a seed page's: paragraph blocks, a heading every few of them."""
    count = rng.choice(corpus[lang]["lengths"])
    blocks = []
    for number in range(count):
        if number and number % 4 == 0:
            heading = rng.choice(corpus[lang]["sentences"])[:60]
            blocks.append(
                {
                    "type": "heading",
                    "id": str(uuid.uuid4()),
                    "value": {"text": heading, "level": "h2"},
                }
            )
        text = rng.choice(corpus[lang]["paragraphs"])
        blocks.append({"type": "paragraph", "id": str(uuid.uuid4()), "value": f"<p>{text}</p>"})
    return blocks


# Snippets --------------------------------------------------------------------------------


def build_topics(rng, corpus, count):
    words = {lang: corpus[lang]["words"] for lang in LANGUAGE_CODES}
    ids = next_ids("taxonomy_topic", count)
    rows = []
    for number, pk in enumerate(ids):
        names = {lang: f"{rng.choice(words[lang])} {number}" for lang in LANGUAGE_CODES}
        slugs = {lang: slugify(names[lang], allow_unicode=True) for lang in LANGUAGE_CODES}
        rows.append(
            (
                pk,
                f"scale-topic-{number}",
                names["he"],
                slugs["he"],
                *names.values(),
                *slugs.values(),
            )
        )
    copy_rows(
        "taxonomy_topic",
        [
            "id",
            "key",
            "name",
            "slug",
            *(f"name_{lang}" for lang in LANGUAGE_CODES),
            *(f"slug_{lang}" for lang in LANGUAGE_CODES),
        ],
        rows,
    )
    return ids


def build_authors(rng, corpus, count):
    ids = next_ids("people_author", count)
    rows = []
    for number, pk in enumerate(ids):
        bio = {lang: rng.choice(corpus[lang]["sentences"]) for lang in LANGUAGE_CODES}
        rows.append(
            (pk, f"Author {number}", f"scale-author-{number}", "", bio["he"], *bio.values())
        )
    copy_rows(
        "people_author",
        ["id", "name", "key", "credentials", "bio", *(f"bio_{lang}" for lang in LANGUAGE_CODES)],
        rows,
    )
    return ids


# Pages -----------------------------------------------------------------------------------

PAGE_COLUMNS = [
    "id",
    "path",
    "depth",
    "numchild",
    "title",
    "draft_title",
    "slug",
    "live",
    "has_unpublished_changes",
    "url_path",
    "seo_title",
    "show_in_menus",
    "search_description",
    "expired",
    "content_type_id",
    "locked",
    "first_published_at",
    "last_published_at",
    "translation_key",
    "locale_id",
    *(
        f"{field}_{lang}"
        for field in ("title", "slug", "url_path", "search_description", "seo_title")
        for lang in LANGUAGE_CODES
    ),
]


def page_row(spec, parent, path, number):
    """The wagtailcore_page row of a page in spec["langs"] (titles by language)."""
    titles, langs = spec["titles"], spec["langs"]
    slugs = {lang: f"{slugify(titles[lang], allow_unicode=True)[:60]}-{number}" for lang in langs}
    first = slugs[langs[0]]
    url_paths = {
        lang: f"{getattr(parent, f'url_path_{lang}')}{slugs.get(lang, first)}/"
        for lang in LANGUAGE_CODES
    }
    published = spec["published"]
    return (
        spec["id"],
        path,
        parent.depth + 1,
        0,
        titles.get("he", ""),
        titles[langs[0]],
        slugs.get("he", ""),
        True,
        False,
        url_paths["he"],
        "",
        False,
        "",
        False,
        spec["content_type"],
        False,
        published,
        published,
        uuid.uuid4(),
        parent.locale_id,
        *(titles.get(lang) for lang in LANGUAGE_CODES),
        *(slugs.get(lang) for lang in LANGUAGE_CODES),
        *(url_paths[lang] for lang in LANGUAGE_CODES),
        *("" if lang in langs else None for lang in LANGUAGE_CODES),
        *("" if lang in langs else None for lang in LANGUAGE_CODES),
    )


def child_paths(parent, count):
    """Paths for `count` new children of `parent`, after its existing ones."""
    last = parent.get_children().order_by("-path").values_list("path", flat=True).first()
    start = int(last[-STEP:], 36) + 1 if last else 1
    return [parent.path + step(start + n) for n in range(count)]


def page_specs(rng, corpus, count):
    """What each generated page is: type, languages, titles, date."""
    types = [kind for kind, share in TYPE_SHARES for _ in range(round(share * 10))]
    specs = []
    for number in range(count):
        lang = LANGUAGE_CODES[number % len(LANGUAGE_CODES)]
        langs = list(LANGUAGE_CODES) if number % TRANSLATED_EVERY == 0 else [lang]
        langs.sort(key=lambda code: code != lang)
        specs.append(
            {
                "number": number,
                "kind": types[(number // len(LANGUAGE_CODES)) % len(types)],
                "langs": langs,
                "titles": {code: title_from(rng, corpus, code, number) for code in langs},
                "published": NOW - timedelta(minutes=number * 7),
            }
        )
    return specs


def pick_topics(rng, topic_ids):
    """One to three topics, the first ones far more often (a few topics hold many pages)."""
    chosen = {
        topic_ids[min(len(topic_ids) - 1, int(rng.paretovariate(0.8)) - 1)]
        for _ in range(rng.randint(1, 3))
    }
    return sorted(chosen)


MODELS = {
    "post": (BlogPostPage, BlogIndexPage, "blog_blogpostpage"),
    "article": (ArticlePage, KnowledgeBaseIndexPage, "kb_articlepage"),
    "question": (QuestionPage, QuestionIndexPage, "qa_questionpage"),
}


def reading_times(model, leads, bodies):
    """{lang: minutes} as ContentPage.save stores them, from each language's lead and raw body."""
    return {
        lang: minutes_to_read(
            leads.get(lang), model._meta.get_field(f"body_{lang}").to_python(bodies.get(lang, []))
        )
        for lang in LANGUAGE_CODES
    }


def _content_row(spec, rng, corpus, author_ids, model):
    texts = {lang: rng.choice(corpus[lang]["sentences"]) for lang in spec["langs"]}
    bodies = {lang: body_blocks(rng, corpus, lang) for lang in spec["langs"]}
    return (
        spec["id"],
        texts.get("he", ""),
        *(texts.get(lang) for lang in LANGUAGE_CODES),
        bodies.get("he", []),
        *(bodies.get(lang) for lang in LANGUAGE_CODES),
        reading_times(model, texts, bodies),
        rng.choice(author_ids),
        "open",
    )


def _question_row(spec, rng, corpus):
    details = {lang: rng.choice(corpus[lang]["sentences"]) for lang in spec["langs"]}
    return (
        spec["id"],
        details.get("he", ""),
        *(details.get(lang) for lang in LANGUAGE_CODES),
        "open",
    )


def _answer_rows(spec, rng, corpus, author_ids):
    rows = []
    for order in range(rng.randint(1, 4)):
        bodies = {}
        for lang in spec["langs"]:
            count = max(1, rng.choice(corpus[lang]["lengths"]) // 2)
            bodies[lang] = "".join(
                f"<p>{rng.choice(corpus[lang]['paragraphs'])}</p>" for _ in range(count)
            )
        rows.append(
            (
                order,
                bodies.get("he", ""),
                *(bodies.get(lang) for lang in LANGUAGE_CODES),
                order == 0,
                spec["id"],
                rng.choice(author_ids),
            )
        )
    return rows


def build_pages(rng, corpus, count, topic_ids, author_ids):
    """The pages, their type's rows, answers and topics; returns the specs (with ids)."""
    specs = page_specs(rng, corpus, count)
    for spec, pk in zip(specs, next_ids("wagtailcore_page", count), strict=True):
        spec["id"] = pk
    for kind, (model, index_model, table) in MODELS.items():
        chosen = [s for s in specs if s["kind"] == kind]
        parent = index_model.objects.get()
        content_type = ContentType.objects.get_for_model(model).pk
        for spec in chosen:
            spec["content_type"] = content_type
        paths = child_paths(parent, len(chosen))
        copy_rows(
            "wagtailcore_page",
            PAGE_COLUMNS,
            (page_row(s, parent, path, s["number"]) for s, path in zip(chosen, paths, strict=True)),
        )
        if kind == "question":
            copy_rows(
                table,
                [
                    "page_ptr_id",
                    "details",
                    *(f"details_{lang}" for lang in LANGUAGE_CODES),
                    "comment_policy",
                ],
                (_question_row(s, rng, corpus) for s in chosen),
            )
            copy_rows(
                "qa_answer",
                [
                    "sort_order",
                    "body",
                    *(f"body_{lang}" for lang in LANGUAGE_CODES),
                    "is_best",
                    "page_id",
                    "author_id",
                ],
                (row for s in chosen for row in _answer_rows(s, rng, corpus, author_ids)),
            )
        else:
            copy_rows(
                table,
                [
                    "page_ptr_id",
                    "lead",
                    *(f"lead_{lang}" for lang in LANGUAGE_CODES),
                    "body",
                    *(f"body_{lang}" for lang in LANGUAGE_CODES),
                    "reading_times",
                    "author_id",
                    "comment_policy",
                ],
                (_content_row(s, rng, corpus, author_ids, model) for s in chosen),
            )
        owner = model._meta.model_name
        copy_rows(
            f"{table}_topics",
            [f"{owner}_id", "topic_id"],
            ((s["id"], topic) for s in chosen for topic in pick_topics(rng, topic_ids)),
        )
        with connection.cursor() as cursor:
            cursor.execute(
                "UPDATE wagtailcore_page SET numchild = (SELECT count(*) FROM "
                "wagtailcore_page c WHERE c.path LIKE %s AND c.depth = %s) "
                "WHERE id = %s",
                [parent.path + "%", parent.depth + 1, parent.pk],
            )
    return specs


RELATED_TABLES = {
    "post": "blog_blogpostrelatedpage",
    "article": "kb_articlerelatedpage",
    "question": "qa_questionrelatedpage",
}


def build_related(rng, specs, count):
    """`count` pages that each name the first generated article as related; returns it."""
    target = next(s for s in specs if s["kind"] == "article")
    sources = rng.sample([s for s in specs if s is not target], min(count, len(specs) - 1))
    for kind, table in RELATED_TABLES.items():
        copy_rows(
            table,
            ["sort_order", "page_id", "related_id"],
            ((0, s["id"], target["id"]) for s in sources if s["kind"] == kind),
        )
    return target


# Comments --------------------------------------------------------------------------------


def comment_counts(rng, specs, total, thread_size, hot_max):
    """{page id: comments}: one post with `thread_size`, the rest spread with a long tail (most
    pages a few, a few pages thousands, none over `hot_max`)."""
    thread = next(s for s in specs if s["kind"] == "post")
    others = [s for s in specs if s is not thread]
    weights = [rng.paretovariate(1.05) for _ in others]
    left = max(0, total - thread_size)
    factor = left / sum(weights)
    counts = {
        s["id"]: min(hot_max, int(w * factor * 0.8)) for s, w in zip(others, weights, strict=True)
    }
    # The rest, one at a time, to pages not yet full.
    ids = list(counts)
    missing = left - sum(counts.values())
    while missing > 0:
        pk = rng.choice(ids)
        if counts[pk] < hot_max:
            counts[pk] += 1
            missing -= 1
    counts[thread["id"]] = thread_size
    return thread, counts


COMMENT_COLUMNS = [
    "id",
    "page_id",
    "language",
    "parent_id",
    "depth",
    "name",
    "email",
    "body",
    "status",
    "held_reasons",
    "has_personal_data",
    "show_personal_data",
    "is_author_reply",
    "erased",
    "notify_replies",
    "created_at",
    "client_hash",
    "import_key",
    "root_id",
]


def _thread_rows(rng, corpus, spec, ids, pending_rate, chain):
    """One page's comments: replies hang under earlier approved comments, at most three deep;
    pending ones wait for a moderator and have no replies yet."""
    langs = spec["langs"]
    open_parents = []  # (id, depth, root) of approved comments that may still get replies
    when = spec["published"]
    for number, pk in enumerate(ids):
        lang = langs[number % len(langs)] if number % 5 == 0 and not chain else langs[0]
        pending = rng.random() < pending_rate
        parent = None
        if chain and number in (1, 2):
            parent = open_parents[-1]
        elif open_parents and rng.random() < 0.45:
            parent = rng.choice(open_parents)
        depth = parent[1] + 1 if parent else 1
        when += timedelta(seconds=rng.randint(30, 3600))
        sentences = corpus[lang]["sentences"]
        body = " ".join(rng.choice(sentences) for _ in range(rng.randint(1, 3)))
        status = Comment.Status.PENDING if pending else Comment.Status.APPROVED
        # A reply's thread is its parent's, or the parent itself when that is top-level.
        root = (parent[2] or parent[0]) if parent else None
        if not pending and depth < 3:
            open_parents.append((pk, depth, root))
        yield (
            pk,
            spec["id"],
            lang,
            parent[0] if parent else None,
            depth,
            f"Reader {pk}",
            "",
            body,
            status,
            ["approval"] if pending else [],
            False,
            False,
            False,
            False,
            False,
            when,
            "",
            "",
            root,
        )


def build_comments(rng, corpus, specs, total, thread_size, pending):
    """The comments; returns (thread post spec, {page id: count})."""
    # Room enough for every comment, however small the scale.
    hot_max = max(round(HOT_MAX * thread_size / THREAD), 3 * -(-total // len(specs)))
    thread, counts = comment_counts(rng, specs, total, thread_size, hot_max)
    by_id = {s["id"]: s for s in specs}
    ids = iter(next_ids("comments_comment", sum(counts.values())))
    pending_rate = pending / max(1, total - thread_size)

    def rows():
        for page_id, count in counts.items():
            page_ids = [next(ids) for _ in range(count)]
            is_thread = page_id == thread["id"]
            rate = 0.0 if is_thread else pending_rate
            yield from _thread_rows(rng, corpus, by_id[page_id], page_ids, rate, is_thread)

    copy_rows("comments_comment", COMMENT_COLUMNS, rows())
    return thread, counts


# Search log ------------------------------------------------------------------------------


def build_search_log(rng, corpus, count):
    """`count` logged searches: one or two of a language's words, drawn from a few thousand
    distinct queries per language (popular ones often), with their analysed need."""
    from apps.search.log import need

    distinct = max(10, min(3000, count // 10))
    queries = {}
    for lang in LANGUAGE_CODES:
        words = corpus[lang]["words"]
        pool = {" ".join(rng.sample(words, rng.choice((1, 1, 2)))) for _ in range(distinct)}
        queries[lang] = [(text, need(text, lang)) for text in sorted(pool)]

    def rows():
        for number in range(count):
            lang = LANGUAGE_CODES[number % len(LANGUAGE_CODES)]
            pool = queries[lang]
            text, analysed = (
                pool[min(len(pool) - 1, int(rng.paretovariate(0.7)) - 1)]
                if rng.random() < 0.5
                else rng.choice(pool)
            )
            yield (
                lang,
                analysed,
                text,
                rng.randint(0, 40),
                NOW - timedelta(seconds=rng.randint(0, 90 * 86400)),
            )

    copy_rows(
        "search_loggedsearch", ["language", "need", "query", "results", "searched_at"], rows()
    )


# All of it -------------------------------------------------------------------------------


def timed(label, timings, function, *args):
    started = time.monotonic()
    result = function(*args)
    timings[label] = time.monotonic() - started
    print(f"  {label}: {timings[label]:.1f} s", flush=True)
    return result


def build(scale=1.0, seed=20):
    """Add the data set to the seeded database; returns what the benchmark measures: ids of
    the sample pages, counts and build times."""
    rng = random.Random(seed)  # noqa: S311 - reproducible data, not security
    timings = {}
    corpus = seed_corpus()
    with transaction.atomic():
        topics = timed("topics", timings, build_topics, rng, corpus, scaled(TOPICS, scale, 3))
        authors = timed("authors", timings, build_authors, rng, corpus, scaled(AUTHORS, scale, 2))
        specs = timed(
            "pages", timings, build_pages, rng, corpus, scaled(PAGES, scale, 30), topics, authors
        )
        related = timed(
            "related links", timings, build_related, rng, specs, scaled(RELATED, scale, 3)
        )
        thread, counts = timed(
            "comments",
            timings,
            build_comments,
            rng,
            corpus,
            specs,
            scaled(COMMENTS, scale, 100),
            scaled(THREAD, scale, 20),
            scaled(PENDING, scale, 10),
        )
        timed("search log", timings, build_search_log, rng, corpus, scaled(SEARCHES, scale, 30))
    samples = {
        kind: next(
            s["id"]
            for s in specs
            if s["kind"] == kind
            and s is not thread
            and len(s["langs"]) == 1
            and s["langs"][0] == "he"
        )
        for kind in MODELS
    }
    return {
        "timings": timings,
        "pages": len(specs),
        "comments": sum(counts.values()),
        "thread": thread["id"],
        "related_target": related["id"],
        "related_sources": scaled(RELATED, scale, 3),
        "samples": samples,
        "translated": next(s["id"] for s in specs if len(s["langs"]) == 3 and s["kind"] == "post"),
        "topic": topics[0],
        "author": authors[0],
        "thread_comments": counts[thread["id"]],
        "max_comments": max(counts.values()),
        "median_comments": sorted(counts.values())[len(counts) // 2],
        "pages_over_1000": sum(1 for c in counts.values() if c >= 1000),
    }


def page_count_per_language():
    """{lang: live pages with a title in it}."""
    from wagtail.models import Page

    from apps.core.translation import titled_in

    return {lang: Page.objects.live().filter(titled_in(lang)).count() for lang in LANGUAGE_CODES}
