"""The mixed-direction comment corpus as Chromium lays it out: every line in the direction of its
language, aligned to that direction's start, its final punctuation at that direction's end, and
addresses kept whole (tests/comments/direction_corpus.py)."""

import pytest
from django.utils.translation import override

from apps.comments.models import Comment
from tests.comments.direction_corpus import CORPUS, lines
from tests.seeds import read_seed, seed_files, seed_page

pytestmark = pytest.mark.browser

# For each line element of a comment body: its computed direction, whether its text starts at
# the element's start edge, and where its last character sits (leftmost, rightmost).
_MEASURE = """
(body) => {
  const blocks = [...body.querySelectorAll('p')].flatMap(p => {
    const spans = p.querySelectorAll(':scope > .comment__line');
    return spans.length ? [...spans] : [p];
  });
  return blocks.map(block => {
    const box = block.getBoundingClientRect();
    const rects = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        if (!node.data[i].trim()) continue;
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const r = range.getBoundingClientRect();
        rects.push({char: node.data[i], left: r.left, right: r.right, top: r.top});
      }
    }
    const last = rects[rects.length - 1];
    const oneLine = rects.every(r => Math.abs(r.top - rects[0].top) < 4);
    return {
      text: block.textContent,
      direction: getComputedStyle(block).direction,
      startGap: getComputedStyle(block).direction === 'rtl'
        ? box.right - Math.max(...rects.map(r => r.right))
        : Math.min(...rects.map(r => r.left)) - box.left,
      lastChar: last.char,
      lastIsLeftmost: oneLine && last.left <= Math.min(...rects.map(r => r.left)) + 0.5,
      lastIsRightmost: oneLine && last.right >= Math.max(...rects.map(r => r.right)) - 0.5,
    };
  });
}
"""


@pytest.fixture(scope="module")
def browser_data(django_db_setup, django_db_blocker):
    """The corpus as approved comments on one seed page per language: {lang: (path, [(pk,
    case)])}."""
    made, pages = [], {}
    with django_db_blocker.unblock():
        for path in seed_files():
            data = read_seed(path)
            if data["language"] not in pages:
                with override(data["language"]):
                    page = seed_page(data)
                    pages[data["language"]] = (page, page.get_url(), [])
        for number, (lang, body, expected) in enumerate(CORPUS):
            page, _url, cases = pages[lang]
            comment = Comment.objects.create(
                page=page, language=lang, name=f"Corpus {number}", body=body,
                status=Comment.Status.APPROVED, show_personal_data=True,
            )  # fmt: skip
            made.append(comment.pk)
            cases.append((comment.pk, body, expected))
    yield {lang: (url, cases) for lang, (_page, url, cases) in pages.items()}
    with django_db_blocker.unblock():
        Comment.objects.filter(pk__in=made).delete()


@pytest.mark.parametrize("lang", ["he", "fa", "fi"])
def test_each_line_is_laid_out_in_its_languages_direction(
    browser, server_url, browser_data, artifacts, lang
):
    path, cases = browser_data[lang]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server_url + path)
    problems = []
    for pk, body, expected in cases:
        measured = page.locator(f"#comment-{pk} .comment__body").evaluate(_MEASURE)
        assert [m["text"] for m in measured] == lines(body)
        for line, want in zip(measured, expected, strict=True):
            if line["direction"] != want:
                problems.append(f"{line['text']!r} is {line['direction']}, not {want}")
            elif line["startGap"] > 1:
                problems.append(f"{line['text']!r} starts {line['startGap']:.0f}px from its edge")
            elif line["lastChar"] in ".?!:" and not line[
                "lastIsLeftmost" if want == "rtl" else "lastIsRightmost"
            ]:
                problems.append(f"{line['text']!r}: its {line['lastChar']} is not at the end")
    page.locator(f"#comment-{cases[0][0]}").scroll_into_view_if_needed()
    page.screenshot(path=str(artifacts / f"comment-direction-{lang}.png"), full_page=True)
    page.close()
    assert problems == []


def test_a_link_ending_in_a_slash_stays_whole_in_a_hebrew_line(browser, server_url, browser_data):
    path, cases = browser_data["he"]
    pk = next(pk for pk, body, _expected in cases if body.startswith("כתבתי על זה גם כאן"))
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server_url + path)
    link = page.locator(f"#comment-{pk} .comment__body a")
    # The slash is the link's last character, at its right end: the address reads as typed.
    order = link.evaluate(
        """(a) => {
          const text = a.firstChild, range = document.createRange();
          const at = i => { range.setStart(text, i); range.setEnd(text, i + 1);
                            return range.getBoundingClientRect().left; };
          return [at(0), at(text.data.length - 1)];
        }"""
    )
    page.close()
    assert order[0] < order[1]
