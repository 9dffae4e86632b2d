"""Reads go to a read replica, writes to the primary (DATABASE_REPLICA_URLS switches it on).

Inside a transaction on the primary, reads stay on the primary: a replica lags a little, and
code that writes and then reads back (publishing, moderation) must see its own write.
"""

import random

from django.db import connections as default_connections

PRIMARY = "default"


class PrimaryReplicaRouter:
    def __init__(self, connections=None):
        self.connections = connections or default_connections

    def replicas(self):
        return [alias for alias in self.connections.settings if alias != PRIMARY]

    def db_for_read(self, model, **hints):
        choices = self.replicas()
        if not choices or self.connections[PRIMARY].in_atomic_block:
            return PRIMARY
        return random.choice(choices)  # noqa: S311 - spreading load, not security

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # Every alias holds the same data.
        return True

    def allow_migrate(self, db, app_label, **hints):
        # Replicas copy the primary's schema; only the primary is migrated.
        return db == PRIMARY
