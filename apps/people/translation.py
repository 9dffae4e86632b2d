from modeltranslation.translator import TranslationOptions, register

from .models import Author


@register(Author)
class AuthorTR(TranslationOptions):
    fields = ("credentials", "bio")
    # A biography in one language must never stand in for another.
    fallback_languages = {"default": ()}
