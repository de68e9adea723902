"""Schema version 6 (the case after intake, issue 15): "namens" per case, informed per betrokkene,
an own action's reason and the advice table, on the frozen v3 fixture migrated all the way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import peewee
import pytest
from schemakit import columns, foreign_keys, indexes

from zvh_tui.services.safety import audit
from zvh_tui.store import database, migrations, models

REVIEW = dt.date(2026, 5, 1)


@pytest.fixture
def v5_store(schema_v3_copy: Path, schema_v1_key: str) -> Iterator[database.Store]:
    """The frozen v3 file brought to version 5, with case 2 not informed (the answer of the
    aanmelding that v6 copies to the case's persons)."""
    store = database.open_with_key(schema_v3_copy, schema_v1_key)
    database.bind(store)
    db = store.database
    assert migrations.migrate(db, target=5) == [4, 5]
    db.execute_sql('UPDATE "case" SET informed = 0, not_informed_reason = ?, informed_review_on = ? WHERE id = 2',
                   ("Fictief: onderzoek loopt", REVIEW.isoformat()))
    yield store
    store.close()


def _links(db: peewee.Database) -> list[tuple]:
    return db.execute_sql('SELECT case_id, person_id, informed, not_informed_reason, informed_review_on '
                          'FROM "case_person" ORDER BY id').fetchall()


def test_v5_migrates_to_v6_and_every_changed_table_is_as_the_models_have_it(
    v5_store: database.Store, reference_schema
) -> None:
    db = v5_store.database
    counts = {t: db.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0]
              for t in ("case", "case_person", "action", "audit_event")}
    assert migrations.migrate(db) == [6]
    assert migrations.current_version(db) == migrations.LATEST == 6
    assert {t: db.execute_sql(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in counts} == counts
    for table in ("case", "case_person", "action", "advice", "partner"):
        assert columns(db, table) == columns(reference_schema, table), table
        assert indexes(db, table) == indexes(reference_schema, table), table
        assert foreign_keys(db, table) == foreign_keys(reference_schema, table), table
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert audit.verify_chain().ok
    assert migrations.migrate(db) == []


def test_namens_starts_as_the_aanmelder_and_informed_moves_to_each_person(v5_store: database.Store) -> None:
    db = v5_store.database
    referrers = dict(db.execute_sql('SELECT id, referrer_partner_id FROM "case"').fetchall())
    migrations.migrate(db)
    assert {c.id: c.on_behalf_partner_id for c in models.Case.select()} == referrers
    links = _links(db)
    assert links and {row[0] for row in links} >= {2}
    for case_id, _person, informed, reason, review in links:
        if case_id == 2:
            assert (informed, reason, review) == (0, "Fictief: onderzoek loopt", REVIEW.isoformat())
        else:
            assert (informed, reason, review) == (1, "", None)
    assert {a.own_reason for a in models.Action.select()} == {""}


def test_a_half_done_v6_step_keeps_what_was_set_since(v5_store: database.Store, reference_schema) -> None:
    """The columns are there (a file stamped 5 after a step that was cut off): the copy does not
    run again over answers given per person since, and the table and indexes are finished."""
    db = v5_store.database
    for table, column in migrations._V6_COLUMNS:
        db.execute_sql(f'ALTER TABLE "{table}" ADD COLUMN {column}')
    db.execute_sql('UPDATE "case_person" SET informed = 1 WHERE case_id = 2')
    db.execute_sql('UPDATE "case" SET on_behalf_partner_id = NULL')
    assert migrations.migrate(db) == [6]
    assert {row[2] for row in _links(db) if row[0] == 2} == {1}
    assert {c.on_behalf_partner_id for c in models.Case.select()} == {None}
    assert indexes(db, "advice") == indexes(reference_schema, "advice")
    assert indexes(db, "case") == indexes(reference_schema, "case")


def test_advice_goes_with_its_case_and_keeps_its_partners(v5_store: database.Store) -> None:
    db = v5_store.database
    migrations.migrate(db)
    row = models.Advice.create(case=1, asked_by_partner=3, asked_by_contact=3, asked_by="", asked_on=REVIEW,
                               question="Fictieve vraag", advice="Fictief advies", given_to="wijkteam",
                               given_on=REVIEW, regie_partner=3, regie_with="Fictieve Regisseur",
                               follow_up_on=REVIEW, by="tester")
    stored = models.Advice.get_by_id(row.id)
    assert (stored.asked_by_partner.id, stored.asked_by_contact.id, stored.asked_by, stored.asked_on) == (
        3, 3, "", REVIEW)
    assert (stored.question, stored.advice, stored.given_to, stored.given_on) == (
        "Fictieve vraag", "Fictief advies", "wijkteam", REVIEW)
    assert (stored.regie_partner.id, stored.regie_with, stored.follow_up_on, stored.by) == (
        3, "Fictieve Regisseur", REVIEW, "tester")
    with pytest.raises(peewee.IntegrityError), db.atomic():  # RESTRICT: a partner named in advice stays
        models.Partner.delete().where(models.Partner.id == 3).execute()
    with db.atomic():
        models.Case.delete().where(models.Case.id == 1).execute()  # CASCADE: the advice goes too
    assert models.Advice.select().count() == 0
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
