"""English left in the Hebrew, Persian and Finnish admin: what a walk through the real admin in
Chromium finds in visible text and in title, aria-label and placeholder attributes.

A word counts as English when it is written in ASCII letters, is not a Finnish word (Voikko's
morphology: Finnish text, the admin's own or the content's, is written in the same letters), and
is not one of the few allowed non-words below.
"""

import re

from apps.analysis.finnish import voikko

# Each allowed item with the reason it is not an untranslated string.
ALLOWED = {
    "Mishov": "the site's name",
    "Wagtail": "the software's name (Finnish inflects it: Wagtailin, Wagtailiin …, see below)",
    "English": "the language's own name in the admin's language picker, as every language is",
    "Atom": "a feed format's name (the feed links in the site's head, shown in revisions)",
    "he": "a language code (modeltranslation's field labels: 'כותרת [he]')",
    "fa": "a language code",
    "fi": "a language code",
    "px": "a unit in image sizes ('800 × 600 px' is written so in every language)",
    "JPEG": "an image format's name",
    "JPG": "an image format's name",
    "kt": "Finnish for kilobytes (kilotavua), not English",
    "Mt": "Finnish for megabytes (megatavua), not English",
    "ks": "Finnish for 'see' (katso), as in '(ks. Asetukset → Kommentit)'",
    "PNG": "an image format's name",
    "WEBP": "an image format's name",
    "WebP": "an image format's name",
    "GIF": "an image format's name",
    "AVIF": "an image format's name",
    "SVG": "an image format's name",
    "HEIC": "an image format's name",
    "PDF": "a document format's name",
    "URL": "the technical term, kept in Finnish too; Hebrew and Persian write it so as well",
    "RSS": "a format's name",
    "UTC": "the time standard's abbreviation, in time zone names",
}


# What is not language: addresses, e-mail addresses, paths and file names, model labels
# ("blog.blogpostpage"), placeholders.
_NOT_TEXT = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+|\S*/\S*|\S+\.(?:jpe?g|png|webp|gif|avif|pdf|txt)\b"
    r"|\b[a-z_]+\.[a-z_]+\b|\{\S*\}",
    re.IGNORECASE,
)
_CUT = re.compile(r"[^\W\d_]+…")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def english_words(text, names=frozenset()):
    """The English words in `text`: ASCII words that are neither Finnish, nor allowed, nor in
    `names` (the test data's own names: accounts, image and file titles)."""
    analyzer = voikko()
    found = []
    # A word cut short by "…" ends an excerpt of content (a comment or answer in a listing).
    for word in _WORD.findall(_NOT_TEXT.sub(" ", _CUT.sub(" ", text))):
        if not word.isascii() or len(word) < 2 or word in ALLOWED or word.lower() in names:
            continue
        if word.startswith("Wagtail"):  # the name with a Finnish case ending
            continue
        if analyzer is not None and analyzer.analyze(word):
            continue
        found.append(word)
    return found


# Each piece of text the reader sees (text nodes whose element is rendered) and the attributes
# assistive technology reads out or the pointer shows. Text marked as written in another language
# (lang="fi" on a Finnish field in the Hebrew admin) is content, not the admin's own words; an
# option whose text starts with its value names an identifier ("Europe/Helsinki: UTC+2 …").
COLLECT = """() => {
  const lang = document.documentElement.lang;
  const foreign = el => {
    const marked = el.closest('[lang]');
    return marked && marked.lang !== lang;
  };
  const items = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    const text = node.textContent.trim();
    if (!text || !el || el.closest('script, style, template, noscript') || foreign(el)) continue;
    const hidden = el.tagName === 'OPTION'
      ? el.value && text.startsWith(el.value) : !el.checkVisibility();
    if (hidden) continue;
    items.push(['text', text]);
  }
  for (const el of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
    if (foreign(el)) continue;
    for (const name of ['title', 'aria-label', 'placeholder']) {
      const value = el.getAttribute(name);
      if (value) items.push([name, value]);
    }
  }
  items.push(['document title', document.title]);
  return items;
}"""


def findings(page, screen, names=frozenset()):
    """[(screen, where, line)] for each line of the current page that holds English."""
    found = []
    page.wait_for_load_state()  # a click may have started a navigation
    for where, line in page.evaluate(COLLECT):
        if english_words(line, names):
            found.append((screen, where, line.strip()[:200]))
    return found


