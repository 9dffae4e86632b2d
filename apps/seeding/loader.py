"""Writes a validated ContentSet into the database, changing only what differs.

Every object is looked up by a stable key (topic and author keys, section type, page slug in
its language), compared field by field with what the files say, and created or updated only
when something differs: a second run reports everything unchanged and writes nothing.
"""

from collections import Counter
from urllib.parse import unquote

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import override
from wagtail.models import Page, Site

from apps.blocks.blocks import BodyBlock
from apps.blog.models import BlogIndexPage, BlogPostPage
from apps.comments.importing import sync_comments
from apps.core.text import without_ids
from apps.home.models import HomePage
from apps.kb.models import ArticlePage, KnowledgeBaseIndexPage
from apps.people.models import Author
from apps.qa.models import Answer, QuestionIndexPage, QuestionPage
from apps.taxonomy.models import Topic

from .schema import LANGUAGES, ContentError, paragraphs_html

SECTION_MODELS = {
    "blog.BlogIndexPage": BlogIndexPage,
    "kb.KnowledgeBaseIndexPage": KnowledgeBaseIndexPage,
    "qa.QuestionIndexPage": QuestionIndexPage,
}
PAGE_MODELS = {
    "blog.BlogPostPage": BlogPostPage,
    "kb.ArticlePage": ArticlePage,
    "qa.QuestionPage": QuestionPage,
}
DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
HOME_SLUG = "mishov"


def _differs(name, current, value):
    """Whether a page field's value differs from the file's (a body by its blocks' content)."""
    if name.startswith("body_"):
        return canonical_stream(getattr(current, "raw_data", None)) != canonical_stream(value)
    return (current or "") != (value or "")


_BODY = BodyBlock()


def canonical_stream(raw):
    """A StreamField value as comparable data: through the block's own round trip, ids dropped."""
    return without_ids(_BODY.get_prep_value(_BODY.to_python(raw or [])))


def _per_language(field, values, empty=None):
    """{field_he: …, field_fa: …, field_fi: …} from {lang: text}; `empty` where there is none."""
    return {f"{field}_{lang}": values.get(lang) or empty for lang in LANGUAGES}


def _status(created, changed):
    """What happened to an object: created, updated or unchanged."""
    return "created" if created else ("updated" if changed else "unchanged")


def _answers_of(page):
    """(body, best) of a question page's answers, in order."""
    return [(answer.body, answer.is_best) for answer in page.answers.all()]


