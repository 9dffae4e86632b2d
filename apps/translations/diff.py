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

from apps.core.text import html_text

from .text import leaves, stream_block, translated_children, translated_fields, without_ids

# Words, runs of spaces, and each other character alone: "שלום." and "שלום," share the word.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
STATE_LABELS = {
    "changed": gettext_lazy("Changed in the source"),
    "added": gettext_lazy("New in the source"),
    "removed": gettext_lazy("Removed from the source"),
    "moved": gettext_lazy("Reordered in the source"),
}


def word_diff(old, new):
    """[(op, text)] turning `old` into `new`, op one of "equal", "delete", "insert"; compared
    word by word, punctuation apart."""
    a, b = _TOKEN.findall(old or ""), _TOKEN.findall(new or "")
    parts = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            parts.append(("insert", "".join(b[j1:j2])))
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


def display(block, value):
    """A primitive block value as text a person reads."""
    if isinstance(block, blocks.RichTextBlock):
        return html_text(str(value or ""))
    if isinstance(block, blocks.BooleanBlock):
        return _("yes") if value else _("no")
    if isinstance(block, blocks.ChoiceBlock):
        return str(dict(block.field.choices).get(value, value or ""))
    return "" if value is None else str(value)


def _leaf_label(block, path):
    numbers = [str(step + 1) for step in path if isinstance(step, int)]
    return " ".join([str(block.label), *numbers])


def value_parts(block, old, new):
    """The Parts of a block value that differ between `old` and `new` (either may be None)."""
    old_leaves = {path: (b, v) for path, b, v in leaves(block, old)} if old is not None else {}
    new_leaves = {path: (b, v) for path, b, v in leaves(block, new)} if new is not None else {}
    parts = []
    for path in [*new_leaves, *(p for p in old_leaves if p not in new_leaves)]:
        leaf = (new_leaves.get(path) or old_leaves[path])[0]
        before = display(leaf, old_leaves.get(path, (None, None))[1])
        after = display(leaf, new_leaves.get(path, (None, None))[1])
        if before != after:
            parts.append(Part(_leaf_label(leaf, path), word_diff(before, after)))
    return parts


def _block_key(item):
    return item["type"], json.dumps(without_ids(item["value"]), sort_keys=True)


def align(old, new):
    """{index in new: index in old} for blocks without a common id: the longest common run of
    equal blocks, and blocks of the same type standing where one was replaced by another."""
    matcher = SequenceMatcher(None, [_block_key(b) for b in old], [_block_key(b) for b in new])
    pairs = {}
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag in ("equal", "replace"):
            pairs.update((j, i) for i, j in zip(range(i1, i2), range(j1, j2), strict=False))
    return {j: i for j, i in pairs.items() if old[i]["type"] == new[j]["type"]}


def pair_blocks(old, new):
    """[(old block or None, new block or None)] in `new`'s order, removed blocks last. Blocks
    are the same block when they have the same id; when the two sides share no id at all (the
    whole field written again, as the content loader does), as `align` pairs them."""
    old_by_id = {b.get("id"): b for b in old if b.get("id")}
    if any(b.get("id") in old_by_id for b in new):
        pairs = [(old_by_id.get(b.get("id")), b) for b in new]
    else:
        partners = align(old, new)
        pairs = [(old[partners[j]] if j in partners else None, b) for j, b in enumerate(new)]
    used = {id(before) for before, _after in pairs if before is not None}
    return pairs + [(item, None) for item in old if id(item) not in used]


def _state(before, after):
    if before is None:
        return "added"
    return "removed" if after is None else "changed"


def stream_changes(name, stream, old, new):
    """The Changes between two stored StreamField values, block by block."""
    changes = []
    for before, after in pair_blocks(old or [], new or []):
        item = after or before
        block = stream.child_blocks.get(item["type"])
        if block is None or (before and after and before["value"] == after["value"]):
            continue
        parts = value_parts(block, before and before["value"], after and after["value"])
        state = _state(before, after)
        changes.append(Change((name, item.get("id")), str(block.label), state, parts))
    return changes + _moves(name, old or [], [item.get("id") for item in new or []])


def _moves(name, old, new_ids):
    """A Change when blocks kept on both sides now come in another order."""
    kept = set(new_ids)
    before = [item.get("id") for item in old if item.get("id") in kept]
    after = [i for i in new_ids if i in {item.get("id") for item in old}]
    return [] if before == after else [Change((name,), _("Blocks"), "moved")]


def _field_label(model, name):
    return str(model._meta.get_field(name).verbose_name)


def _plain(model, name, value):
    """A text field's value as plain text (rich text without its markup)."""
    if isinstance(model._meta.get_field(name), RichTextField):
        return html_text(value or "")
    return value or ""


def field_changes(model, old, new):
    """The Changes between two versions of one object's text fields (see text.object_text)."""
    changes = []
    for name in translated_fields(model):
        before, after = old.get(name), new.get(name)
        if before == after:
            continue
        stream = stream_block(model, name)
        if stream is not None:
            changes += stream_changes(name, stream, before, after)
            continue
        before, after = _plain(model, name, before), _plain(model, name, after)
        parts = [Part(_field_label(model, name), word_diff(before, after))]
        changes.append(Change((name,), _field_label(model, name), "changed", parts))
    return changes


def text_changes(model, old, new):
    """Everything that changed from `old` to `new`, two versions of one language's text of a
    page of type `model`: fields, blocks, then child objects by position."""
    changes = field_changes(model, old or {}, new or {})
    for name, child_model in translated_children(model):
        before, after = (old or {}).get(name) or [], (new or {}).get(name) or []
        for index in range(max(len(before), len(after))):
            a = before[index] if index < len(before) else {}
            b = after[index] if index < len(after) else {}
            for change in field_changes(child_model, a, b):
                change.key = (name, index, *change.key)
                change.label = f"{child_model._meta.verbose_name} {index + 1}"
                changes.append(change)
    return changes


def changed_fields(changes):
    """The top-level names (fields, child relations) that `changes` touch."""
    return {change.key[0] for change in changes}
