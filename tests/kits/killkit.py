"""For the tmux tests that kill the running zvh: its process id, and what it has stored so far.

One copy for tests/terminal (plan editor, aanmelding and journal note kill -9, stop signals).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from zvh_tui.store import database


def zvh_pid(data: Path) -> int:
    """The running zvh's process id, from the profile's lock file (it holds the profile)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        text = (data / "zvh.lock").read_text().strip()
        if text.isdigit():
            return int(text)
        time.sleep(0.05)
    raise AssertionError("zvh schreef geen proces-id in het slotbestand")


def read_stored(data: Path, passphrase: str, read: Callable[[Any], object]) -> object:
    """`read(connection)` once on the profile's database (beside a running zvh: read-only)."""
    db_file = data / "zvh.db"
    key = database.derive_key(passphrase, database.read_salt(db_file)).hex()
    conn = database.connect_raw(db_file, key, readonly=True)
    try:
        return read(conn)
    finally:
        conn.close()


def wait_stored(data: Path, passphrase: str, read: Callable[[Any], object], expected: object,
                what: str, timeout: float = 30.0) -> None:
    """Wait until `read(connection)` on the running zvh's database (opened beside it, read-only)
    gives `expected`; fail naming `what` and the last value read."""
    db_file = data / "zvh.db"
    key = database.derive_key(passphrase, database.read_salt(db_file)).hex()
    deadline = time.monotonic() + timeout
    stored = None
    while time.monotonic() < deadline:
        conn = database.connect_raw(db_file, key, readonly=True)
        try:
            stored = read(conn)
        finally:
            conn.close()
        if stored == expected:
            return
        time.sleep(0.05)
    raise AssertionError(f"{what} werd niet bewaard binnen {timeout} s (nu: {stored!r})")


def draft_field(key: str, field: str) -> Callable[[Any], object]:
    """A `read` for `wait_stored`: one field of the draft stored under `key` (None if none)."""
    def read(conn: Any) -> object:
        row = conn.execute("SELECT data FROM draft WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]).get(field) if row else None
    return read
