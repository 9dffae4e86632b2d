"""A page's text in one language as plain data: what tracking stores, compares and diffs.

The text of a language is each translated field of the page in that language, without the fields
derived from it (slug, URL path), plus the translated fields of its child objects (a question's
answers) in their order: {"title": …, "lead": …, "body": [blocks], "answers": [{"body": …}]}.
A StreamField is its stored JSON (blocks with type, value and id), so a block keeps its identity
from one revision to the next. Block values are walked with their block definitions: the leaves
are the primitive values (text, a heading's level, an image), and text leaves are the ones a
translator writes (CharBlock, TextBlock, RichTextBlock).
"""

import hashlib
import json

from modeltranslation.translator import translator
from wagtail import blocks
from wagtail.fields import StreamField

from apps.core.parts import translated_children
from apps.core.text import without_ids
from apps.core.translation import own_value

DERIVED_FIELDS = frozenset({"slug", "url_path"})
# Where a field goes among a model's translated fields: the title first, the model's own fields
# (0) in the order it declares them, the SEO fields last.
FIELD_PLACES = {"title": -1, "seo_title": 1, "search_description": 2}
TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


def translated_fields(model):
    """The names of `model`'s translated text fields, title first, SEO fields last, the model's
    own in the order it declares them."""
    present = set(translator.get_options_for_model(model).all_fields) - DERIVED_FIELDS
    own = [f.name for f in model._meta.get_fields() if f.name in present]
    return sorted(own, key=lambda name: FIELD_PLACES.get(name, 0))


def stream_block(model, name):
    """The StreamBlock of `model`'s field `name`, or None when it is not a StreamField."""
    field = model._meta.get_field(name)
    return field.stream_block if isinstance(field, StreamField) else None


def stored(model, name, value):
    """A field value as JSON data: a StreamField's stored blocks, any other value as text."""
    block = stream_block(model, name)
    if block is not None:
        return block.get_prep_value(value) if value else []
    return source_text(value)


def source_text(value):
    """A text field's value as stored text: rich text's source, None as empty."""
    return str(getattr(value, "source", value) or "")


def object_text(obj, lang):
    """The translated fields of `obj` (a page or a child object) in `lang`."""
    model = type(obj)
    return {
        name: stored(model, name, own_value(obj, name, lang)) for name in translated_fields(model)
    }


def language_text(page, lang):
    """The text of `page` in `lang`: its fields, then its translated children in order."""
    text = object_text(page, lang)
    for name, _model in translated_children(type(page)):
        text[name] = [object_text(child, lang) for child in getattr(page, name).all()]
    return text


def fingerprint(text):
    """A short digest of a language's text, equal exactly when the text is."""
    data = json.dumps(without_ids(text), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode()).hexdigest()


def _list_item(item):
    """A ListBlock item's value, in either of the formats Wagtail stores."""
    return item["value"] if _is_list_item(item) else item


def leaves(block, raw, path=()):
    """(path, block, value) for each primitive value inside `raw`, a stored value of `block`."""
    if isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from leaves(child, (raw or {}).get(name), (*path, name))
    elif isinstance(block, blocks.ListBlock):
        for index, item in enumerate(raw or []):
            yield from leaves(block.child_block, _list_item(item), (*path, index))
    else:
        yield path, block, raw


def leaf_label(block, path):
    """A leaf's label for a person: its block's label and, inside lists, the item numbers
    ("Question 2")."""
    numbers = [str(step + 1) for step in path if isinstance(step, int)]
    return " ".join([str(block.label), *numbers])


def block_value(item):
    """A stored block's value; None for no block (one side of a pair of blocks)."""
    return None if item is None else item["value"]


def is_text(block):
    return isinstance(block, TEXT_BLOCKS)


def _map_struct(block, raw, replace, path):
    raw = raw or {}
    children = block.child_blocks.items()
    return {**raw, **{n: map_text(c, raw.get(n), replace, (*path, n)) for n, c in children}}


def _map_list(block, raw, replace, path):
    return [
        _map_item(block.child_block, item, replace, (*path, i)) for i, item in enumerate(raw or [])
    ]


def _map_leaf(block, raw, replace, path):
    return replace(path, block, raw) if is_text(block) else raw


def map_text(block, raw, replace, path=()):
    """A copy of `raw` (a stored value of `block`) with each text leaf replaced by
    `replace(path, block, value)`; everything else (levels, images, ids) kept."""
    if isinstance(block, blocks.StructBlock):
        return _map_struct(block, raw, replace, path)
    if isinstance(block, blocks.ListBlock):
        return _map_list(block, raw, replace, path)
    return _map_leaf(block, raw, replace, path)


def _is_list_item(item):
    """Whether `item` is a ListBlock item in Wagtail's stored format with ids."""
    return isinstance(item, dict) and item.get("type") == "item" and "value" in item


def _map_item(child, item, replace, path):
    if _is_list_item(item):
        return {**item, "value": map_text(child, item["value"], replace, path)}
    return map_text(child, item, replace, path)


def blank_copy(stream, raw_blocks):
    """The source's blocks with their text emptied: the structure a translator fills in."""
    return [
        {**item, "value": map_text(stream.child_blocks[item["type"]], item["value"], _blank)}
        for item in raw_blocks
        if item.get("type") in stream.child_blocks
    ]


def _blank(path, block, value):
    return ""
