"""Validation of the content files, before anything touches the database.

Every problem is reported as ContentError naming the file and the field path, e.g.
`content/pages/003-fa.yaml: body[4].quote.text: expected text`.
"""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import escape
from django.utils.translation import override
from wagtail import blocks as wagtail_blocks
from wagtail.blocks.base import get_error_json_data

from apps.blocks.blocks import BodyBlock

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
PAGE_TYPES = {"blog.BlogPostPage": "blog", "kb.ArticlePage": "kb", "qa.QuestionPage": "qa"}
SECTION_TYPES = {"blog.BlogIndexPage", "kb.KnowledgeBaseIndexPage", "qa.QuestionIndexPage"}
_BODY = BodyBlock()


class ContentError(Exception):
    def __init__(self, path, where, message):
        self.path, self.where, self.message = path, where, message
        location = f"{path}: {where}" if where else str(path)
        super().__init__(f"{location}: {message}")


@dataclass
class PageSpec:
    path: str
    type: str
    language: str
    title: str
    slug: str
    search_description: str = ""
    lead: str = ""
    author: str | None = None
    topics: list = field(default_factory=list)
    published: datetime.datetime | None = None
    body: list = field(default_factory=list)  # StreamField raw items: [{"type", "value"}]
    details: str = ""
    answers: list = field(default_factory=list)  # [(body_paragraphs, best)]
    comments: list = field(default_factory=list)

    @property
    def section(self):
        return PAGE_TYPES[self.type]


def _joined(where, key):
    """The field path of `key` inside `where`."""
    return f"{where}.{key}" if where else key


def _filled(text):
    """Text with something in it besides whitespace."""
    return isinstance(text, str) and bool(text.strip())


def _text_problem(value, required, max_length):
    """What is wrong with a text a file gives, or None."""
    if not isinstance(value, str):
        return f"expected text, found {type(value).__name__}"
    text = value.strip()
    if required and not text:
        return "required text is empty"
    if max_length and len(text) > max_length:
        return f"is {len(text)} characters long; the limit is {max_length}"
    return None


def _blank_problem(text):
    """Why a text that must say something does not (absent, not text, only spaces), or None."""
    return None if _filled(text) else "expected non-empty text"


def _translation_problem(lang, text):
    """What is wrong with one language's text in a set of translations, or None."""
    if lang not in LANGUAGES:
        return f"unknown language; use one of {', '.join(LANGUAGES)}"
    return _blank_problem(text)


class _Reader:
    """Walks one parsed file, keeping the field path for messages."""

    def __init__(self, path):
        self.path = path

    def fail(self, where, message):
        raise ContentError(self.path, where, message)

    def check(self, where, problem):
        """Fails with `problem` unless it is None."""
        if problem is not None:
            self.fail(where, problem)

    def absent(self, where, required, empty, message):
        """What an absent value reads as: `empty`, unless it is required."""
        if required:
            self.fail(where, message)
        return empty

    def mapping(self, value, where):
        if not isinstance(value, dict):
            self.fail(where, "expected a mapping of keys to values")
        return value

    def sequence(self, value, where, message):
        """`value`, when it is a list; else fails with `message`."""
        if not isinstance(value, list):
            self.fail(where, message)
        return value

    def flag(self, data, key, where):
        """A true/false field of `data`; false when absent."""
        value = data.get(key, False)
        if not isinstance(value, bool):
            self.fail(_joined(where, key), "expected true or false")
        return value

    def text(self, data, key, where, required=True, max_length=None):
        here, value = _joined(where, key), data.get(key)
        if value in (None, ""):
            return self.absent(here, required, "", "required text is missing")
        self.check(here, _text_problem(value, required, max_length))
        return value.strip()

    def text_list(self, value, where):
        message = "expected a non-empty list of texts"
        if not self.sequence(value, where, message):
            self.fail(where, message)
        for i, item in enumerate(value):
            self.check(f"{where}[{i}]", _blank_problem(item))
        return [item.strip() for item in value]

    def translations(self, data, key, where, required=True):
        here, value = _joined(where, key), data.get(key)
        if value is None:
            return self.absent(here, required, {}, "required translations are missing")
        for lang, text in self.mapping(value, here).items():
            self.check(f"{here}.{lang}", _translation_problem(lang, text))
        return {lang: text.strip() for lang, text in value.items()}


