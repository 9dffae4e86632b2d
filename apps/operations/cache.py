"""A Redis cache that degrades instead of failing when Redis is unreachable.

Every page, the comment rate limit and the outage copies go through the cache. With Redis
down, reads miss, writes are dropped and counters raise (so the rate limit holds comments, see
apps/comments/ratelimit.py); the site keeps serving from the database. Short socket timeouts
keep a hung Redis from holding up requests.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)


def _degrade(default):
    def decorator(method):
        @functools.wraps(method)
        def wrapped(self, *args, **kwargs):
            try:
                return method(self, *args, **kwargs)
            except REDIS_DOWN:
                logger.warning("Redis unavailable: cache %s skipped", method.__name__)
                return default() if callable(default) else default

        return wrapped

    return decorator


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django makes a new redis-py client object (with its dictionary of reply callbacks) for
    every cache call; one per connection pool does the same work. A page reading ten cached
    parts saves about a millisecond."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        params = dict(params)
        options = dict(params.get("OPTIONS") or {})
        options.setdefault("socket_connect_timeout", 0.5)
        options.setdefault("socket_timeout", 1)
        params["OPTIONS"] = options
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient

    get = _degrade(None)(RedisCache.get)
    set = _degrade(None)(RedisCache.set)
    add = _degrade(False)(RedisCache.add)
    touch = _degrade(False)(RedisCache.touch)
    delete = _degrade(False)(RedisCache.delete)
    get_many = _degrade(dict)(RedisCache.get_many)
    set_many = _degrade(list)(RedisCache.set_many)
    delete_many = _degrade(None)(RedisCache.delete_many)
    has_key = _degrade(False)(RedisCache.has_key)
    clear = _degrade(False)(RedisCache.clear)
    # incr and decr still raise: a counter that silently says 0 would wave every post through.
