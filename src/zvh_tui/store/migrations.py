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
from zvh_tui.core.i18n import M


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
        raise StoreError(M("store.migrate.no_key", "De database kan niet worden bijgewerkt zonder haar sleutel."))
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


_V4_COLUMNS = (
    ("meeting", '"start_time" VARCHAR(5) NOT NULL DEFAULT \'\''),
    ("meeting", '"online" INTEGER NOT NULL DEFAULT 0'),
    ("meeting", '"chair" VARCHAR(200) NOT NULL DEFAULT \'\''),
    ("meeting", '"notulist" VARCHAR(200) NOT NULL DEFAULT \'\''),
    ("meeting", '"started_at" DATETIME'),
    ("meeting", '"reminder_at" DATETIME'),
    ("meeting_item", '"slot_start" VARCHAR(5) NOT NULL DEFAULT \'\''),
    ("meeting_item", '"slot_minutes" INTEGER'),
    ("meeting_item", '"phase" VARCHAR(20) NOT NULL DEFAULT \'beeld\''),  # i18n: stored code in SQL
    ("meeting_item", '"started_at" DATETIME'),
    ("meeting_item", '"director_reason" TEXT NOT NULL DEFAULT \'\''),
    ("meeting_item", '"call_on" DATE'),
    ("meeting_item", '"next_on" DATE'),
    ("meeting_item", '"next_kind" VARCHAR(20) NOT NULL DEFAULT \'\''),
    ("meeting_note", '"kind" VARCHAR(20) NOT NULL DEFAULT \'note\''),
    ("meeting_note", '"source_partner_id" INTEGER REFERENCES "partner" ("id") ON DELETE RESTRICT'),
    ("meeting_note", '"visibility" VARCHAR(20) NOT NULL DEFAULT \'tafel\''),  # i18n: stored code in SQL
    ("action", '"agreed_in_id" INTEGER REFERENCES "meeting_item" ("id") ON DELETE SET NULL'),
)

_V4_TABLES = (
    'CREATE TABLE IF NOT EXISTS "item_invite" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT NULL, '
    '"partner_id" INTEGER NOT NULL, "contact_id" INTEGER, '
    'FOREIGN KEY ("item_id") REFERENCES "meeting_item" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE RESTRICT)',
    'CREATE TABLE IF NOT EXISTS "item_attendance" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT NULL, '
    '"partner_id" INTEGER, "contact_id" INTEGER, "is_client" INTEGER NOT NULL, "person_id" INTEGER, '
    '"presence" VARCHAR(20) NOT NULL, "arrived_at" DATETIME, "left_at" DATETIME, "reminded_at" DATETIME, '
    '"updated_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("item_id") REFERENCES "meeting_item" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("contact_id") REFERENCES "contact" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("person_id") REFERENCES "person" ("id") ON DELETE SET NULL)',
    'CREATE TABLE IF NOT EXISTS "action_review" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT NULL, '
    '"action_id" INTEGER NOT NULL, "outcome" VARCHAR(20) NOT NULL, "reason" TEXT NOT NULL, "at" DATETIME NOT NULL, '
    'FOREIGN KEY ("item_id") REFERENCES "meeting_item" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("action_id") REFERENCES "action" ("id") ON DELETE CASCADE)',
    'CREATE TABLE IF NOT EXISTS "commitment" ("id" INTEGER NOT NULL PRIMARY KEY, "item_id" INTEGER NOT NULL, '
    '"partner_id" INTEGER NOT NULL, "at" DATETIME NOT NULL, '
    'FOREIGN KEY ("item_id") REFERENCES "meeting_item" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT)',
)

_V4_INDEXES = (
    ("meeting_note_source_partner_id", "meeting_note", '"source_partner_id"', False),
    ("action_agreed_in_id", "action", '"agreed_in_id"', False),
    ("item_invite_item_id", "item_invite", '"item_id"', False),
    ("item_invite_partner_id", "item_invite", '"partner_id"', False),
    ("item_invite_contact_id", "item_invite", '"contact_id"', False),
    ("item_invite_item_id_partner_id_contact_id", "item_invite", '"item_id", "partner_id", "contact_id"', True),
    ("item_attendance_item_id", "item_attendance", '"item_id"', False),
    ("item_attendance_partner_id", "item_attendance", '"partner_id"', False),
    ("item_attendance_contact_id", "item_attendance", '"contact_id"', False),
    ("item_attendance_person_id", "item_attendance", '"person_id"', False),
    ("action_review_item_id", "action_review", '"item_id"', False),
    ("action_review_action_id", "action_review", '"action_id"', False),
    ("action_review_item_id_action_id", "action_review", '"item_id", "action_id"', True),
    ("commitment_item_id", "commitment", '"item_id"', False),
    ("commitment_partner_id", "commitment", '"partner_id"', False),
    ("commitment_item_id_partner_id", "commitment", '"item_id", "partner_id"', True),
)


