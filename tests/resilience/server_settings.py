"""The test settings with a real Redis cache, for the server processes of the fault tests, and
production's caches behind the page cache (fragments, routes, threads, related pages) on, so
that faults are met the way production meets them."""

import os
from pathlib import Path

from config.settings.test import *  # noqa: F403

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "apps.operations.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
    FRAGMENT_CACHE_SECONDS = COMMENTS_THREAD_CACHE_SECONDS = 600
if os.environ.get("MEDIA_ROOT"):
    MEDIA_ROOT = Path(os.environ["MEDIA_ROOT"])
