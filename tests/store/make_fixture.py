"""Make tests/fixtures/schema_v1.db: a frozen database at schema version 1.

Run once, when schema version 1 was released, and keep the file:

    .venv/bin/python tests/store/make_fixture.py

Never regenerate it for a later schema: test_migrations.py migrates this very file to the newest
version and checks that nothing was lost. A later released schema gets its own script and file
(schema_v2.db, ...). The rows are fictional and the key is a test-only key (tests/fixtures/README.md).

The rows are written with plain SQL in version 1's columns, not with the models, so this script
keeps describing version 1 when the models move on. The audit rows carry the hash chain as
version 1 computed it, so the test also proves that old audit logs still verify.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from zvh_tui.store import database, migrations

HERE = Path(__file__).resolve().parent
TARGET = HERE.parent / "fixtures" / "schema_v1.db"

# Test-only key (64 hex digits) and salt (16 bytes: "zvh-test-salt-01"). NOT a secret: published
# in tests/fixtures/README.md. Must equal SCHEMA_V1_KEY in tests/store/conftest.py.
FIXTURE_KEY = "6f9e1c2a3b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7"
FIXTURE_SALT = b"zvh-test-salt-01".hex()

GENESIS = "0" * 64


def _digest_v1(prev_hash: str, fields: dict[str, object]) -> str:
    """Version 1's audit hash (services/safety/audit.py at the time), frozen here on purpose."""
    payload = json.dumps(fields, sort_keys=True, default=str, ensure_ascii=True)
    return hashlib.sha256((prev_hash + payload).encode("ascii")).hexdigest()


def _audit_row(prev_hash: str, at: str, event: str, **extra: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "at": at.replace(" ", "T"),  # the hash holds the ISO form of the stored timestamp
        "event": event,
        "user": "fixture-gebruiker",
        "on_behalf_of": "Fictief Zorg- en Veiligheidshuis",
        "case_id": None,
        "case_ref": "",
        "person_id": None,
        "object_type": "",
        "object_id": None,
        "detail": "",
        "result": "ok",
    }
    fields.update(extra)
    row = dict(fields, at=at, prev_hash=prev_hash)
    row["hash"] = _digest_v1(prev_hash, fields)
    return row


def make(target: Path = TARGET) -> Path:
    if target.exists():
        raise SystemExit(f"{target} exists: the fixture is frozen, do not regenerate it.")
    target.parent.mkdir(parents=True, exist_ok=True)
    db = database.KeyedDatabase(
        str(target), raw_key=FIXTURE_KEY + FIXTURE_SALT, pragmas=database.PRAGMAS
    )
    db.connect()
    applied = migrations.migrate(db, target=1)
    assert applied == [1], applied
    ts = "2026-01-05 09:30:00"
    with db.atomic():
        db.execute_sql(
            'INSERT INTO "partner" (id, name, domain, convenant_signed, is_own, notes, active,'
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (1, "Fictief Zorg- en Veiligheidshuis", "veiligheid", 1, 1, "", 1, ts, ts),
        )
        db.execute_sql(
            'INSERT INTO "partner" (id, name, domain, convenant_signed, is_own, notes, active,'
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (2, "Fictieve Wijkpartner", "zorg", 1, 0, "Testgegevens, verzonnen.", 1, ts, ts),
        )
        db.execute_sql(
            'INSERT INTO "case" (id, reference, title, phase, ave_phase, level, zvh_role,'
            " referrer_partner_id, referrer_contact_id, referrer_citizen, reason, referral_goal,"
            " received_on, informed, not_informed_reason, informed_review_on, triage_outcome,"
            " triage_reason, closing_reason, closing_informed, closed_on, retention_end,"
            " watch_until, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                1, "2026-0001", "Fictieve casus", "triage", "2", "case", "direction",
                2, None, "", "Fictieve aanleiding voor de testfixture.", "Fictief doel",
                "2026-01-05", 1, "", None, "", "", "", "", None, None, None, ts, ts,
            ),
        )  # fmt: skip
        db.execute_sql(
            'INSERT INTO "person" (id, name, date_of_birth, address, notes, created_at)'
            " VALUES (?, ?, ?, ?, ?, ?)",
            (1, "Fictief Persoon", "1980-02-29", "Verzonnenstraat 1, Nergensdorp", "", ts),
        )
        db.execute_sql(
            'INSERT INTO "case_person" (id, case_id, person_id, role, position) VALUES (?, ?, ?, ?, ?)',
            (1, 1, 1, "client", 0),
        )
        db.execute_sql(
            'INSERT INTO "case_search" (rowid, reference, names, text) VALUES (?, ?, ?, ?)',
            (1, "2026-0001", "Fictief Persoon", "Fictieve aanleiding voor de testfixture."),
        )
        db.execute_sql(
            'INSERT INTO "key_value" (key, value) VALUES (?, ?)',
            ("created_at", "2026-01-05T09:00:00"),
        )
        first = _audit_row(GENESIS, "2026-01-05 09:00:00", "profile.create")
        second = _audit_row(
            first["hash"], ts, "create", case_id=1, case_ref="2026-0001",
            object_type="case", object_id=1,
        )  # fmt: skip
        for row in (first, second):
            columns = ", ".join(f'"{name}"' for name in row)
            marks = ", ".join("?" for _ in row)
            db.execute_sql(
                f'INSERT INTO "audit_event" ({columns}) VALUES ({marks})', tuple(row.values())
            )
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()  # the last connection: the WAL is folded in and removed
    return target


if __name__ == "__main__":
    print(make(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
