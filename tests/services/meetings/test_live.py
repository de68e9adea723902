"""The live meeting's rules (services/meetings/live.py): attendance per item with times, the
reminder, phases and notes, actions into the concept plan, the review, the person who holds the
overview, the next date, commitment, and the Breda rule at closing."""

from __future__ import annotations

import datetime as dt

import pytest
from meetingkit import TODAY, at, make_table

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.vocab import (
    ActionStatus,
    ItemStatus,
    MeetingStatus,
    NextKind,
    NoteVisibility,
    PlanStatus,
    Presence,
    ReviewOutcome,
)
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import live
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.plans import versions as plans
from zvh_tui.store.models import (
    Action,
    ActionReview,
    Attendee,
    AuditEvent,
    Commitment,
    ItemAttendance,
    ItemInvite,
    Meeting,
    MeetingItem,
    MeetingNote,
    Plan,
)


@pytest.fixture
def table(build):
    return make_table(build, second_case=True)


def _by_label(item, label):
    return next(a for a in live.attendance_of(item) if a.label == label)


# -- starting and moving ----------------------------------------------------------------------

def test_start_meeting_opens_the_first_item(table) -> None:
    first = live.start_meeting(table.meeting, now=at(9))
    meeting = Meeting.get_by_id(table.meeting.id)
    assert (meeting.status, meeting.started_at) == (MeetingStatus.OPEN.value, at(9))
    assert first.id == table.item.id and MeetingItem.get_by_id(first.id).started_at == at(9)
    live.start_meeting(meeting, now=at(10))  # again (after a crash): the first moments stay
    assert Meeting.get_by_id(meeting.id).started_at == at(9)
    assert MeetingItem.get_by_id(first.id).started_at == at(9)


def test_start_meeting_refusals(profile, build) -> None:
    empty = meetings.create_meeting("MDO", TODAY)
    with pytest.raises(RuleError, match="nog geen agenda"):
        live.start_meeting(empty)
    Meeting.update(status=MeetingStatus.CLOSED.value).where(Meeting.id == empty.id).execute()
    with pytest.raises(RuleError, match="Dit overleg is gesloten"):
        live.start_meeting(Meeting.get_by_id(empty.id))


def test_neighbour_walks_the_agenda(table) -> None:
    second = live.neighbour(table.item, 1)
    assert second is not None and second.case.reference == "2026-0002"
    assert live.neighbour(second, 1) is None
    assert live.neighbour(second, -1).id == table.item.id
    assert live.neighbour(table.item, -1) is None
    opened = live.open_item(second, at(9, 40))
    assert MeetingItem.get_by_id(opened.id).started_at == at(9, 40)


# -- attendance per item ----------------------------------------------------------------------

def test_invites_show_as_uitgenodigd_until_marked(table) -> None:
    ItemInvite.create(item=table.item.id, partner=table.police.id, contact=table.bakker.id)
    ItemInvite.create(item=table.item.id, partner=table.ggz.id)
    rows = live.attendance_of(table.item)
    assert [(a.label, a.presence, a.presence_label, a.invited) for a in rows] == [
        ("GGZ Noord", "", "uitgenodigd", True),
        ("Politie · Wijkagent Bakker", "", "uitgenodigd", True),
    ]
    live.mark(table.item, table.police.id, now=at(9, 5))  # the invited contact is the one marked
    police = _by_label(table.item, "Politie · Wijkagent Bakker")
    assert (police.presence, police.arrived_at, police.invited, police.id > 0) == ("present", at(9, 5), True, True)
    assert len(live.attendance_of(table.item)) == 2


def test_arrival_departure_and_return_are_stays_with_times(table) -> None:
    live.mark(table.item, table.police.id, table.bakker.id, now=at(9))
    live.mark(table.item, table.police.id, table.bakker.id, now=at(9, 3))  # already there: no change
    left = live.leave(table.item, table.police.id, table.bakker.id, now=at(9, 20))
    assert (left.arrived_at, left.left_at, left.at_table, left.presence_label) == (at(9), at(9, 20), False, "vertrokken")
    back = live.mark(table.item, table.police.id, table.bakker.id, now=at(9, 30))
    assert (back.arrived_at, back.left_at, back.at_table) == (at(9, 30), None, True)
    stays = [(r.arrived_at, r.left_at) for r in ItemAttendance.select().order_by(ItemAttendance.id)]
    assert stays == [(at(9), at(9, 20)), (at(9, 30), None)]
    second = live.neighbour(table.item, 1)
    assert live.attendance_of(second) == []  # attendance is per agenda item
    with pytest.raises(RuleError, match="Politie is nu niet aan tafel"):
        live.leave(second, table.police.id, table.bakker.id, now=at(9, 31))


