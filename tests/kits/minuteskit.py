"""Closed meetings for the minutes tests, recorded through the live services as a regisseur would.

`hold_item` runs one agenda item the whole way: attendance with times (the client for part of
it), the confidentiality reminder, from every partner at the table a note for the table, one for
the source only and one for the ZVH only, a besluit, one action and one afspraak per partner and
an afspraak for everyone, the person who holds the overview, a next date, commitment, close.
Every text carries a marker (`mark(tag, partner_id, what)`) so a test can find out whose it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from meetingkit import TODAY, at, make_table

from zvh_tui.core.vocab import NextKind, NoteTag, NoteVisibility, ReviewOutcome
from zvh_tui.services.meetings import live
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.store.models import Contact, Meeting, MeetingItem, Partner

VISIBILITIES = (NoteVisibility.TABLE, NoteVisibility.SOURCE, NoteVisibility.ZVH)


def mark(tag: str, partner_id: int, what: str) -> str:
    return f"{tag}-{what}-p{partner_id}"


def _contact(partner: Partner) -> Contact:
    found = partners.contacts_of(partner)
    return found[0] if found else partners.add_contact(partner, f"Contact van partner {partner.id}",
                                                       phone="06-12345678")


def hold_item(item: MeetingItem, partner_ids: Sequence[int], tag: str, *, day: dt.date,
              director_partner_id: int, client: bool = True) -> MeetingItem:
    """Record one item through live.py; `day` gives the times (naive UTC)."""
    def moment(hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(hour, minute))

    item = live.open_item(item, now=moment(9))
    for partner_id in partner_ids:
        live.mark(item, partner_id, now=moment(9, 1))
    if client:
        live.client_arrives(item, now=moment(9, 2))
    live.give_reminder(item, now=moment(9, 3))
    for phase in (NoteTag.PICTURE, NoteTag.JUDGEMENT):
        live.set_phase(item, phase)
        for partner_id in partner_ids:
            for seen in VISIBILITIES:
                live.add_note(item, mark(tag, partner_id, f"{phase.value}-{seen.value}"),
                              source_partner_id=partner_id, visibility=seen)
    live.add_note(item, f"{tag}-zvh-eigen", visibility=NoteVisibility.ZVH)
    live.set_phase(item, NoteTag.DECISION)
    live.add_decision(item, f"{tag}-besluit")
    for partner_id in partner_ids:
        live.add_action(item, mark(tag, partner_id, "actie"), partner_id=partner_id,
                        deadline=day + dt.timedelta(days=14))
        live.add_agreement(item, mark(tag, partner_id, "afspraak"), partner_id)
    live.add_agreement(item, f"{tag}-afspraak-iedereen")
    if client:
        live.client_leaves(item, now=moment(9, 40))
    director = Partner.get_by_id(director_partner_id)
    live.set_director(item, director.id, _contact(director).id, call_on=day + dt.timedelta(days=1))
    live.set_next(item, day + dt.timedelta(weeks=6), NextKind.EVALUATION)
    for partner_id in partner_ids:
        live.commit(item, partner_id)
    return live.close_item(live.fresh(item), now=moment(9, 45))


@dataclass
class Closed:
    meeting: Meeting
    item: MeetingItem
    second: MeetingItem
    table: object  # meetingkit.Table
    school: Partner  # no convenant


def closed_meeting(build) -> Closed:
    """Two cases on one MDO, the first with last time's actions reviewed and a school without a
    convenant at the table; both items held and closed, then the meeting."""
    table = make_table(build, second_case=True)
    school = build.partner("Basisschool De Linde", domain="onderwijs", convenant=False)
    participants.add_participant(table.case, school.id)
    participants.set_director(table.case, table.wijkteam.id, contact_id=table.de_vries.id)
    plan = plans.start_plan(table.case)
    plans.update_plan(plan, shared_task="Jan woont veilig en heeft rust in huis",
                      evaluation_on=TODAY + dt.timedelta(days=30))
    goal = plans.add_goal(plan, "Schulden onder controle", "financien")
    plans.add_action(plan, "Vorige-keer-schuldhulp aanvragen", goal=goal, owner_partner_id=table.wijkteam.id,
                     deadline=TODAY + dt.timedelta(days=3))
    plans.add_action(plan, "Vorige-keer-politie-huisbezoek", goal=goal, owner_partner_id=table.police.id,
                     deadline=TODAY + dt.timedelta(days=3))
    plans.set_perspective(plan, table.police.id, "Perspectief-politie: potentiële dader")
    plans.set_perspective(plan, table.ggz.id, "Perspectief-ggz: patiënt")
    plans.add_agreement(plan, "Vorige-keer-afspraak: de politie belt bij een incident")
    plans.adopt(plans.get_plan(plan.id))
    live.start_meeting(table.meeting, now=at(9))
    item = live.fresh(table.item)
    live.review(item, 1, ReviewOutcome.DONE)
    live.review(item, 2, ReviewOutcome.NOT_POSSIBLE, "Reden-niet-mogelijk")
    held = hold_item(item, [table.wijkteam.id, table.police.id, table.ggz.id, school.id], "een",
                     day=TODAY, director_partner_id=table.wijkteam.id)
    second = live.neighbour(held, 1)
    assert second is not None
    second_held = hold_item(second, [table.wijkteam.id, table.ggz.id], "twee", day=TODAY,
                            director_partner_id=table.ggz.id, client=False)
    live.close_meeting(Meeting.get_by_id(table.meeting.id), now=at(11))
    return Closed(Meeting.get_by_id(table.meeting.id), live.fresh(held), live.fresh(second_held), table, school)
