"""Planning a meeting (issue 13.1): kind from the house's list, date, time, place, chair and
notulist; the agenda with slots and invites per item; an ICO for one case; every refusal."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.vocab import MeetingStatus
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.store.models import AuditEvent, ItemInvite, Meeting, MeetingItem, MeetingNote

KINDS = ["MDO", "Casusoverleg", "ICO"]


def test_create_meeting_with_every_planning_field(profile) -> None:
    meeting = meetings.create_meeting("mdo", "1-12", start_time="930", location="Stadhuis kamer 2",
                                      chair="Anna de Vries", notulist="Bas", kinds=KINDS)
    stored = Meeting.get_by_id(meeting.id)
    assert (stored.kind, stored.held_on, stored.start_time, stored.location, stored.online,
            stored.chair, stored.notulist, stored.status) == (
        "MDO", dt.date(2026, 12, 1), "09:30", "Stadhuis kamer 2", False, "Anna de Vries", "Bas",
        MeetingStatus.PLANNED.value)
    assert meetings.when(stored) == "di 01-12-2026 09:30"
    event = AuditEvent.select().order_by(AuditEvent.id.desc()).get()
    assert (event.event, event.object_type, event.object_id) == ("create", "meeting", meeting.id)


@pytest.mark.parametrize(("typed", "stored"), [("9:30", "09:30"), ("09:30", "09:30"), ("930", "09:30"),
                                                ("9.30", "09:30"), ("14", "14:00"), ("", "")])
def test_start_time_forms(profile, typed: str, stored: str) -> None:
    assert meetings.create_meeting("MDO", "vr", start_time=typed).start_time == stored


def test_online_or_a_place(profile) -> None:
    typed = meetings.create_meeting("MDO", "vr", location="Online")
    assert (typed.online, typed.location, meetings.place(typed)) == (True, "", "online")
    link = meetings.create_meeting("MDO", "vr", online=True, location="Teams-link in de agenda")
    assert meetings.place(link) == "online · Teams-link in de agenda"


@pytest.mark.parametrize(("kwargs", "field", "message"), [
    ({"kind": "Koffie"}, "kind", "'Koffie' is geen soort overleg van dit huis. Kies uit: MDO, Casusoverleg, ICO"),
    ({"kind": " "}, "kind", "Soort overleg is verplicht"),
    ({"held_on": "volgende keer"}, "held_on", "Datum: 'volgende keer' is geen datum"),
    ({"held_on": "31-2-2027"}, "held_on", "Datum: '31-2-2027' is geen datum"),
    ({"held_on": ""}, "held_on", "Vul de datum van het overleg in"),
    ({"start_time": "25:00"}, "start_time", "Begintijd: 25:00 bestaat niet. Gebruik uu:mm"),
    ({"start_time": "9:75"}, "start_time", "bestaat niet"),
    ({"start_time": "half tien"}, "start_time", "Begintijd: 'half tien' is geen tijd"),
    ({"chair": "x" * 201}, "chair", "Voorzitter is te lang"),
    ({"notulist": "Bas\x1b[2J"}, "notulist", "Notulist bevat een stuurteken"),
])
def test_create_meeting_refusals(profile, kwargs: dict, field: str, message: str) -> None:
    values = {"kind": "MDO", "held_on": "vr", **kwargs}
    with pytest.raises(ValidationError, match=message) as caught:
        meetings.create_meeting(values.pop("kind"), values.pop("held_on"), kinds=KINDS, **values)
    assert caught.value.field == field
    assert Meeting.select().count() == 0


def test_update_meeting_and_a_closed_one_refuses(profile, build) -> None:
    meeting = meetings.create_meeting("MDO", "1-12", kinds=KINDS)
    meetings.update_meeting(meeting, start_time="13:00", location="online", chair="Anna", kinds=KINDS)
    stored = Meeting.get_by_id(meeting.id)
    assert (stored.start_time, stored.online, stored.chair) == ("13:00", True, "Anna")
    with pytest.raises(ValidationError, match="Begintijd"):
        meetings.update_meeting(stored, start_time="13:99")
    assert Meeting.get_by_id(meeting.id).start_time == "13:00"
    # a kind the house no longer lists stays as it was
    meetings.update_meeting(stored, kind="MDO", kinds=["Casusoverleg"])
    with pytest.raises(ValidationError, match="geen soort overleg"):
        meetings.update_meeting(stored, kind="ICO", kinds=["Casusoverleg"])
    Meeting.update(status=MeetingStatus.CLOSED.value).where(Meeting.id == meeting.id).execute()
    closed = meetings.get_meeting(meeting.id)
    with pytest.raises(RuleError, match="Dit overleg is gesloten"):
        meetings.update_meeting(closed, start_time="14:00")
    with pytest.raises(RuleError, match="Dit overleg is gesloten"):
        meetings.add_item(closed, build.new_case())
    assert Meeting.get_by_id(meeting.id).start_time == "13:00"


def test_get_meeting_refuses_an_unknown_number(profile) -> None:
    with pytest.raises(NotFound, match="Er is geen overleg met nummer '99'"):
        meetings.get_meeting(99)
    with pytest.raises(NotFound, match="Er is geen overleg met nummer 'abc'"):
        meetings.get_meeting("abc")


def test_upcoming_and_past(profile) -> None:
    later = meetings.create_meeting("MDO", dt.date(2026, 12, 8))
    today_late = meetings.create_meeting("MDO", dt.date(2026, 11, 23), start_time="15:00")
    today_early = meetings.create_meeting("ICO", dt.date(2026, 11, 23), start_time="09:00")
    before = meetings.create_meeting("MDO", dt.date(2026, 11, 17))
    older = meetings.create_meeting("MDO", dt.date(2026, 11, 10))
    closed_today = meetings.create_meeting("MDO", dt.date(2026, 11, 23))
    Meeting.update(status=MeetingStatus.CLOSED.value).where(Meeting.id == closed_today.id).execute()
    assert [m.id for m in meetings.upcoming()] == [today_early.id, today_late.id, later.id]
    assert [m.id for m in meetings.past()] == [closed_today.id, before.id, older.id]
    assert [m.id for m in meetings.past(limit=1)] == [closed_today.id]
    assert [m.id for m in meetings.upcoming(dt.date(2026, 12, 1))] == [later.id]


def test_agenda_invites_the_case_participants(profile, build) -> None:
    case = build.new_case()
    police = build.partner("Politie")
    agent = partners.add_contact(police, "Wijkagent Bakker")
    participants.add_participant(case, police.id, contact_id=agent.id)
    meeting = meetings.create_meeting("MDO", "vr")
    item = meetings.add_item(meeting, case, slot_start="9:30", slot_minutes="20")
    assert (item.slot_start, item.slot_minutes) == ("09:30", 20)
    invited = {(i.partner.name, i.contact.name if i.contact_id else None) for i in meetings.invites_of(item)}
    assert invited == {("Wijkteam Noord", None), ("Politie", "Wijkagent Bakker")}
    bare = meetings.add_item(meeting, build.new_case("Piet"), invite_participants=False)
    assert meetings.invites_of(bare) == []


def test_invite_and_uninvite(profile, build) -> None:
    meeting = meetings.create_meeting("MDO", "vr")
    item = meetings.add_item(meeting, build.new_case(), invite_participants=False)
    ggz, police = build.partner("GGZ"), build.partner("Politie")
    visser = partners.add_contact(ggz, "Dr. Visser")
    first = meetings.invite(item, ggz.id, visser.id)
    assert meetings.invite(item, ggz.id, visser.id).id == first.id  # twice: one invite
    meetings.invite(item, police.id)
    assert meetings.invite(item, police.id).id == meetings.invites_of(item)[1].id
    assert [i.partner.name for i in meetings.invites_of(item)] == ["GGZ", "Politie"]
    with pytest.raises(ValidationError, match="hoort niet bij die partner"):
        meetings.invite(item, police.id, visser.id)
    with pytest.raises(ValidationError, match="Deze partner bestaat niet"):
        meetings.invite(item, 9999)
    meetings.uninvite(item, ggz.id, visser.id)
    with pytest.raises(NotFound, match="niet uitgenodigd"):
        meetings.uninvite(item, ggz.id, visser.id)
    assert [i.partner.name for i in meetings.invites_of(item)] == ["Politie"]


def test_agenda_refusals(profile, build) -> None:
    meeting = meetings.create_meeting("MDO", "vr")
    case = build.new_case()
    with pytest.raises(ValidationError, match="Begintijd van het punt: 'negen' is geen tijd") as caught:
        meetings.add_item(meeting, case, slot_start="negen")
    assert caught.value.field == "slot_start"
    with pytest.raises(ValidationError, match="Duur: kies tussen 1 en 600 minuten"):
        meetings.add_item(meeting, case, slot_minutes=0)
    with pytest.raises(ValidationError, match="Duur: 'lang' is geen aantal minuten"):
        meetings.add_item(meeting, case, slot_minutes="lang")
    assert MeetingItem.select().count() == 0 and ItemInvite.select().count() == 0
    item = meetings.add_item(meeting, case)
    with pytest.raises(RuleError, match="staat al op de agenda"):
        meetings.add_item(meeting, case)
    closed = build.new_case("Piet")
    cases.close_case(closed, "Klaar", retention_years=15)
    with pytest.raises(RuleError, match="is afgesloten en kan niet op de agenda"):
        meetings.add_item(meeting, closed)
    with pytest.raises(ValidationError, match="Duur"):
        meetings.set_slot(item, "10:00", 601)
    assert [i.case_id for i in meetings.items_of(meeting)] == [case.id]


def test_reorder_remove_and_slot(profile, build) -> None:
    meeting = meetings.create_meeting("MDO", "vr")
    a, b, c = (build.new_case(name) for name in ("Anna", "Bert", "Cor"))
    items = [meetings.add_item(meeting, case) for case in (a, b, c)]

    def order() -> list[int]:
        return [i.case_id for i in meetings.items_of(meeting)]

    meetings.move_item(items[2], -1)
    assert order() == [a.id, c.id, b.id]
    meetings.move_item(meetings.items_of(meeting)[0], -1)  # already first: unchanged
    meetings.move_item(meetings.items_of(meeting)[2], 1)  # already last: unchanged
    assert order() == [a.id, c.id, b.id]
    meetings.move_item(meetings.items_of(meeting)[0], 1)
    assert order() == [c.id, a.id, b.id]
    meetings.remove_item(meetings.items_of(meeting)[1])
    assert order() == [c.id, b.id]
    assert [i.position for i in meetings.items_of(meeting)] == [0, 1]
    assert ItemInvite.select().where(ItemInvite.item == items[0].id).count() == 0
    later = meetings.add_item(meeting, a)
    assert later.position == 2
    meetings.set_slot(later, "10:15", "25")
    assert (MeetingItem.get_by_id(later.id).slot_start, MeetingItem.get_by_id(later.id).slot_minutes) == ("10:15", 25)
    meetings.set_slot(later)
    assert (MeetingItem.get_by_id(later.id).slot_start, MeetingItem.get_by_id(later.id).slot_minutes) == ("", None)


def test_a_discussed_item_and_a_held_meeting_stay(profile, build) -> None:
    meeting = meetings.create_meeting("MDO", "vr")
    item = meetings.add_item(meeting, build.new_case())
    MeetingNote.create(item=item, tag="beeld", text="Gezegd aan tafel")
    with pytest.raises(RuleError, match="al besproken en blijft op de agenda"):
        meetings.remove_item(item)
    with pytest.raises(RuleError, match="blijft bewaard"):
        meetings.delete_meeting(meeting)
    assert MeetingItem.select().count() == 1 and Meeting.select().count() == 1


def test_delete_a_planned_meeting(profile, build) -> None:
    meeting = meetings.create_meeting("MDO", "vr")
    case = build.new_case()
    meetings.add_item(meeting, case)
    meetings.delete_meeting(meeting)
    assert (Meeting.select().count(), MeetingItem.select().count(), ItemInvite.select().count()) == (0, 0, 0)
    started = meetings.create_meeting("MDO", "vr")
    Meeting.update(status=MeetingStatus.OPEN.value).where(Meeting.id == started.id).execute()
    with pytest.raises(RuleError, match="blijft bewaard"):
        meetings.delete_meeting(meetings.get_meeting(started.id))


def test_plan_meeting_is_all_or_nothing(profile, build) -> None:
    first, second = build.new_case("Anna"), build.new_case("Bert")
    meeting = meetings.plan_meeting("MDO", "vr", [second.reference, first.reference], start_time="10:00",
                                    kinds=KINDS)
    assert meetings.references_of([meeting]) == {meeting.id: [second.reference, first.reference]}
    closed = build.new_case("Cor")
    cases.close_case(closed, "Klaar", retention_years=15)
    attempts = [
        ([first.reference, "2026-9999"], NotFound, "Er is geen casus met nummer '2026-9999'; er is niets gepland"),
        ([first.reference, closed.reference], RuleError, "is afgesloten"),
        ([first.reference, first.reference], RuleError, "staat al op de agenda"),
        ([], ValidationError, "minstens één casus"),
    ]
    for references, error, message in attempts:
        with pytest.raises(error, match=message):
            meetings.plan_meeting("MDO", "vr", references)
    assert Meeting.select().count() == 1 and MeetingItem.select().count() == 2


def test_start_ico_for_one_case(profile, build) -> None:
    case = build.new_case()
    meeting = meetings.start_ico(case, kinds=["mdo", "Ico"])
    assert (meeting.kind, meeting.held_on, meeting.title) == ("Ico", dt.date(2026, 11, 23), f"ICO {case.reference}")
    assert len(meeting.start_time) == 5
    assert [i.case_id for i in meetings.items_of(meeting)] == [case.id]
    assert meetings.start_ico(build.new_case("Piet"), start_time="16:00", held_on="morgen").kind == "ICO"
    closed = build.new_case("Cor")
    cases.close_case(closed, "Klaar", retention_years=15)
    before = Meeting.select().count()
    with pytest.raises(RuleError, match="is afgesloten"):
        meetings.start_ico(closed)
    assert Meeting.select().count() == before


def test_every_planning_change_is_audited_with_ids_and_codes_only(profile, build) -> None:
    case = build.new_case("Zwaluwnaam Planning")
    police = build.partner("Politie")
    first = AuditEvent.select().count()
    meeting = meetings.create_meeting("MDO", "vr", location="Zwaluwzaal", chair="Zwaluwvoorzitter")
    item = meetings.add_item(meeting, case, invite_participants=False)
    meetings.set_slot(item, "10:00", 15)
    meetings.invite(item, police.id)
    meetings.uninvite(item, police.id)
    meetings.move_item(item, 1)  # the only item: nothing moves, nothing recorded
    meetings.update_meeting(meeting, start_time="11:00")
    meetings.remove_item(item)
    meetings.delete_meeting(meeting)
    events = list(AuditEvent.select().where(AuditEvent.id > first).order_by(AuditEvent.id))
    assert [(e.event, e.object_type, e.detail) for e in events] == [
        ("create", "meeting", ""), ("update", "meeting_item", "agenda"), ("update", "meeting_item", "slot"),
        ("update", "item_invite", "invite"), ("update", "item_invite", "uninvite"),
        ("update", "meeting", "planning"), ("update", "meeting_item", "agenda_remove"),
        ("delete", "meeting", "")]
    assert {e.case_id for e in events if e.object_type != "meeting"} == {case.id}
    assert not any("Zwaluw" in str(e.__data__) for e in events)


@given(st.integers(0, 23), st.integers(0, 59), st.sampled_from(["{h}:{m:02d}", "{h:02d}{m:02d}", "{h}.{m:02d}",
                                                               " {h:02d}:{m:02d} "]))
def test_parse_time_reads_every_time_of_day(hours: int, minutes: int, form: str) -> None:
    assert meetings.parse_time(form.format(h=hours, m=minutes)) == f"{hours:02d}:{minutes:02d}"


@given(st.text(max_size=12))
def test_parse_time_answers_anything_in_dutch_or_with_a_time(typed: str) -> None:
    try:
        value = meetings.parse_time(typed)
    except ValidationError as error:
        assert error.field == "start_time" and str(error).startswith("Begintijd")
    else:
        assert value == "" or (len(value) == 5 and value[2] == ":" and int(value[:2]) < 24
                               and int(value[3:]) < 60)
