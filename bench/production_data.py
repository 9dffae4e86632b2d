"""The benchmark's data set, added to the seed content through the project's own models:
generated posts in every language (so listings, feeds, related pages and search have real
work), a thread of 200 approved comments, some nested, on the seed's coaching post (a page of
about 250 KiB), one of 30 on a generated post (about 50 KiB), and the test catalog's sample
article and question where the seeds have none in Hebrew.

Run by bench/production.py inside the stack's environment: python bench/production_data.py
Prints the URLs the benchmark measures as JSON.
"""

import json
import os
import random
import sys
from pathlib import Path
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402

from apps.blog.models import BlogIndexPage, BlogPostPage  # noqa: E402
from apps.comments.models import Comment  # noqa: E402
from apps.core.translation import url_in  # noqa: E402

GENERATED_POSTS = int(os.environ.get("BENCH_POSTS", "60"))
THREAD_COMMENTS = 200
MEDIUM_THREAD_COMMENTS = 30
SEARCH_QUERY = {"he": "לקוח", "fa": "مشتری", "fi": "asiakas"}

SENTENCES = {
    "he": [
        "הלקוח תמיד צודק, אבל לא תמיד הוא יודע מה הוא צריך.",
        "שירות טוב מתחיל בהקשבה ובשאלה הנכונה.",
        "תלונה היא הזדמנות ללמוד משהו על העסק שלנו.",
        "צוות שמקבל גיבוי מההנהלה מטפל בלקוחות קשים בביטחון.",
    ],
    "fa": [
        "مشتری همیشه حق دارد، اما همیشه نمی‌داند چه می‌خواهد.",
        "خدمات خوب با گوش دادن و پرسیدن سؤال درست شروع می‌شود.",
        "شکایت فرصتی است برای یادگرفتن دربارهٔ کسب‌وکار.",
    ],
    "fi": [
        "Asiakas on aina oikeassa, mutta ei aina tiedä, mitä tarvitsee.",
        "Hyvä palvelu alkaa kuuntelemisesta ja oikeasta kysymyksestä.",
        "Valitus on tilaisuus oppia jotain omasta yrityksestä.",
    ],
}


def paragraph(lang, rng, count):
    return " ".join(rng.choice(SENTENCES[lang]) for _ in range(count))


def generate_posts(rng):
    index = BlogIndexPage.objects.live().first()
    model = BlogPostPage.objects.live().first()
    langs = ["he", "he", "fa", "fi"]
    for number in range(GENERATED_POSTS):
        lang = langs[number % len(langs)]
        fields = {
            f"title_{lang}": f"{paragraph(lang, rng, 1)[:60]} {number}",
            f"slug_{lang}": f"bench-{lang}-{number}",
            f"lead_{lang}": paragraph(lang, rng, 2),
            f"body_{lang}": [
                {"type": "paragraph", "value": f"<p>{paragraph(lang, rng, 6)}</p>"}
                for _ in range(5)
            ],
        }
        post = BlogPostPage(author=model.author, **fields)
        index.add_child(instance=post)
        post.topics.set(model.topics.all())
        post.save_revision().publish()


def thread_post():
    """The seed's coaching post, the one with a real comment thread."""
    return max(
        BlogPostPage.objects.live(),
        key=lambda page: page.reader_comments.filter(language="he").count(),
    )


def fill_thread(post, rng, size=THREAD_COMMENTS):
    """Top up the post's Hebrew thread to `size` approved comments, a quarter of them replies
    (at most three levels deep)."""
    existing = list(post.reader_comments.filter(language="he", status=Comment.Status.APPROVED))
    for number in range(size - len(existing)):
        parent = rng.choice(existing) if existing and number % 4 == 3 else None
        comment = Comment.objects.create(
            page=post,
            language="he",
            parent=parent,
            depth=(parent.depth + 1) if parent else 1,
            name=f"קורא {number}",
            body="\n\n".join(paragraph("he", rng, 3) for _ in range(2)),
            status=Comment.Status.APPROVED,
        )
        if comment.depth < 3:
            existing.append(comment)
    return post.reader_comments.filter(language="he", status=Comment.Status.APPROVED).count()


def reader_urls(post, medium, short):
    """{page type: Hebrew URL} of every page type a reader meets."""
    from django.urls import reverse
    from django.utils.translation import override

    from apps.blog.models import BlogIndexPage
    from tests.page_catalog import catalog

    sample = catalog()
    with override("he"):
        topic_index, feed = reverse("topic-index"), reverse("feed-rss")
    return {
        "home": "/he/",
        "section": url_in(BlogIndexPage.objects.get(), "he"),
        "topic": post.topics.first().url_in("he"),
        "topic_index": topic_index,
        "post_10k": url_in(short, "he"),
        "post_50k": url_in(medium, "he"),
        "post": url_in(post, "he"),
        "article": sample[("he", "article")],
        "question": sample[("he", "question")],
        "search": f"/he/search/?q={quote(SEARCH_QUERY['he'])}",
        "feed": feed,
        "sitemap": "/sitemap-pages.xml",
    }


def main():
    from tests.page_catalog import add_sample_pages

    rng = random.Random(8)  # noqa: S311 - reproducible data, not security
    with transaction.atomic():
        generate_posts(rng)
        add_sample_pages()
        post = thread_post()
        count = fill_thread(post, rng)
        short, medium = (BlogPostPage.objects.get(slug_he=f"bench-he-{n}") for n in (0, 1))
        fill_thread(medium, rng, MEDIUM_THREAD_COMMENTS)
    urls = reader_urls(post, medium, short)
    print(json.dumps({**{name: quote(url, safe="/?=&%") for name, url in urls.items()},
                      "comment_post": f"/he/comments/post/{post.pk}/", "comments": count}))


if __name__ == "__main__":
    main()
