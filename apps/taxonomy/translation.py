from modeltranslation.translator import TranslationOptions, register

from .models import Topic


@register(Topic)
class TopicTR(TranslationOptions):
    fields = ("name", "slug")
    # A topic without a name in the reader's language is not shown in that language.
    fallback_languages = {"default": ()}
