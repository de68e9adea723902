"""Meetings: creating one, the agenda, the kinds of meeting, the meeting a plan is adopted in.

The live meeting (attendance, notes, the Breda rule) is tested in test_live.py and test_capture.py."""

from __future__ import annotations

import datetime as dt

import pytest

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.vocab import MeetingStatus
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import live
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.store.models import Meeting, MeetingItem


@pytest.fixture
def meeting(profile):
    return meetings.create_meeting("MDO", "20-11-2026", title="MDO Noord", location="Stadhuis")


def _item(item: MeetingItem) -> MeetingItem:
    return MeetingItem.get_by_id(item.id)


def test_create_meeting(meeting) -> None:
    stored = Meeting.get_by_id(meeting.id)
    assert (stored.kind, stored.held_on, stored.title, stored.location, stored.status) == (
        "MDO", dt.date(2026, 11, 20), "MDO Noord", "Stadhuis", MeetingStatus.PLANNED.value,
    )


def test_create_meeting_refusals(profile) -> None:
    with pytest.raises(ValidationError, match="Soort overleg is verplicht"):
        meetings.create_meeting(" ", dt.date(2026, 11, 20))
    with pytest.raises(ValidationError, match="Vul de datum van het overleg in"):
        meetings.create_meeting("MDO", "")
    with pytest.raises(ValidationError, match="geen datum"):
        meetings.create_meeting("MDO", "volgende keer")
    assert Meeting.select().count() == 0


def test_agenda_in_order_and_no_case_twice(meeting, build) -> None:
    first = build.new_case("Jan Jansen")
    second = build.new_case("Piet Pietersen", referrer=first.referrer_partner)
    meetings.add_item(meeting, second)
    meetings.add_item(meeting, first)
    assert [i.case.reference for i in meetings.items_of(meeting)] == ["2026-0002", "2026-0001"]
    with pytest.raises(RuleError, match="Casus 2026-0001 staat al op de agenda"):
        meetings.add_item(meeting, first)
    assert [i.meeting.id for i in meetings.meetings_of_case(first)] == [meeting.id]


def test_closed_case_cannot_go_on_the_agenda(meeting, build) -> None:
    case = build.new_case()
    cases.close_case(case, "Klaar", retention_years=15)
    with pytest.raises(RuleError, match="Casus 2026-0001 is afgesloten en kan niet op de agenda"):
        meetings.add_item(meeting, case)
    assert MeetingItem.select().count() == 0


def test_parse_kinds_keeps_the_first_spelling_of_each_name() -> None:
    assert meetings.parse_kinds("MDO, Wijkoverleg, mdo,  Casusoverleg ,Wíjkoverleg") == [
        "MDO", "Wijkoverleg", "Casusoverleg"]
    with pytest.raises(ValidationError, match="minstens één naam van een overleg") as caught:
        meetings.parse_kinds(" , ,")
    assert caught.value.field == "meeting_types"
    with pytest.raises(ValidationError, match="te lang"):
        meetings.parse_kinds("MDO, " + "x" * 51)


def test_adoption_meeting_is_an_open_meeting_of_the_case_held_today(profile, build) -> None:
    from zvh_tui.services.shared import context

    context.set_today(dt.date(2026, 11, 20))
    case = build.new_case()
    other = build.new_case()
    assert meetings.adoption_meeting(case) is None
    today = meetings.create_meeting("MDO", "20-11-2026")
    meetings.add_item(today, other)
    assert meetings.adoption_meeting(case) is None  # the case is not on its agenda
    meetings.add_item(today, case)
    assert meetings.adoption_meeting(case) is None  # planned, not yet open
    live.start_meeting(today)
    assert meetings.adoption_meeting(case).id == today.id
    assert meetings.adoption_meeting(case, today=dt.date(2026, 11, 21)) is None
    Meeting.update(status=MeetingStatus.CLOSED.value).where(Meeting.id == today.id).execute()
    assert meetings.adoption_meeting(case) is None  # closed
