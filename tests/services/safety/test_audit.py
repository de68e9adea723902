"""The NEN 7513 audit log (services/safety/audit.py): a hash chain of events holding ids only."""

from __future__ import annotations

import itertools
import threading

import pytest
from sqlcipher3 import dbapi2 as sqlcipher

from zvh_tui.services.safety import audit
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context
from zvh_tui.store.models import AuditEvent, Case, Person, db


def _events() -> list[AuditEvent]:
    return list(AuditEvent.select().order_by(AuditEvent.id))


def _raw_connection(profile: Profile) -> sqlcipher.Connection:
    """Someone with the key and a SQLCipher tool, outside the app."""
    conn = sqlcipher.connect(str(profile.paths.database), isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{profile.store.raw_key}'\"")
    return conn


def _tamper(profile: Profile, *statements: tuple[str, tuple]) -> None:
    conn = _raw_connection(profile)
    try:
        conn.execute('DROP TRIGGER "audit_event_no_update"')
        conn.execute('DROP TRIGGER "audit_event_no_delete"')
        for sql, params in statements:
            conn.execute(sql, params)
    finally:
        conn.close()


@pytest.fixture
def case(store_profile: Profile) -> Case:
    return Case.create(reference="2026-0042", title="Canary Naam", reason="Canary aanleiding")


def test_events_form_an_unbroken_chain(store_profile: Profile, case: Case) -> None:
    recorded = [
        audit.record("view", case=case),
        audit.record("update", case=case, object_type="plan", object_id=7, detail="status"),
        audit.record("export", detail="csv;rows=3"),
        audit.record("search", result="denied"),
    ]
    events = _events()
    assert [e.id for e in events[-4:]] == [r.id for r in recorded]
    assert events[0].prev_hash == audit.GENESIS
    for before, after in itertools.pairwise(events):
        assert after.prev_hash == before.hash
    assert len({e.hash for e in events}) == len(events)
    report = audit.verify_chain()
    assert report.ok
    assert report.broken_at is None
    assert report.events == len(events) == 5


def test_a_changed_row_breaks_the_chain_at_that_row(store_profile: Profile, case: Case) -> None:
    ids = [audit.record("view", case=case, detail=f"n={n}").id for n in range(4)]
    victim = ids[1]
    _tamper(store_profile, ("UPDATE audit_event SET detail = 'n=99' WHERE id = ?", (victim,)))
    report = audit.verify_chain()
    assert not report.ok
    assert report.broken_at == victim


def test_a_changed_row_with_a_recomputed_sha256_breaks_the_chain_at_that_row(
    store_profile: Profile, case: Case
) -> None:
    """The chain is keyed (HMAC): a plain SHA-256 recomputed by someone with a SQLCipher tool
    does not pass, not even for the edited row itself."""
    ids = [audit.record("view", case=case).id for _ in range(3)]
    row = AuditEvent.get_by_id(ids[0])
    row.user = "iemand-anders"
    forged = audit._digest(row.prev_hash, audit._fields(row))
    _tamper(
        store_profile,
        ("UPDATE audit_event SET user = ?, hash = ? WHERE id = ?", (row.user, forged, row.id)),
    )
    assert audit.verify_chain().broken_at == ids[0]


def test_a_changed_row_with_a_recomputed_mac_breaks_the_chain_at_the_next_row(
    store_profile: Profile, case: Case
) -> None:
    ids = [audit.record("view", case=case).id for _ in range(3)]
    row = AuditEvent.get_by_id(ids[0])
    row.user = "iemand-anders"
    marker = audit.read_marker(db.execute_sql)
    forged = audit.link(marker, row.id, row.prev_hash, audit._fields(row))
    _tamper(
        store_profile,
        ("UPDATE audit_event SET user = ?, hash = ? WHERE id = ?", (row.user, forged, row.id)),
    )
    assert audit.verify_chain().broken_at == ids[1]


def test_a_removed_row_breaks_the_chain_at_its_successor(
    store_profile: Profile, case: Case
) -> None:
    ids = [audit.record("view", case=case).id for _ in range(3)]
    _tamper(store_profile, ("DELETE FROM audit_event WHERE id = ?", (ids[1],)))
    report = audit.verify_chain()
    assert report.broken_at == ids[2]


def test_events_hold_ids_and_codes_never_names(store_profile: Profile, case: Case) -> None:
    person = Person.create(name="Canary Persoon", address="Canarystraat 1", notes="Canary")
    audit.record(
        "view",
        case=case,
        person_id=person.id,
        object_type="case",
        object_id=case.id,
        detail="tab=plan",
    )
    audit.record("update", case=case, object_type="person", object_id=person.id)
    stored = db.execute_sql("SELECT * FROM audit_event").fetchall()
    assert len(stored) >= 3
    for row in stored:
        for value in row:
            assert "Canary" not in str(value)
    event = AuditEvent.select().where(AuditEvent.person_id == person.id).get()
    assert (event.case_id, event.case_ref, event.object_id) == (case.id, "2026-0042", case.id)


def test_event_records_who_and_on_whose_behalf(store_profile: Profile) -> None:
    context.set_actor(context.Actor(user="t.tester", on_behalf_of="Fictief ZVH"))
    event = audit.record("export")
    stored = AuditEvent.get_by_id(event.id)
    assert (stored.user, stored.on_behalf_of, stored.result) == ("t.tester", "Fictief ZVH", "ok")


def test_detail_is_cut_to_its_column_size(store_profile: Profile) -> None:
    event = audit.record("export", detail="x" * 500)
    assert AuditEvent.get_by_id(event.id).detail == "x" * 200
    assert audit.verify_chain().ok


def test_an_event_rolled_back_with_its_change_leaves_no_trace(store_profile: Profile) -> None:
    before = AuditEvent.select().count()
    with pytest.raises(RuntimeError):
        with db.atomic():
            audit.record("delete", detail="case")
            raise RuntimeError("de wijziging faalt")
    assert AuditEvent.select().count() == before
    assert audit.record("view").prev_hash == _events()[-2].hash
    assert audit.verify_chain().ok


def test_events_from_several_threads_in_transactions_keep_one_chain(
    store_profile: Profile,
) -> None:
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            with db.connection_context():
                for i in range(10):
                    with db.atomic():
                        audit.record("view", object_type="thread", object_id=n * 100 + i)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert errors == []
    report = audit.verify_chain()
    assert report.ok
    assert AuditEvent.select().where(AuditEvent.object_type == "thread").count() == 40


def test_events_for_a_case_and_for_a_person(store_profile: Profile, case: Case) -> None:
    other = Case.create(reference="2026-0043", title="Ander")
    audit.record("view", case=case)
    audit.record("view", case=other)
    audit.record("view", person_id=5)
    audit.record("update", case=case, person_id=5)
    assert [e.event for e in audit.events_for_case(case.id)] == ["view", "update"]
    assert len(audit.events_for_person(5, [])) == 2
    assert len(audit.events_for_person(5, [case.id])) == 3
    assert len(audit.events_for_person(6, [])) == 0


# -- the profile's own events -------------------------------------------------------------------


def test_profile_creation_unlock_and_lock_are_recorded(store_profile: Profile, passphrase) -> None:
    assert [e.event for e in _events()] == ["profile.create"]
    first = _events()[0]
    assert first.prev_hash == audit.GENESIS
    assert first.user == store_profile.settings.user_name()

    store_profile.lock()
    store_profile.unlock(passphrase)
    assert [e.event for e in _events()] == ["profile.create", "lock", "unlock"]
    assert audit.verify_chain().ok
