from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from . import views

# Under the language prefix, with the first segment in the reader's language:
# /he/נושאים/<slug>/, /fa/موضوعات/<slug>/, /fi/aiheet/<slug>/.
urlpatterns = [
    path(
        format_lazy("{}/<str:slug>/", pgettext_lazy("URL path segment", "topics")),
        views.topic_page,
        name="topic",
    ),
]
