"""Every page type in every language: what browser checks, screenshots and Lighthouse visit.

The seed content has no Persian or Finnish blog post, no Finnish article and no Hebrew or Persian
question, so `add_sample_pages` writes short pages of those types (test data, never loaded into the
site) with what the seeds lack: an answered FAQ, enough headings for a table of contents and an
approved comment thread with an author's reply.
"""

# ruff: noqa: E501 - the sample sentences read better whole
import datetime
from urllib.parse import urlencode

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

LANGUAGES = ("he", "fa", "fi")
PAGE_TYPES = (
    "home", "blog_index", "post", "article", "question_index", "question", "topic",
    "topic_index", "author", "search", "not_found",
)  # fmt: skip

# (title, lead, three headings with a paragraph each, FAQ heading, answered question, answer,
#  comment, author's reply, search word)
SAMPLE_TEXT = {
    "he": {
        "title": "איך עונים ללקוח כועס בטלפון",
        "lead": "שלושה צעדים פשוטים שעוזרים להרגיע שיחה קשה ולהגיע לפתרון.",
        "sections": [
            ("להקשיב עד הסוף", "לפני שעונים, נותנים ללקוח לסיים לדבר ומסכמים את מה ששמענו."),
            ("להציע פתרון", "מציעים צעד אחד ברור שאפשר לעשות כבר היום, ולא מבטיחים יותר מדי."),
            ("לחזור אל הלקוח", "מתקשרים שוב אחרי יום או יומיים ובודקים שהבעיה באמת נפתרה."),
        ],
        "faq": ("שאלות נפוצות", "מה עושים כשהלקוח צועק?", "מדברים בשקט ובאיטיות, ומציעים הפסקה קצרה."),
        "comment": "תודה, הצעד השלישי חסר אצלנו לגמרי.",
        "reply": "בשמחה! ספרו לנו איך זה עבד.",
        "question": "האם מותר לסרב ללקוח שמקלל?",
        "answer": "כן. אפשר לסיים את השיחה בנימוס ולהציע לחזור אליה כשהרוחות נרגעות.",
        "search": "לקוחות",
    },
    "fa": {
        "title": "چگونه به مشتری عصبانی پاسخ دهیم",
        "lead": "سه گام ساده برای آرام کردن یک گفت‌وگوی سخت و رسیدن به راه‌حل.",
        "sections": [
            ("تا پایان گوش دهید", "پیش از پاسخ، بگذارید مشتری حرفش را تمام کند و آنچه شنیدید را خلاصه کنید."),
            ("راه‌حل پیشنهاد دهید", "یک گام روشن پیشنهاد دهید که همین امروز انجام‌شدنی است."),
            ("دوباره تماس بگیرید", "یکی دو روز بعد تماس بگیرید و مطمئن شوید مشکل واقعاً حل شده است."),
        ],
        "faq": ("پرسش‌های رایج", "اگر مشتری فریاد بزند چه کنیم؟", "آرام و شمرده صحبت کنید و یک مکث کوتاه پیشنهاد دهید."),
        "comment": "ممنون، گام سوم را ما همیشه فراموش می‌کنیم.",
        "reply": "خواهش می‌کنم! نتیجه را برای ما بنویسید.",
        "question": "آیا می‌توان به مشتری بددهن خدمت نکرد؟",
        "answer": "بله. می‌توان گفت‌وگو را مؤدبانه تمام کرد و پیشنهاد داد بعداً ادامه دهیم.",
        "search": "مشتری",
    },
    "fi": {
        "title": "Miten vastata vihaiselle asiakkaalle puhelimessa",
        "lead": "Kolme yksinkertaista askelta, jotka rauhoittavat vaikean puhelun.",
        "sections": [
            ("Kuuntele loppuun", "Anna asiakkaan puhua loppuun ennen kuin vastaat, ja tiivistä kuulemasi."),
            ("Ehdota ratkaisua", "Ehdota yhtä selkeää askelta, jonka voi tehdä jo tänään."),
            ("Palaa asiaan", "Soita uudelleen päivän tai kahden päästä ja varmista, että ongelma ratkesi."),
        ],
        "faq": ("Usein kysyttyä", "Mitä teen, jos asiakas huutaa?", "Puhu rauhallisesti ja hitaasti ja ehdota lyhyttä taukoa."),
        "comment": "Kiitos, kolmas askel puuttuu meiltä kokonaan.",
        "reply": "Ole hyvä! Kerro, miten se toimi.",
        "question": "Saako kiroilevaa asiakasta kieltäytyä palvelemasta?",
        "answer": "Saa. Keskustelun voi lopettaa kohteliaasti ja ehdottaa jatkoa myöhemmin.",
        "search": "asiakas",
    },
}  # fmt: skip

SAMPLE_SLUG_SUFFIX = "-sample"


