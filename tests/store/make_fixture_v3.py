"""Make tests/fixtures/schema_v3.db: a frozen database at schema version 3, the released schema
before the meeting mode (issue 13, schema version 4).

Run once, when schema version 4 was written, and keep the file:

    .venv/bin/python tests/store/make_fixture_v3.py

Never regenerate it for a later schema: test_migration_v4.py migrates this very file to the
newest version and checks that nothing was lost. The rows are fictional and the key is the same
published test-only key as schema_v1.db (tests/fixtures/README.md).

The schema is made by the released migrations 1 to 3 (frozen: "never edit a released one"); the
rows are written with plain SQL in version 3's columns, not with the models, so this script keeps
describing version 3 when the models move on. The audit rows carry the chain as version 3
computed it: the first two events with SHA-256 (written at version 1, before the keyed chain),
the later ones with HMAC-SHA256 under the chain secret that migration 2 put in `key_value`
(`mac_from` = 2). So the migration test also proves that a mixed chain still verifies.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sys
from pathlib import Path

from zvh_tui.store import database, migrations

HERE = Path(__file__).resolve().parent
TARGET = HERE.parent / "fixtures" / "schema_v3.db"

# The published test-only key of schema_v1.db (tests/fixtures/README.md), with this file's own
# salt (16 bytes: "zvh-test-salt-03"). NOT a secret. Must equal SCHEMA_V1_KEY in conftest.py.
FIXTURE_KEY = "6f9e1c2a3b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7"
FIXTURE_SALT = b"zvh-test-salt-03".hex()

GENESIS = "0" * 64
USER = "fixture-gebruiker"
HOUSE = "Fictief Zorg- en Veiligheidshuis"


def _payload(prev_hash: str, fields: dict[str, object]) -> bytes:
    text = json.dumps(fields, sort_keys=True, default=str, ensure_ascii=True)
    return (prev_hash + text).encode("ascii")


def _digest_v1(prev_hash: str, fields: dict[str, object]) -> str:
    """Version 1's link (services/safety/audit.py at the time), frozen here on purpose."""
    return hashlib.sha256(_payload(prev_hash, fields)).hexdigest()


def _mac_v2(secret: bytes, prev_hash: str, fields: dict[str, object]) -> str:
    """Version 2's keyed link (HMAC-SHA256 under the chain secret), frozen here on purpose."""
    return hmac.new(secret, _payload(prev_hash, fields), hashlib.sha256).hexdigest()


class _Chain:
    """Appends audit rows with plain SQL, linked as version 3 links them."""

    def __init__(self, db: database.KeyedDatabase) -> None:
        self.db = db
        self.prev = GENESIS
        self.last_id = 0

    def append(self, at: str, event: str, **extra: object) -> None:
        fields: dict[str, object] = {
            "at": at.replace(" ", "T"),  # the link holds the ISO form of the stored timestamp
            "event": event,
            "user": USER,
            "on_behalf_of": HOUSE,
            "case_id": None,
            "case_ref": "",
            "person_id": None,
            "object_type": "",
            "object_id": None,
            "detail": "",
            "result": "ok",
        }
        fields.update(extra)
        event_id = self.last_id + 1
        marker = self._marker()
        if marker is not None and event_id > marker[0]:
            digest = _mac_v2(marker[1], self.prev, fields)
        else:
            digest = _digest_v1(self.prev, fields)
        row = dict(fields, id=event_id, at=at, prev_hash=self.prev, hash=digest)
        columns = ", ".join(f'"{name}"' for name in row)
        marks = ", ".join("?" for _ in row)
        self.db.execute_sql(f'INSERT INTO "audit_event" ({columns}) VALUES ({marks})', tuple(row.values()))
        self.prev, self.last_id = digest, event_id

    def _marker(self) -> tuple[int, bytes] | None:
        if "key_value" not in self.db.get_tables():
            return None
        row = self.db.execute_sql(
            'SELECT "value" FROM "key_value" WHERE "key" = ?', (migrations.AUDIT_CHAIN_KEY,)
        ).fetchone()
        if row is None:
            return None
        data = json.loads(row[0])
        return int(data["mac_from"]), bytes.fromhex(data["secret"])


