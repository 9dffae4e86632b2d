from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from . import views

# Under the language prefix, with the first segment in the reader's language:
# /he/נושאים/<slug>/, /fa/موضوعات/<slug>/, /fi/aiheet/<slug>/, and the index of them all at
# /he/נושאים/ and so on.
urlpatterns = [
    path(
        format_lazy("{}/", pgettext_lazy("URL path segment", "topics")),
        views.topic_index,
        name="topic-index",
    ),
    path(
        format_lazy("{}/<str:slug>/", pgettext_lazy("URL path segment", "topics")),
        views.topic_page,
        name="topic",
    ),
]
