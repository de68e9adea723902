"""The SQLCipher file format is pinned (cipher_compatibility = 4), not left to the library's defaults.

A later sqlcipher3 with a new SQLCipher major version changes the defaults (as SQLCipher 4 did for
3): an unpinned app would then call the user's own profile "wrong passphrase". Here the process
defaults are set to SQLCipher 3's, as such a release would, and the profile must still open.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from zvh_tui.store import database, migrations


def _set_process_default(version: int) -> None:
    conn = sqlcipher.connect(":memory:")
    try:
        conn.execute(f"PRAGMA cipher_default_compatibility = {version}")
    finally:
        conn.close()


@pytest.fixture
def sqlcipher3_defaults() -> Iterator[None]:
    _set_process_default(3)
    yield
    _set_process_default(4)


def test_profile_made_today_opens_under_other_library_defaults(
    tmp_path: Path, sqlcipher3_defaults: None
) -> None:
    path = tmp_path / "zvh.db"
    _set_process_default(4)  # made by today's library
    store = database.create_store(path, "correct horse battery")
    migrations.migrate(store.database)
    store.close()
    _set_process_default(3)  # opened by a library with other defaults
    reopened = database.open_store(path, "correct horse battery")
    try:
        tables = reopened.database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()[0]
        assert tables > 0
    finally:
        reopened.close()


def test_raw_connections_pin_the_format_too(tmp_path: Path, sqlcipher3_defaults: None) -> None:
    key = "ab" * database.KEY_BYTES
    path = tmp_path / "raw.db"
    _set_process_default(4)
    conn = sqlcipher.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    conn.execute("CREATE TABLE t(x)")
    conn.close()
    _set_process_default(3)
    raw = database.connect_raw(path, key, readonly=True)
    try:
        assert raw.execute("SELECT count(*) FROM t").fetchone() == (0,)
        settings = [row[0] for row in raw.execute("PRAGMA cipher_settings").fetchall()]
        assert "PRAGMA cipher_page_size = 4096;" in settings
    finally:
        raw.close()
