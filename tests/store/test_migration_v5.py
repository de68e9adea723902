"""Schema version 5 (the verstrekkingenlog, issue 14.3): the frozen v3 fixture migrated all the
way, the new table as the model has it, what goes with what, and a retried half-done step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import peewee
import pytest
from schemakit import columns, foreign_keys, indexes

from zvh_tui.services.safety import audit
from zvh_tui.store import database, migrations, models

AT = dt.datetime(2026, 3, 17, 9, 0)


@pytest.fixture
def v3_store(schema_v3_copy: Path, schema_v1_key: str) -> Iterator[database.Store]:
    store = database.open_with_key(schema_v3_copy, schema_v1_key)
    database.bind(store)
    yield store
    store.close()


def _provision(**fields: object) -> models.Provision:
    values = {"case": 1, "partner": 3, "kind": "plan_partner", "plan": 1, "plan_version": 1, "meeting": 1,
              "basis": "Fictieve grondslag", "convenant": True, "fmt": "html", "at": AT, "by": "tester"}
    values.update(fields)
    return models.Provision.create(**values)


def test_the_v3_fixture_migrates_through_v4_to_v5(v3_store: database.Store, reference_schema) -> None:
    db = v3_store.database
    counts = {t: db.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in ("case", "plan", "audit_event")}
    assert migrations.migrate(db) == [4, 5, 6]
    assert migrations.current_version(db) == migrations.LATEST == 6
    assert {t: db.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in counts} == counts
    assert db.execute_sql('SELECT count(*) FROM "provision"').fetchone()[0] == 0
    assert columns(db, "provision") == columns(reference_schema, "provision")
    assert indexes(db, "provision") == indexes(reference_schema, "provision")
    assert foreign_keys(db, "provision") == foreign_keys(reference_schema, "provision")
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    report = audit.verify_chain()
    assert report.ok and report.events == 7
    assert migrations.migrate(db) == []


def test_the_meetings_held_before_the_log_get_no_signal(v3_store: database.Store) -> None:
    """Their minutes were never recorded in a log that did not exist: the terms start with the
    next meeting (services/partners/provisions.overdue_minutes)."""
    from zvh_tui.services.partners import provisions
    from zvh_tui.store import ids

    db = v3_store.database
    before = db.execute_sql('SELECT max(id) FROM "meeting"').fetchone()[0]
    migrations.migrate(db)
    assert before and ids.meetings_before_provisions() == before
    models.Meeting.update(status="closed", closed_at=AT).execute()
    late_day = dt.date(2026, 6, 1)
    assert provisions.overdue_minutes({"besluitenlijst": 1}, late_day) == {}
    new = models.Meeting.create(kind="MDO", held_on=AT.date(), status="closed", closed_at=AT)
    models.MeetingItem.create(meeting=new, case=2)
    assert provisions.overdue_minutes({"besluitenlijst": 1}, late_day) == {2: ["besluitenlijst"]}
    migrations.migrate(db)  # nothing to do: the marker stays
    assert ids.meetings_before_provisions() == before


def test_what_goes_with_what_in_the_migrated_file(v3_store: database.Store) -> None:
    db = v3_store.database
    migrations.migrate(db)
    row = _provision()
    assert (row.plan_version, models.Provision.get_by_id(row.id).basis) == (1, "Fictieve grondslag")
    with pytest.raises(peewee.IntegrityError), db.atomic():  # RESTRICT: a partner given something stays
        models.Partner.delete().where(models.Partner.id == 3).execute()
    with db.atomic():
        models.Meeting.delete().where(models.Meeting.id == 1).execute()
    kept = models.Provision.get_by_id(row.id)
    assert (kept.meeting_id, kept.plan_id, kept.plan_version) == (None, 1, 1)  # SET NULL; the version stays
    other = _provision(case=2, plan=None, meeting=None, partner=None, kind="besluitenlijst")
    with db.atomic():
        models.Case.delete().where(models.Case.id == 1).execute()  # CASCADE: its plan and log go
    assert [p.id for p in models.Provision.select()] == [other.id]
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []


def test_a_half_done_v5_step_is_finished(v3_store: database.Store, reference_schema) -> None:
    db = v3_store.database
    assert migrations.migrate(db, target=4) == [4]
    db.execute_sql(migrations._V5_TABLE)  # the table, but none of its indexes, and still version 4
    _provision()
    assert migrations.current_version(db) == 4
    assert migrations.migrate(db) == [5, 6]
    assert indexes(db, "provision") == indexes(reference_schema, "provision")
    assert models.Provision.select().count() == 1
