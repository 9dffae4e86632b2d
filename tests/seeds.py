"""The seed content files, read independently of the loader, as the oracle for page tests."""

from pathlib import Path

import yaml
from django.conf import settings
from django.utils.translation import override

from apps.blog.models import BlogPostPage
from apps.kb.models import ArticlePage
from apps.qa.models import QuestionPage

CONTENT = Path(settings.BASE_DIR) / "content"
MODELS = {
    "blog.BlogPostPage": BlogPostPage,
    "kb.ArticlePage": ArticlePage,
    "qa.QuestionPage": QuestionPage,
}
LANGUAGES = ("he", "fa", "fi")


def seed_files():
    return sorted((CONTENT / "pages").glob("*.yaml"))


def read_seed(path):
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def seed(number):
    """The parsed content file of seed `number` (e.g. "004")."""
    return read_seed(next(p for p in seed_files() if p.name.startswith(f"{number}-")))


def publish_translation(page, **fields):
    """Set translated fields (title_fi=…, body_fi=…) on a page and publish them; reload it."""
    with override("he"):
        for name, value in fields.items():
            setattr(page, name, value)
        page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def seed_page(data):
    model = MODELS[data["type"]]
    return model.objects.get(**{f"slug_{data['language']}": data["slug"]})


def url_in(page, lang):
    with override(lang):
        return page.get_url()


def sample_text(data):
    """A sentence of the body that must appear on the page."""
    if data["type"] == "qa.QuestionPage":
        return data["answers"][0]["body"][0].split(". ")[0]
    for block in data["body"]:
        if "paragraph" in block:
            return block["paragraph"].split("\n")[0][:60]
    raise AssertionError(f"no paragraph in {data['title']}")


def create_page(
    model, lang, title, slug=None, topics=(), lead="", live=True, published=None, **fields
):
    """A new page that exists in `lang` only, under its section; published unless live=False.

    `topics` are topic keys from content/topics.yaml, `published` its first publication date;
    other keyword arguments are model fields (body_fi=…, details_fi=…).
    """
    from django.utils.text import slugify

    from apps.blog.models import BlogIndexPage
    from apps.kb.models import KnowledgeBaseIndexPage
    from apps.qa.models import QuestionIndexPage
    from apps.taxonomy.models import Topic

    parents = {
        BlogPostPage: BlogIndexPage,
        ArticlePage: KnowledgeBaseIndexPage,
        QuestionPage: QuestionIndexPage,
    }
    values = {f"title_{lang}": title, f"slug_{lang}": slug or slugify(title, allow_unicode=True)}
    if model is not QuestionPage:
        values[f"lead_{lang}"] = lead
        values[f"body_{lang}"] = [{"type": "paragraph", "value": f"<p>{title}</p>"}]
    values.update(fields)
    with override(lang):
        page = model(**values)
        page.live = live
        page.topics = list(Topic.objects.filter(key__in=topics))
        parents[model].objects.get().add_child(instance=page)
        revision = page.save_revision()
        if live:
            revision.publish()
    if published is not None:
        model.objects.filter(pk=page.pk).update(
            first_published_at=published, last_published_at=published
        )
    return model.objects.get(pk=page.pk)
