"""Peewee's private APIs that the store and services rely on (Peewee 4.5; tests/compat).

Imports Peewee and playhouse only, never Textual (the store and services use this module).
"""

from __future__ import annotations

from typing import Any

from peewee import Model
from playhouse.sqlcipher_ext import SqlCipherDatabase


class HookedSqlCipherDatabase(SqlCipherDatabase):
    """A SqlCipherDatabase that opens and closes its connections through public methods.

    Peewee calls the private `_connect()` to open a thread's connection and `_close(conn)` to
    close it; SqliteDatabase's private `_add_conn_hooks(conn)` sets the pragmas and functions
    on a new connection. A subclass overrides `open_connection` / `close_connection` instead.
    """

    def _connect(self) -> Any:  # Peewee's private hook
        return self.open_connection()

    def _close(self, conn: Any) -> None:  # Peewee's private hook
        self.close_connection(conn)

    def open_connection(self) -> Any:  # a DB-API connection
        return super()._connect()

    def close_connection(self, conn: Any) -> None:
        super()._close(conn)

    def add_connection_hooks(self, conn: Any) -> None:
        """The pragmas, functions and collations Peewee sets on each new connection."""
        self._add_conn_hooks(conn)

    def current_connection(self) -> Any:  # None when this thread has none open
        """This thread's open connection, without opening one (Database._state.conn)."""
        return self._state.conn

    def after_commit_once(self, fn: Any) -> None:
        """`after_commit(fn)` unless `fn` already waits for this thread's commit
        (Database._state.commit_callbacks): a batch of audit events in one transaction writes
        the anchor once, not once per event."""
        if self.transaction_depth() and any(waiting is fn for waiting in self._state.commit_callbacks):
            return
        self.after_commit(fn)


def table_name(model: type[Model]) -> str:
    """The table of a model (Model._meta, Peewee's metadata object)."""
    return model._meta.table_name


def field_values(row: Model) -> dict[str, Any]:
    """The values a model instance holds, by field name (Model.__data__), a copy."""
    return dict(row.__data__)
