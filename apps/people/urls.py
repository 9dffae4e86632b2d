from django.urls import path
from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

from . import views

# Under the language prefix, with the first segment in the reader's language:
# /he/כותבים/<key>/, /fa/نویسندگان/<key>/, /fi/kirjoittajat/<key>/ (and …/<key>/2/ onwards).
AUTHORS = pgettext_lazy("URL path segment", "authors")
urlpatterns = [
    path(format_lazy("{}/<slug:key>/", AUTHORS), views.author_page, name="author"),
    path(
        format_lazy("{}/<slug:key>/<int:number>/", AUTHORS),
        views.author_page,
        name="author-page",
    ),
]
