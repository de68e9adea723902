"""Meetings: the agenda, attendance, notes and the Breda rule (no item closes without a casusregisseur)."""

from __future__ import annotations

import datetime as dt

import pytest

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.vocab import ItemStatus, MeetingStatus, NoteTag, ParticipantRole, Presence
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.store.models import Attendee, Meeting, MeetingItem, MeetingNote


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


def test_close_item_refused_without_casusregisseur(meeting, build) -> None:
    item = meetings.add_item(meeting, build.new_case())
    with pytest.raises(RuleError) as info:
        meetings.close_item(item)
    assert "Dit punt kan nog niet worden afgerond" in str(info.value)
    assert "Wie houdt het overzicht over dit plan van aanpak, en mag ik diegene bellen" in str(info.value)
    assert _item(item).status == ItemStatus.OPEN.value


def test_set_item_director_makes_the_case_casusregisseur(meeting, build) -> None:
    case = build.new_case()
    police = build.partner("Politie")
    agent = partners.add_contact(police, "Wijkagent Bakker")
    item = meetings.add_item(meeting, case)
    meetings.set_item_director(item, police.id, agent.id)
    director = cases.director_of(case)
    assert (director.partner_id, director.contact_id, director.role) == (police.id, agent.id, "case_director")
    assert (_item(item).director_partner_id, _item(item).director_contact_id) == (police.id, agent.id)
    meetings.close_item(_item(item))
    stored = _item(item)
    assert stored.status == ItemStatus.CLOSED.value and stored.closed_at is not None


def test_close_item_takes_the_existing_casusregisseur(meeting, build) -> None:
    case = build.new_case()
    participants.add_participant(case, build.partner("GGZ").id, role=ParticipantRole.CASE_DIRECTOR)
    item = meetings.add_item(meeting, case)
    meetings.close_item(item)
    stored = _item(item)
    assert stored.status == ItemStatus.CLOSED.value
    assert stored.director_partner_id == cases.director_of(case).partner_id
    assert meetings.close_item(stored).status == ItemStatus.CLOSED.value  # closing again: no change


def test_set_item_director_refuses_a_contact_of_another_partner(meeting, build) -> None:
    item = meetings.add_item(meeting, build.new_case())
    police, ggz = build.partner("Politie"), build.partner("GGZ")
    visser = partners.add_contact(ggz, "Dr. Visser")
    with pytest.raises(ValidationError, match="hoort niet bij die partner"):
        meetings.set_item_director(item, police.id, visser.id)
    assert cases.director_of(item.case) is None and _item(item).director_partner_id is None


def test_notes_with_tags(meeting, build) -> None:
    item = meetings.add_item(meeting, build.new_case())
    note = meetings.add_note(item, NoteTag.DECISION, "Wijkteam wordt casusregisseur [/b]")
    assert (MeetingNote.get_by_id(note.id).tag, MeetingNote.get_by_id(note.id).text) == (
        "besluit", "Wijkteam wordt casusregisseur [/b]",
    )
    with pytest.raises(ValidationError, match="Notitie is verplicht"):
        meetings.add_note(item, "beeld", "  ")
    with pytest.raises(ValidationError, match="'mening' is geen soort notitie. Kies uit: beeld, oordeel"):
        meetings.add_note(item, "mening", "Iets")
    meetings.set_item_director(item, item.case.referrer_partner_id)
    meetings.close_item(_item(item))
    with pytest.raises(RuleError, match="al afgerond"):
        meetings.add_note(_item(item), "beeld", "Te laat")
    assert MeetingNote.select().count() == 1


def test_close_meeting_refused_with_an_open_item(meeting, build) -> None:
    done = meetings.add_item(meeting, build.new_case("Jan"))
    open_case = build.new_case("Piet", referrer=done.case.referrer_partner)
    meetings.add_item(meeting, open_case)
    meetings.set_item_director(done, done.case.referrer_partner_id)
    meetings.close_item(_item(done))
    with pytest.raises(RuleError) as info:
        meetings.close_meeting(meeting)
    assert "Rond eerst alle agendapunten af (2026-0002)" in str(info.value)
    assert "Wie houdt het overzicht" in str(info.value)
    assert Meeting.get_by_id(meeting.id).status == MeetingStatus.PLANNED.value


def test_open_and_close_meeting(meeting, build) -> None:
    meetings.open_meeting(meeting)
    assert Meeting.get_by_id(meeting.id).status == MeetingStatus.OPEN.value
    meetings.close_meeting(Meeting.get_by_id(meeting.id))
    stored = Meeting.get_by_id(meeting.id)
    assert stored.status == MeetingStatus.CLOSED.value and stored.closed_at is not None


def test_closed_meeting_refuses_changes(meeting, build) -> None:
    case = build.new_case()
    item = meetings.add_item(meeting, case)
    meetings.set_item_director(item, case.referrer_partner_id)
    meetings.close_item(_item(item))
    meetings.close_meeting(meeting)
    closed = Meeting.get_by_id(meeting.id)
    other = build.new_case("Piet", referrer=case.referrer_partner)
    attempts = [
        lambda: meetings.add_item(closed, other),
        lambda: meetings.set_attendance(closed, case.referrer_partner_id),
        lambda: meetings.add_note(_item(item), "beeld", "Nog iets"),
        lambda: meetings.set_item_director(_item(item), build.partner("GGZ").id),
        lambda: meetings.open_meeting(closed),
        lambda: meetings.close_meeting(closed),
    ]
    for attempt in attempts:
        with pytest.raises(RuleError, match="Dit overleg is gesloten"):
            attempt()
    assert MeetingItem.select().count() == 1
    assert Attendee.select().count() == 0
    assert cases.director_of(case).partner_id == case.referrer_partner_id


def test_attendance_is_an_upsert(meeting, build) -> None:
    police = build.partner("Politie")
    agent = partners.add_contact(police, "Wijkagent Bakker")
    first = meetings.set_attendance(meeting, police.id)
    again = meetings.set_attendance(meeting, police.id, Presence.EXCUSED)
    assert again.id == first.id
    assert Attendee.get_by_id(first.id).presence == "excused"
    with_contact = meetings.set_attendance(meeting, police.id, "absent", contact_id=agent.id)
    assert with_contact.id != first.id
    meetings.set_attendance(meeting, police.id, Presence.PRESENT, contact_id=agent.id)
    rows = {(a.contact_id, a.presence) for a in Attendee.select()}
    assert rows == {(None, "excused"), (agent.id, "present")}


def test_attendance_refusals(meeting, build) -> None:
    police, ggz = build.partner("Politie"), build.partner("GGZ")
    visser = partners.add_contact(ggz, "Dr. Visser")
    with pytest.raises(ValidationError, match="partner bestaat niet"):
        meetings.set_attendance(meeting, 9999)
    with pytest.raises(ValidationError, match="hoort niet bij die partner"):
        meetings.set_attendance(meeting, police.id, contact_id=visser.id)
    with pytest.raises(ValidationError, match="'misschien' is geen aanwezigheidsstatus. Kies uit: aanwezig"):
        meetings.set_attendance(meeting, police.id, "misschien")
    assert Attendee.select().count() == 0


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
    meetings.open_meeting(today)
    assert meetings.adoption_meeting(case).id == today.id
    assert meetings.adoption_meeting(case, today=dt.date(2026, 11, 21)) is None
    Meeting.update(status=MeetingStatus.CLOSED.value).where(Meeting.id == today.id).execute()
    assert meetings.adoption_meeting(case) is None  # closed
