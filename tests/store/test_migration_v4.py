"""Schema version 4 (the meeting mode, issue 13.6) on the frozen fixture of the released v3."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import peewee
import pytest
from schemakit import columns, foreign_keys, indexes

from zvh_tui.services.safety import audit
from zvh_tui.store import database, migrations, models

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
V3_TABLES = (
    "partner", "contact", "case", "person", "case_person", "participant", "meeting", "plan",
    "assessment", "perspective", "goal", "action", "agreement", "attendee", "meeting_item",
    "meeting_note", "journal_entry", "escalation", "director_change", "audit_event", "key_value",
    "draft", "case_search",
)  # fmt: skip
NEW_TABLES = ("item_invite", "item_attendance", "action_review", "commitment")
CHANGED_TABLES = ("meeting", "meeting_item", "meeting_note", "action")
AT = dt.datetime(2026, 3, 16, 10, 10)


@pytest.fixture
def v3_store(schema_v3_copy: Path, schema_v1_key: str) -> Iterator[database.Store]:
    """The copy of the frozen v3 file, opened with the published key and bound (not migrated)."""
    store = database.open_with_key(schema_v3_copy, schema_v1_key)
    database.bind(store)
    yield store
    store.close()


@pytest.fixture
def migrated_v3(v3_store: database.Store) -> database.Store:
    assert migrations.migrate(v3_store.database) == list(range(4, migrations.LATEST + 1))
    return v3_store


def _counts(db: peewee.Database) -> dict[str, int]:
    return {table: db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0] for table in V3_TABLES}


def _meeting_rows() -> dict[str, object]:
    """One row in each new table, on the agenda item of case 2026-0101 (item 1)."""
    item = models.MeetingItem.get_by_id(1)
    action = models.Action.get_by_id(1)
    action.agreed_in = item
    action.save()
    return {
        "invite": models.ItemInvite.create(item=item, partner=3, contact=3),
        "attendance": models.ItemAttendance.create(item=item, partner=2, contact=2, arrived_at=AT),
        "client": models.ItemAttendance.create(item=item, is_client=True, person=1, arrived_at=AT),
        "review": models.ActionReview.create(item=item, action=action, outcome="gedaan", at=AT),
        "commitment": models.Commitment.create(item=item, partner=3, at=AT),
        "note": models.MeetingNote.create(item=item, tag="oordeel", text="Fictief", kind="decision",
                                          source_partner=2, visibility="zvh"),
    }


# -- the frozen file ------------------------------------------------------------------------------


def test_the_v3_fixture_is_encrypted_with_the_published_key_and_at_version_3(
    schema_v3_copy: Path, schema_v1_key: str
) -> None:
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    script = Path(__file__).with_name("make_fixture_v3.py").read_text(encoding="utf-8")
    assert "schema_v3.db" in readme and schema_v1_key in readme
    assert f'FIXTURE_KEY = "{schema_v1_key}"' in script
    assert not schema_v3_copy.read_bytes().startswith(b"SQLite format 3")
    assert schema_v3_copy.stat().st_size < 600_000  # one page per table and index, no more
    store = database.open_with_key(schema_v3_copy, schema_v1_key)
    database.bind(store)
    try:
        db = store.database
        assert migrations.current_version(db) == 3
        assert "item_attendance" not in db.get_tables()
        assert "agreed_in_id" not in columns(db, "action")
        marker = audit.read_marker(db.execute_sql)
        assert marker is not None and marker.mac_from == 2  # a mixed chain: SHA-256, then HMAC
        report = audit.verify_chain()
        assert report.ok and report.events == 7
    finally:
        store.close()


# -- migrating it -----------------------------------------------------------------------------------


def test_the_v3_fixture_migrates_to_the_newest_without_losing_a_row(v3_store: database.Store) -> None:
    db = v3_store.database
    before = _counts(db)
    assert all(before.values()), before  # the file has rows in every table
    assert migrations.migrate(db) == list(range(4, migrations.LATEST + 1))
    assert migrations.current_version(db) == migrations.LATEST
    after = _counts(db)
    assert after.pop("key_value") == before.pop("key_value") + 1  # v5: where the verstrekkingenlog starts
    assert after == before
    for table in NEW_TABLES:
        assert db.execute_sql(f'SELECT count(*) FROM "{table}"').fetchone()[0] == 0
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []

    case = models.Case.get(models.Case.reference == "2026-0101")
    assert (case.title, case.phase, case.referrer_partner.name) == (
        "Fictief Gezin", "execution", "Fictief Wijkteam Zuid")
    assert [p.name for p in models.Person.select().order_by(models.Person.id)] == [
        "Fictieve Ouder", "Fictief Kind", "Fictieve Buurman"]
    plan = models.Plan.get(models.Plan.case == case)
    assert (plan.status, plan.adopted_in.title, plan.evaluation_on) == (
        "adopted", "Fictief casusoverleg", dt.date(2026, 4, 27))
    actions = [(a.text, a.owner_partner_id, a.deadline, a.status)
               for a in models.Action.select().order_by(models.Action.id)]
    assert actions == [
        ("Fictief huisbezoek", 3, dt.date(2026, 3, 23), "open"),
        ("Fictieve betalingsregeling", 4, dt.date(2026, 4, 6), "busy"),
        ("Fictief buurtgesprek", 2, dt.date(2026, 3, 30), "done"),
    ]
    item = models.MeetingItem.get(models.MeetingItem.case == case)
    assert (item.status, item.director_contact.name, item.closed_at) == (
        "closed", "F. Agent", dt.datetime(2026, 3, 16, 10, 40))
    notes = [(n.tag, n.text) for n in models.MeetingNote.select().where(models.MeetingNote.item == item)
             .order_by(models.MeetingNote.id)]
    assert [tag for tag, _ in notes] == ["beeld", "oordeel", "besluit"]
    assert notes[2][1] == "Fictief besluit: plan vastgesteld."
    presence = {a.partner.name: a.presence for a in models.Attendee.select()}
    assert presence["Fictieve Woningcorporatie"] == "excused" and len(presence) == 4
    assert models.Draft.get_by_id("journal:1").data == '{"text": "half getypt, fictief"}'
    hits = list(models.CaseSearch.select().where(models.CaseSearch.match("buurman")))
    assert [hit.rowid for hit in hits] == [2]


def test_the_new_columns_get_their_defaults(migrated_v3: database.Store) -> None:
    """Read with plain SQL: the defaults are the schema's, not only the models'."""
    db = migrated_v3.database

    def row(sql: str) -> tuple:
        return tuple(db.execute_sql(sql).fetchall())

    assert row('SELECT start_time, online, chair, notulist, started_at, reminder_at FROM "meeting"') == (
        ("", 0, "", "", None, None),)
    assert row('SELECT slot_start, slot_minutes, phase, started_at, director_reason, call_on, next_on,'
               ' next_kind FROM "meeting_item" ORDER BY id') == (("", None, "beeld", None, "", None, None, ""),) * 2
    assert set(row('SELECT kind, source_partner_id, visibility FROM "meeting_note"')) == {("note", None, "tafel")}
    assert set(row('SELECT agreed_in_id FROM "action"')) == {(None,)}
    note = models.MeetingNote.get_by_id(3)
    assert (note.kind, note.source_partner, note.visibility) == ("note", None, "tafel")
    assert models.MeetingItem.get_by_id(1).phase == "beeld"


@pytest.mark.parametrize("table", NEW_TABLES + CHANGED_TABLES)
def test_the_new_and_changed_tables_match_the_models(migrated_v3: database.Store, reference_schema,
                                                     table: str) -> None:
    db = migrated_v3.database
    assert columns(db, table) == columns(reference_schema, table)
    assert indexes(db, table) == indexes(reference_schema, table)
    assert foreign_keys(db, table) == foreign_keys(reference_schema, table)


def test_the_new_foreign_keys_say_what_goes_with_what(migrated_v3: database.Store) -> None:
    db = migrated_v3.database
    assert ("meeting_item", "agreed_in_id", "id", "SET NULL") in foreign_keys(db, "action")
    assert ("partner", "source_partner_id", "id", "RESTRICT") in foreign_keys(db, "meeting_note")
    for table in NEW_TABLES:
        assert ("meeting_item", "item_id", "id", "CASCADE") in foreign_keys(db, table), table
    assert ("action", "action_id", "id", "CASCADE") in foreign_keys(db, "action_review")
    assert ("person", "person_id", "id", "SET NULL") in foreign_keys(db, "item_attendance")


def test_the_audit_chain_still_verifies_after_the_migration(migrated_v3: database.Store) -> None:
    assert audit.missing_triggers() == []
    report = audit.verify_chain()
    assert report.ok and report.events == 7
    event = audit.record("view", object_type="meeting", object_id=1)
    marker = audit.read_marker(migrated_v3.database.execute_sql)
    assert event.hash == audit._mac(marker.secret, event.prev_hash, audit._fields(event))
    report = audit.verify_chain()
    assert report.ok and report.events == 8


# -- what goes with what in the migrated file ------------------------------------------------------


def test_agreed_in_is_set_null_when_its_agenda_item_is_deleted(migrated_v3: database.Store) -> None:
    rows = _meeting_rows()
    db = migrated_v3.database
    assert models.Action.get_by_id(1).agreed_in_id == 1
    with db.atomic():
        models.MeetingItem.delete().where(models.MeetingItem.id == 1).execute()
    action = models.Action.get_by_id(1)  # the action stays in the plan; only the link goes
    assert (action.text, action.agreed_in_id) == ("Fictief huisbezoek", None)
    assert models.ActionReview.select().count() == 0
    for name in ("invite", "attendance", "client", "commitment", "note"):
        model = type(rows[name])
        assert not model.select().where(model.id == rows[name].id).exists(), name
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []


def test_deleting_a_case_cascades_through_the_new_tables(migrated_v3: database.Store) -> None:
    _meeting_rows()
    other = models.MeetingItem.get_by_id(2)  # case 2026-0102's item stays with its rows
    models.ItemInvite.create(item=other, partner=2)
    models.ItemAttendance.create(item=other, partner=2, arrived_at=AT)
    models.Commitment.create(item=other, partner=2, at=AT)
    db = migrated_v3.database
    with db.atomic():
        models.Case.delete().where(models.Case.reference == "2026-0101").execute()
    for model in (models.ItemInvite, models.ItemAttendance, models.Commitment):
        assert [row.item_id for row in model.select()] == [2], model.__name__
    assert models.ActionReview.select().count() == 0
    assert [n.item_id for n in models.MeetingNote.select()] == [2]
    assert models.Action.select().count() == 0
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []


def test_a_partner_in_the_new_tables_cannot_be_deleted_by_the_schema(migrated_v3: database.Store) -> None:
    """RESTRICT: a partner who was invited, present, committed or the source of a note stays."""
    item = models.MeetingItem.get_by_id(2)
    partner = models.Partner.create(name="Fictieve Jeugdzorg", domain="zorg")
    for make in (
        lambda: models.ItemInvite.create(item=item, partner=partner),
        lambda: models.ItemAttendance.create(item=item, partner=partner, arrived_at=AT),
        lambda: models.Commitment.create(item=item, partner=partner, at=AT),
        lambda: models.MeetingNote.create(item=item, tag="beeld", text="Fictief", source_partner=partner),
    ):
        row = make()
        with pytest.raises(peewee.IntegrityError), migrated_v3.database.atomic():
            models.Partner.delete().where(models.Partner.id == partner.id).execute()
        row.delete_instance()
    models.Partner.delete().where(models.Partner.id == partner.id).execute()  # referenced nowhere now
    assert not models.Partner.select().where(models.Partner.name == "Fictieve Jeugdzorg").exists()


# -- a retried step -----------------------------------------------------------------------------------


def test_a_file_stamped_v3_with_some_v4_columns_already_is_migrated(v3_store: database.Store,
                                                                   reference_schema) -> None:
    """A step that got half-way elsewhere (or a backup put back under an older number): the
    columns and tables already there are kept with their values, the rest is added."""
    db = v3_store.database
    db.execute_sql("""ALTER TABLE "meeting" ADD COLUMN "start_time" VARCHAR(5) NOT NULL DEFAULT ''""")
    db.execute_sql("""ALTER TABLE "meeting_item" ADD COLUMN "phase" VARCHAR(20) NOT NULL DEFAULT 'beeld'""")
    db.execute_sql('UPDATE "meeting" SET start_time = \'09:30\'')
    db.execute_sql('UPDATE "meeting_item" SET phase = \'besluit\' WHERE id = 1')
    db.execute_sql(migrations._V4_TABLES[0])  # item_invite
    db.execute_sql('INSERT INTO "item_invite" (item_id, partner_id, contact_id) VALUES (1, 3, 3)')
    assert migrations.current_version(db) == 3
    assert migrations.migrate(db) == list(range(4, migrations.LATEST + 1))
    for table in NEW_TABLES + CHANGED_TABLES:
        assert columns(db, table) == columns(reference_schema, table), table
        assert indexes(db, table) == indexes(reference_schema, table), table
    assert models.Meeting.get_by_id(1).start_time == "09:30"
    assert [i.phase for i in models.MeetingItem.select().order_by(models.MeetingItem.id)] == ["besluit", "beeld"]
    assert [(i.item_id, i.partner_id) for i in models.ItemInvite.select()] == [(1, 3)]
    assert models.MeetingNote.get_by_id(1).visibility == "tafel"
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert migrations.migrate(db) == []
