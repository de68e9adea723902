"""The audit log's table: appending to the chain and reading it back, the backend seam.

services/safety/audit.py decides what an event holds and how it is linked (the hash or MAC of
its predecessor); this module does the storing: reading the head of the chain and appending
in one write transaction (SQLite: `BEGIN IMMEDIATE`, so two connections never append after
the same head), through the bound database or a plain sqlcipher3 connection (restore writes
its event into the copy), and the reads `zvh check` needs. A PostgreSQL backend would do the
same under a table lock or `SERIALIZABLE`.

`run` is the bound database's `execute_sql` or a plain connection's `execute`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from zvh_tui.store.migrations import AUDIT_CHAIN_KEY
from zvh_tui.store.models import AuditEvent, db

Run = Callable[..., object]

# The table's columns in the order `events` returns them: the id, the linked fields, the links.
FIELDS = ("at", "event", "user", "on_behalf_of", "case_id", "case_ref", "person_id",
          "object_type", "object_id", "detail", "result")
COLUMNS = ("id", *FIELDS, "prev_hash", "hash")
_NAMES = ", ".join(f'"{c}"' for c in COLUMNS)


def head(run: Run) -> tuple[int, str] | None:
    """The newest event's (id, hash); None for an empty log."""
    row = run('SELECT id, hash FROM "audit_event" ORDER BY id DESC LIMIT 1').fetchone()
    return (int(row[0]), row[1]) if row else None


def append(build: Callable[[int, str], AuditEvent], genesis: str,
           on_commit: Callable[[], None] | None = None) -> AuditEvent:
    """Append to the bound database's chain: `build(event_id, prev_hash)` makes the row (its
    hash filled in; `genesis` is the first event's prev_hash), inside one write transaction (or a savepoint inside the caller's), so
    reading the head and appending never interleave with another connection's append.
    `on_commit` runs once the outermost transaction has committed, once however many events
    the transaction appended."""
    with db.atomic():
        last = AuditEvent.select(AuditEvent.id, AuditEvent.hash).order_by(AuditEvent.id.desc()).limit(1).first()
        row = build((last.id if last else 0) + 1, last.hash if last else genesis)
        row.save(force_insert=True)
        if on_commit is not None:
            db.after_commit_once(on_commit)  # once per transaction, however many events
        return row


def append_raw(conn, values: dict[str, object], link: Callable[[int, str], str],
               genesis: str) -> tuple[int, str]:
    """Append one event through a plain sqlcipher3 connection, inside its transaction.

    `values` holds the FIELDS as stored; `link(event_id, prev_hash)` gives the new hash.
    Returns the new head (id, hash)."""
    last = head(conn.execute)
    event_id, prev_hash = ((last[0] + 1), last[1]) if last else (1, genesis)
    digest = link(event_id, prev_hash)
    conn.execute(
        f'INSERT INTO "audit_event" ({_NAMES}) VALUES ({", ".join("?" * len(COLUMNS))})',
        (event_id, *(values[f] for f in FIELDS), prev_hash, digest),
    )
    return event_id, digest


def hash_of(run: Run, event_id: int) -> str | None:
    """The hash of one event; None when there is no event with this id."""
    row = run('SELECT hash FROM "audit_event" WHERE id = ?', (event_id,)).fetchone()
    return None if row is None else row[0]


def carry_over(source, target) -> int | None:  # plain sqlcipher3 connections
    """Append to `target`'s log the events `source` has after `target`'s newest one, when both
    hold the same chain up to there (a restored backup and the database it replaces); with
    them the chain marker when `target` has none. How many were carried; None when `target`'s
    log is empty or the chains differ."""
    last = head(target.execute)
    if last is None:
        return None
    if hash_of(source.execute, last[0]) != last[1]:
        return None
    rows = source.execute(
        f"SELECT {_NAMES} FROM audit_event WHERE id > ? ORDER BY id", (last[0],)
    ).fetchall()
    marker = source.execute(
        "SELECT key, value FROM key_value WHERE key = ?", (AUDIT_CHAIN_KEY,)
    ).fetchall()
    target.execute("BEGIN IMMEDIATE")
    if rows:
        marks = ", ".join("?" * len(rows[0]))
        target.executemany(f"INSERT INTO audit_event ({_NAMES}) VALUES ({marks})", rows)
    target.executemany("INSERT OR IGNORE INTO key_value (key, value) VALUES (?, ?)", marker)
    target.execute("COMMIT")
    return len(rows)


def chain_marker(run: Run) -> str | None:
    """The stored chain marker (JSON text), or None when it is not there."""
    row = run('SELECT "value" FROM "key_value" WHERE "key" = ?', (AUDIT_CHAIN_KEY,)).fetchone()
    return None if row is None else row[0]


def events(run: Run) -> Iterable[tuple]:
    """Every event in id order, as rows in COLUMNS order."""
    return run(f'SELECT {_NAMES} FROM "audit_event" ORDER BY id')


def trigger_sql(run: Run) -> dict[str, str]:
    """Every trigger of the database: its name and how it was made."""
    return dict(run("SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'trigger'").fetchall())


def first_event(run: Run) -> str | None:
    """What the oldest event that is left records ("profile.create" for a whole log)."""
    row = run('SELECT event FROM "audit_event" ORDER BY id LIMIT 1').fetchone()
    return row[0] if row else None


def chain_subkey(label: str) -> bytes:
    """The bound database's key for one purpose (the chain's MAC secret, store/database.py)."""
    return db.obj.subkey(label)
