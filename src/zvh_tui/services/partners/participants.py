"""Who is at the table in a case: partners with their role and the check op bekendheid.

Exactly one casusregisseur per case at a time; every change of casusregisseur is recorded.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.i18n import M, _
from zvh_tui.core.vocab import CheckStatus, ParticipantRole, PlanStatus
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context, dates, text
from zvh_tui.store.models import (
    Action,
    AuditEvent,
    Case,
    Contact,
    DirectorChange,
    Participant,
    Partner,
    Plan,
    db,
)


@dataclass
class Added:
    participant: Participant
    warnings: list[str]  # e.g. the partner has not signed the privacy convenant


def participants_of(case: Case) -> list[Participant]:
    return list(
        Participant.select(Participant, Partner)
        .join(Partner)
        .where(Participant.case == case)
        .order_by(Participant.added_at, Participant.id)
    )


def get_participant(participant_id: int) -> Participant:
    row = Participant.get_or_none(Participant.id == participant_id)
    if row is None:
        raise NotFound(M("partners.participants.not_found", "Deze deelnemer bestaat niet (meer)."))
    return row


def _contact_for(partner: Partner, contact_id: int | None) -> Contact | None:
    if not contact_id:
        return None
    return partners.contact_of(partner, contact_id)


def convenant_warning(partner: Partner) -> str | None:
    if partner.convenant_signed:
        return None
    return _(
        "Let op: {partner} heeft het privacyconvenant niet getekend. "
        "Deel alleen wat binnen de doelbinding past.").format(partner=partner.name)


def basis_warning(partner: Partner, basis: str) -> str | None:
    """A grondslag that cites the convenant, for a partner that did not sign it: the convenant is
    no grondslag for that partner (issue 14.4). None when there is nothing to warn about."""
    if partner.convenant_signed or partner.is_own or "convenant" not in (basis or "").casefold():
        return None
    return _(
        "Let op: de grondslag noemt het convenant, maar {partner} heeft het privacyconvenant "
        "niet getekend. Voor deze partner is het convenant geen grondslag; leg de echte "
        "grondslag vast.").format(partner=partner.name)


def basis_warnings(rows: list[Participant], basis: str) -> list[str]:
    """`basis_warning` for each of these participants (the check with several partners at once)."""
    found = [basis_warning(row.partner, basis) for row in rows]
    return [warning for warning in found if warning]


def add_participant(
    case: Case,
    partner_id: int,
    *,
    contact_id: int | None = None,
    role: ParticipantRole | str = ParticipantRole.MEMBER,
) -> Added:
    role = ParticipantRole(role)
    if case.phase == "closed":
        raise RuleError(M("partners.participants.add_closed",
                          "De casus is afgesloten; heropen hem om partners toe te voegen."))
    partner = Partner.get_or_none(Partner.id == partner_id)
    if partner is None:
        raise ValidationError(M("partners.participants.no_partner", "Deze partner bestaat niet (meer)."),
                              field="partner")
    if not partner.active:
        raise RuleError(M("partners.participants.add_inactive",
                          "{partner} is gedeactiveerd en kan niet meer aan een casus worden "
                          "toegevoegd.", partner=partner.name))
    contact = _contact_for(partner, contact_id)
    if Participant.select().where((Participant.case == case) & (Participant.partner == partner)).exists():
        raise RuleError(M("partners.participants.already", "{partner} zit al aan tafel in deze casus.",
                          partner=partner.name))
    with db.atomic():
        row = Participant.create(
            case=case, partner=partner, contact=contact, role=ParticipantRole.MEMBER.value
        )
        audit.record("update", case=case, object_type="participant", object_id=row.id, detail="add")
        if role == ParticipantRole.CASE_DIRECTOR:
            set_director(case, partner.id, contact_id=contact.id if contact else None)
            row = Participant.get_by_id(row.id)
        elif role != ParticipantRole.MEMBER:
            row.role = role.value
            row.save()
        cases.touch(case)
    warning = convenant_warning(partner)
    return Added(participant=row, warnings=[warning] if warning else [])


def set_role(participant: Participant, role: ParticipantRole | str) -> Participant:
    role = ParticipantRole(role)
    case = participant.case
    if role == ParticipantRole.CASE_DIRECTOR:
        set_director(case, participant.partner_id, contact_id=participant.contact_id)
        return Participant.get_by_id(participant.id)
    if participant.role == ParticipantRole.CASE_DIRECTOR.value:
        raise RuleError(M(
            "partners.participants.role_director",
            "Dit is de casusregisseur. Wijs eerst een andere casusregisseur aan; "
            "een casus is nooit zonder."))
    with db.atomic():
        participant.role = role.value
        participant.save()
        cases.touch(case)
        audit.record("update", case=case, object_type="participant", object_id=participant.id, detail=f"role={role.value}")
    return participant


def set_director(case: Case, partner_id: int, *, contact_id: int | None = None) -> Participant:
    """Make this partner (and contact) the casusregisseur; the previous one becomes deelnemer."""
    if case.phase == "closed":
        raise RuleError(M("partners.participants.director_closed",
                          "De casus is afgesloten; heropen hem om de casusregisseur te wijzigen."))
    partner = Partner.get_or_none(Partner.id == partner_id)
    if partner is None:
        raise ValidationError(M("partners.participants.no_partner", "Deze partner bestaat niet (meer)."),
                              field="partner")
    if not partner.active:
        raise RuleError(M("partners.participants.director_inactive",
                          "{partner} is gedeactiveerd en kan geen casusregisseur worden.",
                          partner=partner.name))
    contact = _contact_for(partner, contact_id)
    with db.atomic():
        row = Participant.get_or_none((Participant.case == case) & (Participant.partner == partner))
        if row is None:
            row = Participant.create(case=case, partner=partner, contact=contact)
        current = cases.director_of(case)
        if current is not None and current.id == row.id and current.contact_id == (contact.id if contact else None):
            return current
        if current is not None and current.id != row.id:
            # the previous casusregisseur stays at the table; the referrer stays marked as such
            was_referrer = current.partner_id == case.referrer_partner_id
            current.role = (ParticipantRole.REFERRER if was_referrer else ParticipantRole.MEMBER).value
            current.save()
        row.role = ParticipantRole.CASE_DIRECTOR.value
        if contact is not None:
            row.contact = contact
        row.save()
        DirectorChange.create(case=case, partner=partner, contact=row.contact_id, by=context.actor().user)
        # the concept plan follows the case's casusregisseur
        (
            Plan.update(director_partner=partner.id, director_contact=row.contact_id)
            .where((Plan.case == case) & (Plan.status == PlanStatus.CONCEPT.value))
            .execute()
        )
        cases.touch(case)
        audit.record("director", case=case, object_type="participant", object_id=row.id)
    return row


def director_history(case: Case) -> list[DirectorChange]:
    return list(DirectorChange.select().where(DirectorChange.case == case).order_by(DirectorChange.at, DirectorChange.id))


def last_basis() -> str:
    """The grondslag of the last check op bekendheid recorded, the default for the next one.

    Read from the newest "check" events of the audit log and the participants they name, not
    kept apart: a grondslag is free text, and when its case is destroyed it is gone with it.
    """
    recent = (
        AuditEvent.select(AuditEvent.object_id)
        .where((AuditEvent.event == "check") & (AuditEvent.object_type == "participant"))
        .order_by(AuditEvent.id.desc())
        .limit(50)
    )
    ids = [event.object_id for event in recent if event.object_id]
    bases = {row.id: row.check_basis for row in
             Participant.select(Participant.id, Participant.check_basis).where(Participant.id.in_(ids))}
    return next((bases[pid] for pid in ids if bases.get(pid)), "")


def _check_values(status: CheckStatus | str, on: str | dt.date | None,
                  basis: str) -> tuple[CheckStatus, dt.date | None, str]:
    status = CheckStatus(status)
    day = on if isinstance(on, dt.date) else dates.parse_date(on, label=_("Datum"), field="check_on")
    grondslag = text.block(basis, _("Grondslag"), field="check_basis", max_length=2000)
    if status != CheckStatus.NOT_ASKED and not grondslag:
        raise ValidationError(M(
            "partners.participants.basis_required",
            "Op welke grondslag is de informatie gevraagd of gedeeld? Vul de grondslag in."),
            field="check_basis",
        )
    return status, day, grondslag


def _store_check(participant: Participant, status: CheckStatus, day: dt.date | None,
                 grondslag: str) -> None:
    participant.check_status = status.value
    participant.check_on = (day or context.today()) if status != CheckStatus.NOT_ASKED else None
    participant.check_basis = grondslag
    participant.save()
    audit.record("check", case=participant.case, object_type="participant", object_id=participant.id, detail=status.value)


def set_check(
    participant: Participant,
    status: CheckStatus | str,
    *,
    on: str | dt.date | None = None,
    basis: str = "",
) -> Participant:
    """Record the check op bekendheid with this partner: status, date and grondslag."""
    status, day, grondslag = _check_values(status, on, basis)
    with db.atomic():
        _store_check(participant, status, day, grondslag)
        cases.touch(participant.case)
    return participant


def set_checks(
    case: Case,
    answers: dict[int, CheckStatus | str],
    *,
    on: str | dt.date | None = None,
    basis: str = "",
) -> int:
    """The check op bekendheid with several partners of one case at once (participant id ->
    answer), with one date and grondslag; a partner whose answer is unchanged keeps its date
    and grondslag. All or nothing; returns how many partners changed."""
    rows = {row.id: row for row in participants_of(case)}
    unknown = [pid for pid in answers if pid not in rows]
    if unknown:
        raise NotFound(M("partners.participants.not_at_table",
                         "Een van deze partners zit niet (meer) aan tafel in deze casus."))
    changed = [(rows[pid], CheckStatus(status)) for pid, status in answers.items()
               if rows[pid].check_status != CheckStatus(status).value]
    asked = [status for _, status in changed if status != CheckStatus.NOT_ASKED]
    _, day, grondslag = _check_values(asked[0] if asked else CheckStatus.NOT_ASKED, on, basis)
    with db.atomic():
        for row, status in changed:
            _store_check(row, status, day, grondslag if status != CheckStatus.NOT_ASKED else "")
        if changed:
            cases.touch(case)
    return len(changed)


def check_removable(participant: Participant) -> None:
    """Raise the rule's own refusal when this partner may not leave the table (screens ask
    this before asking for confirmation, so a refusal never follows a "yes")."""
    case = participant.case
    if case.phase == "closed":
        raise RuleError(M("partners.participants.remove_closed",
                          "De casus is afgesloten; heropen hem om partners van tafel te halen."))
    if participant.role == ParticipantRole.CASE_DIRECTOR.value:
        raise RuleError(M("partners.participants.remove_director",
                          "De casusregisseur kan niet weg: wijs eerst een ander aan."))
    if participant.role == ParticipantRole.REFERRER.value:
        raise RuleError(M("partners.participants.remove_referrer", "De aanmelder blijft bij de casus horen."))
    owned = (
        Action.select()
        .join(Plan)
        .where((Plan.case == case) & (Action.owner_partner == participant.partner_id) & (Plan.superseded == False))  # noqa: E712
    )
    if owned.exists():
        raise RuleError(M(
            "partners.participants.remove_owner",
            "{partner} is eigenaar van acties in het plan. Geef die acties eerst een andere "
            "eigenaar.", partner=participant.partner.name))


def remove_participant(participant: Participant) -> None:
    case = participant.case
    check_removable(participant)
    with db.atomic():
        audit.record("update", case=case, object_type="participant", object_id=participant.id, detail="remove")
        participant.delete_instance()
        cases.touch(case)
