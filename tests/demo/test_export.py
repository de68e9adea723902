"""`zvh export case REF --format json`: everything about one case, nothing about another."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from zvh_tui.core.errors import NotFound
from zvh_tui.core.vocab import Phase
from zvh_tui.services.cases import journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases.export import SCHEMA, export_case, export_case_json
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import AuditEvent, Case, JournalEntry, Participant, Partner, Person

SECTIONS = ["schema", "exported_at", "case", "persons", "participants", "plans", "meetings", "journal",
            "escalations", "director_changes"]
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ISO_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$")  # local, with its offset


def reference_of(title: str) -> str:
    return Case.get(Case.title == title).reference


def names_of(case: Case) -> list[str]:
    return [person.name for person, _ in cases.persons_of(case)]


def walk(value: object, path: str = ""):  # a generator of (path, value)
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk(item, f"{path}.{key}")
    elif isinstance(value, list):
        for item in value:
            yield from walk(item, f"{path}[]")
    else:
        yield path, value


def test_export_has_every_section_and_only_this_case(demo_profile: Profile) -> None:
    reference = reference_of("Gezin Azzouzi")
    text = export_case_json(reference)
    data = json.loads(text)
    assert list(data) == SECTIONS
    assert data["schema"] == SCHEMA == "zvh-tui/case-export/1"
    assert data["case"]["reference"] == reference
    assert data["case"]["phase"] == "execution" and data["case"]["phase_label"] == "Uitvoering"
    assert data["case"]["informed"]["informed"] is False
    assert [p["name"] for p in data["persons"]] == names_of(Case.get(Case.reference == reference))
    assert {p["role_label"] for p in data["persons"]} == {"ouder", "kind"}
    assert data["plans"] and data["plans"][0]["goals"] and data["plans"][0]["agreements"]
    assert data["plans"][0]["assessments"] and data["plans"][0]["perspectives"]
    assert data["meetings"] and data["journal"] and data["escalations"] and data["director_changes"]
    assert data["participants"][0]["check"]["grondslag"]
    for other in Case.select().where(Case.reference != reference):
        assert other.reference not in text
        for name in names_of(other):
            assert name not in text, name
    assert "audit" not in text.lower() and "prev_hash" not in text


def test_dates_are_iso_and_codes_have_dutch_labels(demo_profile: Profile) -> None:
    data = export_case(Case.get(Case.title == "Ruud Verhoeven"))
    seen_dates = seen_times = 0
    for path, value in walk(data):
        key = path.rsplit(".", 1)[-1]
        if value is None:
            continue
        if key.endswith(("_on", "_end", "_until", "deadline")) or key in ("on", "held_on", "date_of_birth"):
            assert ISO_DATE.match(str(value)), (path, value)
            seen_dates += 1
        if key.endswith("_at") or key == "at":
            assert ISO_TIME.match(str(value)), (path, value)
            seen_times += 1
    assert seen_dates > 20 and seen_times > 20
    actions = [a for g in data["plans"][1]["goals"] for a in g["actions"]]
    assert all(a["status_label"] in ("open", "bezig", "gereed", "vervallen") for a in actions)
    assert all(a["owner_partner"] for a in actions)
    assert data["case"]["level_label"] == "casus" and data["case"]["ave_phase_label"] == "geel"


def test_plan_versions_are_all_there(demo_profile: Profile) -> None:
    data = export_case(Case.get(Case.title == "Ruud Verhoeven"))
    versions = [(p["version"], p["status"], p["superseded"]) for p in data["plans"]]
    assert versions == [(1, "adopted", True), (2, "revised", False)]
    assert data["plans"][1]["adopted_in"]["held_on"] == data["plans"][1]["adopted_on"]
    perspectives = {p["partner"]: p["text"] for p in data["plans"][1]["perspectives"]}
    assert perspectives["GGZ Noordwaarde"].startswith("Patiënt")


def test_meeting_shows_this_case_only(demo_profile: Profile) -> None:
    case = Case.get(Case.title == "Ruud Verhoeven")
    data = export_case(case)
    at_table = {p.partner.name for p in Participant.select().where(Participant.case == case)}
    own = Partner.get(Partner.is_own == True).name  # noqa: E712
    for meeting in data["meetings"]:
        assert {a["partner"] for a in meeting["attendance"]} <= at_table | {own}
        assert meeting["agenda_item"]["casusregisseur_agreed"]["partner"]
    tags = {n["tag"] for m in data["meetings"] for n in m["notes"]}
    assert tags == {"beeld", "oordeel", "besluit"}


def test_closed_case_has_retention_and_closing(demo_profile: Profile) -> None:
    case = Case.select().where(Case.phase == Phase.CLOSED.value).order_by(Case.id).first()
    data = export_case(case)
    closing = data["case"]["closing"]
    assert closing["closed_on"] == case.closed_on.isoformat()
    assert closing["retention_end"] == case.retention_end.isoformat() and closing["reason"]


def test_export_writes_one_audit_event(demo_profile: Profile) -> None:
    case = Case.get(Case.title == "Gezin Meijer")
    before = AuditEvent.select().where(AuditEvent.case_id == case.id).count()
    export_case_json(case.reference)
    events = list(AuditEvent.select().where(AuditEvent.case_id == case.id, AuditEvent.id > 0)
                  .order_by(AuditEvent.id.desc()).limit(1))
    assert AuditEvent.select().where(AuditEvent.case_id == case.id).count() == before + 1
    assert (events[0].event, events[0].detail, events[0].case_ref) == ("export", "json", case.reference)


def test_unknown_reference_is_not_found_in_dutch(demo_profile: Profile) -> None:
    before = AuditEvent.select().count()
    with pytest.raises(NotFound, match="Er is geen casus met nummer '1999-0001'"):
        export_case_json("1999-0001")
    assert AuditEvent.select().where(AuditEvent.event == "export").count() == 0
    assert AuditEvent.select().count() == before


def test_export_is_stable_apart_from_its_time(demo_profile: Profile) -> None:
    reference = reference_of("Roshni Biharie")
    first, second = json.loads(export_case_json(reference)), json.loads(export_case_json(reference))
    first.pop("exported_at"), second.pop("exported_at")
    assert json.dumps(first, ensure_ascii=False) == json.dumps(second, ensure_ascii=False)


def test_new_case_without_plan_exports_empty_sections(profile: Profile) -> None:
    own = Partner.get(Partner.is_own == True)  # noqa: E712
    case = cases.create_case(cases.NewCase(
        persons=[cases.NewPerson(name="Test [/b] Persoon", date_of_birth="01-02-1990")],
        referrer_partner_id=own.id, reason="Zorgen over de woonsituatie.",
    ))
    data = json.loads(export_case_json(case.reference))
    assert data["persons"][0]["name"] == "Test [/b] Persoon"
    assert data["persons"][0]["date_of_birth"] == "1990-02-01"
    assert data["plans"] == data["meetings"] == data["journal"] == data["escalations"] == []
    assert data["participants"][0]["role"] == "referrer"
    assert data["case"]["referral"]["referrer_partner"]["own_organisation"] is True
    assert Person.select().count() == 1


def test_times_are_the_local_clock_with_their_offset(amsterdam: str, profile: Profile) -> None:
    """Issue 12.5: a time in the export is the wall clock's (18:48 where 17:48 UTC is stored),
    written with its offset, so it is still one exact instant for a program."""
    case = cases.create_case(cases.NewCase(
        persons=[cases.NewPerson(name="Test Persoon")], referrer_citizen="buurman", reason="Zorgen."))
    entry = journal.add_entry(case, "gebeld")
    JournalEntry.update(at=dt.datetime(2026, 12, 1, 17, 48)).where(JournalEntry.id == entry.id).execute()
    data = json.loads(export_case_json(case.reference))
    assert data["journal"][0]["at"] == "2026-12-01T18:48:00+01:00"
    instant = dt.datetime.fromisoformat(data["journal"][0]["at"])
    assert instant.astimezone(dt.timezone.utc).replace(tzinfo=None) == dt.datetime(2026, 12, 1, 17, 48)
    stored = Case.get_by_id(case.id).created_at  # naive UTC
    shown = dt.datetime.fromisoformat(data["case"]["created_at"])
    assert shown.utcoffset() == dt.timedelta(hours=1)  # Amsterdam in winter, not UTC
    assert shown.astimezone(dt.timezone.utc).replace(tzinfo=None) == stored.replace(microsecond=0)
    assert ISO_TIME.match(data["exported_at"])