def test_an_aware_moment_is_stored_as_naive_utc(table) -> None:
    local = dt.datetime(2026, 11, 23, 10, 5, 30, 123, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    live.mark(table.item, table.police.id, table.bakker.id, now=local)
    assert ItemAttendance.get().arrived_at == at(9, 5).replace(second=30)


def test_absent_and_excused_have_no_times(table) -> None:
    live.mark(table.item, table.ggz.id, presence=Presence.EXCUSED, now=at(9))
    live.mark(table.item, table.wijkteam.id, table.de_vries.id, presence="absent", now=at(9))
    rows = {a.label: (a.presence_label, a.arrived_at) for a in live.attendance_of(table.item)}
    assert rows == {"GGZ Noord": ("afgemeld", None), "Wijkteam Noord · Anna de Vries": ("afwezig", None)}
    live.mark(table.item, table.ggz.id, now=at(9, 10))  # came after all: the same row, now present
    assert _by_label(table.item, "GGZ Noord").arrived_at == at(9, 10)
    assert ItemAttendance.select().count() == 2
    live.mark(table.item, table.ggz.id, presence=Presence.ABSENT, now=at(9, 15))  # at the table: leaves
    assert _by_label(table.item, "GGZ Noord").left_at == at(9, 15)


def test_the_meeting_level_attendance_follows(table) -> None:
    """Attendee (one row per partner per meeting: the partner overview reads it) is present when
    the partner was present at any item."""
    second = live.neighbour(table.item, 1)
    live.mark(table.item, table.police.id, table.bakker.id, now=at(9))
    live.mark(second, table.police.id, table.bakker.id, presence=Presence.EXCUSED, now=at(9, 40))
    live.mark(second, table.ggz.id, presence=Presence.EXCUSED, now=at(9, 40))
    rows = {(a.partner_id, a.contact_id): a.presence for a in Attendee.select()}
    assert rows == {(table.police.id, table.bakker.id): "present", (table.ggz.id, None): "excused"}
    live.mark(second, table.ggz.id, now=at(9, 45))
    assert Attendee.get(Attendee.partner == table.ggz.id).presence == "present"


def test_attendance_refusals(table) -> None:
    with pytest.raises(ValidationError, match="partner bestaat niet"):
        live.mark(table.item, 9999)
    with pytest.raises(ValidationError, match="hoort niet bij die partner"):
        live.mark(table.item, table.police.id, table.visser.id)
    with pytest.raises(ValidationError, match="geen aanwezigheidsstatus"):
        live.mark(table.item, table.police.id, presence="misschien")
    assert ItemAttendance.select().count() == 0


def test_the_client_at_the_table_for_part_of_the_item(table) -> None:
    with pytest.raises(RuleError, match="cliënt is nu niet aan tafel"):
        live.client_leaves(table.item, now=at(9))
    arrived = live.client_arrives(table.item, now=at(9, 10))
    assert (arrived.is_client, arrived.label, arrived.partner_id, arrived.arrived_at) == (True, "cliënt", None, at(9, 10))
    left = live.client_leaves(table.item, now=at(9, 25))
    assert (left.arrived_at, left.left_at) == (at(9, 10), at(9, 25))
    row = ItemAttendance.get(ItemAttendance.is_client == True)  # noqa: E712
    assert row.person_id == cases.persons_of(table.case)[0][0].id


def test_the_reminder_is_recorded_with_who_was_present_then(table) -> None:
    live.mark(table.item, table.police.id, table.bakker.id, now=at(9))
    live.client_arrives(table.item, now=at(9))
    assert live.give_reminder(table.item, now=at(9, 1)) == 2
    assert Meeting.get_by_id(table.meeting.id).reminder_at == at(9, 1)
    live.mark(table.item, table.ggz.id, now=at(9, 10))  # arrives later: has not heard it
    reminded = {a.label: a.reminded for a in live.attendance_of(table.item)}
    assert reminded == {"Politie · Wijkagent Bakker": True, "cliënt": True, "GGZ Noord": False}
    second = live.neighbour(table.item, 1)
    live.mark(second, table.police.id, table.bakker.id, now=at(9, 40))
    live.mark(second, table.ggz.id, now=at(9, 40))
    reminded = {a.label: a.reminded for a in live.attendance_of(second)}
    assert reminded == {"Politie · Wijkagent Bakker": True, "GGZ Noord": False}  # heard it at item 1
    assert live.give_reminder(second, now=at(9, 41)) == 2
    assert Meeting.get_by_id(table.meeting.id).reminder_at == at(9, 1)  # the first moment stays
    assert all(a.reminded for a in live.attendance_of(table.item) if a.label != "GGZ Noord")


# -- phases, notes, decisions -------------------------------------------------------------------

def test_notes_carry_the_phase_source_and_visibility(table) -> None:
    first = live.add_note(table.item, "Moeder maakt zich zorgen", source_partner_id=table.ggz.id)
    live.set_phase(table.item, "oordeel")
    second = live.add_note(table.item, "Alleen voor ons", visibility=NoteVisibility.ZVH)
    live.set_phase(table.item, "besluit")
    third = live.add_note(table.item, "Lopend onderzoek", source_partner_id=table.police.id, visibility="bron")
    decision = live.add_decision(table.item, "Wijkteam wordt casusregisseur")
    stored = [(n.tag, n.kind, n.source_partner_id, n.visibility) for n in MeetingNote.select().order_by(MeetingNote.id)]
    assert stored == [
        ("beeld", "note", table.ggz.id, "tafel"),
        ("oordeel", "note", None, "zvh"),
        ("besluit", "note", table.police.id, "bron"),
        ("besluit", "decision", None, "tafel"),
    ]
    notes = live.notes_of(table.item)
    assert [n.id for n in notes] == [first.id, second.id, third.id]
    assert [n.source_partner.name if n.source_partner else None for n in notes] == ["GGZ Noord", None, "Politie"]
    assert [n.id for n in live.decisions_of(table.item)] == [decision.id]
    assert MeetingItem.get_by_id(table.item.id).phase == "besluit"
    with pytest.raises(ValidationError, match="geen soort notitie"):
        live.set_phase(table.item, "mening")


def test_note_refusals_and_safe_storage(table) -> None:
    with pytest.raises(ValidationError, match="alleen de bron"):
        live.add_note(table.item, "Van wie?", visibility=NoteVisibility.SOURCE)
    with pytest.raises(ValidationError, match="Notitie is verplicht"):
        live.add_note(table.item, "   ")
    with pytest.raises(ValidationError, match="stuurteken"):
        live.add_note(table.item, "wis \x1b[2J het scherm")
    with pytest.raises(ValidationError, match="te lang"):
        live.add_note(table.item, "x" * (live.NOTE_MAX + 1))
    markup = live.add_decision(table.item, "[bold red]Niet[/] [/b] meer bellen")
    assert MeetingNote.get_by_id(markup.id).text == "[bold red]Niet[/] [/b] meer bellen"
    assert MeetingNote.select().count() == 1


# -- actions and afspraken ------------------------------------------------------------------------

def test_an_action_starts_the_concept_plan_and_records_the_item(table) -> None:
    assert plans.current(table.case) is None
    action = live.add_action(table.item, "Huisbezoek", partner_id=table.police.id, contact_id=table.bakker.id,
                             deadline=dt.date(2026, 11, 27))
    stored = Action.get_by_id(action.id)
    plan = Plan.get_by_id(stored.plan_id)
    assert (plan.version, plan.status, plan.case_id) == (1, PlanStatus.CONCEPT.value, table.case.id)
    assert (stored.owner_partner_id, stored.owner_contact_id, stored.deadline, stored.agreed_in_id) == (
        table.police.id, table.bakker.id, dt.date(2026, 11, 27), table.item.id)
    again = live.add_action(table.item, "Schulden in kaart", partner_id=table.wijkteam.id, deadline="+2w")
    assert Action.get_by_id(again.id).plan_id == plan.id and again.deadline == TODAY + dt.timedelta(weeks=2)


def test_an_action_after_adoption_goes_into_a_new_concept_version(table, build) -> None:
    plans.adopt(build.ready_plan(_with_director(table)))
    adopted = plans.current(table.case)
    before = Action.select().where(Action.plan == adopted.id).count()
    action = live.add_action(table.item, "Budgetcoach", partner_id=table.wijkteam.id, deadline="vr")
    concept = Plan.get_by_id(Action.get_by_id(action.id).plan_id)
    assert (concept.version, concept.status) == (2, PlanStatus.CONCEPT.value)
    assert Action.get_by_id(action.id).agreed_in_id == table.item.id
    assert Action.select().where(Action.plan == adopted.id).count() == before  # the adopted one is frozen
    assert Action.select().where(Action.plan == concept.id).count() == before + 1
    second = live.add_action(table.item, "Nog een", partner_id=table.ggz.id, deadline="vr")
    assert second.plan_id == concept.id  # the same concept, no third version
    assert Plan.select().where(Plan.case == table.case).count() == 2


def test_nobody_s_task_only_when_accepted(table) -> None:
    with pytest.raises(RuleError, match="niemands taak"):
        live.add_action(table.item, "ID-kaart aanvragen", partner_id=None)
    assert Action.select().count() == 0
    action = live.add_action(table.item, "ID-kaart aanvragen", partner_id=None, nobody_accepted=True)
    stored = Action.get_by_id(action.id)
    assert (stored.owner_partner_id, stored.nobody_accepted) == (None, True)


def test_action_refusals_keep_the_plan_as_it_was(table) -> None:
    with pytest.raises(ValidationError, match="hoort niet bij die partner"):
        live.add_action(table.item, "Bellen", partner_id=table.police.id, contact_id=table.visser.id)
    with pytest.raises(ValidationError, match="geen datum"):
        live.add_action(table.item, "Bellen", partner_id=table.police.id, deadline="straks")
    assert Action.select().count() == 0


def test_an_afspraak_goes_into_the_concept_plan(table) -> None:
    row = live.add_agreement(table.item, "Bij een incident belt de politie de casusregisseur", table.police.id)
    assert (row.plan.status, row.partner_id) == (PlanStatus.CONCEPT.value, table.police.id)
    assert live.add_agreement(table.item, "Iedereen deelt binnen de doelbinding").partner_id is None


# -- the review of last time's actions ----------------------------------------------------------

def _with_director(table):
    from zvh_tui.services.partners import participants

    participants.set_director(table.case, table.wijkteam.id, contact_id=table.de_vries.id)
    return table.case


def _adopted_with_actions(table, build, count: int = 3):
    plan = build.ready_plan(_with_director(table))  # one action already: "Huisbezoek"
    for n in range(count - 1):
        plans.add_action(plan, f"Actie {n + 2}", owner_partner_id=table.police.id,
                         deadline=TODAY + dt.timedelta(days=3 + n))
    return plans.adopt(plan)


def test_review_states_and_stable_numbers(table, build) -> None:
    plan = _adopted_with_actions(table, build)
    lines = live.review_list(table.item)
    assert [(line.number, line.text, line.outcome) for line in lines] == [
        (1, "Huisbezoek", None), (2, "Actie 2", None), (3, "Actie 3", None)]
    assert lines[1].owner == "Politie"
    live.review(table.item, 1, ReviewOutcome.DONE)
    live.review(table.item, 2, "niet_mogelijk", "Cliënt verhuisd")
    live.review(table.item, 3, ReviewOutcome.NOT_TAKEN_UP)
    after = live.review_list(table.item)
    assert [(line.number, line.action_id, line.outcome, line.reason) for line in after] == [
        (1, lines[0].action_id, "gedaan", ""),
        (2, lines[1].action_id, "niet_mogelijk", "Cliënt verhuisd"),
        (3, lines[2].action_id, "niet_opgepakt", ""),
    ]
    statuses = {a.text: (a.status, a.feedback) for a in Action.select().where(Action.plan == plan.id)}
    assert statuses == {"Huisbezoek": ("done", ""), "Actie 2": ("cancelled", "Cliënt verhuisd"),
                        "Actie 3": ("open", "")}  # niet opgepakt stays open: the kikker signal
    live.review(table.item, 1, ReviewOutcome.NOT_TAKEN_UP)  # corrected: back to open
    assert Action.get_by_id(lines[0].action_id).status == ActionStatus.OPEN.value
    assert ActionReview.select().count() == 3


def test_review_refusals(table, build) -> None:
    with pytest.raises(RuleError, match="geen acties van vorige keer"):
        live.review(table.item, 1, ReviewOutcome.DONE)
    _adopted_with_actions(table, build, count=2)
    with pytest.raises(ValidationError, match="kies 1 t/m 2"):
        live.review(table.item, 3, ReviewOutcome.DONE)
    with pytest.raises(ValidationError, match="Typ /nietmogelijk 2 REDEN"):
        live.review(table.item, 2, ReviewOutcome.NOT_POSSIBLE, "  ")
    with pytest.raises(ValidationError, match="geen uitkomst van de terugblik"):
        live.review(table.item, 1, "misschien")
    assert ActionReview.select().count() == 0


def test_review_leaves_out_what_this_item_agreed_and_follows_into_the_concept(table, build) -> None:
    _adopted_with_actions(table, build, count=2)
    live.add_action(table.item, "Nieuw vandaag", partner_id=table.ggz.id, deadline="vr")  # revises
    lines = live.review_list(table.item)
    assert [line.text for line in lines] == ["Huisbezoek", "Actie 2"]
    live.review(table.item, 1, ReviewOutcome.DONE)
    concept = plans.current(table.case)
    copy = Action.get((Action.plan == concept.id) & (Action.origin == lines[0].action_id))
    assert copy.status == ActionStatus.DONE.value


# -- who holds the overview --------------------------------------------------------------------

def test_set_director_needs_a_named_person_and_becomes_casusregisseur(table) -> None:
    with pytest.raises(ValidationError, match="Noem een persoon, niet alleen een organisatie"):
        live.set_director(table.item, table.police.id, None)
    with pytest.raises(ValidationError, match="hoort niet bij die partner"):
        live.set_director(table.item, table.police.id, table.visser.id)
    assert cases.director_of(table.case) is None
    item = live.set_director(table.item, table.police.id, table.bakker.id)
    stored = MeetingItem.get_by_id(item.id)
    assert (stored.director_partner_id, stored.director_contact_id) == (table.police.id, table.bakker.id)
    assert stored.call_on == dt.date(2026, 11, 24)  # the next working day
    director = cases.director_of(table.case)
    assert (director.partner_id, director.contact_id) == (table.police.id, table.bakker.id)
    live.set_director(table.item, table.police.id, table.bakker.id, call_on="vr")
    assert MeetingItem.get_by_id(item.id).call_on == dt.date(2026, 11, 27)


def test_the_next_working_day_skips_the_weekend() -> None:
    assert live.next_working_day(dt.date(2026, 11, 27)) == dt.date(2026, 11, 30)  # Fri -> Mon
    assert live.next_working_day(dt.date(2026, 11, 28)) == dt.date(2026, 11, 30)  # Sat -> Mon


def test_the_own_house_holds_the_overview_only_with_a_reason(table, build) -> None:
    from zvh_tui.services.partners import roster as partners

    own = build.own()
    me = partners.add_contact(own, "Procesregisseur Smit")
    with pytest.raises(RuleError, match="neem geen taken over"):
        live.set_director(table.item, own.id, me.id)
    assert cases.director_of(table.case) is None
    live.set_director(table.item, own.id, me.id, reason="Geen partner wil het, tijdelijk tot 1-1")
    stored = MeetingItem.get_by_id(table.item.id)
    assert stored.director_reason == "Geen partner wil het, tijdelijk tot 1-1"
    assert AuditEvent.select().where(AuditEvent.event == "director").order_by(AuditEvent.id.desc()).first().detail == "own"


def test_director_choices_put_the_case_s_people_first(table, build) -> None:
    from zvh_tui.services.partners import roster as partners

    partners.add_contact(build.partner("Woonstad"), "Mevr. Kaya")  # not in this case
    labels = [c.label for c in live.director_choices(table.item)]
    assert labels[0] == "Politie · Wijkagent Bakker"  # the participant's own contact
    assert set(labels) == {"Politie · Wijkagent Bakker", "GGZ Noord · Dr. Visser", "Wijkteam Noord · Anna de Vries"}
    assert all(c.contact_id is not None for c in live.director_choices(table.item))


# -- the next date, commitment ---------------------------------------------------------------------

def test_the_next_date_also_sets_the_concept_s_evaluation(table) -> None:
    live.add_action(table.item, "Huisbezoek", partner_id=table.police.id, deadline="vr")
    live.set_next(table.item, "+6w")
    stored = MeetingItem.get_by_id(table.item.id)
    assert (stored.next_on, stored.next_kind) == (TODAY + dt.timedelta(weeks=6), "evaluatie")
    assert plans.current(table.case).evaluation_on == TODAY + dt.timedelta(weeks=6)
    live.set_next(table.item, "15-12", NextKind.RETURN)
    assert MeetingItem.get_by_id(table.item.id).next_kind == "terugkom"
    assert plans.current(table.case).evaluation_on == TODAY + dt.timedelta(weeks=6)  # a return is no evaluation
    with pytest.raises(ValidationError, match="geen datum"):
        live.set_next(table.item, "binnenkort")
    with pytest.raises(ValidationError, match="in het verleden"):
        live.set_next(table.item, dt.date(2026, 11, 1))


def test_commitment_only_for_a_partner_at_the_table(table) -> None:
    with pytest.raises(RuleError, match="Politie is niet aanwezig bij dit punt"):
        live.commit(table.item, table.police.id)
    live.mark(table.item, table.police.id, table.bakker.id, now=at(9))
    first = live.commit(table.item, table.police.id)
    assert live.commit(table.item, table.police.id).id == first.id
    assert [c.partner_id for c in live.commitments_of(table.item)] == [table.police.id]
    live.uncommit(table.item, table.police.id)
    assert Commitment.select().count() == 0


# -- closing: the Breda rule ---------------------------------------------------------------------

def test_close_item_is_refused_without_a_named_person_then_without_a_next_date(table) -> None:
    with pytest.raises(RuleError) as refused:
        live.close_item(table.item)
    assert str(refused.value).endswith(
        "Wie houdt het overzicht over dit plan van aanpak, en mag ik diegene bellen?")
    live.set_director(table.item, table.police.id, table.bakker.id)
    with pytest.raises(RuleError, match="/datum"):
        live.close_item(MeetingItem.get_by_id(table.item.id))
    assert MeetingItem.get_by_id(table.item.id).status == ItemStatus.OPEN.value
    live.set_next(MeetingItem.get_by_id(table.item.id), "+6w")
    closed = live.close_item(MeetingItem.get_by_id(table.item.id), now=at(9, 45))
    stored = MeetingItem.get_by_id(closed.id)
    assert (stored.status, stored.closed_at) == (ItemStatus.CLOSED.value, at(9, 45))
    with pytest.raises(RuleError, match="al afgerond"):
        live.add_note(stored, "Te laat")


def test_a_casusregisseur_without_a_named_person_does_not_count(table) -> None:
    from zvh_tui.services.partners import participants

    participants.set_director(table.case, table.ggz.id)  # the organisation only
    live.set_next(table.item, "+6w")
    assert live.close_blocker(table.item) == "director"
    participants.set_director(table.case, table.ggz.id, contact_id=table.visser.id)
    assert live.close_blocker(MeetingItem.get_by_id(table.item.id)) is None
    closed = live.close_item(MeetingItem.get_by_id(table.item.id))
    assert MeetingItem.get_by_id(closed.id).director_contact_id == table.visser.id


def test_close_meeting_lists_the_open_items(table) -> None:
    live.start_meeting(table.meeting, now=at(9))
    live.set_director(table.item, table.police.id, table.bakker.id)
    live.set_next(table.item, "+6w")
    live.close_item(MeetingItem.get_by_id(table.item.id))
    with pytest.raises(RuleError, match=r"Nog open: 2026-0002\. Rond elk punt af met /sluit"):
        live.close_meeting(Meeting.get_by_id(table.meeting.id))
    second = live.neighbour(table.item, 1)
    live.set_director(second, table.wijkteam.id, table.de_vries.id)
    live.set_next(second, "+4w")
    live.close_item(MeetingItem.get_by_id(second.id))
    closed = live.close_meeting(Meeting.get_by_id(table.meeting.id), now=at(10, 30))
    stored = Meeting.get_by_id(closed.id)
    assert (stored.status, stored.closed_at) == (MeetingStatus.CLOSED.value, at(10, 30))
    with pytest.raises(RuleError, match="Dit overleg is gesloten"):
        live.mark(MeetingItem.get_by_id(second.id), table.police.id)
    with pytest.raises(RuleError, match="Dit overleg is gesloten"):
        live.close_meeting(stored)


def test_every_change_writes_an_audit_event_with_ids_only(table) -> None:
    before = AuditEvent.select().count()
    live.mark(table.item, table.police.id, table.bakker.id, now=at(9))
    live.add_note(table.item, "Geheim verhaal over Jan Jansen")
    live.set_phase(table.item, "oordeel")
    events = list(AuditEvent.select().where(AuditEvent.id > 0).order_by(AuditEvent.id))[before:]
    assert [(e.object_type, e.case_id) for e in events] == [
        ("attendee", table.case.id), ("meeting_note", table.case.id), ("meeting_item", table.case.id)]
    assert not any("Jansen" in (e.detail or "") or "Geheim" in (e.detail or "") for e in events)
