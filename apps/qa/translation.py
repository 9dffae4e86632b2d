from modeltranslation.translator import TranslationOptions, register

from .models import Answer, QuestionIndexPage, QuestionPage


@register(QuestionIndexPage)
class QuestionIndexPageTR(TranslationOptions):
    fields = ("intro",)
    fallback_languages = {"default": ()}


@register(QuestionPage)
class QuestionPageTR(TranslationOptions):
    fields = ("details",)
    fallback_languages = {"default": ()}


@register(Answer)
class AnswerTR(TranslationOptions):
    fields = ("body",)
    fallback_languages = {"default": ()}
