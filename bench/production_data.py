"""The benchmark's data set, added to the seed content through the project's own models:
generated posts in every language (so listings, feeds, related pages and search have real
work) and a thread of 200 approved comments, some nested, on the seed's coaching post.

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


def fill_thread(post, rng):
    """Top up the post's Hebrew thread to THREAD_COMMENTS approved comments, a quarter of them
    replies (at most three levels deep)."""
    existing = list(post.reader_comments.filter(language="he", status=Comment.Status.APPROVED))
    for number in range(THREAD_COMMENTS - len(existing)):
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


def main():
    rng = random.Random(8)  # noqa: S311 - reproducible data, not security
    with transaction.atomic():
        generate_posts(rng)
        post = thread_post()
        count = fill_thread(post, rng)
    search = f"/he/search/?q={quote(SEARCH_QUERY['he'])}"
    print(json.dumps({"home": "/he/", "post": url_in(post, "he"), "search": search,
                      "comment_post": f"/he/comments/post/{post.pk}/",
                      "comments": count}))


if __name__ == "__main__":
    main()
