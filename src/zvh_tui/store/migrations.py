"""Schema versions and the runner that brings a database to the newest one.

The version lives in SQLite's `PRAGMA user_version`. Version 1 is the frozen DDL in
`schema_v1.sql`; every later version is a function here, run in one transaction with the
version bump, so a database is always at exactly one known version.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources

from peewee import Database

from zvh_tui.core.errors import StoreError


def _split_sql(script: str) -> list[str]:
    """Split the frozen DDL on statement ends; triggers keep their inner `;` (END;)."""
    statements: list[str] = []
    current: list[str] = []
    for line in script.splitlines():
        if line.startswith("--") or not line.strip():
            continue
        current.append(line)
        joined = "\n".join(current).strip()
        in_trigger = joined.upper().startswith("CREATE TRIGGER")
        if joined.endswith(";") and (not in_trigger or joined.upper().endswith("END;")):
            statements.append(joined)
            current = []
    if current:
        statements.append("\n".join(current))
    return statements


def _v1(database: Database) -> None:
    script = resources.files("zvh_tui.store").joinpath("schema_v1.sql").read_text("utf-8")
    for statement in _split_sql(script):
        database.execute_sql(statement)


AUDIT_CHAIN_KEY = "audit_chain"  # KeyValue row: where the keyed chain starts, and its secret
AUDIT_CHAIN_LABEL = "audit-chain/v2"


def _v2(database: Database) -> None:
    """The audit chain goes on with a keyed MAC (HMAC-SHA256) from the next event on.

    Events up to now keep their SHA-256 chain (they are never rewritten: an append-only log is
    not re-chained, and a broken old chain must stay visible). The MAC secret is derived from
    the database key once, here, and kept inside the encrypted database, so it stays the same
    after a passphrase change (which changes the database key) and in every backup. This
    migration therefore needs the key: it runs when the profile is opened, with the store's
    KeyedDatabase, never on a bare file.
    """
    derive = getattr(database, "subkey", None)
    if derive is None:
        raise StoreError("De database kan niet worden bijgewerkt zonder haar sleutel.")
    row = database.execute_sql("SELECT max(id) FROM audit_event").fetchone()
    marker = {"mac_from": int(row[0] or 0), "secret": derive(AUDIT_CHAIN_LABEL).hex()}
    database.execute_sql(
        'INSERT OR IGNORE INTO "key_value" ("key", "value") VALUES (?, ?)',
        (AUDIT_CHAIN_KEY, json.dumps(marker, sort_keys=True)),
    )


def _v3(database: Database) -> None:
    """Drafts (concepts) of forms, so a lock, crash or kill -9 loses no typed text. A draft
    about a case goes when the case goes (ON DELETE CASCADE: retention leaves none behind).
    IF NOT EXISTS: a file stamped with an older version that has the table already (a backup
    brought back to an older version number) is brought up to date all the same."""
    database.execute_sql(
        'CREATE TABLE IF NOT EXISTS "draft" ("key" VARCHAR(100) NOT NULL PRIMARY KEY, "case_id" INTEGER, '
        '"data" TEXT NOT NULL, "updated_at" DATETIME NOT NULL, '
        'FOREIGN KEY ("case_id") REFERENCES "case" ("id") ON DELETE CASCADE)'
    )
    database.execute_sql('CREATE INDEX IF NOT EXISTS "draft_case_id" ON "draft" ("case_id")')


# version -> function that brings version-1 to version. Append; never edit a released one.
MIGRATIONS: dict[int, Callable[[Database], None]] = {
    1: _v1,
    2: _v2,
    3: _v3,
}
LATEST = max(MIGRATIONS)


def current_version(database: Database) -> int:
    return int(database.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(database: Database, target: int = LATEST) -> list[int]:
    """Apply every migration above the database's version; return the versions applied."""
    version = current_version(database)
    if version > LATEST:
        raise StoreError(
            "Deze database is gemaakt met een nieuwere versie van zvh-tui. "
            "Werk de app bij voordat u dit profiel opent."
        )
    applied: list[int] = []
    for number in sorted(MIGRATIONS):
        if version < number <= target:
            with database.atomic():
                MIGRATIONS[number](database)
                database.execute_sql(f"PRAGMA user_version = {int(number)}")
            applied.append(number)
            version = number
    return applied
