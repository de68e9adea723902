"""Schema versions: the frozen version 1, the runner, and the frozen fixture database."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import peewee
import pytest
from playhouse.sqlite_ext import FTS5Model
from schemakit import columns as _columns
from schemakit import foreign_keys as _foreign_keys
from schemakit import indexes as _indexes
from schemakit import objects as _objects

from zvh_tui.core.errors import StoreError
from zvh_tui.services.safety import audit
from zvh_tui.store import database, migrations, models

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SCHEMA_MODELS: list[type[peewee.Model]] = [*models.ALL_MODELS, models.CaseSearch]


# -- the runner ---------------------------------------------------------------------------------


def test_an_empty_database_is_brought_to_the_newest_version(make_store) -> None:
    store = make_store()
    assert migrations.current_version(store.database) == 0
    assert migrations.migrate(store.database) == [1, 2, 3, 4, 5, 6]
    assert store.database.execute_sql("PRAGMA user_version").fetchone()[0] == 6
    assert migrations.current_version(store.database) == migrations.LATEST
    tables = set(store.database.get_tables())
    assert {m._meta.table_name for m in SCHEMA_MODELS} <= tables


def test_migrating_again_changes_nothing(make_store) -> None:
    store = make_store()
    migrations.migrate(store.database)
    before = _objects(store.database)
    assert migrations.migrate(store.database) == []
    assert migrations.current_version(store.database) == migrations.LATEST
    assert _objects(store.database) == before


def test_every_statement_of_the_frozen_ddl_is_applied(migrated_store) -> None:
    script = Path(migrations.__file__).with_name("schema_v1.sql").read_text(encoding="utf-8")
    expected = re.findall(
        r'^CREATE (?:UNIQUE )?(?:VIRTUAL )?(TABLE|INDEX|TRIGGER) "([^"]+)"', script, re.M
    )
    assert len(expected) > 50
    present = {(kind, name) for kind, name, _sql in _objects(migrated_store.database)}
    for kind, name in expected:
        assert (kind.lower(), name) in present
    assert ("trigger", "audit_event_no_update") in present
    assert ("trigger", "audit_event_no_delete") in present


def test_a_database_from_a_newer_app_is_refused(make_store) -> None:
    store = make_store()
    store.database.execute_sql(f"PRAGMA user_version = {migrations.LATEST + 1}")
    with pytest.raises(StoreError) as caught:
        migrations.migrate(store.database)
    assert "nieuwere versie" in str(caught.value)
    assert migrations.current_version(store.database) == migrations.LATEST + 1
    assert "partner" not in store.database.get_tables()


def test_a_failing_migration_leaves_the_database_at_the_previous_version(
    make_store, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_v2(db: peewee.Database) -> None:
        db.execute_sql('CREATE TABLE "half_af" (x)')
        db.execute_sql('ALTER TABLE "partner" ADD COLUMN "half" TEXT')
        raise RuntimeError("migratie faalt halverwege")

    monkeypatch.setitem(migrations.MIGRATIONS, 2, broken_v2)
    monkeypatch.setattr(migrations, "LATEST", 2)
    store = make_store()
    migrations.migrate(store.database, target=1)
    with pytest.raises(RuntimeError):
        migrations.migrate(store.database, target=2)
    assert migrations.current_version(store.database) == 1
    assert "half_af" not in store.database.get_tables()
    assert "half" not in _columns(store.database, "partner")


# -- the models agree with the schema ------------------------------------------------------------


@pytest.mark.parametrize("model", SCHEMA_MODELS, ids=lambda m: m.__name__)
def test_model_columns_match_the_migrated_schema(migrated_store, model) -> None:
    table = model._meta.table_name
    in_db = _columns(migrated_store.database, table)
    assert in_db, f"table {table} is missing"
    if issubclass(model, FTS5Model):
        declared = {f.column_name for f in model._meta.sorted_fields if f.name != "rowid"}
    else:
        declared = {f.column_name for f in model._meta.sorted_fields}
    assert set(in_db) == declared


@pytest.mark.parametrize("model", models.ALL_MODELS, ids=lambda m: m.__name__)
def test_model_nullability_and_keys_match_the_migrated_schema(migrated_store, model) -> None:
    in_db = _columns(migrated_store.database, model._meta.table_name)
    for field in model._meta.sorted_fields:
        notnull, pk = in_db[field.column_name]
        assert bool(pk) == bool(field.primary_key), field.column_name
        if not field.primary_key:
            assert bool(notnull) == (not field.null), field.column_name


@pytest.mark.parametrize("model", models.ALL_MODELS, ids=lambda m: m.__name__)
def test_model_indexes_and_foreign_keys_match_the_migrated_schema(
    migrated_store, reference_schema, model
) -> None:
    table = model._meta.table_name
    assert _indexes(migrated_store.database, table) == _indexes(reference_schema, table)
    assert _foreign_keys(migrated_store.database, table) == _foreign_keys(reference_schema, table)


# -- the audit log is append-only -------------------------------------------------------------------


def _one_audit_row(db: peewee.Database) -> int:
    db.execute_sql(
        'INSERT INTO "audit_event" (at, event, user, on_behalf_of, case_ref, object_type,'
        " detail, result, prev_hash, hash) VALUES (?, 'view', 'tester', '', '', '', '', 'ok',"
        " '', '')",
        ("2026-11-23 10:00:00",),
    )
    return db.execute_sql("SELECT max(id) FROM audit_event").fetchone()[0]


def test_audit_rows_cannot_be_updated(migrated_store) -> None:
    db = migrated_store.database
    row_id = _one_audit_row(db)
    with pytest.raises(peewee.IntegrityError, match="append-only"):
        db.execute_sql("UPDATE audit_event SET event = 'verborgen' WHERE id = ?", (row_id,))
    with pytest.raises(peewee.IntegrityError, match="append-only"):
        models.AuditEvent.update(detail="anders").execute()
    assert db.execute_sql("SELECT event, detail FROM audit_event").fetchall() == [("view", "")]


def test_audit_rows_cannot_be_deleted(migrated_store) -> None:
    db = migrated_store.database
    row_id = _one_audit_row(db)
    with pytest.raises(peewee.IntegrityError, match="append-only"):
        db.execute_sql("DELETE FROM audit_event WHERE id = ?", (row_id,))
    with pytest.raises(peewee.IntegrityError, match="append-only"):
        models.AuditEvent.get_by_id(row_id).delete_instance()
    assert db.execute_sql("SELECT count(*) FROM audit_event").fetchone()[0] == 1


# -- the frozen fixture of version 1 --------------------------------------------------------------


def test_the_fixture_key_is_the_published_test_key(schema_v1_key: str) -> None:
    readme = (FIXTURES / "README.md").read_text(encoding="utf-8")
    script = (Path(__file__).with_name("make_fixture.py")).read_text(encoding="utf-8")
    assert schema_v1_key in readme
    assert f'FIXTURE_KEY = "{schema_v1_key}"' in script


def test_the_fixture_is_encrypted_and_at_version_1(schema_v1_copy: Path, schema_v1_key) -> None:
    assert not schema_v1_copy.read_bytes().startswith(b"SQLite format 3")
    store = database.open_with_key(schema_v1_copy, schema_v1_key)
    try:
        assert migrations.current_version(store.database) == 1
    finally:
        store.close()


def test_the_version_1_fixture_migrates_to_the_newest_without_losing_rows(
    schema_v1_copy: Path, schema_v1_key: str, reference_schema
) -> None:
    store = database.open_with_key(schema_v1_copy, schema_v1_key)
    database.bind(store)
    try:
        applied = migrations.migrate(store.database)
        assert applied == list(range(2, migrations.LATEST + 1))
        assert migrations.current_version(store.database) == migrations.LATEST
        db = store.database
        assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute_sql("PRAGMA cipher_integrity_check").fetchall() == []

        # The migrated file has what today's models expect.
        for model in models.ALL_MODELS:
            table = model._meta.table_name
            assert set(_columns(db, table)) == set(_columns(reference_schema, table)), table

        own = models.Partner.get(models.Partner.is_own == True)  # noqa: E712
        assert own.name == "Fictief Zorg- en Veiligheidshuis"
        other = models.Partner.get(models.Partner.name == "Fictieve Wijkpartner")
        assert (other.domain, other.convenant_signed, other.active) == ("zorg", True, True)

        case = models.Case.get(models.Case.reference == "2026-0001")
        assert case.title == "Fictieve casus"
        assert case.phase == "triage"
        assert case.referrer_partner_id == other.id
        assert case.received_on == dt.date(2026, 1, 5)
        assert case.created_at == dt.datetime(2026, 1, 5, 9, 30)

        person = models.Person.get(models.Person.name == "Fictief Persoon")
        assert person.date_of_birth == dt.date(1980, 2, 29)
        link = models.CasePerson.get()
        assert (link.case_id, link.person_id, link.role) == (case.id, person.id, "client")

        hits = list(models.CaseSearch.select().where(models.CaseSearch.match("fictief")))
        assert [hit.rowid for hit in hits] == [case.id]
        assert models.KeyValue.get_by_id("created_at").value == "2026-01-05T09:00:00"

        events = list(models.AuditEvent.select().order_by(models.AuditEvent.id))
        assert [e.event for e in events] == ["profile.create", "create"]
        assert events[1].case_ref == "2026-0001"
        report = audit.verify_chain()
        assert report.ok and report.events == 2
    finally:
        store.close()


# -- version 2: the keyed audit chain -------------------------------------------------------------


def test_version_2_keys_the_chain_from_the_next_event_on(schema_v1_copy: Path, schema_v1_key: str) -> None:
    """The fixture's two SHA-256 events stay as they are; events after the migration are linked
    with the MAC; the secret comes from the database key, so it is the same on every run."""
    store = database.open_with_key(schema_v1_copy, schema_v1_key)
    database.bind(store)
    try:
        before = store.database.execute_sql("SELECT id, hash FROM audit_event").fetchall()
        migrations.migrate(store.database)
        marker = audit.read_marker(store.database.execute_sql)
        assert marker is not None and marker.mac_from == 2
        assert marker.secret == database.subkey(schema_v1_key, migrations.AUDIT_CHAIN_LABEL)
        assert marker.secret != bytes.fromhex(schema_v1_key)  # never the database key itself
        event = audit.record("view", detail="na migratie")
        assert store.database.execute_sql("SELECT id, hash FROM audit_event WHERE id <= 2").fetchall() == before
        fields = audit._fields(event)
        assert event.hash == audit._mac(marker.secret, event.prev_hash, fields)
        assert event.hash != audit._digest(event.prev_hash, fields)
        report = audit.verify_chain()
        assert report.ok and report.events == 3
    finally:
        store.close()


def test_version_2_needs_the_key(tmp_path: Path) -> None:
    plain = peewee.SqliteDatabase(str(tmp_path / "zonder-sleutel.db"))
    migrations.migrate(plain, target=1)
    with pytest.raises(StoreError, match="sleutel"):
        migrations.migrate(plain)
    assert migrations.current_version(plain) == 1
    plain.close()


# -- version 3: drafts of forms ---------------------------------------------------------------------


def test_version_3_gives_a_version_1_database_the_draft_table(
    schema_v1_copy: Path, schema_v1_key: str, reference_schema
) -> None:
    """The frozen v1 file gets the draft table as the model has it; a draft about a case goes
    with the case (ON DELETE CASCADE), a draft about no case stays."""
    store = database.open_with_key(schema_v1_copy, schema_v1_key)
    database.bind(store)
    try:
        assert "draft" not in store.database.get_tables()
        migrations.migrate(store.database, target=2)
        assert migrations.migrate(store.database, target=3) == [3]
        db = store.database
        assert _columns(db, "draft") == _columns(reference_schema, "draft")
        assert _indexes(db, "draft") == _indexes(reference_schema, "draft")
        assert _foreign_keys(db, "draft") == {("case", "case_id", "id", "CASCADE")}
        # by id: the Case model has the columns of later versions, this file is at version 3
        case_id = db.execute_sql('SELECT id FROM "case" WHERE reference = ?', ("2026-0001",)).fetchone()[0]
        models.Draft.create(key=f"journal:{case_id}", case=case_id, data='{"text": "half"}')
        models.Draft.create(key="new_case", data='{"title": "los"}')
        assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        with db.atomic():
            models.Case.delete().where(models.Case.id == case_id).execute()
        assert [d.key for d in models.Draft.select()] == ["new_case"]
    finally:
        store.close()
