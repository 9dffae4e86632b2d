from modeltranslation.translator import TranslationOptions, register

from .models import ArticlePage, KnowledgeBaseIndexPage


@register(KnowledgeBaseIndexPage)
class KnowledgeBaseIndexPageTR(TranslationOptions):
    fields = ("intro",)
    fallback_languages = {"default": ()}


@register(ArticlePage)
class ArticlePageTR(TranslationOptions):
    fields = ("lead", "body")
    fallback_languages = {"default": ()}
