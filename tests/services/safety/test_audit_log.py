"""The audit log (NEN 7513): append-only, a hash chain, an event for every kind of access that
exists, no client data in it, and an export per person or case for an access request."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import peewee
import pytest
import safety_helpers as h

from zvh_tui.core.errors import NotFound
from zvh_tui.services.cases import journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety import audit, audit_log, backup, retention
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import AuditEvent, Case, Person, db

CANARY = "Logkanarie3Vb"


def _events_after(last_id: int) -> list[AuditEvent]:
    return list(AuditEvent.select().where(AuditEvent.id > last_id).order_by(AuditEvent.id))


def _last_id() -> int:
    return AuditEvent.select().order_by(AuditEvent.id.desc()).get().id


def test_the_log_refuses_update_and_delete(profile: Profile) -> None:
    with pytest.raises(peewee.IntegrityError, match="append-only"):
        db.execute_sql("UPDATE audit_event SET user = 'x'")
    with pytest.raises(peewee.IntegrityError, match="append-only"):
        db.execute_sql("DELETE FROM audit_event")
    with pytest.raises(peewee.IntegrityError, match="append-only"):
        AuditEvent.delete().execute()


def test_the_chain_finds_a_removed_event(profile: Profile) -> None:
    h.fill_case(CANARY, today=h.TODAY)
    assert audit.verify_chain().ok
    db.execute_sql('DROP TRIGGER "audit_event_no_delete"')
    db.execute_sql("DELETE FROM audit_event WHERE id = 5")
    report = audit.verify_chain()
    assert report.broken_at == 6


def test_every_kind_of_access_writes_an_event(
    profile: Profile, tmp_path: Path, make_profile: Callable[..., Profile], raw_key: str
) -> None:
    from zvh_tui.services.cases import export
    from zvh_tui.services.partners import partner_csv

    start = _last_id()
    case = h.fill_case(CANARY, today=h.TODAY)                      # change
    cases.get_case(case.id)                                        # view
    export.export_case_json(case.reference)                        # export
    csv = tmp_path / "partners.csv"
    csv.write_text("organisatie;domein\nVeilig Thuis Test;zorg\n", encoding="utf-8")
    preview = partner_csv.import_partners(csv, apply=True)         # import
    assert preview.applied, preview.errors
    made = backup.make_backup(profile)                             # backup
    profile.lock()                                                 # lock
    profile.unlock_with_key(raw_key)                               # unlock
    backup.restore(profile, made.info.path, h.TEST_PASSPHRASE)     # restore
    kinds = [e.event for e in _events_after(0)]
    for kind in ("create", "update", "view", "export", "import", "backup", "lock", "unlock", "restore"):
        assert kind in kinds, kind
    # Each event says when, who, on whose behalf (for a case: the partner that brought it in;
    # else the settings' organisation), about which case and object, and how it went.
    view = AuditEvent.get((AuditEvent.event == "view") & (AuditEvent.id > start))
    assert (view.user, view.on_behalf_of, view.case_id, view.case_ref) == (
        "tester", case.referrer_partner.name, case.id, case.reference)
    assert AuditEvent.get((AuditEvent.event == "import") & (AuditEvent.id > start)).on_behalf_of == "ZVH Test"
    assert (view.object_type, view.object_id, view.result) == ("case", case.id, "ok")
    assert view.at is not None
    assert audit.verify_chain().ok


def test_the_log_holds_no_client_data(profile: Profile) -> None:
    case = h.fill_case(CANARY, today=h.TODAY)
    cases.update_case(case, reason=f"nieuwe aanleiding {CANARY}")
    journal.add_entry(case, f"nog een {CANARY}")
    for row in h.dump_open()["audit_event"]:
        assert not any(CANARY.lower() in str(value).lower() for value in row), row


def test_export_of_a_persons_log_for_an_access_request(profile: Profile) -> None:
    case = h.fill_case(CANARY, today=h.TODAY)
    other = h.fill_case("Anderen1", today=h.TODAY, partner_name="GGZ Ander")
    person = Person.get(Person.name == f"{CANARY} Naam")
    cases.get_case(case.id)
    cases.get_case(other.id)
    text = audit_log.export_json(person_id=person.id)
    document = json.loads(text)
    assert document["onderwerp"] == {"betrokkene": person.id}
    assert document["keten_onverbroken"] is True
    refs = {e["casus"] for e in document["gebeurtenissen"]}
    assert refs == {case.reference}  # only this person's case, never another's
    assert document["aantal"] == len(document["gebeurtenissen"]) > 10
    assert {"ingezien", "aangemaakt"} <= {e["omschrijving"] for e in document["gebeurtenissen"]}
    assert CANARY not in text
    last = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert (last.event, last.object_type, last.person_id) == ("export", "audit_log", person.id)


def test_export_of_a_cases_log_survives_destruction(profile: Profile) -> None:
    import datetime as dt

    from zvh_tui.services.shared import context

    context.set_today(dt.date(2000, 1, 3))
    case = h.fill_case(CANARY, today=context.today())
    h.close(case, years=5, on=context.today())
    context.set_today(dt.date(2006, 1, 3))
    retention.destroy([case.id])
    assert Case.get_or_none(Case.id == case.id) is None
    rows = audit_log.rows_for_case(case.reference)
    assert rows[-1].event == "vernietigd (bewaartermijn)"
    document = json.loads(audit_log.export_json(case_ref=case.reference))
    assert document["gebeurtenissen"][-1]["handeling"] == "destroy"
    with pytest.raises(NotFound):
        audit_log.export_json(case_ref="1999-9999")


def test_every_object_in_the_log_has_a_dutch_name() -> None:
    """Each object_type the code writes to the log (services/**/*.py) has a label in vocab."""
    import re

    from zvh_tui.core.vocab import AuditObject

    source = Path(audit_log.__file__).parents[1]  # all of services/, every area package
    written = set()
    for path in source.rglob("*.py"):
        written |= set(re.findall(r'object_type="([a-z_]+)"', path.read_text(encoding="utf-8")))
        written |= set(re.findall(r'_touch\([^)]*?,\s*"[^"]*",\s*"([a-z_]+)"', path.read_text(encoding="utf-8")))
    assert {"case", "goal", "action", "agreement", "person"} <= written
    labelled = {o.value for o in AuditObject}
    assert written <= labelled, written - labelled
    assert audit_log.object_label("goal", 12) == "doel #12"
    assert audit_log.object_label("action", 3) == "actie #3"
    assert audit_log.object_label("case") == "casus"


def test_log_rows_name_objects_in_dutch_and_keep_the_person_number(profile: Profile) -> None:
    case = h.fill_case(CANARY, today=h.TODAY)
    rows = audit_log.rows_for_case(case.reference)
    objects = {row.obj.split(" #")[0] for row in rows}
    assert {"casus", "doel", "actie", "afspraak", "plan van aanpak"} <= objects
    assert not objects & {"case", "goal", "action", "agreement", "plan"}
    person = Person.select().order_by(Person.id).first()
    audit.record("view", person_id=person.id, object_type="person", object_id=person.id)
    row = audit_log.rows_for_person(person.id)[-1]
    fields = dict(row.fields())
    assert fields["Betrokkene"] == f"b {person.id}" and fields["Object"] == f"betrokkene #{person.id}"
    assert CANARY not in json.dumps(row.fields())


def test_log_rows_show_local_time_and_the_export_keeps_utc(
    amsterdam: str, profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 12.5: the logboek screen and the JSON for an access request show the wall clock
    (the JSON with its offset), and the JSON keeps the UTC form beside it."""
    case = h.fill_case(CANARY, today=h.TODAY)
    monkeypatch.setattr(audit, "utcnow", lambda: dt.datetime(2026, 12, 1, 17, 48, 9))
    cases.get_case(case.id)  # a view, logged at 17:48:09 UTC
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert (event.event, event.at) == ("view", dt.datetime(2026, 12, 1, 17, 48, 9))
    assert audit_log.row_of(event).at == "01-12-2026 18:48:09"  # what the screen shows
    data = json.loads(audit_log.export_json(case_ref=case.reference))
    view = next(e for e in data["gebeurtenissen"] if e["id"] == event.id)
    assert view["tijd"] == "2026-12-01T18:48:09+01:00"
    assert view["tijd_utc"] == "2026-12-01T17:48:09Z"
    assert data["gemaakt_op"].endswith("+01:00")
    assert audit.verify_chain().ok
