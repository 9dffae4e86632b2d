"""What changed between two versions of a language's text, field by field and block by block.

Blocks are matched by their id (Wagtail keeps a block's id from one revision to the next), so a
change inside a block is shown as that block's change, a new block as added and a deleted one as
removed. Within a field or block value the difference is shown word by word (difflib over words
and the spaces between them: edits in a translation's source are sentences, not characters).
"""

import json
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import blocks
from wagtail.fields import RichTextField

from apps.core.text import html_text, without_ids

from .text import (
    block_value,
    leaf_label,
    leaves,
    stream_block,
    translated_children,
    translated_fields,
)

# Words, runs of spaces, and each other character alone: "שלום." and "שלום," share the word.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
STATE_LABELS = {
    "changed": gettext_lazy("Changed in the source"),
    "added": gettext_lazy("New in the source"),
    "removed": gettext_lazy("Removed from the source"),
    "moved": gettext_lazy("Reordered in the source"),
}


def _opcode_parts(tag, old, new):
    if tag == "equal":
        return [("equal", old)]
    return [(op, text) for op, text in (("delete", old), ("insert", new)) if text]


def word_diff(old, new):
    """[(op, text)] turning `old` into `new`, op one of "equal", "delete", "insert"; compared
    word by word, punctuation apart."""
    a, b = _TOKEN.findall(old or ""), _TOKEN.findall(new or "")
    parts = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        parts += _opcode_parts(tag, "".join(a[i1:i2]), "".join(b[j1:j2]))
    return parts


@dataclass
class Part:
    """One value's change: its label ("Question 2") and its word diff."""

    label: str
    diff: list


@dataclass
class Change:
    """A field, block or child object that changed: `key` says which ((field,), (field, block
    id) or (relation, index)), `state` is "changed", "added", "removed" or "moved"."""

    key: tuple
    label: str
    state: str
    parts: list = field(default_factory=list)

    @property
    def state_label(self):
        return STATE_LABELS[self.state]


# How a primitive block shows its value, by the kind of block (the first that matches).
_DISPLAY = (
    (blocks.RichTextBlock, lambda block, value: html_text(str(value or ""))),
    (blocks.BooleanBlock, lambda block, value: _("yes") if value else _("no")),
    (blocks.ChoiceBlock, lambda block, value: str(dict(block.field.choices).get(value, ""))),
    (blocks.Block, lambda block, value: "" if value is None else str(value)),
)


def display(block, value):
    """A primitive block value as text a person reads."""
    return next(show for kind, show in _DISPLAY if isinstance(block, kind))(block, value)


def _leaf_map(block, value):
    """{path: (leaf block, value)} of a stored block value; empty for no value."""
    return {} if value is None else {path: (b, v) for path, b, v in leaves(block, value)}


def _part(path, before, after):
    """The Part for one leaf, (block, value) on each side or None; None when it reads alike."""
    leaf = (after or before)[0]
    old_text = display(leaf, before[1]) if before else ""
    new_text = display(leaf, after[1]) if after else ""
    if old_text == new_text:
        return None
    return Part(leaf_label(leaf, path), word_diff(old_text, new_text))


def value_parts(block, old, new):
    """The Parts of a block value that differ between `old` and `new` (either may be None)."""
    before, after = _leaf_map(block, old), _leaf_map(block, new)
    paths = dict.fromkeys([*after, *before])  # the new value's order, then what it lost
    return list(filter(None, (_part(path, before.get(path), after.get(path)) for path in paths)))


def _block_key(item):
    return item["type"], json.dumps(without_ids(item["value"]), sort_keys=True)


def _same_places(opcodes):
    """(i, j) for each block at i in the old list standing where block j of the new one is,
    in the runs SequenceMatcher found equal or replaced."""
    for tag, i1, i2, j1, j2 in opcodes:
        if tag in ("equal", "replace"):
            yield from zip(range(i1, i2), range(j1, j2), strict=False)


def align(old, new):
    """{index in new: index in old} for blocks without a common id: the longest common run of
    equal blocks, and blocks of the same type standing where one was replaced by another."""
    matcher = SequenceMatcher(None, [_block_key(b) for b in old], [_block_key(b) for b in new])
    places = _same_places(matcher.get_opcodes())
    return {j: i for i, j in places if old[i]["type"] == new[j]["type"]}


