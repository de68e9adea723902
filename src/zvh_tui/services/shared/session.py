"""The database connection of a thread worker.

Peewee keeps one connection per thread: a worker thread (`@work(thread=True)`) wraps its
database use in `with session.thread_connection():`, which opens its own connection and closes
it at the end. Inside it the thread counts as using the database, so a lock or quit waits for
it (or interrupts a backup) before the database is closed (store/database.py). With no
profile unlocked (locked before the worker began) it refuses with `StoreClosing`.
"""

from __future__ import annotations

from peewee import ConnectionContext

from zvh_tui.core.errors import StoreClosing
from zvh_tui.store import database, models


def thread_connection() -> ConnectionContext:
    """A context manager: this thread's own connection to the unlocked profile's database."""
    if models.db.obj is None:
        raise StoreClosing(database.CLOSING_MESSAGE)
    return models.db.connection_context()
