from modeltranslation.translator import TranslationOptions, register

from .models import BlogIndexPage, BlogPostPage


@register(BlogIndexPage)
class BlogIndexPageTR(TranslationOptions):
    fields = ("intro",)
    fallback_languages = {"default": ()}


@register(BlogPostPage)
class BlogPostPageTR(TranslationOptions):
    fields = ("lead", "body")
    fallback_languages = {"default": ()}
