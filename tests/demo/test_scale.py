"""`zvh demo --scale N`: N cases with about ten actions each, valid, searchable, deterministic."""

from __future__ import annotations

import pytest
from demokit import DEMO_DAY, SCALE_N, Template, fingerprint

from zvh_tui.core.errors import ValidationError, ZvhError
from zvh_tui.core.vocab import Phase
from zvh_tui.demo.builder import load_demo
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context
from zvh_tui.store.models import (
    Action,
    AuditEvent,
    Case,
    CasePerson,
    CaseSearch,
    JournalEntry,
    Meeting,
    MeetingItem,
    Participant,
    Partner,
    Person,
    Plan,
    db,
)


def test_counts_and_spread(scale_profile: Profile, scale_template: Template) -> None:
    assert Case.select().count() == SCALE_N
    assert 0.85 * 10 * SCALE_N <= Action.select().count() <= 1.15 * 10 * SCALE_N
    assert Partner.select().where(Partner.is_own == False).count() == 15  # noqa: E712
    assert {c.phase for c in Case.select()} >= {Phase.EXECUTION.value, Phase.CLOSED.value, Phase.PLAN.value}
    assert {c.ave_phase for c in Case.select()} == {"2", "3", "4"}  # advies, proces, opgeschaald
    assert JournalEntry.select().count() >= 2 * SCALE_N
    for case in Case.select():
        assert Participant.select().where(Participant.case == case).count() >= 3
        assert CasePerson.select().where(CasePerson.case == case).exists()
        assert Plan.select().where(Plan.case == case).count() <= 1
    today = context.today()
    overdue = Action.select().where(Action.status.in_(("open", "busy")), Action.deadline < today)
    assert overdue.exists()
    assert Action.select().where(Action.deadline >= today).exists()
    assert scale_template.summary.startswith(f"Schaaldata geladen: {SCALE_N} casussen,")


def test_database_is_valid_and_audited_once(scale_profile: Profile) -> None:
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []
    assert db.execute_sql("PRAGMA integrity_check").fetchone()[0] == "ok"
    scale_events = list(AuditEvent.select().where(AuditEvent.event == "demo.scale"))
    assert len(scale_events) == 1 and f"cases={SCALE_N}" in scale_events[0].detail
    assert not AuditEvent.select().where(AuditEvent.case_id.is_null(False)).exists()
    # the Breda rule holds in the generated data too: closed meetings have only closed items
    open_items = MeetingItem.select().join(Meeting).where(Meeting.status == "closed", MeetingItem.status != "closed")
    assert not open_items.exists()
    assert not MeetingItem.select().where(MeetingItem.status == "closed", MeetingItem.director_partner.is_null()).exists()


def test_search_index_finds_a_case_by_part_of_a_name(scale_profile: Profile) -> None:
    person = Person.select().order_by(Person.id.desc()).first()
    case_id = CasePerson.get(CasePerson.person == person).case_id
    surname = person.name.split()[-1]
    part = surname[: max(3, len(surname) - 2)]
    found = [row.rowid for row in CaseSearch.select(CaseSearch.rowid).where(CaseSearch.match(f'"{part}"*'))]
    assert case_id in found
    reference = Case.get_by_id(case_id).reference
    by_reference = CaseSearch.select(CaseSearch.rowid).where(CaseSearch.match(f'"{reference}"'))
    assert [row.rowid for row in by_reference] == [case_id]


def test_a_new_case_after_scale_gets_a_free_reference(scale_profile: Profile) -> None:
    partner = Partner.get(Partner.is_own == False)  # noqa: E712
    case = cases.create_case(cases.NewCase(
        persons=[cases.NewPerson(name="Nieuwe Betrokkene")], referrer_partner_id=partner.id,
        reason="Nieuwe aanmelding na de schaaldata."))
    year = context.today().year
    assert case.reference.startswith(f"{year}-")
    assert Case.select().where(Case.reference == case.reference).count() == 1


def test_scale_is_deterministic_and_reports_progress(profile: Profile, scale_template: Template) -> None:
    reports: list[tuple[int, int]] = []
    context.set_today(DEMO_DAY)  # the template's day
    load_demo(SCALE_N, progress=lambda done, total: reports.append((done, total)))
    assert fingerprint() == scale_template.fingerprint
    assert reports and reports[-1] == (SCALE_N, SCALE_N)
    assert [done for done, _ in reports] == sorted(done for done, _ in reports)


def test_scale_refuses_a_filled_profile(scale_profile: Profile) -> None:
    with pytest.raises(ZvhError, match="bevat al casussen"):
        load_demo(10)
    with pytest.raises(ZvhError, match="bevat al casussen"):
        load_demo(None)
    assert Case.select().count() == SCALE_N


def test_scale_refuses_a_number_out_of_range(profile: Profile) -> None:
    for bad in (0, -5, 10_000_000):
        with pytest.raises(ValidationError, match="Kies een aantal casussen"):
            load_demo(bad)
    assert not Case.select().exists()
