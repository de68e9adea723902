"""Choosing a partner (and contact) by typing a few letters: what the PartnerPicker lists.

The roster is small (tens of partners, hundreds of contacts), so matching runs in memory over
two queries: letters anywhere in the organisation's or the contact's name, accents and case
ignored. Partners already at the table in the case come first.
"""

from __future__ import annotations

from dataclasses import dataclass

from zvh_tui.services.partners.matching import contains_words, query_words
from zvh_tui.services.shared.fold import fold
from zvh_tui.store.models import Contact, Participant, Partner

SEPARATOR = " · "


@dataclass(frozen=True)
class PartnerChoice:
    partner_id: int
    contact_id: int | None
    partner_name: str
    contact_name: str
    in_case: bool = False
    convenant_signed: bool = True

    @property
    def label(self) -> str:
        return f"{self.partner_name}{SEPARATOR}{self.contact_name}" if self.contact_name else self.partner_name


def partner_choices(query: str = "", case_id: int | None = None, limit: int = 40) -> list[PartnerChoice]:
    """Active partners and their contacts matching every word of `query` (empty: all).

    A partner is listed on its own (no contact) and once per contact; partners at the table in
    `case_id` come first, then by name.
    """
    needles = query_words(query)
    partners = {p.id: p for p in Partner.select().where(Partner.active == True)}  # noqa: E712
    in_case: set[int] = set()
    if case_id is not None:
        in_case = {
            row.partner_id
            for row in Participant.select(Participant.partner).where(Participant.case == case_id)
        }
    contacts: dict[int, list[Contact]] = {}
    for contact in Contact.select().where(Contact.active == True):  # noqa: E712
        if contact.partner_id in partners:
            contacts.setdefault(contact.partner_id, []).append(contact)
    results: list[PartnerChoice] = []
    for partner in partners.values():
        pname = fold(partner.name)
        base = dict(partner_id=partner.id, partner_name=partner.name,
                    in_case=partner.id in in_case, convenant_signed=bool(partner.convenant_signed))
        if contains_words(needles, pname):
            results.append(PartnerChoice(contact_id=None, contact_name="", **base))
        for contact in contacts.get(partner.id, []):
            if contains_words(needles, pname, fold(contact.name)):
                results.append(PartnerChoice(contact_id=contact.id, contact_name=contact.name, **base))
    results.sort(key=lambda c: (not c.in_case, fold(c.partner_name), c.contact_id is not None,
                                fold(c.contact_name)))
    return results[:limit]


def choice_for(partner_id: int, contact_id: int | None = None) -> PartnerChoice | None:
    """The choice for a known partner (and contact), for showing an earlier pick again."""
    partner = Partner.get_or_none(Partner.id == partner_id)
    if partner is None:
        return None
    contact = Contact.get_or_none(Contact.id == contact_id) if contact_id else None
    if contact is not None and contact.partner_id != partner.id:
        contact = None
    return PartnerChoice(
        partner_id=partner.id,
        contact_id=contact.id if contact else None,
        partner_name=partner.name,
        contact_name=contact.name if contact else "",
        convenant_signed=bool(partner.convenant_signed),
    )