def _body(text):
    body = []
    for heading, paragraph in text["sections"]:
        body.append({"type": "heading", "value": {"text": heading, "level": "h2"}})
        body.append({"type": "paragraph", "value": f"<p>{paragraph}</p>"})
    faq_heading, question, answer = text["faq"]
    faq_items = [{"question": question, "answer": f"<p>{answer}</p>"}]
    body.append({"type": "faq", "value": {"heading": faq_heading, "items": faq_items}})
    return body


def _add_thread(page, lang, text):
    from apps.comments.models import Comment

    posted = timezone.now() - datetime.timedelta(days=2)
    common = {"page": page, "language": lang, "status": Comment.Status.APPROVED}
    comment = Comment.objects.create(**common, name="Dana", body=text["comment"], created_at=posted)
    Comment.objects.create(
        **common,
        parent=comment,
        name=page.author.name if page.author else "Mishov",
        body=text["reply"],
        is_author_reply=True,
        created_at=posted + datetime.timedelta(hours=3),
    )


def add_sample_pages():
    """Pages of each type that a language lacks in the seeds; returns the pages made."""
    from apps.blog.models import BlogPostPage
    from apps.kb.models import ArticlePage
    from apps.people.models import Author
    from apps.qa.models import Answer, QuestionPage
    from tests.seeds import create_page

    made = []
    author = Author.objects.order_by("pk").first()
    for lang, text in SAMPLE_TEXT.items():
        for model in (BlogPostPage, ArticlePage):
            if _first_in(model, lang) is not None:
                continue
            page = create_page(
                model,
                lang,
                text["title"],
                slug=f"{lang}-{model._meta.model_name}{SAMPLE_SLUG_SUFFIX}",
                topics=["customer-service", "complaints"],
                lead=text["lead"],
                author=author,
                **{f"body_{lang}": _body(text)},
            )
            _add_thread(page, lang, text)
            made.append(page)
        if _first_in(QuestionPage, lang) is None:
            page = create_page(
                QuestionPage,
                lang,
                text["question"],
                slug=f"{lang}-question{SAMPLE_SLUG_SUFFIX}",
                topics=["complaints"],
            )
            with override(lang):
                Answer.objects.create(page=page, is_best=True, **{f"body_{lang}": text["answer"]})
            made.append(page)
    return made


def remove_sample_pages(pages):
    """Delete the sample pages, their comments first (a page's comments are never deleted
    along with it: apps.comments refuses, see Comment.page)."""
    from apps.comments.models import Comment

    Comment.objects.filter(page_id__in=[page.pk for page in pages]).delete()
    for page in pages:
        page.delete()


def _first_in(model, lang):
    from apps.core.translation import page_languages

    return next((p for p in model.objects.live().order_by("pk") if lang in page_languages(p)), None)


def _approved_comments(page, lang):
    return page.reader_comments.filter(language=lang, status="approved").count()


def catalog():
    """{(lang, page type): path} for every page type in every language that exists."""
    from apps.blog.models import BlogIndexPage, BlogPostPage
    from apps.core.translation import url_in
    from apps.home.models import HomePage
    from apps.kb.models import ArticlePage
    from apps.people.models import Author
    from apps.people.views import author_url, languages_of
    from apps.qa.models import QuestionIndexPage, QuestionPage
    from apps.taxonomy.models import Topic
    from apps.taxonomy.views import languages_with_pages

    paths = {}
    authors = list(Author.objects.order_by("pk"))
    authors_in = languages_of(authors)
    for lang in LANGUAGES:
        # The post with the most approved comments shows the thread at its fullest.
        posts = [p for p in BlogPostPage.objects.live().order_by("pk") if lang in p.languages]
        pages = {
            "home": HomePage.objects.get(),
            "blog_index": BlogIndexPage.objects.get(),
            "post": max(posts, key=lambda p: _approved_comments(p, lang), default=None),
            "article": _first_in(ArticlePage, lang),
            # The questions' cards: how many answers, the best one's first line.
            "question_index": QuestionIndexPage.objects.get(),
            "question": _first_in(QuestionPage, lang),
        }
        for kind, page in pages.items():
            if page is not None:
                paths[(lang, kind)] = url_in(page, lang, None)
        # A topic page exists where the topic has pages in the language.
        topics = list(Topic.objects.order_by("pk"))
        languages = languages_with_pages(topics)
        topic = next((t for t in topics if lang in languages[t.pk]), None)
        if topic is not None:
            paths[(lang, "topic")] = topic.url_in(lang)
        with override(lang):
            query = urlencode({"q": SAMPLE_TEXT[lang]["search"]})
            paths[(lang, "search")] = f"{reverse('search')}?{query}"
            if topic is not None:
                paths[(lang, "topic_index")] = reverse("topic-index")
        # An author page exists where the author has pages in the language.
        author = next((a for a in authors if lang in authors_in[a.pk]), None)
        if author is not None:
            paths[(lang, "author")] = author_url(author, lang)
        paths[(lang, "not_found")] = f"/{lang}/no-such-page/"
    return paths
