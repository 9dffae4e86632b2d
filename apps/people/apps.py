from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "apps.people"
    label = "people"
    verbose_name = _("People")

    def ready(self):
        from apps.caching import invalidation

        from .models import Author

        # An author's name and bio are shown on every page they wrote.
        invalidation.connect_shared(Author, "people.author")
