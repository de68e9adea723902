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
from zvh_tui.services.partners import participants, roster
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import (
    Action,
    ActionReview,
    AuditEvent,
    Case,
    CasePerson,
    Commitment,
    ItemAttendance,
    ItemInvite,
    JournalEntry,
    Meeting,
    MeetingItem,
    MeetingNote,
    Participant,
    Partner,
    Person,
)

SECTIONS = ["schema", "exported_at", "case", "persons", "participants", "plans", "meetings", "journal",
            "escalations", "director_changes", "advices"]
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
    assert data["schema"] == SCHEMA == "zvh-tui/case-export/2"
    assert data["case"]["reference"] == reference
    assert data["case"]["phase"] == "execution" and data["case"]["phase_label"] == "Uitvoering"
    assert "informed" not in data["case"]  # per betrokkene since schema v6
    informed = [p["informed"] for p in data["persons"]]
    assert any(i["informed"] is False and i["not_informed_reason"] and i["review_on"] for i in informed)
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
    assert data["case"]["level_label"] == "proces" and data["case"]["ave_phase_label"] == "oranje"


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
    assert tags == {"beeld", "oordeel"}  # what the demo notes in the besluit phase is a besluit
    decisions = [n for m in data["meetings"] for n in m["decisions"]]
    assert decisions and {(n["kind"], n["tag"]) for n in decisions} == {("decision", "besluit")}
    assert all(m["item_attendance"] for m in data["meetings"])  # attendance per item, with times
    for meeting in data["meetings"]:  # the meeting mode's keys are there before it is used
        assert list(meeting)[-6:] == ["item_invites", "item_attendance", "notes", "decisions",
                                      "action_reviews", "commitments"]
        assert {n["kind"] for n in meeting["notes"]} == {"note"}
        assert {n["visibility_label"] for n in meeting["notes"]} == {"iedereen aan tafel"}


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


def _live_item(case: Case) -> tuple[MeetingItem, Action]:
    """A meeting that ran in live mode, with a row in every table of the meeting mode for this
    case's agenda item (written with the models; the meeting services are being rebuilt)."""
    police = roster.create_partner("Politie Zuid", "veiligheid", convenant_signed=True)
    agent = roster.add_contact(police, "J. Bakker")
    housing = roster.create_partner("Woonstad", "wonen", convenant_signed=True)
    participants.add_participant(case, police.id)
    meeting = Meeting.create(kind="MDO", title="Triage-tafel", held_on=dt.date(2026, 12, 3),
                             start_time="09:30", online=True, chair="R. Regisseur",
                             notulist="N. Notulist", status="closed",
                             started_at=dt.datetime(2026, 12, 3, 8, 31),
                             reminder_at=dt.datetime(2026, 12, 3, 8, 32))
    item = MeetingItem.create(
        meeting=meeting, case=case, status="closed", slot_start="09:45", slot_minutes=20,
        phase="besluit", started_at=dt.datetime(2026, 12, 3, 8, 45), director_partner=police,
        director_contact=agent, director_reason="", call_on=dt.date(2026, 12, 7),
        next_on=dt.date(2027, 1, 14), next_kind="terugkom", closed_at=dt.datetime(2026, 12, 3, 9, 5))
    plan = plans.start_plan(case)
    old = plans.add_action(plan, "Huisbezoek", owner_partner_id=police.id, deadline="15-12-2026")
    new = plans.add_action(plan, "Schuldhulp aanvragen", owner_partner_id=housing.id, deadline="20-12-2026")
    Action.update(agreed_in=item).where(Action.id == new.id).execute()
    ItemInvite.create(item=item, partner=police, contact=agent)
    ItemAttendance.create(item=item, partner=police, contact=agent, arrived_at=dt.datetime(2026, 12, 3, 8, 45),
                          left_at=dt.datetime(2026, 12, 3, 9, 0), reminded_at=dt.datetime(2026, 12, 3, 8, 45))
    ItemAttendance.create(item=item, partner=housing, presence="excused")
    client = CasePerson.get(CasePerson.case == case).person
    ItemAttendance.create(item=item, is_client=True, person=client, arrived_at=dt.datetime(2026, 12, 3, 8, 50),
                          left_at=dt.datetime(2026, 12, 3, 8, 58))
    MeetingNote.create(item=item, tag="beeld", text="Twee meldingen deze maand", source_partner=police,
                       visibility="bron", created_at=dt.datetime(2026, 12, 3, 8, 47))
    MeetingNote.create(item=item, tag="besluit", kind="decision", text="Gezamenlijk huisbezoek",
                       created_at=dt.datetime(2026, 12, 3, 8, 59))
    ActionReview.create(item=item, action=old, outcome="niet_mogelijk", reason="Verhuisd\u202e",
                        at=dt.datetime(2026, 12, 3, 8, 48))
    Commitment.create(item=item, partner=police, at=dt.datetime(2026, 12, 3, 8, 58))
    return item, new


