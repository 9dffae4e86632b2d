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
