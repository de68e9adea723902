"""What the table may see in projector mode (MEEKIJKEN): pure rules over live data.

Projector mode itself is the app's state (`ZvhApp.projector`, which flips
`disclosure.set_screen`); the rules here decide which meeting notes and which partners'
perspectives the shared screen shows, driven by who is at the table for the current item
(`live.attendance_of`):

- a note for the table (`NoteVisibility.TABLE`) whose source partner is at the table now, or
  that came from nobody in particular; never a note for the ZVH only (`zvh`) or for its source
  only (`bron`), and never one from a partner who is not (or no longer) at the table;
- a partner's perspective only while that partner is at the table.

Entering and leaving projector mode are audit events (ids and codes only): `record_switch`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from zvh_tui.core.vocab import ItemStatus, MeetingStatus, NoteKind, NoteVisibility
from zvh_tui.services.meetings import live
from zvh_tui.services.safety import audit
from zvh_tui.store.models import Case, CasePerson, Meeting, MeetingItem, Person, db

EVENT = "projector"
ON, OFF = "aan", "uit"  # i18n: audit detail codes stored in the logboek


def partners_at_table(attendants: Iterable[Any]) -> frozenset[int]:
    """The partner ids at the table now (arrived, not left): `live.Attendant` rows."""
    return frozenset(a.partner_id for a in attendants
                     if a.at_table and not a.is_client and a.partner_id is not None)


def note_for_table(visibility: str, source_partner_id: int | None, present: frozenset[int]) -> bool:
    """May this note show on the shared screen (see the module text)?"""
    if visibility != NoteVisibility.TABLE.value:
        return False
    return source_partner_id is None or source_partner_id in present


def notes_for_table(notes: Iterable[Any], present: frozenset[int]) -> list[Any]:
    """The notes and decisions the table may see (decisions are always for the table)."""
    return [note for note in notes
            if note.kind == NoteKind.DECISION.value
            or note_for_table(note.visibility, note.source_partner_id, present)]


def perspective_for_table(partner_id: int | None, present: frozenset[int]) -> bool:
    """A partner's perspective shows only while that partner is at the table."""
    return partner_id is not None and partner_id in present


def record_switch(on: bool) -> None:
    """Projector mode on or off, in the logboek (no names: the profile, 'aan' or 'uit')."""
    with db.atomic():
        audit.record(EVENT, object_type="profile", detail=ON if on else OFF)


def case_names(case_id: int) -> tuple[str, ...]:
    """What names or places a case's persons (for `disclosure.mask_text`): the naam of alias,
    each person's name and address. One query."""
    rows = (Person.select(Person.name, Person.address, Case.title)
            .join(CasePerson).join(Case)
            .where(CasePerson.case == case_id).tuples())
    names: list[str] = []
    for name, address, title in rows:
        names.extend(part for part in (_title_names(title), name, address) if part)
    if not names:
        case = Case.get_or_none(Case.id == case_id)
        if case is not None and case.title:
            names.append(_title_names(case.title))
    return tuple(dict.fromkeys(names))


# Words a naam of alias holds beside the names ("Gezin Boukhari", "Echtpaar Zieliński"): not
# masked in free text ("Het gezin heeft ..." stays readable). Only the title's words: a person
# whose own name holds such a word (a surname "de Man") is masked through the person's name.
ALIAS_WORDS = frozenset({  # i18n: Dutch words of a stored naam of alias, matched, not shown
    "gezin", "familie", "fam", "echtpaar", "stel", "moeder", "vader", "ouders", "kind", "kinderen",
    "zoon", "dochter", "broer", "zus", "mevrouw", "meneer", "dhr", "mw", "mevr", "en",
})


def _title_names(title: str) -> str:
    return " ".join(word for word in (title or "").split()
                    if word.strip(".,;:()").casefold() not in ALIAS_WORDS)


def live_item_of(case_id: int) -> MeetingItem | None:
    """The case's agenda item being discussed now: in an open meeting, started, not closed."""
    return (MeetingItem.select().join(Meeting)
            .where((MeetingItem.case == case_id) & (Meeting.status == MeetingStatus.OPEN.value)
                   & MeetingItem.started_at.is_null(False)
                   & (MeetingItem.status != ItemStatus.CLOSED.value))
            .order_by(MeetingItem.started_at.desc()).first())


def present_for_case(case_id: int) -> frozenset[int]:
    """The partners at the table for this case now (none when it is not being discussed)."""
    item = live_item_of(case_id)
    return partners_at_table(live.attendance_of(item)) if item is not None else frozenset()
