"""Checks and upkeep of the database file: the backend seam for backups, rekey, integrity and
retention.

SQLite and SQLCipher here: `PRAGMA quick_check`, `integrity_check`, `cipher_integrity_check`,
`foreign_key_check`, `wal_checkpoint`, `VACUUM`, `VACUUM INTO`, `sqlcipher_export`. Each
function takes `run`, either the bound database's `execute_sql` or a plain sqlcipher3
connection's `execute` (store/database.py `connect_raw`), and raises the driver's error when
the file is damaged; the services decide what that means for the user. A PostgreSQL backend
would offer the same functions (amcheck, `VACUUM`, `pg_dump`), or say that one does not apply.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from zvh_tui.core.errors import StoreError, ZvhError
from zvh_tui.core.i18n import M
from zvh_tui.store import database, migrations
from zvh_tui.store.models import db

Run = Callable[..., object]  # `db.execute_sql` or a sqlcipher3 connection's `execute`


def probe(run: Run) -> None:
    """Read the schema: raises on a wrong key or a file that is no database."""
    run("SELECT count(*) FROM sqlite_master").fetchone()


def quick_check_ok(run: Run) -> bool:
    """SQLite's quick check (structure of every page) passes."""
    return run("PRAGMA quick_check").fetchall() == [("ok",)]


def integrity_problems(run: Run) -> list[str]:
    """SQLite's full integrity check: what it reports, or nothing when all is well."""
    rows = [r[0] for r in run("PRAGMA integrity_check").fetchall()]
    return [] if rows == ["ok"] else rows


def bad_pages(run: Run) -> int:
    """How many pages fail SQLCipher's HMAC (`cipher_integrity_check`): 0 when none."""
    return len(run("PRAGMA cipher_integrity_check").fetchall())


def foreign_key_problems(run: Run) -> int:
    """How many rows point at a row that is not there (`foreign_key_check`)."""
    return len(run("PRAGMA foreign_key_check").fetchall())


def schema_version(run: Run) -> int:
    return int(run("PRAGMA user_version").fetchone()[0])


def table_names(run: Run) -> set[str]:
    return {r[0] for r in run("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()}


@contextmanager
def write_transaction(conn) -> Iterator[None]:  # a sqlcipher3 connection
    """One write transaction on a plain connection (`BEGIN IMMEDIATE`: no other writer gets
    in between), committed at the end; on an error it is left to the connection's close."""
    conn.execute("BEGIN IMMEDIATE")
    yield
    conn.execute("COMMIT")


def checkpoint(run: Run) -> bool:
    """Move what is in the write-ahead log into the file and empty the log; True when all of
    it could be moved (no other connection was reading)."""
    busy = run("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return bool(busy) and busy[0] == 0


def scrub() -> None:
    """Rewrite the bound database's file so deleted text is not left in free pages or the WAL
    (with `secure_delete` on)."""
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute_sql("VACUUM")
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def vacuum_into(conn, target: Path) -> None:  # a sqlcipher3 connection
    """A consistent, compact copy of the database into the (empty) file `target`, encrypted
    with the same key."""
    conn.execute("VACUUM INTO ?", (str(target),))


def _counts(conn, schema: str) -> dict[str, int]:  # a sqlcipher3 connection
    """Rows per table; FTS5 tables through their shadow tables (a virtual table made by
    `sqlcipher_export` only opens on a new connection)."""
    tables = [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {schema}.sqlite_master WHERE type='table' "
            "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"
        )
    ]
    return {t: conn.execute(f'SELECT count(*) FROM {schema}."{t}"').fetchone()[0] for t in tables}


def export_rekeyed(source: Path, key: str, target: Path, target_key: str) -> None:
    """Copy everything into a new encrypted file (made here, 0600) under `target_key`, under
    `BEGIN IMMEDIATE` so no writer slips in, and compare the counts of rows."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    conn = database.connect_raw(source, key)
    try:
        conn.execute("ATTACH DATABASE ? AS rekey KEY ?", (str(target), f"x'{target_key}'"))
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("SELECT sqlcipher_export('rekey')")
            version = int(conn.execute("PRAGMA main.user_version").fetchone()[0])
            if not 1 <= version <= migrations.LATEST:
                raise StoreError(M("store.rekey.unknown_version", "De database heeft een onbekende versie."))
            conn.execute(f"PRAGMA rekey.user_version = {version}")
            if _counts(conn, "main") != _counts(conn, "rekey"):
                raise StoreError(M("store.rekey.copy_differs",
                                   "De kopie is niet gelijk aan de database; er is niets gewijzigd."))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("DETACH DATABASE rekey")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except ZvhError:
        raise
    except Exception:
        raise StoreError(M("store.rekey.copy_failed",
                           "De versleutelde kopie kon niet worden gemaakt; er is niets gewijzigd.")) from None
    finally:
        conn.close()
