"""A small meeting for the live-mode tests: one case with partners at the table, on an agenda.

Today is frozen at Monday 23-11-2026 (fixtures_domain); times are naive UTC like the store's.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.store.models import Case, Contact, ItemInvite, Meeting, MeetingItem, Partner

TODAY = dt.date(2026, 11, 23)  # a Monday


def at(hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, 23, hour, minute)


@dataclass
class Table:
    case: Case
    meeting: Meeting
    item: MeetingItem
    wijkteam: Partner
    police: Partner
    ggz: Partner
    bakker: Contact
    visser: Contact
    de_vries: Contact  # at the wijkteam

    def fresh(self) -> MeetingItem:
        return MeetingItem.get_by_id(self.item.id)


def make_table(build, *, second_case: bool = False) -> Table:
    case = build.new_case("Jan Jansen")
    wijkteam = case.referrer_partner
    police = build.partner("Politie", domain="straf")
    ggz = build.partner("GGZ Noord")
    bakker = partners.add_contact(police, "Wijkagent Bakker", phone="06-11112222")
    visser = partners.add_contact(ggz, "Dr. Visser")
    de_vries = partners.add_contact(wijkteam, "Anna de Vries")
    participants.add_participant(case, police.id, contact_id=bakker.id)
    participants.add_participant(case, ggz.id)
    meeting = meetings.create_meeting("MDO", TODAY)
    item = meetings.add_item(meeting, case)
    if second_case:
        meetings.add_item(meeting, build.new_case("Piet Pietersen", referrer=wijkteam))
    # no invites unless a test makes them (planning may invite the case's partners by default)
    ItemInvite.delete().where(ItemInvite.item.in_([i.id for i in meetings.items_of(meeting)])).execute()
    return Table(case, meeting, MeetingItem.get_by_id(item.id), wijkteam, police, ggz, bakker, visser, de_vries)
