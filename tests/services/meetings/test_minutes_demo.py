"""Purpose limitation of the minutes over the demo data (issue 14.6), exhaustively: every sheet
for every partner of every demo meeting, and of an MDO held now over the open demo cases with
notes of every visibility from every partner, never holds another partner's action, goal (or its
leefgebied), note or perspective, nor a note for the ZVH only; the besluitenlijst and the .ics of
each meeting hold no word of a betrokkene's name."""

from __future__ import annotations

import re

from demokit import DEMO_DAY
from minuteskit import hold_item

from zvh_tui.core.vocab import LifeDomain, NoteKind, NoteVisibility, Phase
from zvh_tui.services.meetings import live, minutes
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import disclosure
from zvh_tui.store.models import (
    Action,
    Agreement,
    Case,
    CasePerson,
    Goal,
    Meeting,
    MeetingItem,
    MeetingNote,
    Person,
    Perspective,
    Plan,
)


def _plans_of(case_ids: list[int]) -> list[int]:
    return [p.id for p in Plan.select(Plan.id).where(Plan.case.in_(case_ids))]


def _forbidden(meeting: Meeting, partner_id: int) -> tuple[list[str], list[str]]:
    """(texts that must not be in the partner's sheet, texts it may hold that could contain them)."""
    items = list(MeetingItem.select().where(MeetingItem.meeting == meeting.id))
    plan_ids = _plans_of([i.case_id for i in items])
    forbidden: list[str] = []
    allowed: list[str] = []
    for action in Action.select().where(Action.plan.in_(plan_ids)):
        (allowed if action.owner_partner_id == partner_id else forbidden).append(action.text)
    own_goals = {a.goal_id for a in Action.select().where(Action.plan.in_(plan_ids)
                                                          & (Action.owner_partner == partner_id))}
    for goal in Goal.select().where(Goal.plan.in_(plan_ids)):
        if goal.id not in own_goals:
            forbidden.append(goal.intent)
        if goal.life_domain:
            forbidden.append(f"({LifeDomain.label_of(goal.life_domain)})")
    for note in MeetingNote.select().where(MeetingNote.item.in_([i.id for i in items])):
        mine = note.source_partner_id == partner_id and note.visibility != NoteVisibility.ZVH.value
        if note.kind == NoteKind.NOTE.value and not mine:
            forbidden.append(note.text)
        elif mine:
            allowed.append(note.text)
    for row in Perspective.select().where(Perspective.plan.in_(plan_ids)):
        forbidden.append(row.text)
    for plan in Plan.select().where(Plan.id.in_(plan_ids)):
        allowed.append(plan.shared_task)
    allowed += [a.text for a in Agreement.select().where(Agreement.plan.in_(plan_ids)
                                                          & ((Agreement.partner == partner_id)
                                                             | Agreement.partner.is_null()))]
    return [t for t in forbidden if t.strip()], allowed


def _check_sheets(meeting: Meeting) -> int:
    record = minutes.read_minutes(meeting)
    checked = 0
    for partner in minutes.sheet_partners(record):
        view = minutes.partner_view(record, partner)
        sheet = minutes.render(view, "md") + minutes.render(view, "html")
        forbidden, allowed = _forbidden(meeting, partner.id)
        for text in forbidden:
            if any(text in other for other in allowed):
                continue  # the same words stand in what the partner may read
            for variant in (text, minutes.md(text)):
                assert variant not in sheet, (meeting.id, partner.name, text)
        checked += 1
    return checked


def _name_words(meeting: Meeting) -> set[str]:
    case_ids = [i.case_id for i in MeetingItem.select().where(MeetingItem.meeting == meeting.id)]
    names = [p.name for p in Person.select().join(CasePerson).where(CasePerson.case.in_(case_ids))]
    return {w for n in names for w in re.split(r"[\s-]+", n)
            if len(w) > 2 and w.casefold() not in disclosure.PARTICLES}


def _check_no_names(meeting: Meeting) -> None:
    record = minutes.read_minutes(meeting)
    view = minutes.decisions_view(record)
    shown = minutes.render(view, "md") + minutes.render(view, "html") + minutes.minutes_ics(record)
    for word in _name_words(meeting):
        assert not re.search(rf"(?<!\w){re.escape(word)}(?!\w)", shown, re.I), (meeting.id, word)


def test_every_demo_meeting_keeps_each_sheet_to_its_partner(demo_profile: Profile) -> None:
    held = list(Meeting.select().where(Meeting.status == "closed").order_by(Meeting.id))
    assert len(held) >= 3
    sheets = sum(_check_sheets(meeting) for meeting in held)
    assert sheets >= len(held)  # every demo meeting had partners at the table
    for meeting in held:
        _check_no_names(meeting)
    # a plan adopted in a demo meeting: its actions are that meeting's (and so in the sheets)
    adopted = [m for m in held if any(i.actions for i in minutes.read_minutes(m).items)]
    assert len(adopted) >= 3


def test_an_mdo_over_the_open_demo_cases_keeps_each_sheet_to_its_partner(demo_profile: Profile) -> None:
    cases = [c for c in Case.select().where(Case.phase != Phase.CLOSED.value).order_by(Case.id)
             if len([p for p in participants.participants_of(c) if not p.partner.is_own]) >= 2][:5]
    assert len(cases) >= 3
    meeting = meetings.create_meeting("MDO", DEMO_DAY, title="Extra overleg")
    for case in cases:
        meetings.add_item(meeting, case)
    live.start_meeting(meeting)
    for number, item in enumerate(meetings.items_of(meeting)):
        ids = [p.partner_id for p in participants.participants_of(item.case) if not p.partner.is_own]
        hold_item(item, ids, f"demo{number}", day=DEMO_DAY, director_partner_id=ids[0], client=number % 2 == 0)
    live.close_meeting(Meeting.get_by_id(meeting.id))
    assert _check_sheets(meeting) >= 4
    _check_no_names(meeting)
    # the markers show what the exhaustive check above looked at: every partner's own notes
    record = minutes.read_minutes(meeting)
    for partner in minutes.sheet_partners(record):
        sheet = minutes.render(minutes.partner_view(record, partner), "md")
        if partner.convenant_signed:
            assert re.search(rf"demo\d-beeld-bron-p{partner.id}\b", sheet), partner.name
        else:
            assert "niet waarom" in sheet and "-beeld-" not in sheet