def _pairs_by_id(old, new):
    old_by_id = {b.get("id"): b for b in old}
    return [(old_by_id.get(b.get("id")), b) for b in new]


def _pairs_by_place(old, new):
    partners = align(old, new)
    return [(old[partners[j]] if j in partners else None, b) for j, b in enumerate(new)]


def pair_blocks(old, new):
    """[(old block or None, new block or None)] in `new`'s order, removed blocks last. Blocks
    are the same block when they have the same id; when the two sides share no id at all (the
    whole field written again, as the content loader does), as `align` pairs them."""
    old_ids = {b.get("id") for b in old} - {None}
    shared = any(b.get("id") in old_ids for b in new)
    pairs = _pairs_by_id(old, new) if shared else _pairs_by_place(old, new)
    used = {id(before) for before, _after in pairs}
    return pairs + [(item, None) for item in old if id(item) not in used]


def _state(before, after):
    if before is None:
        return "added"
    return "removed" if after is None else "changed"


def _block_change(name, stream, before, after):
    """The Change of one pair of blocks (see pair_blocks), or None when they are alike."""
    item = after or before
    block = stream.child_blocks.get(item["type"])
    if block is None or block_value(before) == block_value(after):
        return None
    parts = value_parts(block, block_value(before), block_value(after))
    return Change((name, item.get("id")), str(block.label), _state(before, after), parts)


def stream_changes(name, stream, old, new):
    """The Changes between two stored StreamField values, block by block."""
    old, new = old or [], new or []
    changes = (_block_change(name, stream, a, b) for a, b in pair_blocks(old, new))
    return [*filter(None, changes), *_moves(name, old, new)]


def _kept(ids, kept):
    return [i for i in ids if i in kept]


def _moves(name, old, new):
    """A Change when blocks kept on both sides now come in another order."""
    old_ids, new_ids = [b.get("id") for b in old], [b.get("id") for b in new]
    kept = set(old_ids) & set(new_ids)
    if _kept(old_ids, kept) == _kept(new_ids, kept):
        return []
    return [Change((name,), _("Blocks"), "moved")]


def _field_label(model, name):
    return str(model._meta.get_field(name).verbose_name)


def _plain(model, name, value):
    """A text field's value as plain text (rich text without its markup)."""
    if isinstance(model._meta.get_field(name), RichTextField):
        return html_text(value or "")
    return value or ""


def _field_change(model, name, before, after):
    """The Changes of one field: its blocks' for a StreamField, else the field's own."""
    stream = stream_block(model, name)
    if stream is not None:
        return stream_changes(name, stream, before, after)
    label = _field_label(model, name)
    diff = word_diff(_plain(model, name, before), _plain(model, name, after))
    return [Change((name,), label, "changed", [Part(label, diff)])]


def field_changes(model, old, new):
    """The Changes between two versions of one object's text fields (see text.object_text)."""
    changes = []
    for name in translated_fields(model):
        if old.get(name) != new.get(name):
            changes += _field_change(model, name, old.get(name), new.get(name))
    return changes


def _at(items, index):
    return items[index] if index < len(items) else {}


def child_changes(name, model, before, after):
    """The Changes of a page's translated children (a question's answers), by position."""
    changes = []
    for index in range(max(len(before), len(after))):
        for change in field_changes(model, _at(before, index), _at(after, index)):
            change.key = (name, index, *change.key)
            change.label = f"{model._meta.verbose_name} {index + 1}"
            changes.append(change)
    return changes


def text_changes(model, old, new):
    """Everything that changed from `old` to `new`, two versions of one language's text of a
    page of type `model`: fields, blocks, then child objects by position."""
    changes = field_changes(model, old, new)
    for name, child_model in translated_children(model):
        changes += child_changes(name, child_model, old.get(name, []), new.get(name, []))
    return changes


def changed_fields(changes):
    """The top-level names (fields, child relations) that `changes` touch."""
    return {change.key[0] for change in changes}