class Loader:
    def __init__(self, content, log):
        self.content = content
        self.log = log
        self.counts = Counter()
        self.topics = {}
        self.authors = {}

    def report(self, status, kind, label):
        self.counts[status] += 1
        self.log(status, kind, label)

    # --- snippets --------------------------------------------------------------------------
    def _sync_object(self, obj, wanted):
        changed = {k: v for k, v in wanted.items() if getattr(obj, k) != v}
        for key, value in changed.items():
            setattr(obj, key, value)
        return changed

    def _sync_snippet(self, model, key, wanted):
        """The object with `key`, created or updated to `wanted`; and what happened to it."""
        obj = model.objects.filter(key=key).first()
        if obj is None:
            obj = model(key=key)
            self._sync_object(obj, wanted)
            return obj, "created"
        return obj, _status(False, self._sync_object(obj, wanted))

    def load_topics(self):
        for key, spec in self.content.topics.items():
            wanted = {**_per_language("name", spec["name"]), **_per_language("slug", spec["slug"])}
            topic, status = self._sync_snippet(Topic, key, wanted)
            if status != "unchanged":
                with override(DEFAULT_LANGUAGE):
                    topic.name = wanted[f"name_{DEFAULT_LANGUAGE}"] or key
                    topic.slug = wanted[f"slug_{DEFAULT_LANGUAGE}"] or key
                topic.save()
            self.topics[key] = topic
            self.report(status, "topic", key)

    def load_authors(self):
        for key, spec in self.content.authors.items():
            wanted = {
                "name": spec["name"],
                **_per_language("credentials", spec["credentials"], empty=""),
                **_per_language("bio", spec["bio"], empty=""),
            }
            author, status = self._sync_snippet(Author, key, wanted)
            if status != "unchanged":
                author.save()
            self.authors[key] = author
            self.report(status, "author", key)

    # --- pages -----------------------------------------------------------------------------
    def _publish(self, page, label, parent=None):
        """Validate, save (as a child of `parent` when new) and publish a revision."""
        try:
            if parent is not None:
                parent.add_child(instance=page)  # runs full_clean() itself
            else:
                page.full_clean()
        except ValidationError as exc:
            with override("en"):  # messages for the person at the console
                field, messages = next(iter(exc.message_dict.items()))
                raise ContentError(label, field, "; ".join(str(m) for m in messages)) from exc
        page.save_revision().publish()

    def _page_fields(self, page, wanted):
        """Apply `wanted` (field -> value) to page; return the names that changed."""
        changed = [
            name for name, value in wanted.items() if _differs(name, getattr(page, name), value)
        ]
        for name in changed:
            setattr(page, name, wanted[name])
        return changed

    def _sync_site_page(self, page, create, wanted):
        """A page of content/site.yaml: created when missing (`create` gives the new page and
        its parent), else updated when it differs; the page and what happened to it."""
        with override(DEFAULT_LANGUAGE):
            if page is None:
                page, parent = create()
                self._page_fields(page, wanted)
                self._publish(page, "content/site.yaml", parent=parent)
                return page, "created"
            if self._page_fields(page, wanted):
                self._publish(page, "content/site.yaml")
                return page, "updated"
        return page, "unchanged"

    def load_home(self):
        spec = self.content.site["home"]
        wanted = {
            **_per_language("title", spec["title"]),
            **{
                f"slug_{lang}": HOME_SLUG if spec["title"].get(lang) else None for lang in LANGUAGES
            },
            **_per_language("intro", spec["intro"], empty=""),
        }
        home, status = self._sync_site_page(
            HomePage.objects.first(), lambda: (HomePage(), Page.get_first_root_node()), wanted
        )
        self._point_site_at(home)
        self.report(status, "page", "home")
        return home

    def _point_site_at(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(
                hostname="localhost",
                port=80,
                root_page=home,
                is_default_site=True,
                site_name=settings.WAGTAIL_SITE_NAME,
            )
        elif site.root_page_id != home.pk:
            old_root = site.root_page
            site.root_page = home
            site.site_name = settings.WAGTAIL_SITE_NAME
            site.save()
            # Wagtail's placeholder "Welcome" page is replaced, never a page of ours.
            if type(old_root.specific) is Page and not old_root.get_children().exists():
                old_root.delete()

    def load_sections(self, home):
        sections = {}
        for key, spec in self.content.site["sections"].items():
            model = SECTION_MODELS[spec["type"]]
            wanted = {
                **_per_language("title", spec["title"]),
                **_per_language("slug", spec["slug"]),
                **_per_language("intro", spec["intro"], empty=""),
            }
            page, status = self._sync_site_page(
                model.objects.child_of(home).first(),
                lambda model=model: (model(show_in_menus=True), home),
                wanted,
            )
            sections[key] = page
            self.report(status, "section", key)
        return sections

    def _wanted(self, model, spec):
        """The page's fields in its language, as the file gives them."""
        lang = spec.language
        wanted = {
            f"title_{lang}": spec.title,
            f"slug_{lang}": spec.slug,
            f"search_description_{lang}": spec.search_description,
        }
        if model is QuestionPage:
            return {**wanted, f"details_{lang}": spec.details}
        return {**wanted, f"lead_{lang}": spec.lead, f"body_{lang}": spec.body}

    def _published_at(self, page, model, spec):
        """The file's publication date, when it gives one that differs; whether it changed."""
        if not spec.published or page.first_published_at == spec.published:
            return False
        model.objects.filter(pk=page.pk).update(
            first_published_at=spec.published,
            last_published_at=max(spec.published, page.last_published_at or spec.published),
        )
        return True

    def _comments(self, page, spec):
        """The file's comments on the page; whether any changed."""
        if not spec.comments:
            return False
        page.refresh_from_db(fields=["first_published_at"])
        return bool(sync_comments(page, spec.language, spec.comments))

    def _section(self, spec, sections):
        parent = sections.get(spec.section)
        if parent is None:
            raise ContentError(
                spec.path, "type", f"content/site.yaml has no {spec.section} section"
            )
        return parent

    def _save_page(self, page, spec, new_parent):
        """The page's fields and relations in its language as the file has them, published when
        anything changed (as a child of `new_parent` when new); the names of what changed."""
        with override(spec.language):
            changed = self._page_fields(page, self._wanted(type(page), spec))
            changed += self._relations(page, spec, spec.language)
            if new_parent is not None or changed:
                self._publish(page, spec.path, parent=new_parent)
        return changed

    def _dated_and_discussed(self, page, model, spec):
        """The names of what the file's publication date and comments changed, once the page
        is saved."""
        changes = {
            "published": self._published_at(page, model, spec),
            "comments": self._comments(page, spec),
        }
        return [name for name, changed in changes.items() if changed]

    def load_page(self, spec, sections):
        model = PAGE_MODELS[spec.type]
        parent = self._section(spec, sections)
        lang = spec.language
        page = model.objects.child_of(parent).filter(**{f"slug_{lang}": spec.slug}).first()
        created = page is None
        page = model() if created else page
        changed = self._save_page(page, spec, parent if created else None)
        changed += self._dated_and_discussed(page, model, spec)
        status = _status(created, changed)
        with override(lang):
            url = unquote(page.get_url() or spec.slug)
        self.report(status, "page", f"{lang} {url}")

    def _author(self, page, spec):
        """Whether the page's author changed to the file's."""
        author = self.authors.get(spec.author)  # None for none
        if not hasattr(page, "author_id") or page.author_id == getattr(author, "pk", None):
            return False
        page.author = author
        return True

    def _topics(self, page, spec):
        """Whether the page's topics changed to the file's."""
        wanted_topics = {self.topics[key].pk for key in spec.topics}
        current_topics = set(page.topics.values_list("pk", flat=True)) if page.pk else set()
        if wanted_topics == current_topics:
            return False
        page.topics = [self.topics[key] for key in spec.topics]
        return True

    def _answers(self, page, spec, lang):
        """Whether a question page's answers changed to the file's."""
        if not isinstance(page, QuestionPage):
            return False
        wanted = [(paragraphs_html(body), best) for body, best in spec.answers]
        if wanted == _answers_of(page):
            return False
        page.answers = [
            Answer(**{f"body_{lang}": body, "is_best": best, "sort_order": i})
            for i, (body, best) in enumerate(wanted)
        ]
        return True

    def _relations(self, page, spec, lang):
        """The names of the relations (author, topics, answers) that changed."""
        changes = {
            "author": self._author(page, spec),
            "topics": self._topics(page, spec),
            "answers": self._answers(page, spec, lang),
        }
        return [name for name, changed in changes.items() if changed]

    def run(self):
        with transaction.atomic():
            self.load_topics()
            self.load_authors()
            home = self.load_home()
            sections = self.load_sections(home)
            for spec in self.content.pages:
                self.load_page(spec, sections)
        return self.counts


def load(content, log=lambda *args: None):
    """Apply `content` in one transaction; on any error nothing is changed."""
    return Loader(content, log).run()
