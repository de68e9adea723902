"""The database connection of a worker thread (issue 12.3/12.4: the one way a thread gets one).

Peewee keeps one connection per thread. Work in another thread than the UI's runs inside
`thread_connection()`: the thread opens its own connection, counts as using the database until
the end (a lock or quit waits for it, or stops it at a safe point with `StoreClosing`), and the
connection is closed when the block ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from zvh_tui.core.errors import StoreClosing
from zvh_tui.store import models
from zvh_tui.store.database import CLOSING_MESSAGE


@contextmanager
def thread_connection() -> Iterator[None]:
    """This thread's own connection to the open profile's database, for the block inside.

    Raises `StoreClosing` when the profile is locked (or being locked) before the block begins."""
    database = models.db.obj
    if database is None:
        raise StoreClosing(CLOSING_MESSAGE)
    with database.connection_context():
        yield
