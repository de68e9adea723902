"""Insert a row, or replace the one with the same key: SQLite's `INSERT OR REPLACE`.

The backend seam for upserts (drafts, key/value facts, the search index); a PostgreSQL backend
would use `INSERT ... ON CONFLICT (key) DO UPDATE`.
"""

from __future__ import annotations

from peewee import Model


def put(model: type[Model], **values: object) -> None:
    """Store this row of `model`, replacing the row with the same primary or unique key."""
    model.insert(**values).on_conflict_replace().execute()
