"""What the search index reads from a page in one language, and nothing from other languages.

Articles (posts, knowledge-base articles, questions: pages whose `is_article` is set) give their
own `search_text`: a lead and a body (a post's StreamField, a question's answers) written in
that language, and their `search_labels`: the names of their topics and author in it. Home
and section pages are navigation, not answers, and are not indexed.
"""

from dataclasses import dataclass

from apps.core.translation import own_value, page_languages


@dataclass(frozen=True)
class DocumentParts:
    title: str
    lead: str
    body: str
    # Topic and author names: indexed like body text, never shown in a snippet.
    labels: str = ""

    @property
    def text(self):
        """Lead and body as one plain text, the source of result snippets."""
        return "\n\n".join(part for part in (self.lead, self.body) if part)


def is_searchable(page):
    """Live content pages; an alias repeats its original, which is indexed itself."""
    return getattr(page, "is_article", False) and page.live and not page.alias_of_id


def document_parts(page, lang):
    """The page's own text in `lang`, or None when the page does not exist in `lang` (no title
    there, or withdrawn there)."""
    if lang not in page_languages(page):
        return None
    title = own_value(page, "title", lang).strip()
    lead, body = page.search_text(lang)
    return DocumentParts(
        title=title, lead=lead.strip(), body=body.strip(), labels=page.search_labels(lang)
    )
