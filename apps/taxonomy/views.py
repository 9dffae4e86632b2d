from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from apps.blog.models import BlogPostPage
from apps.core.listing import live_in_language
from apps.core.translation import current_language, own_value
from apps.kb.models import ArticlePage
from apps.qa.models import QuestionPage

from .models import Topic

TOPIC_PAGE_MODELS = (BlogPostPage, ArticlePage, QuestionPage)


def pages_about(topic, lang):
    """Live posts, articles and questions about `topic` that exist in `lang`, newest first."""
    pages = []
    for model in TOPIC_PAGE_MODELS:
        queryset = live_in_language(model, lang).filter(topics=topic)
        if model is QuestionPage:
            # A question's card shows its reading time, counted over its answers.
            queryset = queryset.prefetch_related("answers")
        pages += queryset
    return sorted(pages, key=lambda p: (p.first_published_at, p.pk), reverse=True)


def topic_page(request, slug):
    """A topic's page in the reader's language; 404 where the topic has no name in it."""
    lang = current_language()
    topic = Topic.objects.filter(**{f"slug_{lang}": slug}).first()
    if topic is None or lang not in topic.languages:
        raise Http404("no such topic in this language")
    name = own_value(topic, "name", lang)
    return TemplateResponse(
        request,
        "taxonomy/topic_page.html",
        {
            "topic": topic,
            "topic_name": name,
            "items": pages_about(topic, lang),
            "translation_links": topic.translation_links(request),
            "meta_description": _("Posts, articles and questions about %(topic)s.")
            % {"topic": name},
        },
    )