def load_yaml(path):
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else ""
        raise ContentError(
            path, where, f"is not valid YAML ({getattr(exc, 'problem', exc)})"
        ) from exc
    except UnicodeDecodeError as exc:
        raise ContentError(path, "", "is not UTF-8 text") from exc


def parse_topics(path, data):
    r = _Reader(path)
    r.mapping(data, "")
    topics = {}
    for key, spec in data.items():
        r.mapping(spec, key)
        topics[key] = {
            "name": r.translations(spec, "name", key),
            "slug": r.translations(spec, "slug", key),
        }
    return topics


def parse_authors(path, data):
    r = _Reader(path)
    r.mapping(data, "")
    authors = {}
    for key, spec in data.items():
        r.mapping(spec, key)
        authors[key] = {
            "name": r.text(spec, "name", key, max_length=120),
            "credentials": r.translations(spec, "credentials", key, required=False),
            "bio": r.translations(spec, "bio", key, required=False),
        }
    return authors


def parse_site(path, data):
    r = _Reader(path)
    r.mapping(data, "")
    home = r.mapping(data.get("home"), "home")
    site = {
        "home": {
            "title": r.translations(home, "title", "home"),
            "intro": r.translations(home, "intro", "home", required=False),
        },
        "sections": {},
    }
    sections = r.mapping(data.get("sections"), "sections")
    for key, spec in sections.items():
        where = f"sections.{key}"
        r.mapping(spec, where)
        page_type = r.text(spec, "type", where)
        if page_type not in SECTION_TYPES:
            r.fail(f"{where}.type", f"unknown section type; use one of {sorted(SECTION_TYPES)}")
        site["sections"][key] = {
            "type": page_type,
            "title": r.translations(spec, "title", where),
            "slug": r.translations(spec, "slug", where),
            "intro": r.translations(spec, "intro", where, required=False),
        }
    return site


def paragraphs_html(paragraphs):
    """Plain text paragraphs as the rich-text HTML Wagtail stores; line breaks kept."""
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in text.split("\n")) + "</p>"
        for text in paragraphs
    )


# The content files' short forms: a heading written as its text, a list as its items. Any block
# may also be written in full, as the mapping of its fields the block definition names.
SHORT_FORMS = {
    "heading": lambda text: {"text": text, "level": "h2"},
    "list": lambda items: {"ordered": False, "items": items},
}


def _raw_text(r, block, value, where):
    """Text as written, stripped; an absent one is empty (the block says whether it may be)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        r.fail(where, f"expected text, found {type(value).__name__}")
    return value.strip()


def _raw_rich_text(r, block, value, where):
    """Plain text for rich text: paragraphs split by blank lines, line breaks kept."""
    text = _raw_text(r, block, value, where)
    return paragraphs_html(text.split("\n\n")) if text else ""


def _field_problem(block, name):
    """Why a struct block has no field `name`, or None when it has."""
    if name in block.child_blocks:
        return None
    return f"unknown field; use one of {', '.join(block.child_blocks)}"


def _raw_struct(r, block, value, where):
    """A mapping of the block's own fields; a field it does not define is refused."""
    r.mapping(value, where)
    for name in value:
        r.check(f"{where}.{name}", _field_problem(block, name))
    return {
        name: _raw(r, child, value.get(name), f"{where}.{name}")
        for name, child in block.child_blocks.items()
        if name in value or isinstance(child, _TEXT_BLOCKS)
    }


def _raw_list(r, block, value, where):
    """A list of the child block's values."""
    items = r.sequence(value, where, "expected a list")
    return [_raw(r, block.child_block, item, f"{where}[{i}]") for i, item in enumerate(items)]


def _raw_as_written(r, block, value, where):
    return value


_TEXT_BLOCKS = (wagtail_blocks.CharBlock, wagtail_blocks.TextBlock, wagtail_blocks.RichTextBlock)
_RAW_READERS = (
    (wagtail_blocks.RichTextBlock, _raw_rich_text),
    (wagtail_blocks.CharBlock, _raw_text),
    (wagtail_blocks.TextBlock, _raw_text),
    (wagtail_blocks.StructBlock, _raw_struct),
    (wagtail_blocks.ListBlock, _raw_list),
)


