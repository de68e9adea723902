"""Namens: on whose behalf the house processes a case (NEN 7513 "on whose behalf").

A Zorg- en Veiligheidshuis processes a case on behalf of the partner that brings it in, not on
its own title. So every audit event of a case names that partner (`Case.on_behalf_partner`,
read by services/safety/audit.py at the moment of the event):

- by default the aanmelder (set at `create_case`; schema v6 set it so for existing cases);
- a citizen's melding, without a referring partner: the own house (`Partner.is_own`); a case
  without any (a database from before there was an own partner) falls back, in the log, to the
  own house, then the settings' organisation, then "Zorg- en Veiligheidshuis" — never empty;
- changed when the case is handed over (`hand_over`): a journal entry says from whom to whom
  and why, and a `handover` audit event holds the two partner ids.

Events already written keep the namens they were written with (the log is append-only).
"""

from __future__ import annotations

from dataclasses import dataclass

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.i18n import N_, M, _
from zvh_tui.core.vocab import Hat, Phase
from zvh_tui.services.cases import journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import text
from zvh_tui.store.models import Case, Partner, db

REASON_MAX = 1000
# Where the namens comes from: marked here, shown as _(source) (`Namens.label`).
REFERRER = N_("de aanmelder")
OWN_HOUSE = N_("eigen huis")
HANDED_OVER = N_("overgedragen")
FALLBACK = N_("geen partner vastgelegd")


@dataclass(frozen=True)
class Namens:
    """A case's namens as the dossier shows it."""

    name: str  # what the audit log writes
    partner_id: int | None
    source: str  # REFERRER, OWN_HOUSE, HANDED_OVER or FALLBACK

    @property
    def label(self) -> str:
        return f"{self.name} ({_(self.source)})"


def of(case: Case) -> Namens:
    """On whose behalf this case is processed now (as stored, not as the object was loaded)."""
    row = Case.select(Case.on_behalf_partner, Case.referrer_partner).where(Case.id == case.id).first()
    partner_id = row.on_behalf_partner_id if row is not None else None
    partner = Partner.get_or_none(Partner.id == partner_id) if partner_id is not None else None
    if partner is None:
        return Namens(audit.fallback_on_behalf_of(), None, FALLBACK)
    if partner.id == row.referrer_partner_id:
        source = REFERRER
    elif partner.is_own:
        source = OWN_HOUSE
    else:
        source = HANDED_OVER
    return Namens(partner.name, partner.id, source)


def hand_over(case: Case, partner_id: int | None, reason: str) -> Case:
    """The case is handed over: from now on it is processed on behalf of `partner_id`.

    The reason is required; it goes into the journal (hat procesregie) with the old and the new
    partner's names. The audit event `handover` holds the ids only.
    """
    if case.phase == Phase.CLOSED.value:
        raise RuleError(M("cases.case.closed", "De casus is afgesloten; heropen hem eerst."))
    if partner_id is None:
        raise ValidationError(M("cases.namens.choose_partner", "Kies de partner namens wie de casus voortaan loopt."),
                              field="partner")
    partner = Partner.get_or_none(Partner.id == partner_id)
    if partner is None:
        raise ValidationError(M("cases.advice.partner_gone", "Deze partner bestaat niet (meer)."), field="partner")
    if not partner.active:
        raise ValidationError(M("cases.namens.inactive", "{partner} is gedeactiveerd; kies een andere partner.",
                                partner=partner.name), field="partner")
    clean = text.block(reason, N_("Reden van de overdracht"), field="reason", required=True, max_length=REASON_MAX)
    before = of(case)
    if before.partner_id == partner.id:
        raise ValidationError(M("cases.namens.already", "De casus loopt al namens {partner}.", partner=partner.name),
                              field="partner")
    own = partners.own_partner()
    with db.atomic():
        case.on_behalf_partner = partner
        cases.touch(case)
        audit.record("handover", case=case, object_type="case", object_id=case.id,
                     detail=f"namens {before.partner_id or '-'}->{partner.id}"  # i18n: audit detail
                            + (" (eigen huis)" if own is not None and own.id == partner.id else ""))  # i18n: audit detail
        journal.add_entry(case, _("Overgedragen: de casus loopt voortaan namens {partner} (was: {before}). "
                                  "Reden: {reason}").format(partner=partner.name, before=before.name, reason=clean),
                          Hat.PROCESS_DIRECTION)
    return case