def _v4(database: Database) -> None:
    """The meeting mode (issue 13): a meeting's start time, online, chair, notulist, live start
    and confidentiality reminder; per agenda item its time slot, phase (beeld/oordeel/besluit),
    the agreed person's reason and bel-moment, the next date; notes with kind (note/besluit),
    source partner and visibility; `action.agreed_in` (the item that agreed it); and the tables
    for invites, attendance per item (with times, the client included), the review of last
    time's actions and commitment to the opgave. Columns already there (a file stamped with an
    older version) are left as they are, so the step can be retried."""
    for table, column in _V4_COLUMNS:
        name = column.split('"')[1]
        present = {row[1] for row in database.execute_sql(f'PRAGMA table_info("{table}")').fetchall()}
        if name not in present:
            database.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN {column}')
    for statement in _V4_TABLES:
        database.execute_sql(statement)
    for name, table, columns, unique in _V4_INDEXES:
        kind = "UNIQUE INDEX" if unique else "INDEX"
        database.execute_sql(f'CREATE {kind} IF NOT EXISTS "{name}" ON "{table}" ({columns})')


_V5_TABLE = (
    'CREATE TABLE IF NOT EXISTS "provision" ("id" INTEGER NOT NULL PRIMARY KEY, "case_id" INTEGER NOT NULL, '
    '"partner_id" INTEGER, "kind" VARCHAR(20) NOT NULL, "plan_id" INTEGER, "plan_version" INTEGER, '
    '"meeting_id" INTEGER, "basis" TEXT NOT NULL, "convenant" INTEGER NOT NULL, "fmt" VARCHAR(10) NOT NULL, '
    '"at" DATETIME NOT NULL, "by" VARCHAR(100) NOT NULL, '
    'FOREIGN KEY ("case_id") REFERENCES "case" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("plan_id") REFERENCES "plan" ("id") ON DELETE SET NULL, '
    'FOREIGN KEY ("meeting_id") REFERENCES "meeting" ("id") ON DELETE SET NULL)'
)

_V5_INDEXES = (
    ("provision_case_id", '"case_id"'),
    ("provision_partner_id", '"partner_id"'),
    ("provision_plan_id", '"plan_id"'),
    ("provision_meeting_id", '"meeting_id"'),
    ("provision_case_id_at", '"case_id", "at"'),
    ("provision_partner_id_at", '"partner_id", "at"'),
    ("provision_meeting_id_kind", '"meeting_id", "kind"'),
)


PROVISIONS_FROM_MEETING = "provisions_from_meeting"  # KeyValue: meetings up to this id had no log


def _v5(database: Database) -> None:
    """The verstrekkingenlog (issue 14.3): what was given to which partner, about which case,
    which plan version or meeting, on which grondslag, when and by whom. IF NOT EXISTS, so a
    half-done step (or a file stamped with an older version) is brought up to date. The
    meetings there are now were held before the log existed: their minutes were never recorded
    in it, so the terms for sending minutes start with the next meeting (the KeyValue row holds
    the highest meeting id of now; 0 in a new profile)."""
    database.execute_sql(_V5_TABLE)
    for name, columns in _V5_INDEXES:
        database.execute_sql(f'CREATE INDEX IF NOT EXISTS "{name}" ON "provision" ({columns})')
    database.execute_sql(
        'INSERT OR IGNORE INTO "key_value" ("key", "value") '
        'SELECT ?, CAST(coalesce(max("id"), 0) AS TEXT) FROM "meeting"', (PROVISIONS_FROM_MEETING,))


_V6_COLUMNS = (
    ("case", '"on_behalf_partner_id" INTEGER REFERENCES "partner" ("id") ON DELETE RESTRICT'),
    ("case_person", '"informed" INTEGER NOT NULL DEFAULT 1'),
    ("case_person", '"not_informed_reason" TEXT NOT NULL DEFAULT \'\''),
    ("case_person", '"informed_review_on" DATE'),
    ("action", '"own_reason" TEXT NOT NULL DEFAULT \'\''),
)