def _raw(r, block, value, where):
    """The value `block` stores, from how a content file writes it (see _RAW_READERS)."""
    read = next((read for kind, read in _RAW_READERS if isinstance(block, kind)), _raw_as_written)
    return read(r, block, value, where)


def _first_error(data, where):
    """(field path, message) of the first error in a block's error data (Wagtail's
    get_error_json_data: messages, and blockErrors by child name or list index)."""
    for key, child in data.get("blockErrors", {}).items():
        return _first_error(child, f"{where}[{key}]" if isinstance(key, int) else f"{where}.{key}")
    return where, " ".join(str(message) for message in data.get("messages", []))


def _block_named(r, item, where):
    """(name, value, definition) of a body item written as {block name: value}."""
    vocabulary = ", ".join(_BODY.child_blocks)
    if not isinstance(item, dict) or len(item) != 1:
        r.fail(where, f"expected one block, written as a single key out of {vocabulary}")
    ((kind, value),) = item.items()
    if kind not in _BODY.child_blocks:
        r.fail(where, f"unknown block type {kind!r}; use one of {vocabulary}")
    return kind, value, _BODY.child_blocks[kind]


def _clean(r, block, raw, where):
    """The block's own checks, clean() as the admin runs them; messages in English."""
    with override("en"):  # messages for the person at the console
        try:
            block.clean(block.to_python(raw))
        except ValidationError as error:
            r.fail(*_first_error(get_error_json_data(error), where))


def _parse_block(r, item, where):
    """One body block, checked by its own definition in apps/blocks (BodyBlock): its name, its
    fields, and the block's clean(), as the admin checks it; returns StreamField's raw item."""
    kind, value, block = _block_named(r, item, where)
    short = SHORT_FORMS.get(kind) if not isinstance(value, dict) else None
    raw = _raw(r, block, short(value) if short else value, f"{where}.{kind}")
    _clean(r, block, raw, f"{where}.{kind}")
    return {"type": kind, "value": raw}


def _parse_comment(r, item, here):
    """One comment and its replies."""
    r.mapping(item, here)
    author_reply = r.flag(item, "author_reply", here)
    return {
        "name": r.text(item, "name", here, required=False, max_length=120),
        "email": r.text(item, "email", here, required=False, max_length=254),
        "body": r.text(item, "body", here),
        "author_reply": author_reply,
        "posted": _parse_moment(r, item.get("posted"), f"{here}.posted"),
        "replies": _parse_comments(r, item.get("replies"), f"{here}.replies"),
    }


def _parse_comments(r, items, where):
    """A thread of comments; none when absent."""
    items = r.sequence([] if items is None else items, where, "expected a list of comments")
    return [_parse_comment(r, item, f"{where}[{i}]") for i, item in enumerate(items)]


def _moment(value):
    """A datetime from what YAML read: a datetime, a date (at 9:00) or ISO text; else None."""
    if isinstance(value, datetime.datetime):
        return value
    if isinstance(value, datetime.date):
        return datetime.datetime.combine(value, datetime.time(9, 0))
    try:
        return datetime.datetime.fromisoformat(str(value))
    except ValueError:
        return None


def _parse_moment(r, value, where):
    """A moment, in UTC when the file gives no zone; None when absent."""
    if value in (None, ""):
        return None
    moment = _moment(value)
    if moment is None:
        r.fail(where, "expected a date such as 2024-05-31")
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=datetime.UTC)


def _reference(r, key, known, where, kind, defined_in):
    """A key that another content file defines (an author, a topic), or None when absent."""
    if key is not None and key not in known:
        r.fail(where, f"unknown {kind} {key!r}; define it in {defined_in}")
    return key


def _parse_body(r, body):
    """The page's blocks, each checked by its block definition (_parse_block)."""
    blocks = r.sequence(body or [], "body", "expected a list of blocks")
    return [_parse_block(r, item, f"body[{i}]") for i, item in enumerate(blocks)]


def _parse_answer(r, answer, where):
    """(paragraphs, best) of one answer on a question page."""
    r.mapping(answer, where)
    best = r.flag(answer, "best", where)
    return r.text_list(answer.get("body"), f"{where}.body"), best


