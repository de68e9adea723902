"""compat.peewee: each private Peewee API it relies on is still there and does what is relied
on. A failure here after a Peewee upgrade names the shim in src/zvh_tui/compat/peewee.py to
revisit; nothing else in the app touches Peewee's private parts."""

from __future__ import annotations

import inspect
import subprocess
import sys

import peewee
from sqlcipher3 import dbapi2 as sqlcipher

from zvh_tui.compat import peewee as compat


def revisit(shim: str) -> str:
    return f"Peewee {peewee.__version__} changed what compat.peewee.{shim} relies on: revisit it"


def _params(function: object) -> list[str]:
    return list(inspect.signature(function).parameters)


class Recording(compat.HookedSqlCipherDatabase):
    def __init__(self, *args: object, **kwargs: object) -> None:
        self.opened: list[object] = []
        self.closed: list[object] = []
        super().__init__(*args, **kwargs)

    def open_connection(self) -> object:
        conn = super().open_connection()
        self.opened.append(conn)
        return conn

    def close_connection(self, conn: object) -> None:
        self.closed.append(conn)
        super().close_connection(conn)


def test_connections_are_opened_and_closed_through_the_private_hooks(tmp_path) -> None:
    shim = "HookedSqlCipherDatabase (_connect, _close)"
    assert _params(peewee.Database._connect) == ["self"], revisit(shim)
    assert _params(peewee.Database._close) == ["self", "conn"], revisit(shim)
    db = Recording(str(tmp_path / "x.db"), passphrase="geheim-voor-de-test")
    db.connect()
    assert len(db.opened) == 1, revisit(shim)
    assert db.connection() is db.opened[0], revisit(shim)
    db.execute_sql("CREATE TABLE t (a)")
    db.close()
    assert db.closed == db.opened, revisit(shim)
    with db.connection_context():
        pass
    assert len(db.opened) == 2 and db.closed == db.opened, revisit(shim)


def test_add_connection_hooks_sets_the_pragmas_on_a_new_connection(tmp_path) -> None:
    shim = "HookedSqlCipherDatabase.add_connection_hooks (SqliteDatabase._add_conn_hooks)"
    assert _params(peewee.SqliteDatabase._add_conn_hooks) == ["self", "conn"], revisit(shim)
    db = compat.HookedSqlCipherDatabase(str(tmp_path / "y.db"), passphrase="geheim",
                                        pragmas={"foreign_keys": 1})
    conn = sqlcipher.connect(":memory:", isolation_level=None)
    try:
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 0
        db.add_connection_hooks(conn)
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1, revisit(shim)
    finally:
        conn.close()


def test_current_connection_is_this_threads_open_connection_or_none(tmp_path) -> None:
    shim = "HookedSqlCipherDatabase.current_connection (Database._state.conn)"
    db = compat.HookedSqlCipherDatabase(str(tmp_path / "z.db"), passphrase="geheim")
    assert db.current_connection() is None, revisit(shim)
    db.connect()
    try:
        assert db.current_connection() is db.connection(), revisit(shim)
        db.execute_sql("BEGIN")
        assert db.current_connection().in_transaction, revisit(shim)
        db.execute_sql("ROLLBACK")
    finally:
        db.close()
    assert db.current_connection() is None, revisit(shim)


def test_after_commit_once_runs_a_callback_once_per_transaction(tmp_path) -> None:
    shim = "HookedSqlCipherDatabase.after_commit_once (Database._state.commit_callbacks)"
    db = compat.HookedSqlCipherDatabase(str(tmp_path / "c.db"), passphrase="geheim")
    ran: list[str] = []

    def hook() -> None:
        ran.append("anchor")

    db.connect()
    try:
        db.execute_sql("CREATE TABLE t (a)")
        with db.atomic():
            for value in range(3):
                with db.atomic():  # a savepoint per event, as audit_log.append makes
                    db.execute_sql("INSERT INTO t VALUES (?)", (value,))
                    db.after_commit_once(hook)
            assert ran == [], revisit(shim)  # not before the commit
        assert ran == ["anchor"], revisit(shim)  # once, after it
        with db.atomic() as transaction:
            db.after_commit_once(hook)
            transaction.rollback()
        with db.atomic():
            db.after_commit_once(hook)
        assert ran == ["anchor", "anchor"], revisit(shim)  # a rolled back wait is gone
        db.after_commit_once(hook)  # outside a transaction: at once
        assert ran == ["anchor"] * 3, revisit(shim)
    finally:
        db.close()


class Thing(peewee.Model):
    name = peewee.CharField()

    class Meta:
        database = peewee.SqliteDatabase(":memory:")
        table_name = "ding"


class PlainThing(peewee.Model):
    class Meta:
        database = Thing._meta.database


def test_table_name_and_field_values() -> None:
    assert compat.table_name(Thing) == "ding", revisit("table_name (Model._meta)")
    assert compat.table_name(PlainThing) == "plainthing", revisit("table_name (Model._meta)")
    with Thing._meta.database.bind_ctx([Thing]):
        Thing.create_table()
        row = Thing.create(name="Een")
        values = compat.field_values(Thing.get_by_id(row.id))
        assert values == {"id": row.id, "name": "Een"}, revisit("field_values (Model.__data__)")
        values["name"] = "Ander"
        assert Thing.get_by_id(row.id).name == "Een"
        assert compat.field_values(row) is not row.__data__  # a copy


def test_the_peewee_shims_never_load_textual() -> None:
    """core/, store/ and services/ (which use compat.peewee) never bring Textual along, not
    even indirectly: every module of theirs imported, then Textual is still not loaded."""
    script = (
        "import importlib, pkgutil, sys\n"
        "import zvh_tui.compat.peewee, zvh_tui.core, zvh_tui.services, zvh_tui.store\n"
        "for pkg in (zvh_tui.core, zvh_tui.store, zvh_tui.services):\n"
        "    for m in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'textual'}"
        " | {'zvh_tui.compat.textual'} & set(sys.modules)))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