_V6_TABLE = (
    'CREATE TABLE IF NOT EXISTS "advice" ("id" INTEGER NOT NULL PRIMARY KEY, "case_id" INTEGER NOT NULL, '
    '"asked_by_partner_id" INTEGER, "asked_by_contact_id" INTEGER, "asked_by" VARCHAR(200) NOT NULL, '
    '"asked_on" DATE, "question" TEXT NOT NULL, "advice" TEXT NOT NULL, "given_to" TEXT NOT NULL, '
    '"given_on" DATE, "regie_partner_id" INTEGER, "regie_with" VARCHAR(200) NOT NULL, "follow_up_on" DATE, '
    '"by" VARCHAR(100) NOT NULL, "created_at" DATETIME NOT NULL, "updated_at" DATETIME NOT NULL, '
    'FOREIGN KEY ("case_id") REFERENCES "case" ("id") ON DELETE CASCADE, '
    'FOREIGN KEY ("asked_by_partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("asked_by_contact_id") REFERENCES "contact" ("id") ON DELETE RESTRICT, '
    'FOREIGN KEY ("regie_partner_id") REFERENCES "partner" ("id") ON DELETE RESTRICT)'
)

_V6_INDEXES = (
    ("case_on_behalf_partner_id", "case", '"on_behalf_partner_id"'),
    ("partner_is_own", "partner", '"is_own"'),
    ("advice_case_id", "advice", '"case_id"'),
    ("advice_asked_by_partner_id", "advice", '"asked_by_partner_id"'),
    ("advice_asked_by_contact_id", "advice", '"asked_by_contact_id"'),
    ("advice_regie_partner_id", "advice", '"regie_partner_id"'),
    ("advice_follow_up_on", "advice", '"follow_up_on"'),
)


def _v6(database: Database) -> None:
    """The case after intake (issue 15): "namens" per case (the partner on whose behalf the house
    processes it: the aanmelder, so far), informed or not per betrokkene instead of per case (the
    case's answer is copied to each of its persons, once: only when the columns are new), the
    reason an own-house action needs, the advice track's table, and an index on the own house
    (looked up by every plan, dossier and caseload view). A retried half-done step
    finds its columns and leaves what is in them."""
    present = {
        table: {row[1] for row in database.execute_sql(f'PRAGMA table_info("{table}")').fetchall()}
        for table in ("case", "case_person", "action")
    }
    for table, column in _V6_COLUMNS:
        name = column.split('"')[1]
        if name not in present[table]:
            database.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN {column}')
    if "on_behalf_partner_id" not in present["case"]:
        database.execute_sql('UPDATE "case" SET "on_behalf_partner_id" = "referrer_partner_id"')
    if "informed" not in present["case_person"]:
        database.execute_sql(
            'UPDATE "case_person" SET "informed" = c."informed", '
            '"not_informed_reason" = c."not_informed_reason", "informed_review_on" = c."informed_review_on" '
            'FROM "case" AS c WHERE c."id" = "case_person"."case_id"'
        )
    database.execute_sql(_V6_TABLE)
    for name, table, columns in _V6_INDEXES:
        database.execute_sql(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ({columns})')


# version -> function that brings version-1 to version. Append; never edit a released one.
MIGRATIONS: dict[int, Callable[[Database], None]] = {
    1: _v1,
    2: _v2,
    3: _v3,
    4: _v4,
    5: _v5,
    6: _v6,
}
LATEST = max(MIGRATIONS)


def current_version(database: Database) -> int:
    return int(database.execute_sql("PRAGMA user_version").fetchone()[0])


def migrate(database: Database, target: int = LATEST) -> list[int]:
    """Apply every migration above the database's version; return the versions applied."""
    version = current_version(database)
    if version > LATEST:
        raise StoreError(M(
            "store.migrate.newer",
            "Deze database is gemaakt met een nieuwere versie van zvh-tui. "
            "Werk de app bij voordat u dit profiel opent."
        ))
    applied: list[int] = []
    for number in sorted(MIGRATIONS):
        if version < number <= target:
            with database.atomic():
                MIGRATIONS[number](database)
                database.execute_sql(f"PRAGMA user_version = {int(number)}")
            applied.append(number)
            version = number
    return applied
