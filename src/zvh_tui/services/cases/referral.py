"""The aanmelding after it was saved: every field can be changed from the dossier.

`referral_of(case)` gives the current values (what the edit form starts from);
`edit_referral(case, data)` checks them all as the new-case form does, writes only what
changed and records one audit event about the case (detail: the changed fields' names). When
the aanmelder changes, the table follows: the new partner sits at the table as aanmelder (a
casusregisseur keeps that role), the old one stays as deelnemer, with its check op
bekendheid. The persons and their informed status are services/cases/persons.py; the ZVH's
role (procesregie/advies) is switched elsewhere, with its own journal line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.i18n import N_, M
from zvh_tui.core.vocab import ParticipantRole, Phase
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context, dates, text
from zvh_tui.store.models import Case, Participant, db


@dataclass
class Referral:
    """The fields of the aanmelding, as the edit form holds them."""

    title: str = ""
    reason: str = ""  # aanleiding
    referral_goal: str = ""  # doel van de aanmelding
    received_on: str | dt.date | None = None
    referrer_partner_id: int | None = None
    referrer_contact_id: int | None = None
    referrer_citizen: str = ""


FIELDS = ("title", "reason", "referral_goal", "received_on", "referrer_partner_id",
          "referrer_contact_id", "referrer_citizen")


def referral_of(case: Case) -> Referral:
    return Referral(
        title=case.title,
        reason=case.reason,
        referral_goal=case.referral_goal,
        received_on=case.received_on,
        referrer_partner_id=case.referrer_partner_id,
        referrer_contact_id=case.referrer_contact_id,
        referrer_citizen=case.referrer_citizen,
    )


def _first_name(case: Case) -> str:
    links = cases.persons_of(case)
    return links[0][0].name if links else ""


def validate(case: Case, data: Referral) -> dict[str, object]:
    """Every field checked, as at the aanmelding; the cleaned values by column (ids for the
    referrer) or the first problem, at its field."""
    title = text.line(data.title, N_("Naam of alias"), field="title") or _first_name(case)
    reason = text.block(data.reason, N_("Aanleiding"), field="reason", required=True)
    goal = text.block(data.referral_goal, N_("Doel van de aanmelding"), field="referral_goal")
    partner, contact, citizen = cases.clean_referrer(data.referrer_partner_id, data.referrer_contact_id,
                                                     data.referrer_citizen, contact_field="referrer")
    if partner is not None and partner.id != case.referrer_partner_id and not partner.active:
        raise ValidationError(M("cases.referral.inactive", "{partner} is gedeactiveerd en kan geen aanmelder meer worden.",
                                partner=partner.name), field="referrer")
    received = data.received_on
    if not isinstance(received, dt.date):
        received = dates.parse_date(received, label=N_("Datum van aanmelding"), field="received_on")
    if received is None:
        raise ValidationError(M("cases.referral.no_date", "Vul de datum van aanmelding in."), field="received_on")
    if received > context.today():
        raise ValidationError(M("cases.new.received_in_future", "De datum van aanmelding ligt in de toekomst."),
                              field="received_on")
    return {
        "title": title,
        "reason": reason,
        "referral_goal": goal,
        "received_on": received,
        "referrer_partner_id": partner.id if partner else None,
        "referrer_contact_id": contact.id if contact else None,
        "referrer_citizen": citizen,
    }


def edit_referral(case: Case, data: Referral) -> list[str]:
    """Change the aanmelding; returns the names of the fields that changed (empty: nothing did,
    and nothing is written)."""
    if case.phase == Phase.CLOSED.value:
        raise RuleError(M("cases.referral.closed", "De casus is afgesloten; heropen hem om de aanmelding te wijzigen."))
    values = validate(case, data)
    changed = [key for key in FIELDS if getattr(case, key) != values[key]]
    if not changed:
        return []
    old_partner = case.referrer_partner_id
    with db.atomic():
        for key in changed:
            setattr(case, key, values[key])
        if "referrer_partner_id" in changed or "referrer_contact_id" in changed:
            _follow_referrer(case, old_partner)
        if "referrer_partner_id" in changed and _namens_follows(case, old_partner):
            changed.append("on_behalf_partner_id")
        cases.touch(case)
        if {"title", "reason"} & set(changed):
            cases.reindex(case)
        audit.record("update", case=case, object_type="case", object_id=case.id,
                     detail=",".join(changed))
    return changed


def _namens_follows(case: Case, old_partner: int | None) -> bool:
    """"Namens" follows the aanmelder while it was the aanmelder's (or, for a citizen's melding,
    the own house's): a corrected aanmelder is who the house works for. A case handed over to
    another partner keeps that partner (services/cases/namens.py)."""
    own = partners.own_partner()
    own_id = own.id if own is not None else None
    if case.on_behalf_partner_id not in (old_partner or own_id, None):
        return False
    new = case.referrer_partner_id or own_id
    if new == case.on_behalf_partner_id:
        return False
    case.on_behalf_partner = new
    case.save()
    return True


def _follow_referrer(case: Case, old_partner: int | None) -> None:
    """The table after a change of aanmelder (inside edit_referral's transaction)."""
    new_partner, new_contact = case.referrer_partner_id, case.referrer_contact_id
    referrer, member = ParticipantRole.REFERRER.value, ParticipantRole.MEMBER.value
    if old_partner and old_partner != new_partner:
        old = Participant.get_or_none((Participant.case == case) & (Participant.partner == old_partner))
        if old is not None and old.role == referrer:  # stays at the table, with its check
            _set_role(case, old, member)
    if not new_partner:
        return
    row = Participant.get_or_none((Participant.case == case) & (Participant.partner == new_partner))
    if row is None:
        row = Participant.create(case=case, partner=new_partner, contact=new_contact, role=referrer)
        audit.record("update", case=case, object_type="participant", object_id=row.id,
                     detail="add")
        return
    if row.role in (member, ParticipantRole.ADVISER.value):
        _set_role(case, row, referrer)
    if row.role == referrer and new_contact and row.contact_id != new_contact:
        row.contact = new_contact
        row.save()
        audit.record("update", case=case, object_type="participant", object_id=row.id,
                     detail="contact")


def _set_role(case: Case, row: Participant, role: str) -> None:
    row.role = role
    row.save()
    audit.record("update", case=case, object_type="participant", object_id=row.id,
                 detail=f"role={role}")
