"""gunicorn for Mishov: `gunicorn -c deploy/gunicorn.conf.py config.wsgi`.

Rendering a page is CPU work in Python, so more worker processes than cores only adds memory;
one extra per core covers the time a worker waits on PostgreSQL or Redis. GUNICORN_WORKERS
overrides the count, GUNICORN_BIND the address.
"""

import gc
import os

cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * (cores or 1)))
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "sync"
# Load the application once in the master and fork: workers share its memory pages.
preload_app = True
# nginx buffers slow clients and keeps connections to gunicorn open.
keepalive = 30
timeout = 30
graceful_timeout = 10
# Recycle workers now and then so that a slow leak cannot grow without bound.
max_requests = 20000
max_requests_jitter = 2000
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "warning")
proc_name = "mishov"


def pre_fork(server, worker):
    # The language dictionaries load on first use; loaded here, every worker shares them.
    from apps.analysis.analyzer import warm_up

    warm_up()
    # Everything the preloaded application made at start lives as long as the process: moved
    # out of the collector's sight, a full collection in a worker walks only what requests
    # made (shorter pauses, so a lower p99) and forked workers keep sharing those pages.
    gc.freeze()
