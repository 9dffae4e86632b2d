"""The side-by-side form: one target language of a page, each field and each block's text
beside its source, read-only. The target keeps its own structure (its blocks, with their
settings, images and ids); "start from the source" gives it a blank copy of each source block it
lacks. Saving writes the target's fields on the page's latest revision and saves a new revision
(and publishes it) through Wagtail, as the page editor does."""

import copy
import json
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.fields import RichTextField

from apps.core.admin_forms import LanguageBoundField
from apps.core.translation import own_value

from .diff import pair_blocks
from .text import (
    blank_copy,
    block_value,
    is_text,
    leaf_label,
    leaves,
    map_text,
    source_text,
    stored,
    stream_block,
    translated_children,
    translated_fields,
)


@dataclass
class Leaf:
    """One text of a row: its label, the source's value and the target's form field name."""

    label: str
    source: str
    rich: bool = False
    name: str = ""


@dataclass
class Row:
    """A field, block or child object: the source beside the target, and what changed in the
    source since the target was last brought up to date (apps/translations/diff.Change)."""

    key: tuple
    label: str
    leaves: list = field(default_factory=list)
    changes: list = field(default_factory=list)
    missing: bool = False  # a source block the translation does not have yet


def start_from_source(stream, source_blocks, target_blocks):
    """The target's blocks in the source's order, with a blank copy of each source block the
    target lacks; blocks only in the target follow."""
    merged = []
    for target, source in pair_blocks(target_blocks, source_blocks):
        merged += [target] if target is not None else blank_copy(stream, [source])
    return merged


def _in_language(form_field, lang):
    form_field.language = lang
    form_field.bound_field_class = LanguageBoundField
    return form_field


