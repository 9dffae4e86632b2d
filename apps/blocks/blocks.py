"""The StreamField vocabulary shared by blog posts and knowledge-base articles."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from apps.core.text import html_text

# Inline formatting only: headings are their own block so that a table of contents can find them.
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Section (h2)")), ("h3", _("Subsection (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Paragraph")
        template = "blocks/paragraph.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote.html"


def image_alt(value):
    """The image's text for readers who cannot see it: "" when the editor marked it decorative,
    else the block's own alternative text, else the description given with the image at upload."""
    if value.get("decorative"):
        return ""
    description = getattr(value.get("image"), "description", "")
    return (value.get("alt_text") or "").strip() or (description or "").strip()


class ImageBlock(blocks.StructBlock):
    """An image with its alternative text, required unless the image is marked decorative.

    Drafts keep an image without one (autosave saves half-written forms); publishing refuses it.
    """

    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=250,
        help_text=_(
            "What the image shows, for readers who cannot see it. Leave empty to use the "
            "description given when the image was uploaded."
        ),
    )
    decorative = blocks.BooleanBlock(
        label=_("Decorative image"),
        required=False,
        help_text=_("The image adds nothing to the text: screen readers skip it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image.html"

    def clean(self, value):
        value = super().clean(value)
        described = value.get("decorative") or image_alt(value)
        if value.get("image") and not described and not self.is_deferred_validation:
            message = _(
                "Describe the image for readers who cannot see it (here or in the image's "
                "description), or mark it as decorative."
            )
            raise StructBlockValidationError(block_errors={"alt_text": ValidationError(message)})
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["alt"] = image_alt(value)
        return context


class ListBlock(blocks.StructBlock):
    ordered = blocks.BooleanBlock(label=_("Numbered"), required=False, default=False)
    items = blocks.ListBlock(blocks.CharBlock(label=_("Item"), max_length=1000), label=_("Items"))

    class Meta:
        icon = "list-ul"
        label = _("List")
        template = "blocks/list.html"


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=300)
    answer = blocks.RichTextBlock(
        label=_("Answer"),
        features=RICH_TEXT_FEATURES,
        required=False,
        help_text=_("Leave empty to show the question as still open."),
    )

    class Meta:
        icon = "help"
        label = _("Question and answer")


def rich_text_plain(value):
    """The plain text of a rich-text value (RichText or HTML string), whitespace collapsed."""
    return " ".join(html_text(str(getattr(value, "source", value) or "")).split())


def answered_questions(faq_value):
    """(question, answer) pairs of an FAQ section whose answer has text; the rest are open."""
    return [
        (item["question"], item["answer"])
        for item in faq_value["items"]
        if rich_text_plain(item["answer"])
    ]


class FAQBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=200)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"))

    class Meta:
        icon = "help"
        label = _("FAQ section")
        template = "blocks/faq.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        # An answer that is only empty markup (e.g. "<p></p>") still leaves the question open.
        context["entries"] = [
            {
                "question": item["question"],
                "answer": item["answer"],
                "answered": bool(rich_text_plain(item["answer"])),
            }
            for item in value["items"]
        ]
        return context


class BodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    list = ListBlock()
    faq = FAQBlock()
