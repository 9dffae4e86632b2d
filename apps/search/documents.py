"""What the search index reads from a page in one language, and nothing from other languages.

Posts and knowledge-base articles give their lead and StreamField body (headings, paragraphs,
lists, quotes, FAQ items); questions give their details and the answers written in that
language. Home and section pages are navigation, not answers, and are not indexed.
"""

from dataclasses import dataclass

from apps.content.pages import ContentPage
from apps.core.text import block_text, html_text
from apps.core.translation import own_value
from apps.qa.models import QuestionPage

SEARCHABLE_MODELS = (ContentPage, QuestionPage)


@dataclass(frozen=True)
class DocumentParts:
    title: str
    lead: str
    body: str

    @property
    def text(self):
        """Lead and body as one plain text, the source of result snippets."""
        return "\n\n".join(part for part in (self.lead, self.body) if part)


def is_searchable(page):
    """Live content pages; an alias repeats its original, which is indexed itself."""
    return isinstance(page, SEARCHABLE_MODELS) and page.live and not page.alias_of_id


def document_parts(page, lang):
    """The page's own text in `lang`, or None when the page does not exist in `lang`."""
    title = (own_value(page, "title", lang) or "").strip()
    if not title:
        return None
    if isinstance(page, QuestionPage):
        lead = own_value(page, "details", lang) or ""
        answers = (html_text(own_value(answer, "body", lang)) for answer in page.answers.all())
        body = "\n\n".join(text for text in answers if text)
    else:
        lead = own_value(page, "lead", lang) or ""
        body = block_text(own_value(page, "body", lang))
    return DocumentParts(title=title, lead=lead.strip(), body=body.strip())