class TranslateForm(forms.Form):
    """See the module. `page` is the page's latest revision as an object, `skeletons` the
    target's blocks per StreamField ({name: stored blocks}) that the form fills in."""

    def __init__(self, page, lang, source, skeletons, *args, publishing=False, **kwargs):
        opened = kwargs.pop("revision", None)
        super().__init__(*args, **kwargs)
        self.page, self.lang, self.source, self.publishing = page, lang, source, publishing
        # The revision the translator started from (views.changed_meanwhile reads it back).
        self.fields["revision"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, initial=opened
        )
        self.model, self.skeletons, self.rows, self.targets = type(page), skeletons, [], {}
        for name in translated_fields(self.model):
            stream = stream_block(self.model, name)
            if stream is None:
                self._add_field(name)
            else:
                self._add_stream(name, stream)
        for relation, child_model in translated_children(self.model):
            self._add_children(relation, child_model)

    def _target_field(self, model, name, value, required=False):
        form_field = model._meta.get_field(f"{name}_{self.lang}").formfield()
        form_field.required, form_field.initial = required, value
        return _in_language(form_field, self.lang)

    def _add_field(self, name):
        model_field = self.model._meta.get_field(name)
        form_name = f"{name}_{self.lang}"
        value = own_value(self.page, name, self.lang)
        self.fields[form_name] = self._target_field(self.model, name, value, name == "title")
        self.fields[form_name].label = model_field.verbose_name
        rich = isinstance(model_field, RichTextField)
        source = own_value(self.page, name, self.source) or ""
        leaf = Leaf(str(model_field.verbose_name), source, rich, form_name)
        self.rows.append(Row((name,), str(model_field.verbose_name), [leaf]))
        self.targets[form_name] = ("field", name)

    def _add_stream(self, name, stream):
        source_blocks = stored(self.model, name, own_value(self.page, name, self.source))
        self.fields[f"skeleton-{name}"] = forms.CharField(
            widget=forms.HiddenInput, initial=json.dumps(self.skeletons[name]), required=False
        )
        # In the source's order, blocks only in the translation last; each target block keeps
        # its own place in the target's blocks (`index`), which names its fields.
        skeleton = self.skeletons[name]
        places = {id(block): index for index, block in enumerate(skeleton)}
        for target, source in pair_blocks(skeleton, source_blocks):
            index = places.get(id(target))
            self.rows.append(self._block_row(name, stream, index, source, target))

    def _block_row(self, name, stream, index, source, target):
        """The row of one target block (or of a source block the target lacks)."""
        item = target or source
        block = stream.child_blocks[item["type"]]
        row = Row((name, (source or {}).get("id")), str(block.label), missing=target is None)
        source_values = {p: v for p, _b, v in leaves(block, block_value(source))}
        for path, leaf_block, value in leaves(block, item["value"]):
            if is_text(leaf_block):
                leaf = self._block_leaf(name, index, path, leaf_block, value, target, source_values)
                row.leaves.append(leaf)
        return row

    def _block_leaf(self, name, index, path, block, value, target, source_values):
        label = leaf_label(block, path)
        rich = isinstance(block, blocks.RichTextBlock)
        leaf = Leaf(label, source_text(source_values.get(path)), rich)
        if target is None:
            return leaf
        leaf.name = "-".join(str(step) for step in (name, index, *path))
        form_field = copy.deepcopy(block.field)
        form_field.required = block.required and self.publishing
        form_field.initial = block.value_for_form(block.to_python(value))
        form_field.label, form_field.help_text = label, ""
        self.fields[leaf.name] = _in_language(form_field, self.lang)
        self.targets[leaf.name] = ("block", name, index, path, block)
        return leaf

    def _add_children(self, relation, child_model):
        for index, child in enumerate(getattr(self.page, relation).all()):
            label = f"{child_model._meta.verbose_name} {index + 1}"
            row = Row((relation, index), label)
            for name in translated_fields(child_model):
                form_name = f"{relation}-{index}-{name}"
                value = own_value(child, name, self.lang)
                self.fields[form_name] = self._target_field(child_model, name, value)
                self.fields[form_name].label = label
                source = own_value(child, name, self.source) or ""
                row.leaves.append(Leaf(label, source, True, form_name))
                self.targets[form_name] = ("child", relation, index, name)
            self.rows.append(row)

    def attach(self, changes):
        """Put each Change beside the row it is about; return those about no row (blocks
        removed from the source, blocks moved)."""
        rows = {row.key: row for row in self.rows}
        unplaced = []
        for change in changes:
            row = rows.get(change.key[:2]) or rows.get(change.key[:1])
            if row is None:
                unplaced.append(change)
            else:
                row.changes.append(change)
        return unplaced

    def rows_with_fields(self):
        """(row, [(leaf, bound field or None)]) for the template."""
        return [
            (row, [(leaf, self[leaf.name] if leaf.name else None) for leaf in row.leaves])
            for row in self.rows
        ]

    def _cleaned(self, kind):
        """(target, cleaned value) of the form's fields of one kind: field, child or block."""
        return [(t, self.cleaned_data.get(n)) for n, t in self.targets.items() if t[0] == kind]

    def _block_texts(self):
        """{(StreamField name, block index): {leaf path: stored value}} from the form."""
        texts = {}
        for (_kind, name, index, path, block), value in self._cleaned("block"):
            prepared = block.get_prep_value(block.value_from_form(value))
            texts.setdefault((name, index), {})[path] = prepared
        return texts

    def _streams(self):
        """The target's StreamField values: the skeletons with the form's texts written in."""
        streams = copy.deepcopy(self.skeletons)
        for (name, index), by_path in self._block_texts().items():
            item = streams[name][index]
            top = stream_block(self.model, name).child_blocks[item["type"]]
            item["value"] = map_text(
                top, item["value"], lambda p, _b, old, new=by_path: new.get(p, old)
            )
        return streams

    def apply(self, page):
        """Write the cleaned target values into `page` (the latest revision's object)."""
        for (_kind, name), value in self._cleaned("field"):
            setattr(page, f"{name}_{self.lang}", value)
        for name, stream_value in self._streams().items():
            setattr(page, f"{name}_{self.lang}", stream_value)
        children = {
            name: list(getattr(page, name).all()) for name, _m in translated_children(self.model)
        }
        for (_kind, relation, index, name), value in self._cleaned("child"):
            setattr(children[relation][index], f"{name}_{self.lang}", value)
        for relation, objects in children.items():
            setattr(page, relation, objects)  # the in-memory children the revision serializes

    def save(self, user, publish):
        """Save the translation as a new revision of the page, and publish it when asked; a
        rule the page's own validation applies becomes a form error."""
        page = self.page
        self.apply(page)
        try:
            revision = page.save_revision(user=user, log_action=True)
        except ValidationError as error:
            for message in error.messages:
                self.add_error(None, message)
            return None
        if publish:
            revision.publish(user=user)
        return revision