def open_menus(page):
    """The sidebar's menus (reports, settings, help) and the account menu, one after another:
    yields after each is open."""
    for button in page.locator(
        ".sidebar-menu-item__link[aria-haspopup=menu], .sidebar-footer__account"
    ).all():
        button.click()
        yield
        page.keyboard.press("Escape")


def open_editor_parts(page):
    """Every language's fields, the action menu, the status panel with its schedule dialog,
    and the checks and comments panels of the page editor."""
    hidden = page.locator("button.locale-toggle:not(.showing-locale)")
    while hidden.count():
        hidden.first.click()
    page.locator("footer .w-dropdown__toggle, footer [data-w-dropdown-target=toggle]").first.click()
    yield
    page.keyboard.press("Escape")
    page.locator(".w-side-panel-toggle[aria-label]").first.click()
    yield
    schedule = page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]")
    if schedule.count():
        schedule.first.click()
        yield
        page.keyboard.press("Escape")
    for toggle in page.locator(".w-side-panel-toggle").all()[2:]:
        toggle.click()
        yield


def open_row_menu(page):
    """A listing row's "more options" menu."""
    page.locator("td [data-w-dropdown-target=toggle]").first.click()
    yield


def walk(page, base, ids, names=frozenset()):
    """[(screen, where, line)] over every admin screen (admin_screens) and the menus, panels
    and dialogs opened on them."""
    found = []
    for name, path, opener in admin_screens(ids):
        page.goto(base + path)
        found += findings(page, name, names)
        for _step in opener(page) if opener else ():
            found += findings(page, name, names)
    return found


def admin_screens(ids):
    """(name, path) of the screens an editor meets, given the test data's ids."""
    p = ids["post"]
    return [
        ("dashboard", "/admin/", open_menus),
        ("explorer root", "/admin/pages/", None),
        ("explorer home", f"/admin/pages/{ids['home']}/", open_row_menu),
        ("explorer blog", f"/admin/pages/{ids['blog']}/", None),
        ("choose page type", f"/admin/pages/{ids['blog']}/add_subpage/", None),
        ("add post", f"/admin/pages/add/blog/blogpostpage/{ids['blog']}/", None),
        *[
            (f"edit {name}", f"/admin/pages/{pk}/edit/", open_editor_parts)
            for name, pk in ids["types"].items()
        ],
        ("history", f"/admin/pages/{p}/history/", None),
        ("workflow history", f"/admin/pages/{ids['moderated']}/workflow_history/", None),
        ("revisions", f"/admin/pages/{p}/revisions/{ids['revision']}/view/", None),
        ("compare", f"/admin/pages/{p}/revisions/compare/earliest...{ids['revision']}/", None),
        ("delete", f"/admin/pages/{p}/delete/", None),
        ("move", f"/admin/pages/{p}/move/", None),
        ("copy", f"/admin/pages/{p}/copy/", None),
        ("unpublish", f"/admin/pages/{p}/unpublish/", None),
        ("search", "/admin/pages/search/?q=asiakas", None),
        ("snippets", "/admin/snippets/", None),
        ("authors", "/admin/snippets/people/author/", None),
        ("topics", "/admin/snippets/taxonomy/topic/", None),
        ("moderation", "/admin/snippets/comments/comment/", None),
        ("comment", f"/admin/moderation/comments/{ids['comment']}/", None),
        ("images", "/admin/images/", None),
        ("image", f"/admin/images/{ids['image']}/", None),
        ("upload images", "/admin/images/multiple/add/", None),
        ("documents", "/admin/documents/", None),
        ("upload documents", "/admin/documents/multiple/add/", None),
        ("locked pages", "/admin/reports/locked/", None),
        ("workflows report", "/admin/reports/workflow/", None),
        ("site history", "/admin/reports/site-history/", None),
        ("aging pages", "/admin/reports/aging-pages/", None),
        ("page types", "/admin/reports/page-types-usage/", None),
        ("sites", "/admin/sites/", None),
        ("redirects", "/admin/redirects/", None),
        ("collections", "/admin/collections/", None),
        ("workflows", "/admin/workflows/list/", None),
        ("tasks", "/admin/workflows/tasks/index/", None),
        ("users", "/admin/users/", None),
        ("user", f"/admin/users/{ids['user']}/", None),
        ("groups", "/admin/groups/", None),
        ("group", f"/admin/groups/{ids['group']}/", None),
        ("account", "/admin/account/", None),
    ]