def test_the_meeting_mode_data_of_an_item_is_exported(amsterdam: str, profile: Profile) -> None:
    """Issue 13.6: per agenda item the attendance with times (the client's too), notes with
    phase, kind, source and visibility, decisions, reviews, commitments, the agreed
    casusregisseur with bel-moment, the next date; and the meeting that agreed an action."""
    case = cases.create_case(cases.NewCase(
        persons=[cases.NewPerson(name="Sanne de Vries")], referrer_citizen="buurman", reason="Zorgen."))
    _live_item(case)
    text = export_case_json(case.reference)
    assert "\\u202e" in text and "\u202e" not in text  # the bidi control in a reason stays escaped
    [meeting] = json.loads(text)["meetings"]
    assert (meeting["start_time"], meeting["online"], meeting["chair"], meeting["notulist"]) == (
        "09:30", True, "R. Regisseur", "N. Notulist")
    assert (meeting["started_at"], meeting["reminder_at"]) == ("2026-12-03T09:31:00+01:00",
                                                               "2026-12-03T09:32:00+01:00")
    assert meeting["agenda_item"] == {
        "status": "closed", "status_label": "afgerond", "slot_start": "09:45", "slot_minutes": 20,
        "phase": "besluit", "phase_label": "besluit", "started_at": "2026-12-03T09:45:00+01:00",
        "casusregisseur_agreed": {"partner": "Politie Zuid", "contact": "J. Bakker"},
        "casusregisseur_reason": "", "call_on": "2026-12-07",
        "next": {"on": "2027-01-14", "kind": "terugkom", "kind_label": "terugkom-overleg"},
        "closed_at": "2026-12-03T10:05:00+01:00",
    }
    assert meeting["item_invites"] == [{"partner": "Politie Zuid", "contact": "J. Bakker"}]
    assert meeting["item_attendance"] == [
        {"client": False, "person": None, "partner": "Woonstad", "contact": None,
         "presence": "excused", "presence_label": "afgemeld", "arrived_at": None, "left_at": None,
         "reminded_at": None},
        {"client": False, "person": None, "partner": "Politie Zuid", "contact": "J. Bakker",
         "presence": "present", "presence_label": "aanwezig", "arrived_at": "2026-12-03T09:45:00+01:00",
         "left_at": "2026-12-03T10:00:00+01:00", "reminded_at": "2026-12-03T09:45:00+01:00"},
        {"client": True, "person": "Sanne de Vries", "partner": None, "contact": None,
         "presence": "present", "presence_label": "aanwezig", "arrived_at": "2026-12-03T09:50:00+01:00",
         "left_at": "2026-12-03T09:58:00+01:00", "reminded_at": None},
    ]
    assert meeting["notes"] == [
        {"tag": "beeld", "tag_label": "beeld", "kind": "note", "kind_label": "notitie",
         "text": "Twee meldingen deze maand", "source_partner": "Politie Zuid",
         "visibility": "bron", "visibility_label": "alleen de bron", "created_at": "2026-12-03T09:47:00+01:00"},
    ]
    assert [(d["kind"], d["tag"], d["text"], d["source_partner"], d["visibility"]) for d in meeting["decisions"]] == [
        ("decision", "besluit", "Gezamenlijk huisbezoek", None, "tafel")]
    assert meeting["action_reviews"] == [
        {"action": "Huisbezoek", "plan_version": 1, "owner_partner": "Politie Zuid",
         "outcome": "niet_mogelijk", "outcome_label": "niet mogelijk", "reason": "Verhuisd\u202e",
         "at": "2026-12-03T09:48:00+01:00"},
    ]
    assert meeting["commitments"] == [{"partner": "Politie Zuid", "at": "2026-12-03T09:58:00+01:00"}]
    actions = {a["text"]: a for a in json.loads(text)["plans"][0]["actions_without_goal"]}
    assert actions["Schuldhulp aanvragen"]["agreed_in"] == {"held_on": "2026-12-03", "kind": "MDO"}
    assert actions["Huisbezoek"]["agreed_in"] is None
