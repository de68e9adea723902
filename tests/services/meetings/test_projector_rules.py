"""Projector mode's rules (services/meetings/projector.py): which notes and perspectives the
table may see, driven by who is at the table now; the names a screen masks; the logged switch."""

from __future__ import annotations

import pytest
from meetingkit import at, make_table

from zvh_tui.core.vocab import NoteVisibility
from zvh_tui.services.meetings import live, projector
from zvh_tui.services.shared import disclosure
from zvh_tui.store.models import AuditEvent


@pytest.fixture
def table(build):
    return make_table(build)


def test_notes_for_the_table_follow_who_sits_there(table) -> None:
    item = live.start_meeting(table.meeting, now=at(9))
    live.mark(item, table.police.id, table.bakker.id, now=at(9))
    common = live.add_note(item, "Iedereen ziet dit")
    police = live.add_note(item, "Politie meldt overlast", source_partner_id=table.police.id)
    ggz = live.add_note(item, "GGZ ziet een behandelvraag", source_partner_id=table.ggz.id)
    ours = live.add_note(item, "Alleen voor ons", visibility=NoteVisibility.ZVH)
    source = live.add_note(item, "Lopend onderzoek", source_partner_id=table.police.id,
                           visibility=NoteVisibility.SOURCE)
    decision = live.add_decision(item, "Wijkteam houdt het overzicht")
    notes = [*live.notes_of(item), *live.decisions_of(item)]

    present = projector.partners_at_table(live.attendance_of(item))
    assert present == {table.police.id}
    shown = {n.id for n in projector.notes_for_table(notes, present)}
    assert shown == {common.id, police.id, decision.id}  # not GGZ (absent), not zvh, not bron
    assert ggz.id not in shown and ours.id not in shown and source.id not in shown

    live.mark(item, table.ggz.id, now=at(9, 10))  # GGZ arrives: its note may show
    present = projector.partners_at_table(live.attendance_of(item))
    assert {n.id for n in projector.notes_for_table(notes, present)} == {common.id, police.id, ggz.id, decision.id}
    live.leave(item, table.police.id, table.bakker.id, now=at(9, 20))  # police leaves: its note goes
    present = projector.partners_at_table(live.attendance_of(item))
    assert {n.id for n in projector.notes_for_table(notes, present)} == {common.id, ggz.id, decision.id}


def test_the_rules_as_pure_functions() -> None:
    present = frozenset({3})
    assert projector.note_for_table("tafel", None, present)
    assert projector.note_for_table("tafel", 3, present)
    assert not projector.note_for_table("tafel", 4, present)
    assert not projector.note_for_table("zvh", None, present)
    assert not projector.note_for_table("bron", 3, present)
    assert projector.perspective_for_table(3, present)
    assert not projector.perspective_for_table(4, present)
    assert not projector.perspective_for_table(None, present)


def test_present_for_a_case_only_while_it_is_discussed(table) -> None:
    assert projector.present_for_case(table.case.id) == frozenset()  # not started
    item = live.start_meeting(table.meeting, now=at(9))
    live.mark(item, table.ggz.id, now=at(9))
    assert projector.present_for_case(table.case.id) == {table.ggz.id}


def test_case_names_hold_persons_and_the_naam_of_alias(table) -> None:
    names = projector.case_names(table.case.id)
    assert "Jan Jansen" in names


def test_the_switch_is_logged_without_names(table) -> None:
    projector.record_switch(True)
    projector.record_switch(False)
    rows = [(e.event, e.object_type, e.detail, e.case_id)
            for e in AuditEvent.select().where(AuditEvent.event == "projector").order_by(AuditEvent.id)]
    assert rows == [("projector", "profile", "aan", None), ("projector", "profile", "uit", None)]


def test_household_words_of_the_alias_stay_readable_and_the_surname_does_not(table) -> None:
    """"Gezin Jansen" as naam of alias: in free text on the projector 'Jansen' becomes 'J.',
    the word 'gezin' stays a word ('Het gezin heeft ...', not 'Het G. heeft ...')."""
    table.case.title = "Gezin Jansen"
    table.case.save()
    names = projector.case_names(table.case.id)
    shown = disclosure.mask_text("Het gezin Jansen heeft een stabiel inkomen.", names,
                                 policy=disclosure.Disclosure.MEETING)
    assert shown == "Het gezin J. heeft een stabiel inkomen."
