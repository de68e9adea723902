"""The audit log (NEN 7513): every view and change of a case writes an event, never a name."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest

# The domain tests' clock and actor (a user without organisation), not the safety folder's.
from fixtures_domain import _frozen_clock, profile  # noqa: F401

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.vocab import ActionStatus, CheckStatus, Phase, TriageOutcome
from zvh_tui.services.cases import escalation, journal, persons, referral
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import live
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety import audit
from zvh_tui.store.models import Action, AuditEvent, Case, Meeting, MeetingItem, Partner, Plan, db


@dataclass
class World:
    case: Case
    plan: Plan
    ggz: Partner
    meeting: Meeting
    item: MeetingItem

    def fresh(self) -> None:
        self.case = Case.get_by_id(self.case.id)
        self.plan = Plan.get_by_id(self.plan.id)


@pytest.fixture
def world(build) -> World:
    case = build.to_phase(build.new_case(), Phase.PLAN)
    plan = build.ready_plan(case)
    ggz = build.partner("GGZ")
    participants.add_participant(case, ggz.id)
    meeting = meetings.create_meeting("MDO", "20-11-2026")
    item = meetings.add_item(meeting, case)
    return World(Case.get_by_id(case.id), plan, ggz, meeting, item)


def _ggz(w: World):
    return next(p for p in participants.participants_of(w.case) if p.partner_id == w.ggz.id)


def _adopted(w: World) -> Plan:
    return plans.adopt(w.plan)


def _move(w: World) -> None:
    plans.add_agreement(w.plan, "Tweede afspraak")
    plans.move(plans.agreements_of(w.plan)[0], 1)


def _deescalate(w: World) -> None:
    escalation.change_level(w.case, to_level="board", trigger="Vast", decided_by="Ik")
    escalation.change_level(Case.get_by_id(w.case.id), to_level="process", trigger="Rust", decided_by="Ik")


def _item_director(w: World) -> None:
    visser = partners.add_contact(w.ggz, "Dr. Visser")
    live.set_director(w.item, w.ggz.id, visser.id)


def _committed(w: World) -> None:
    live.mark(w.item, w.ggz.id)
    live.commit(w.item, w.ggz.id)


def _closed_item(w: World) -> None:
    _item_director(w)
    live.set_next(w.item, "+6w")
    live.close_item(MeetingItem.get_by_id(w.item.id))


def _reopen(w: World) -> None:
    cases.close_case(w.case, "Klaar", retention_years=15, open_actions=cases.KEEP_OPEN_ACTIONS)
    cases.reopen_case(Case.get_by_id(w.case.id), "Terugval")


CHANGES: dict[str, tuple[str, Callable[[World], object]]] = {
    # cases
    "update_case": ("update:title", lambda w: cases.update_case(w.case, title="Alias")),
    "add_person": ("update:add", lambda w: cases.add_person(w.case, cases.NewPerson(name="Mira"))),
    "update_person": ("update:address", lambda w: cases.update_person(w.case, cases.persons_of(w.case)[0][0], address="Dorpsstraat 1")),
    # the case after intake (issue 15.1)
    "edit_referral": ("update:reason", lambda w: referral.edit_referral(
        w.case, replace(referral.referral_of(w.case), reason="Andere aanleiding"))),
    "set_informed": ("update:informed=no", lambda w: persons.set_informed(
        w.case, persons.links_of(w.case)[0].person_id, False, "Onderzoek", "+2w")),
    "update_person_role": ("update:role", lambda w: persons.update_person(
        w.case, persons.links_of(w.case)[0].person_id, role="parent")),
    "remove_person": ("update:remove", lambda w: persons.remove_person(
        w.case, persons.add_person(w.case, cases.NewPerson(name="Mira")).id, "Vergissing")),
    "move_phase": ("phase", lambda w: cases.move_phase(w.case, Phase.MEETING)),
    "set_triage": ("triage", lambda w: cases.set_triage(w.case, TriageOutcome.TAKE_ON)),
    "set_ave": ("update:ave_phase", lambda w: cases.set_ave(w.case, "3")),
    "close_case": ("close", lambda w: cases.close_case(w.case, "Klaar", retention_years=15, open_actions=cases.KEEP_OPEN_ACTIONS)),
    "reopen_case": ("reopen", _reopen),
    # participants
    "add_participant": ("update:add", lambda w: participants.add_participant(w.case, partners.create_partner("Halt").id)),
    "set_role": ("update:role=adviser", lambda w: participants.set_role(_ggz(w), "adviser")),
    "set_director": ("director", lambda w: participants.set_director(w.case, w.ggz.id)),
    "set_check": ("check", lambda w: participants.set_check(_ggz(w), CheckStatus.ASKED, basis="convenant")),
    "remove_participant": ("update:remove", lambda w: participants.remove_participant(_ggz(w))),
    # plans
    "update_plan": ("update:client_view", lambda w: plans.update_plan(w.plan, client_view="Wil rust")),
    "set_assessment": ("update:assessment", lambda w: plans.set_assessment(w.plan, "financien", concerns="Schulden")),
    "set_perspective": ("update:perspective", lambda w: plans.set_perspective(w.plan, w.ggz.id, "Patiënt")),
    "add_goal": ("update:goal.add", lambda w: plans.add_goal(w.plan, "Werk")),
    "update_goal": ("update:goal.update", lambda w: plans.update_goal(plans.goals_of(w.plan)[0], intent="Wonen")),
    "delete_goal": ("update:goal.delete", lambda w: plans.delete_goal(plans.goals_of(w.plan)[0])),
    "add_action": ("update:action.add", lambda w: plans.add_action(w.plan, "Bellen")),
    "update_action": ("update:action.text", lambda w: plans.update_action(plans.actions_of(w.plan)[0], text="Bellen")),
    "accept_nobody": ("update:action.nobody", lambda w: plans.accept_nobody(plans.add_action(w.plan, "Los"))),
    "set_action_status": ("update:action.status=busy", lambda w: plans.set_action_status(plans.actions_of(w.plan)[0], ActionStatus.BUSY)),
    "set_feedback": ("update:action.feedback", lambda w: plans.set_feedback(plans.actions_of(w.plan)[0], "Loopt")),
    "delete_action": ("update:action.delete", lambda w: plans.delete_action(plans.actions_of(w.plan)[0])),
    "add_agreement": ("update:agreement.add", lambda w: plans.add_agreement(w.plan, "Nog een")),
    "update_agreement": ("update:agreement.update", lambda w: plans.update_agreement(plans.agreements_of(w.plan)[0], body="Anders")),
    "delete_agreement": ("update:agreement.delete", lambda w: plans.delete_agreement(plans.agreements_of(w.plan)[0])),
    "move": ("update:agreement.move", _move),
    "adopt": ("adopt", _adopted),
    "revise": ("revise", lambda w: plans.revise(_adopted(w))),
    "feedback_on_adopted": ("update:action.feedback", lambda w: plans.set_feedback(plans.actions_of(_adopted(w))[0], "Loopt")),
    # meetings, escalation, journal
    "add_item": ("update:agenda", lambda w: meetings.add_item(meetings.create_meeting("ICO", "vandaag"), w.case)),
    "start_meeting": ("update:open", lambda w: live.start_meeting(w.meeting)),
    "mark": ("update:present", lambda w: live.mark(w.item, w.ggz.id)),
    "client_arrives": ("update:client", lambda w: live.client_arrives(w.item)),
    "give_reminder": ("update:reminder:0", lambda w: live.give_reminder(w.item)),
    "set_phase": ("update:phase=oordeel", lambda w: live.set_phase(w.item, "oordeel")),
    "add_note": ("update:note:beeld:tafel", lambda w: live.add_note(w.item, "Zorgen over de huur")),
    "add_decision": ("update:decision:beeld:tafel", lambda w: live.add_decision(w.item, "Afgesproken")),
    "live_add_action": ("update:action.add", lambda w: live.add_action(w.item, "Bellen", partner_id=w.ggz.id)),
    "live_add_agreement": ("update:agreement.add", lambda w: live.add_agreement(w.item, "Belt wekelijks")),
    "review": ("update:review=gedaan", lambda w: live.review(w.item, 1, "gedaan")),
    "set_item_director": ("director", _item_director),
    "set_next": ("update:next=evaluatie", lambda w: live.set_next(w.item, "+6w")),
    "commit": ("update:commit", _committed),
    "close_item": ("update:close", _closed_item),
    "change_level": ("escalate", lambda w: escalation.change_level(w.case, to_level="management", trigger="Vast", decided_by="Ik")),
    "deescalate": ("deescalate", _deescalate),
    "add_entry": ("update:monitoren", lambda w: journal.add_entry(w.case, "Gebeld", hat="monitoren")),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_every_change_writes_an_audit_event_with_the_case(world, name) -> None:
    event, change = CHANGES[name]
    world.fresh()
    last = AuditEvent.select(AuditEvent.id).order_by(AuditEvent.id.desc()).scalar()
    change(world)
    new = list(AuditEvent.select().where(AuditEvent.id > last).order_by(AuditEvent.id))
    assert new, f"{name} wrote no audit event"
    assert all(e.case_id == world.case.id for e in new if e.case_id is not None)
    mine = [e for e in new if e.case_id == world.case.id and e.case_ref == world.case.reference]
    seen = [f"{e.event}:{e.detail}" if ":" in event else e.event for e in mine]
    assert event in seen
    assert all(e.user == "tester" and e.result == "ok" for e in new)
    assert audit.verify_chain().ok


def test_create_case_writes_a_create_event(build) -> None:
    case = build.new_case()
    [event] = [e for e in audit.events_for_case(case.id)]
    assert (event.event, event.object_type, event.object_id, event.case_ref) == ("create", "case", case.id, "2026-0001")


def test_get_case_writes_a_view_event(build) -> None:
    case = build.new_case()
    before = len(audit.events_for_case(case.id))
    cases.get_case(case.id)
    cases.get_by_reference("2026-0001")
    views = audit.events_for_case(case.id)[before:]
    assert [(e.event, e.object_type, e.object_id) for e in views] == [("view", "case", case.id)] * 2
    cases.get_case(case.id, audit_view=False)
    assert len(audit.events_for_case(case.id)) == before + 2


def test_refused_change_writes_no_event(build) -> None:
    case = build.new_case()
    before = AuditEvent.select().count()
    with pytest.raises(RuleError):
        cases.move_phase(case, Phase.EXECUTION)
    with pytest.raises(RuleError):
        cases.close_case(case, "Klaar", retention_years=None)
    with pytest.raises(ValidationError):
        journal.add_entry(case, " ")
    assert AuditEvent.select().count() == before


def test_audit_events_for_a_person(build) -> None:
    case = build.new_case()
    other = build.new_case("Piet", referrer=case.referrer_partner)
    [(person, _)] = cases.persons_of(case)
    cases.update_person(case, person, address="Dorpsstraat 1")
    events = audit.events_for_person(person.id, [case.id])
    assert events and all(e.case_id == case.id or e.person_id == person.id for e in events)
    assert other.id not in {e.case_id for e in events}


CANARY = "Canary-Pietersen"


def test_no_audit_row_contains_a_name_or_note(build) -> None:
    referrer = partners.create_partner(f"Stichting {CANARY}", "zorg", convenant_signed=False)
    contact = partners.add_contact(referrer, f"{CANARY} contact", email="canary@example.nl")
    data = cases.NewCase(
        persons=[cases.NewPerson(name=CANARY, date_of_birth="01-01-1990", address=f"{CANARY}straat 1"),
                 cases.NewPerson(name=f"Kind {CANARY}", role="child")],
        title=f"Familie {CANARY}",
        referrer_partner_id=referrer.id,
        referrer_contact_id=contact.id,
        reason=f"Overlast door {CANARY}",
        referral_goal=f"Hulp voor {CANARY}",
        informed=False,
        not_informed_reason=f"{CANARY} is gevaarlijk",
        informed_review_on="+2w",
    )
    case = cases.create_case(data)
    cases.get_case(case.id)
    [(person, _), _] = cases.persons_of(case)
    cases.update_person(case, person, name=f"{CANARY} Jr", address=f"{CANARY}laan 2")
    cases.update_case(Case.get_by_id(case.id), title=f"Alias {CANARY}", referrer_citizen=f"Buurman {CANARY}")
    referral.edit_referral(Case.get_by_id(case.id), replace(
        referral.referral_of(Case.get_by_id(case.id)), reason=f"Nieuwe aanleiding {CANARY}"))
    persons.set_informed(case, person.id, False, f"{CANARY} weet het niet", "+2w")
    extra = persons.add_person(case, cases.NewPerson(name=f"Oom {CANARY}", address=f"{CANARY}pad 3"))
    persons.remove_person(case, extra.id, f"{CANARY} hoort er niet bij")
    participant = participants.participants_of(case)[0]
    participants.set_check(participant, CheckStatus.KNOWN, basis=f"Grondslag {CANARY}")
    cases.move_phase(Case.get_by_id(case.id), Phase.SCREENING)
    cases.move_phase(Case.get_by_id(case.id), Phase.TRIAGE)
    cases.set_triage(Case.get_by_id(case.id), TriageOutcome.TAKE_ON, f"Reden {CANARY}")
    participants.set_director(case, referrer.id, contact_id=contact.id)
    plan = plans.start_plan(case)
    plans.update_plan(plan, shared_task=f"Opgave {CANARY}", client_view=f"{CANARY} wil rust", evaluation_on="+6w")
    goal = plans.add_goal(plan, f"Doel {CANARY}")
    action = plans.add_action(plan, f"Actie {CANARY}", goal=goal, owner_partner_id=referrer.id, deadline="+1w")
    plans.add_agreement(plan, f"Afspraak {CANARY}", partner_id=referrer.id)
    plans.set_perspective(plan, referrer.id, f"Perspectief {CANARY}")
    plans.set_assessment(plan, "wonen", strengths=f"{CANARY} sterk", concerns=f"{CANARY} zorg")
    plans.adopt(Plan.get_by_id(plan.id))
    plans.set_feedback(Action.get_by_id(action.id), f"Terugkoppeling {CANARY}")
    meeting = meetings.create_meeting(f"MDO {CANARY}", "vandaag", title=f"Over {CANARY}", location=f"{CANARY}huis")
    item = meetings.add_item(meeting, Case.get_by_id(case.id))
    live.mark(item, referrer.id, contact_id=contact.id)
    live.add_note(item, f"Beeld van {CANARY}", source_partner_id=referrer.id)
    live.add_decision(item, f"Besluit {CANARY}")
    live.set_director(item, referrer.id, contact.id, call_on="+1w")
    live.set_next(MeetingItem.get_by_id(item.id), "+6w")
    live.close_item(MeetingItem.get_by_id(item.id))
    live.close_meeting(Meeting.get_by_id(meeting.id))
    escalation.change_level(Case.get_by_id(case.id), to_level="management", trigger=f"Trigger {CANARY}",
                            decided_by=f"Besluiter {CANARY}", decided_on=dt.date(2026, 11, 20))
    journal.add_entry(Case.get_by_id(case.id), f"Journaal {CANARY}", hat="onderzoek")
    cases.close_case(Case.get_by_id(case.id), f"Afgesloten {CANARY}", retention_years=15, informed=f"{CANARY} zelf", open_actions=cases.KEEP_OPEN_ACTIONS)
    cases.reopen_case(Case.get_by_id(case.id), f"Heropend {CANARY}")

    cursor = db.execute_sql('SELECT * FROM "audit_event"')
    columns = [c[0] for c in cursor.description]
    rows = cursor.fetchall()
    assert len(rows) > 30
    for row in rows:
        for column, value in zip(columns, row, strict=True):
            if column == "on_behalf_of" and value == referrer.name:
                continue  # namens: the organisation that brought the case in (no client data)
            assert "canary" not in str(value).lower(), f"audit_event.{column} holds a name or note"
    assert audit.verify_chain().ok


def test_no_audit_event_of_a_case_leaves_namens_empty(world) -> None:
    """NEN 7513 "on whose behalf" (issue 15.4): every event with a case names the partner the
    case is processed for, through a representative set of operations — create, view, edit,
    plan, meeting, export, handover — with no organisation in the settings at all."""
    from zvh_tui.services.cases import export, namens
    from zvh_tui.services.plans import plan_export

    w = world
    cases.get_case(w.case.id)
    cases.update_case(w.case, title="Alias")
    journal.add_entry(w.case, "Gebeld", hat="monitoren")
    plans.adopt(w.plan)
    live.start_meeting(w.meeting)
    live.add_note(w.item, "Zorgen over de huur")
    live.add_action(w.item, "Bellen", partner_id=w.ggz.id)
    export.export_case_json(w.case.reference)
    plan_export.plan_markdown(Case.get_by_id(w.case.id))
    namens.hand_over(Case.get_by_id(w.case.id), w.ggz.id, "GGZ neemt het over")
    cases.get_case(w.case.id)
    events = list(AuditEvent.select().where(AuditEvent.case_id.is_null(False)))
    assert len(events) > 20 and {"create", "view", "update", "adopt", "export", "handover"} <= {e.event for e in events}
    assert [e.id for e in events if not e.on_behalf_of.strip()] == []
    assert events[-1].on_behalf_of == "GGZ"
    assert audit.verify_chain().ok