def _best_problem(answers):
    """Why the answers' best marks are wrong (more than one), or None."""
    return "only one answer can be marked best" if sum(best for _b, best in answers) > 1 else None


def _parse_question(r, data, spec):
    """A question page: the question's details and its answers, at most one marked best."""
    spec.details = r.text(data, "question", "", required=False)
    message = "a question page needs a list of answers"
    answers = r.sequence(data.get("answers"), "answers", message)
    if not answers:
        r.fail("answers", message)
    spec.answers = [_parse_answer(r, answer, f"answers[{i}]") for i, answer in enumerate(answers)]
    r.check("answers", _best_problem(spec.answers))


def _parse_article(r, data, spec):
    """A post or article: its body has at least one block."""
    if not spec.body:
        r.fail("body", "a post or article needs at least one block")


# What each page type adds to the fields every page has.
_PAGE_PARTS = {
    "blog.BlogPostPage": _parse_article,
    "kb.ArticlePage": _parse_article,
    "qa.QuestionPage": _parse_question,
}


def _one_of(r, data, key, choices, kind):
    """A required text that must be one of `choices`."""
    value = r.text(data, key, "")
    if value not in choices:
        r.fail(key, f"unknown {kind} {value!r}; use one of {', '.join(choices)}")
    return value


_SPACE_OR_SLASH = re.compile(r"[\s/]")  # \s: what str.isspace() calls a space


def _slug_problem(slug):
    """Why a slug cannot be a URL path segment, or None."""
    return "must not contain spaces or slashes" if _SPACE_OR_SLASH.search(slug) else None


def parse_page(path, data, topics, authors):
    """One page file: the fields every page has, then its page type's own (_PAGE_PARTS)."""
    r = _Reader(path)
    r.mapping(data, "")
    spec = PageSpec(
        path=str(path),
        type=_one_of(r, data, "type", PAGE_TYPES, "page type"),
        language=_one_of(r, data, "language", LANGUAGES, "language"),
        title=r.text(data, "title", "", max_length=255),
        slug=r.text(data, "slug", "", max_length=255),
        search_description=r.text(data, "search_description", "", required=False),
        lead=r.text(data, "lead", "", required=False),
        published=_parse_moment(r, data.get("published"), "published"),
    )
    r.check("slug", _slug_problem(spec.slug))
    spec.author = _reference(
        r, data.get("author"), authors, "author", "author", "content/authors.yaml"
    )
    spec.topics = [
        _reference(r, topic, topics, f"topics[{i}]", "topic", "content/topics.yaml")
        for i, topic in enumerate(data.get("topics") or [])
    ]
    spec.body = _parse_body(r, data.get("body"))
    _PAGE_PARTS[spec.type](r, data, spec)
    spec.comments = _parse_comments(r, data.get("comments"), "comments")
    return spec


@dataclass
class ContentSet:
    site: dict
    topics: dict
    authors: dict
    pages: list


def read_content(root):
    """Parse and validate every file under `root`; raises ContentError on the first problem."""
    root = Path(root)
    rel = lambda p: p.relative_to(root.parent) if root.parent in p.parents else p  # noqa: E731
    needed = {name: root / f"{name}.yaml" for name in ("site", "topics", "authors")}
    for path in needed.values():
        _check_exists(path, rel(path))
    topics = parse_topics(rel(needed["topics"]), load_yaml(needed["topics"]))
    authors = parse_authors(rel(needed["authors"]), load_yaml(needed["authors"]))
    site = parse_site(rel(needed["site"]), load_yaml(needed["site"]))
    pages = [
        parse_page(rel(path), load_yaml(path), topics, authors)
        for path in sorted((root / "pages").glob("*.yaml"))
    ]
    _check_slugs_unique(pages)
    return ContentSet(site=site, topics=topics, authors=authors, pages=pages)


def _check_exists(path, shown):
    if not path.exists():
        raise ContentError(shown, "", "file is missing")


def _check_slugs_unique(pages):
    """No two pages of a section share a slug in one language."""
    seen = {}
    for page in pages:
        key = (page.section, page.language, page.slug)
        if key in seen:
            raise ContentError(page.path, "slug", f"is already used by {seen[key]}")
        seen[key] = page.path
