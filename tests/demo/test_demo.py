"""The demo profile: what it holds, that every signal has something to show, and that it is
deterministic, refuses a second load and keeps the audit chain whole."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from demokit import DEMO_DAY, Template, fingerprint

from zvh_tui.core.errors import ZvhError
from zvh_tui.core.vocab import ActionStatus, Phase, PlanStatus
from zvh_tui.demo.builder import load_demo
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases import persons
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety import audit
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import clock, context
from zvh_tui.store.models import (
    Action,
    AuditEvent,
    Case,
    CasePerson,
    Contact,
    Escalation,
    JournalEntry,
    Meeting,
    MeetingItem,
    MeetingNote,
    Participant,
    Partner,
    Perspective,
    Plan,
    db,
)

OPEN = (ActionStatus.OPEN.value, ActionStatus.BUSY.value)


def live_actions():  # a query
    """Actions in the current (not superseded) plan versions of open cases."""
    return (
        Action.select(Action, Plan)
        .join(Plan)
        .join(Case)
        .where((Plan.superseded == False) & (Case.phase != Phase.CLOSED.value))  # noqa: E712
    )


def case_titled(title: str) -> Case:
    return Case.get(Case.title == title)


def test_summary_is_one_dutch_line(demo_template: Template) -> None:
    assert demo_template.summary.startswith("Demo geladen: 25 casussen, 15 partners,")
    assert "\n" not in demo_template.summary


def test_counts_of_cases_partners_and_contacts(demo_profile: Profile) -> None:
    assert Case.select().count() == 25
    assert Partner.select().where(Partner.is_own == False).count() == 15  # noqa: E712
    assert Partner.select().where(Partner.is_own == True).count() == 1  # noqa: E712
    domains = {p.domain for p in Partner.select().where(Partner.is_own == False)}  # noqa: E712
    assert domains == {"straf", "zorg", "gemeente", "veiligheid", "wonen", "onderwijs", "overig"}
    assert 1 <= Partner.select().where(Partner.convenant_signed == False).count() <= 4  # noqa: E712
    for partner in Partner.select().where(Partner.is_own == False):  # noqa: E712
        assert 1 <= Contact.select().where(Contact.partner == partner).count() <= 3, partner.name
    for case in Case.select():
        assert 1 <= CasePerson.select().where(CasePerson.case == case).count() <= 5, case.reference
        if case.phase not in (Phase.REFERRAL.value, Phase.CLOSED.value):
            assert 3 <= Participant.select().where(Participant.case == case).count() <= 8, case.reference


def test_contacts_are_obviously_fictional(demo_profile: Profile) -> None:
    for contact in Contact.select():
        assert re.fullmatch(r"06-0000\d{4}", contact.phone), contact.phone
        assert contact.email.endswith((".example.org", ".invalid")), contact.email


def test_every_phase_and_plan_state_is_present(demo_profile: Profile) -> None:
    assert {c.phase for c in Case.select()} == {p.value for p in Phase}
    assert {p.status for p in Plan.select()} == {s.value for s in PlanStatus}
    assert Plan.select().where(Plan.version == 2).exists()
    revised = Plan.get(Plan.status == PlanStatus.REVISED.value)
    first = Plan.get((Plan.case == revised.case) & (Plan.version == 1))
    assert first.superseded
    assert plans.diff(first, revised).changes, "a revised plan shows what changed"
    concepts = Plan.select().join(Case).where(
        (Plan.status == PlanStatus.CONCEPT.value) & (Case.phase == Phase.PLAN.value))
    assert concepts.count() >= 2
    assert all(plans.adoption_blockers(p) for p in concepts), "concepts in the plan phase show blockers"


def test_the_signals_have_something_to_show(demo_profile: Profile) -> None:
    today = context.today()
    open_cases = Case.select().where(Case.phase != Phase.CLOSED.value)
    assert any(cases.director_of(c) is None for c in open_cases.where(Case.phase == Phase.MEETING.value))
    overdue = live_actions().where((Action.status.in_(OPEN)) & (Action.deadline < today))
    assert overdue.count() >= 3
    assert live_actions().where((Action.status.in_(OPEN)) & (Action.deadline >= today)).exists()
    nobody = live_actions().where(Action.owner_partner.is_null())
    assert 1 <= nobody.count() <= 2
    assert any(a.nobody_accepted for a in nobody) and any(not a.nobody_accepted for a in nobody)
    own = Partner.get(Partner.is_own == True)  # noqa: E712
    assert live_actions().where(Action.owner_partner == own.id).exists(), "taak overgenomen?"
    closed = Case.select().where(Case.phase == Phase.CLOSED.value)
    assert closed.where(Case.retention_end < today).count() >= 2
    assert closed.where(Case.retention_end > today).count() >= 1
    assert CasePerson.select().where(CasePerson.informed == False,  # noqa: E712
                                     CasePerson.informed_review_on < today).exists()
    assert Case.select().where(Case.updated_at < dt.datetime.combine(today, dt.time()) - dt.timedelta(days=30),
                               Case.phase == Phase.EXECUTION.value).exists(), "a stagnating case"
    assert Meeting.select().where(Meeting.held_on > today, Meeting.status == "planned").exists()


def test_domestic_violence_case_has_informed_no_for_father(demo_profile: Profile) -> None:
    case = case_titled("Gezin Azzouzi")
    not_informed = [link for link in persons.links_of(case) if not link.informed]  # per betrokkene
    assert not_informed
    for link in not_informed:
        assert "Vader" in link.not_informed_reason and "strafrechtelijk onderzoek" in link.not_informed_reason
        assert link.informed_review_on > context.today()
    roles = [role for _, role in cases.persons_of(case)]
    assert len(roles) == 5 and roles.count("child") == 3


def test_vignette_one_has_each_partners_own_perspective(demo_profile: Profile) -> None:
    case = case_titled("Ruud Verhoeven")
    texts = [p.text for p in Perspective.select().join(Plan).where(Plan.case == case, Plan.version == 2)]
    for word in ("Patiënt", "Risico", "Huurder in overtreding"):
        assert any(t.startswith(word) for t in texts), word
    assert Escalation.select().where(Escalation.case == case).count() == 2


def test_meetings_journal_escalations_and_checks(demo_profile: Profile) -> None:
    for meeting in Meeting.select().where(Meeting.held_on < context.today()):
        assert meeting.status == "closed"
        assert meeting.attendees.count() >= 2
        assert all(item.status == "closed" and item.director_partner_id for item in meeting.items)
    assert {n.tag for n in MeetingNote.select()} == {"beeld", "oordeel", "besluit"}
    hats = {e.hat for e in JournalEntry.select()}
    assert {"procesregie", "onderzoek", "monitoren"} <= hats and "beschikken" not in hats
    assert Escalation.select(Escalation.case).distinct().count() >= 4
    asked = Participant.select().where(Participant.check_status != "not_asked")
    assert asked.count() > 50 and all(p.check_basis and p.check_on for p in asked)
    statuses = {p.check_status for p in asked}
    assert {"known", "not_known"} <= statuses
    assert MeetingItem.select().join(Meeting).where(Meeting.status == "planned").count() >= 3


def test_dates_are_in_the_past_where_they_must_be(demo_profile: Profile) -> None:
    today = context.today()
    assert all(c.received_on <= today for c in Case.select())
    assert all(e.at.date() <= today for e in JournalEntry.select())
    assert all(e.decided_on <= today for e in Escalation.select())
    for case in Case.select().where(Case.phase == Phase.CLOSED.value):
        assert case.closed_on < today and case.retention_end == cases.retention_end_for(case.closed_on, 2)


def test_second_load_is_refused(demo_profile: Profile) -> None:
    before = Case.select().count()
    with pytest.raises(ZvhError, match="bevat al casussen"):
        load_demo(None)
    with pytest.raises(ZvhError, match="bevat al casussen"):
        load_demo(50)
    assert Case.select().count() == before


def test_audit_chain_and_foreign_keys_hold(demo_profile: Profile) -> None:
    report = audit.verify_chain()
    assert report.ok and report.events > 500
    assert AuditEvent.select().where(AuditEvent.event == "demo.load").count() == 1
    assert db.execute_sql("PRAGMA foreign_key_check").fetchall() == []


def test_two_fresh_loads_are_identical_and_a_frozen_clock_is_kept(
    profile: Profile, demo_template: Template
) -> None:
    context.set_today(DEMO_DAY)  # the template's day: the same references
    load_demo(None)
    assert context.today() == DEMO_DAY and context._today == DEMO_DAY  # the frozen clock is restored
    assert fingerprint() == demo_template.fingerprint


def test_dates_follow_today(demo_profile: Profile) -> None:
    """Loaded on DEMO_DAY (2031), far from the real calendar: everything is relative to it."""
    assert context.today() == DEMO_DAY
    assert Case.select().where(Case.reference.startswith("2031-")).count() >= 10
    assert Case.select().where(Case.reference.startswith("2028-")).count() == 2  # closed long ago
    assert max(c.received_on for c in Case.select()) == DEMO_DAY
    assert Meeting.select().where(Meeting.held_on > DEMO_DAY).count() == 1


@pytest.mark.parametrize("scale", [None, 40], ids=["demo", "scale"])
def test_demo_times_are_stored_in_utc(amsterdam: str, profile: Profile, scale: int | None) -> None:
    """Issue 12.5: the demo's 09:15 aanmelding is stored as 08:15 UTC in winter, 07:15 in summer,
    so that it shows as 09:15 on the local clock (it used to write 09:15 into the UTC column)."""
    context.set_today(DEMO_DAY)
    load_demo(scale)
    created = [c.created_at for c in Case.select(Case.created_at)]
    assert created and {clock.to_local(at).strftime("%H:%M") for at in created} == {"09:15"}
    assert {at.strftime("%H:%M") for at in created} == {"07:15", "08:15"}  # summer and winter
    journal_hours = {clock.to_local(e.at).hour for e in JournalEntry.select(JournalEntry.at)}
    assert journal_hours and journal_hours <= set(range(8, 18))  # office hours, on the local clock
