"""The test settings with a real Redis cache, for the server processes of the fault tests."""

import os
from pathlib import Path

from config.settings.test import *  # noqa: F403

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "apps.core.cache.ResilientRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
if os.environ.get("MEDIA_ROOT"):
    MEDIA_ROOT = Path(os.environ["MEDIA_ROOT"])
