import os

from django.core.wsgi import get_wsgi_application

from apps.caching.alignment import AlignedCacheFiles

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")

application = AlignedCacheFiles(get_wsgi_application())