def _insert(db: database.KeyedDatabase, table: str, **values: object) -> None:
    columns = ", ".join(f'"{name}"' for name in values)
    marks = ", ".join("?" for _ in values)
    db.execute_sql(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', tuple(values.values()))


T0 = "2026-03-02 08:15:00"
T1 = "2026-03-02 09:00:00"
T2 = "2026-03-16 10:05:00"
T3 = "2026-03-16 10:40:00"


def _partners(db: database.KeyedDatabase) -> None:
    for pid, name, domain, own, notes in (
        (1, HOUSE, "veiligheid", 1, ""),
        (2, "Fictieve Politie Nergensdorp", "veiligheid", 0, ""),
        (3, "Fictief Wijkteam Zuid", "zorg", 0, "Testgegevens, verzonnen."),
        (4, "Fictieve Woningcorporatie", "wonen", 0, ""),
    ):
        _insert(db, "partner", id=pid, name=name, domain=domain, convenant_signed=1, is_own=own,
                notes=notes, active=1, created_at=T0, updated_at=T0)
    for cid, partner, name, function in (
        (1, 1, "Fictieve Regisseur", "procesregisseur"),
        (2, 2, "F. Agent", "wijkagent"),
        (3, 3, "W. Werker", "wijkteammedewerker"),
    ):
        _insert(db, "contact", id=cid, partner_id=partner, name=name, function=function,
                phone="0600000000", email="", availability="ma-vr", active=1,
                created_at=T0, updated_at=T0)


def _cases(db: database.KeyedDatabase) -> None:
    common = dict(level="case", zvh_role="direction", referrer_citizen="", received_on="2026-03-02",
                  informed=1, not_informed_reason="", informed_review_on=None, triage_outcome="",
                  triage_reason="", closing_reason="", closing_informed="", closed_on=None,
                  retention_end=None, watch_until=None, created_at=T0, updated_at=T3)
    _insert(db, "case", id=1, reference="2026-0101", title="Fictief Gezin", phase="execution",
            ave_phase="2", referrer_partner_id=3, referrer_contact_id=3,
            reason="Fictieve zorgen over schulden en overlast.", referral_goal="Rust in huis",
            **common)
    _insert(db, "case", id=2, reference="2026-0102", title="Fictieve Buurman", phase="meeting",
            ave_phase="1", referrer_partner_id=2, referrer_contact_id=None,
            reason="Fictieve meldingen van verward gedrag.", referral_goal="", **common)
    for pid, name, born, address in (
        (1, "Fictieve Ouder", "1985-07-01", "Verzonnenstraat 3, Nergensdorp"),
        (2, "Fictief Kind", "2015-09-12", "Verzonnenstraat 3, Nergensdorp"),
        (3, "Fictieve Buurman", None, ""),
    ):
        _insert(db, "person", id=pid, name=name, date_of_birth=born, address=address, notes="",
                created_at=T0)
    for link, case, person, role, position in ((1, 1, 1, "parent", 0), (2, 1, 2, "child", 1),
                                               (3, 2, 3, "client", 0)):
        _insert(db, "case_person", id=link, case_id=case, person_id=person, role=role,
                position=position)
    _insert(db, "case_search", rowid=1, reference="2026-0101", names="Fictieve Ouder Fictief Kind",
            text="Fictieve zorgen over schulden en overlast.")
    _insert(db, "case_search", rowid=2, reference="2026-0102", names="Fictieve Buurman",
            text="Fictieve meldingen van verward gedrag.")
    for pid, case, partner, contact, role in ((1, 1, 3, 3, "referrer"), (2, 1, 2, 2, "case_director"),
                                              (3, 1, 4, None, "member"), (4, 2, 2, None, "referrer")):
        _insert(db, "participant", id=pid, case_id=case, partner_id=partner, contact_id=contact,
                role=role, check_status="known", check_on="2026-03-03",
                check_basis="fictief convenant art. 5", added_at=T0)
    _insert(db, "director_change", id=1, case_id=1, partner_id=2, contact_id=2, at=T1, by=USER)
    _insert(db, "escalation", id=1, case_id=1, from_level="case", to_level="case",
            from_ave="1", to_ave="2", trigger="Fictief: de partners komen er samen niet uit.",
            decided_by="Fictieve Manager", decided_on="2026-03-09", created_at=T1)
    _insert(db, "journal_entry", id=1, case_id=1, at=T1, author=USER, hat="casusregie",
            text="Fictief telefoontje met het wijkteam.")


def _plan_and_meeting(db: database.KeyedDatabase) -> None:
    _insert(db, "meeting", id=1, kind="MDO", title="Fictief casusoverleg", held_on="2026-03-16",
            status="closed", location="Fictieve zaal 2", created_at=T1, closed_at=T3)
    _insert(db, "plan", id=1, case_id=1, version=1, status="adopted",
            shared_task="Samen zorgen voor rust in huis", client_view="Fictieve wens: blijven wonen.",
            director_partner_id=2, director_contact_id=2, evaluation_on="2026-04-27",
            adopted_on="2026-03-16", adopted_in_id=1, superseded=0, created_at=T1, updated_at=T3)
    _insert(db, "goal", id=1, plan_id=1, position=0, intent="Fictief: stabiel wonen",
            life_domain="wonen", origin=None)
    for aid, goal, position, body, partner, contact, deadline, status in (
        (1, 1, 0, "Fictief huisbezoek", 3, 3, "2026-03-23", "open"),
        (2, 1, 1, "Fictieve betalingsregeling", 4, None, "2026-04-06", "busy"),
        (3, None, 0, "Fictief buurtgesprek", 2, 2, "2026-03-30", "done"),
    ):
        _insert(db, "action", id=aid, plan_id=1, goal_id=goal, position=position, text=body,
                owner_partner_id=partner, owner_contact_id=contact, deadline=deadline,
                status=status, feedback="", feedback_on=None, nobody_accepted=0, origin=None,
                created_at=T1, updated_at=T3)
    _insert(db, "agreement", id=1, plan_id=1, position=0,
            text="Fictief: bij een incident belt de politie de casusregisseur", partner_id=2,
            origin=None)
    _insert(db, "assessment", id=1, plan_id=1, life_domain="wonen", strengths="Fictief netwerk",
            concerns="Fictieve huurachterstand")
    _insert(db, "perspective", id=1, plan_id=1, partner_id=3, text="Fictief perspectief van het wijkteam.")
    for item, case, position, partner, contact in ((1, 1, 0, 2, 2), (2, 2, 1, None, None)):
        _insert(db, "meeting_item", id=item, meeting_id=1, case_id=case, position=position,
                status="closed" if partner else "open", director_partner_id=partner,
                director_contact_id=contact, closed_at=T3 if partner else None)
    for aid, partner, contact, presence in ((1, 1, 1, "present"), (2, 2, 2, "present"),
                                            (3, 3, 3, "present"), (4, 4, None, "excused")):
        _insert(db, "attendee", id=aid, meeting_id=1, partner_id=partner, contact_id=contact,
                presence=presence)
    for nid, item, tag, body in (
        (1, 1, "beeld", "Fictief beeld: de schulden lopen op."),
        (2, 1, "oordeel", "Fictief oordeel: samen optrekken."),
        (3, 1, "besluit", "Fictief besluit: plan vastgesteld."),
        (4, 2, "beeld", "Fictief beeld van de buurman."),
    ):
        _insert(db, "meeting_note", id=nid, item_id=item, tag=tag, text=body, created_at=T2)
    _insert(db, "draft", key="journal:1", case_id=1, data='{"text": "half getypt, fictief"}',
            updated_at=T3)


def make(target: Path = TARGET) -> Path:
    if target.exists():
        raise SystemExit(f"{target} exists: the fixture is frozen, do not regenerate it.")
    target.parent.mkdir(parents=True, exist_ok=True)
    db = database.KeyedDatabase(
        str(target), raw_key=FIXTURE_KEY + FIXTURE_SALT, pragmas=database.PRAGMAS
    )
    db.connect()
    chain = _Chain(db)
    assert migrations.migrate(db, target=1) == [1]
    with db.atomic():  # events of the SHA-256 era, before the keyed chain
        chain.append("2026-03-02 08:00:00", "profile.create")
        chain.append(T0, "create", object_type="partner", object_id=2)
    assert migrations.migrate(db, target=3) == [2, 3]
    with db.atomic():
        _insert(db, "key_value", key="created_at", value="2026-03-02T08:00:00")
        _partners(db)
        _cases(db)
        _plan_and_meeting(db)
        chain.append(T0, "create", case_id=1, case_ref="2026-0101", object_type="case", object_id=1)
        chain.append(T0, "create", case_id=2, case_ref="2026-0102", object_type="case", object_id=2)
        chain.append(T1, "view", case_id=1, case_ref="2026-0101", object_type="case", object_id=1)
        chain.append(T3, "adopt", case_id=1, case_ref="2026-0101", object_type="plan", object_id=1,
                     detail="v1")
        chain.append(T3, "update", case_id=1, case_ref="2026-0101", object_type="meeting_item",
                     object_id=1, detail="close")
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute_sql("VACUUM")  # no free pages: the file stays as small as the schema allows
    db.close()  # the last connection: the WAL is folded in and removed
    return target


if __name__ == "__main__":
    print(make(Path(sys.argv[1]) if len(sys.argv) > 1 else TARGET))
