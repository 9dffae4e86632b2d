"""Validation of the content files, before anything touches the database.

Every problem is reported as ContentError naming the file and the field path, e.g.
`content/pages/003-fa.yaml: body[4].quote.text: expected text`.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings

LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
PAGE_TYPES = {"blog.BlogPostPage": "blog", "kb.ArticlePage": "kb", "qa.QuestionPage": "qa"}
SECTION_TYPES = {"blog.BlogIndexPage", "kb.KnowledgeBaseIndexPage", "qa.QuestionIndexPage"}
BLOCK_TYPES = ("heading", "paragraph", "list", "quote", "faq")


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
    body: list = field(default_factory=list)  # [(block_type, value)]
    details: str = ""
    answers: list = field(default_factory=list)  # [(body_paragraphs, best)]
    comments: list = field(default_factory=list)

    @property
    def section(self):
        return PAGE_TYPES[self.type]


class _Reader:
    """Walks one parsed file, keeping the field path for messages."""

    def __init__(self, path):
        self.path = path

    def fail(self, where, message):
        raise ContentError(self.path, where, message)

    def mapping(self, value, where):
        if not isinstance(value, dict):
            self.fail(where, "expected a mapping of keys to values")
        return value

    def text(self, data, key, where, required=True, max_length=None):
        value = data.get(key)
        here = f"{where}.{key}" if where else key
        if value is None or value == "":
            if required:
                self.fail(here, "required text is missing")
            return ""
        if not isinstance(value, str):
            self.fail(here, f"expected text, found {type(value).__name__}")
        value = value.strip()
        if required and not value:
            self.fail(here, "required text is empty")
        if max_length and len(value) > max_length:
            self.fail(here, f"is {len(value)} characters long; the limit is {max_length}")
        return value

    def text_list(self, value, where):
        if not isinstance(value, list) or not value:
            self.fail(where, "expected a non-empty list of texts")
        for i, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                self.fail(f"{where}[{i}]", "expected non-empty text")
        return [item.strip() for item in value]

    def translations(self, data, key, where, required=True):
        value = data.get(key)
        here = f"{where}.{key}" if where else key
        if value is None:
            if required:
                self.fail(here, "required translations are missing")
            return {}
        self.mapping(value, here)
        for lang, text in value.items():
            if lang not in LANGUAGES:
                self.fail(f"{here}.{lang}", f"unknown language; use one of {', '.join(LANGUAGES)}")
            if not isinstance(text, str) or not text.strip():
                self.fail(f"{here}.{lang}", "expected non-empty text")
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


def _parse_block(r, item, where):
    if not isinstance(item, dict) or len(item) != 1:
        r.fail(
            where, f"expected one block, written as a single key out of {', '.join(BLOCK_TYPES)}"
        )
    ((kind, value),) = item.items()
    here = f"{where}.{kind}"
    if kind in ("heading", "paragraph"):
        if not isinstance(value, str) or not value.strip():
            r.fail(here, "expected non-empty text")
        return kind, value.strip()
    if kind == "list":
        return kind, r.text_list(value, here)
    if kind == "quote":
        r.mapping(value, here)
        return kind, {
            "text": r.text(value, "text", here),
            "attribution": r.text(value, "attribution", here, required=False, max_length=200),
        }
    if kind == "faq":
        r.mapping(value, here)
        items = value.get("items")
        if not isinstance(items, list) or not items:
            r.fail(f"{here}.items", "expected a non-empty list of questions")
        parsed = []
        for i, qa in enumerate(items):
            qa_where = f"{here}.items[{i}]"
            r.mapping(qa, qa_where)
            parsed.append(
                {
                    "question": r.text(qa, "question", qa_where, max_length=300),
                    "answer": r.text(qa, "answer", qa_where, required=False),
                }
            )
        return kind, {"heading": r.text(value, "heading", here, max_length=200), "items": parsed}
    r.fail(where, f"unknown block type {kind!r}; use one of {', '.join(BLOCK_TYPES)}")


def _parse_comments(r, items, where):
    if items is None:
        return []
    if not isinstance(items, list):
        r.fail(where, "expected a list of comments")
    comments = []
    for i, item in enumerate(items):
        here = f"{where}[{i}]"
        r.mapping(item, here)
        author_reply = item.get("author_reply", False)
        if not isinstance(author_reply, bool):
            r.fail(f"{here}.author_reply", "expected true or false")
        comments.append(
            {
                "name": r.text(item, "name", here, required=False, max_length=120),
                "email": r.text(item, "email", here, required=False, max_length=254),
                "body": r.text(item, "body", here),
                "author_reply": author_reply,
                "posted": _parse_moment(r, item.get("posted"), f"{here}.posted"),
                "replies": _parse_comments(r, item.get("replies"), f"{here}.replies"),
            }
        )
    return comments


def _parse_moment(r, value, where):
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        moment = value
    elif isinstance(value, datetime.date):
        moment = datetime.datetime.combine(value, datetime.time(9, 0))
    else:
        try:
            moment = datetime.datetime.fromisoformat(str(value))
        except ValueError:
            r.fail(where, "expected a date such as 2024-05-31")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment


def parse_page(path, data, topics, authors):
    r = _Reader(path)
    r.mapping(data, "")
    page_type = r.text(data, "type", "")
    if page_type not in PAGE_TYPES:
        r.fail("type", f"unknown page type; use one of {', '.join(PAGE_TYPES)}")
    language = r.text(data, "language", "")
    if language not in LANGUAGES:
        r.fail("language", f"unknown language {language!r}; use one of {', '.join(LANGUAGES)}")
    spec = PageSpec(
        path=str(path),
        type=page_type,
        language=language,
        title=r.text(data, "title", "", max_length=255),
        slug=r.text(data, "slug", "", max_length=255),
        search_description=r.text(data, "search_description", "", required=False),
        lead=r.text(data, "lead", "", required=False),
        published=_parse_moment(r, data.get("published"), "published"),
    )
    if any(ch.isspace() or ch == "/" for ch in spec.slug):
        r.fail("slug", "must not contain spaces or slashes")
    author = data.get("author")
    if author is not None:
        if author not in authors:
            r.fail("author", f"unknown author {author!r}; define it in content/authors.yaml")
        spec.author = author
    for i, topic in enumerate(data.get("topics") or []):
        if topic not in topics:
            r.fail(f"topics[{i}]", f"unknown topic {topic!r}; define it in content/topics.yaml")
        spec.topics.append(topic)
    body = data.get("body") or []
    if not isinstance(body, list):
        r.fail("body", "expected a list of blocks")
    spec.body = [_parse_block(r, item, f"body[{i}]") for i, item in enumerate(body)]
    if page_type == "qa.QuestionPage":
        spec.details = r.text(data, "question", "", required=False)
        answers = data.get("answers")
        if not isinstance(answers, list) or not answers:
            r.fail("answers", "a question page needs a list of answers")
        for i, answer in enumerate(answers):
            here = f"answers[{i}]"
            r.mapping(answer, here)
            best = answer.get("best", False)
            if not isinstance(best, bool):
                r.fail(f"{here}.best", "expected true or false")
            spec.answers.append((r.text_list(answer.get("body"), f"{here}.body"), best))
        if sum(best for _body, best in spec.answers) > 1:
            r.fail("answers", "only one answer can be marked best")
    elif not spec.body:
        r.fail("body", "a post or article needs at least one block")
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
        if not path.exists():
            raise ContentError(rel(path), "", "file is missing")
    topics = parse_topics(rel(needed["topics"]), load_yaml(needed["topics"]))
    authors = parse_authors(rel(needed["authors"]), load_yaml(needed["authors"]))
    site = parse_site(rel(needed["site"]), load_yaml(needed["site"]))
    pages = [
        parse_page(rel(path), load_yaml(path), topics, authors)
        for path in sorted((root / "pages").glob("*.yaml"))
    ]
    seen = {}
    for page in pages:
        key = (page.section, page.language, page.slug)
        if key in seen:
            raise ContentError(page.path, "slug", f"is already used by {seen[key]}")
        seen[key] = page.path
    return ContentSet(site=site, topics=topics, authors=authors, pages=pages)
