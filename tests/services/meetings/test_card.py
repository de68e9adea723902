"""The case card and the agenda of the live screen (services/meetings/card.py), and the bounded
number of queries behind the card (issue 13.8: a plan of 15 actions draws as fast as one of 3)."""

from __future__ import annotations

import datetime as dt

import pytest
import querykit
from meetingkit import TODAY, at, make_table

from zvh_tui.services.meetings import card, live
from zvh_tui.services.partners import participants
from zvh_tui.services.plans import versions as plans
from zvh_tui.store.models import MeetingItem


@pytest.fixture
def table(build):
    return make_table(build, second_case=True)


def _adopted_plan(table, build, actions: int):
    participants.set_director(table.case, table.police.id, contact_id=table.bakker.id)
    plan = build.ready_plan(table.case)  # one action, one goal, one afspraak
    for n in range(actions - 1):
        plans.add_action(plan, f"Actie {n + 2}", owner_partner_id=table.ggz.id, owner_contact_id=table.visser.id,
                         deadline=TODAY + dt.timedelta(days=1 + n))
    return plans.adopt(plan)


def test_the_card_of_a_case_without_a_plan(table) -> None:
    shown = card.case_card(table.item, TODAY)
    assert (shown.reference, shown.title, shown.phase, shown.shared_task, shown.director) == (
        "2026-0001", table.case.title, "Aanmelding", "", "")
    assert (shown.open_actions, shown.overdue_actions, shown.reviews, shown.next_on, shown.evaluation_on) == (
        0, 0, (), None, None)
    assert shown.changes == ("Nog geen plan van aanpak.",)


def test_the_card_shows_the_plan_the_director_and_what_changed(table, build) -> None:
    adopted = _adopted_plan(table, build, actions=3)
    later = TODAY + dt.timedelta(days=5)
    shown = card.case_card(table.item, later)  # two actions overdue by then
    assert shown.shared_task == "Samen zorgen voor rust in huis"
    assert shown.director == "Politie · Wijkagent Bakker (06-11112222)"
    assert (shown.open_actions, shown.overdue_actions) == (3, 2)
    assert [r.number for r in shown.reviews] == [1, 2, 3]
    assert shown.evaluation_on == adopted.evaluation_on
    assert shown.changes == (f"Versie 1 vastgesteld op {TODAY:%d-%m-%Y}.",)
    item = table.fresh()
    live.review(item, 1, "gedaan")
    live.add_action(item, "Budgetcoach", partner_id=table.wijkteam.id, deadline="vr")  # concept v2
    live.add_agreement(item, "Wijkteam belt wekelijks")
    live.set_next(item, "+8w")
    shown = card.case_card(item, TODAY)
    # the review changed version 1 itself (monitoring), so the copy is no change between versions
    assert shown.changes == ("Sinds versie 1:", "Evaluatiedatum: "
                             f"{adopted.evaluation_on:%d-%m-%Y} → {TODAY + dt.timedelta(weeks=8):%d-%m-%Y}.",
                             "1 nieuwe actie.", "1 nieuwe afspraak.")
    assert (shown.open_actions, shown.next_on) == (3, TODAY + dt.timedelta(weeks=8))  # 2 left + the new one
    assert shown.reviews[0].outcome == "gedaan"


def test_the_card_names_the_person_agreed_at_this_item(table) -> None:
    live.set_director(table.item, table.ggz.id, table.visser.id)
    assert card.case_card(table.fresh(), TODAY).director == "GGZ Noord · Dr. Visser"


def test_the_card_takes_a_bounded_number_of_queries(table, build) -> None:
    _adopted_plan(table, build, actions=3)
    with querykit.capture() as small:
        card.case_card(table.item, TODAY)
    other = make_second_table(table, build, actions=15)
    with querykit.capture() as large:
        shown = card.case_card(other, TODAY)
    assert shown.open_actions == 15 and len(shown.reviews) == 15
    assert len(large.sql) == len(small.sql) <= 12, large.sql
    assert all(sql.lstrip().upper().startswith("SELECT") for sql in large.sql)  # reading writes nothing


def make_second_table(table, build, actions: int) -> MeetingItem:
    second = live.neighbour(table.item, 1)
    case = second.case
    participants.set_director(case, table.wijkteam.id, contact_id=table.de_vries.id)
    plan = build.ready_plan(case)
    for n in range(actions - 1):
        plans.add_action(plan, f"Stap {n + 2}", owner_partner_id=table.wijkteam.id, deadline=TODAY + dt.timedelta(days=2))
    plans.adopt(plan)
    return MeetingItem.get_by_id(second.id)


def test_the_agenda_in_order_with_its_states(table) -> None:
    live.start_meeting(table.meeting, now=at(9))
    MeetingItem.update(slot_start="09:30", slot_minutes=20).where(MeetingItem.id == table.item.id).execute()
    lines = card.agenda(table.meeting, table.item.id)
    assert [(a.position, a.reference, a.status, a.slot, a.current) for a in lines] == [
        (1, "2026-0001", "bezig", "09:30 · 20 min", True),
        (2, "2026-0002", "open", "", False),
    ]
    live.set_director(table.fresh(), table.police.id, table.bakker.id)
    live.set_next(table.fresh(), "+6w")
    live.close_item(table.fresh())
    assert [a.status for a in card.agenda(table.meeting)] == ["afgerond", "open"]
    assert not any(a.current for a in card.agenda(table.meeting))
