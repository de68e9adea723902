"""The advice track: a case on which the house advises and the regie stays local (seed 004: the
ZVH Fryslân "kiest steeds vaker de adviserende rol"; shared/domain.md, rule 9).

For an advice case (`Case.zvh_role` advice) the regisseur records each question a local
professional asks (who asked: a partner and contact from the roster, or a name), the advice
given and to whom, with whom the regie stays ("regie blijft bij …": a partner and/or a name),
and a follow-up date. Such a case needs no casusregisseur of its own and no adopted plan
(`lifecycle.phase_blockers`). One step switches the house's role to procesregie when advice
is not enough, and back to advies with a reason; the advice rows stay as the case's history,
and every switch is written in the journal and the audit log.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.i18n import N_, M, _
from zvh_tui.core.vocab import AuditObject, Hat, Phase, ZvhRole
from zvh_tui.services.cases import journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context, dates, text
from zvh_tui.store.models import Advice, Case, Contact, Partner, db, utcnow

OBJECT = AuditObject.ADVICE.value


@dataclass
class AdviceInput:
    """What the advice dialog holds: the question, the advice, the regie and the follow-up."""

    question: str = ""
    asked_by_partner_id: int | None = None
    asked_by_contact_id: int | None = None
    asked_by: str = ""  # the professional's name when not in the roster
    asked_on: str | dt.date | None = None  # empty: today
    advice: str = ""  # may follow later
    given_to: str = ""
    given_on: str | dt.date | None = None  # empty with an advice: today
    regie_partner_id: int | None = None  # "regie blijft bij"
    regie_with: str = ""
    follow_up_on: str | dt.date | None = None


def _day(value: str | dt.date | None, label: str, field: str, *, future: bool = False) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dates.parse_date(value, label=label, field=field, future=future)


def _partner(partner_id: int | None, field: str) -> Partner | None:
    if not partner_id:
        return None
    partner = Partner.get_or_none(Partner.id == partner_id)
    if partner is None:
        raise ValidationError(M("cases.advice.partner_gone", "Deze partner bestaat niet (meer)."), field=field)
    return partner


def validate(data: AdviceInput, *, keep_follow_up: dt.date | None = None) -> dict[str, object]:
    """Check an advice question completely; the cleaned values, or the first problem (with its
    field). `keep_follow_up`: the stored follow-up date, which may stay as it is even when it
    has passed (only a new date must lie after today)."""
    today = context.today()
    question = text.block(data.question, N_("Adviesvraag"), field="question", required=True)
    partner = _partner(data.asked_by_partner_id, "asked_by_partner")
    contact: Contact | None = None
    if data.asked_by_contact_id:
        contact = partners.contact_of(partner, data.asked_by_contact_id, field="asked_by_partner",
                                      message=M("cases.advice.contact_elsewhere",
                                                "Deze contactpersoon hoort niet bij die partner."))
        partner = partner or contact.partner
    asked_by = text.line(data.asked_by, N_("Naam van de vraagsteller"), field="asked_by")
    if partner is None and not asked_by:
        raise ValidationError(M("cases.advice.no_asker",
                                "Wie stelde de vraag? Kies een partner of contactpersoon, of vul een naam in."),
                              field="asked_by_partner")
    asked_on = _day(data.asked_on, N_("Gevraagd op"), "asked_on") or today
    if asked_on > today:
        raise ValidationError(M("cases.advice.asked_in_future", "De datum van de vraag ligt in de toekomst."),
                              field="asked_on")
    advice = text.block(data.advice, N_("Advies"), field="advice")
    given_to = text.line(data.given_to, N_("Advies gegeven aan"), field="given_to")
    given_on = _day(data.given_on, N_("Advies gegeven op"), "given_on")
    regie_partner = _partner(data.regie_partner_id, "regie_partner")
    regie_with = text.line(data.regie_with, N_("Regie blijft bij (naam)"), field="regie_with")
    if advice:
        if not given_to:
            raise ValidationError(M("cases.advice.no_recipient", "Aan wie is het advies gegeven?"),
                                  field="given_to")
        if regie_partner is None and not regie_with:
            raise ValidationError(M("cases.advice.no_regie",
                                    "Bij wie blijft de regie? Kies een partner of vul een naam in."),
                                  field="regie_partner")
        given_on = given_on or today
        if given_on > today:
            raise ValidationError(M("cases.advice.given_in_future", "De datum van het advies ligt in de toekomst."),
                                  field="given_on")
        if given_on < asked_on:
            raise ValidationError(M("cases.advice.given_before_asked",
                                    "Het advies is gegeven vóór de vraag werd gesteld."), field="given_on")
    elif given_to or given_on:
        raise ValidationError(M("cases.advice.no_advice",
                                "Vul het advies in, of laat 'aan wie' en de datum leeg."), field="advice")
    follow_up = _day(data.follow_up_on, N_("Vervolg op"), "follow_up_on", future=True)
    if follow_up is not None and follow_up != keep_follow_up and follow_up <= today:
        raise ValidationError(M("cases.advice.follow_up_not_future", "De vervolgdatum moet na vandaag liggen."),
                              field="follow_up_on")
    return {
        "question": question,
        "asked_by_partner": partner,
        "asked_by_contact": contact,
        "asked_by": asked_by,
        "asked_on": asked_on,
        "advice": advice,
        "given_to": given_to,
        "given_on": given_on if advice else None,
        "regie_partner": regie_partner,
        "regie_with": regie_with,
        "follow_up_on": follow_up,
    }


def _writable(case: Case) -> None:
    if case.phase == Phase.CLOSED.value:
        raise RuleError(M("cases.case.closed", "De casus is afgesloten; heropen hem eerst."))
    if case.zvh_role != ZvhRole.ADVICE.value:
        raise RuleError(M("cases.advice.not_advice_case",
                          "Het ZVH voert procesregie op deze casus; een adviesvraag hoort bij een "
                          "adviescasus. Zet de rol eerst op advies."))


def add_advice(case: Case, data: AdviceInput) -> Advice:
    """Record an advice question (and, when already given, the advice) on an advice case."""
    _writable(case)
    values = validate(data)
    with db.atomic():
        row = Advice.create(case=case, by=context.actor().user, **values)
        cases.touch(case)
        audit.record("create", case=case, object_type=OBJECT, object_id=row.id)
    return row


def update_advice(row: Advice, data: AdviceInput) -> Advice:
    """Change an advice row as a whole (typically: the advice given after the question)."""
    case = row.case
    _writable(case)
    values = validate(data, keep_follow_up=row.follow_up_on)
    changed = sorted(key for key, value in values.items() if _stored(row, key) != _stored_value(value))
    for key, value in values.items():
        setattr(row, key, value)
    with db.atomic():
        row.updated_at = utcnow()
        row.save()
        cases.touch(case)
        audit.record("update", case=case, object_type=OBJECT, object_id=row.id, detail=",".join(changed))
    return row


def _stored(row: Advice, key: str) -> object:
    if key in ("asked_by_partner", "asked_by_contact", "regie_partner"):
        return getattr(row, f"{key}_id")
    return getattr(row, key)


def _stored_value(value: object) -> object:
    return value.id if isinstance(value, (Partner, Contact)) else value


def delete_advice(row: Advice) -> None:
    """Remove an advice row that was entered by mistake (audited; the case keeps its journal)."""
    case = row.case
    if case.phase == Phase.CLOSED.value:
        raise RuleError(M("cases.case.closed", "De casus is afgesloten; heropen hem eerst."))
    with db.atomic():
        row_id = row.id
        row.delete_instance()
        cases.touch(case)
        audit.record("delete", case=case, object_type=OBJECT, object_id=row_id)


def get_advice(case: Case, advice_id: int) -> Advice:
    row = Advice.get_or_none((Advice.id == advice_id) & (Advice.case == case))
    if row is None:
        raise ValidationError(M("cases.advice.gone", "Deze adviesvraag bestaat niet (meer)."), field="advice_id")
    return row


def advices_of(case: Case) -> list[Advice]:
    """The case's advice rows, oldest question first."""
    return list(Advice.select().where(Advice.case == case).order_by(Advice.asked_on, Advice.id))


def to_input(row: Advice) -> AdviceInput:
    """A stored row as the dialog's values (for changing it)."""
    return AdviceInput(
        question=row.question, asked_by_partner_id=row.asked_by_partner_id,
        asked_by_contact_id=row.asked_by_contact_id, asked_by=row.asked_by, asked_on=row.asked_on,
        advice=row.advice, given_to=row.given_to, given_on=row.given_on,
        regie_partner_id=row.regie_partner_id, regie_with=row.regie_with, follow_up_on=row.follow_up_on,
    )


def is_due(row: Advice, today: dt.date | None = None) -> bool:
    """The follow-up date has come (today or earlier)."""
    return row.follow_up_on is not None and row.follow_up_on <= (today or context.today())


def follow_ups_due(case: Case, today: dt.date | None = None) -> list[Advice]:
    """The advice rows of an open case whose follow-up date has come, soonest first."""
    if case.phase == Phase.CLOSED.value:
        return []
    day = today or context.today()
    return list(Advice.select().where((Advice.case == case) & (Advice.follow_up_on <= day))
                .order_by(Advice.follow_up_on, Advice.id))


def due_counts(today: dt.date | None = None) -> dict[int, int]:
    """Per open case id, how many advice follow-ups have come (for a count on the case list):
    one indexed query over `advice.follow_up_on`."""
    day = today or context.today()
    rows = (Advice.select(Advice.case, Advice.id).join(Case)
            .where((Advice.follow_up_on <= day) & (Case.phase != Phase.CLOSED.value)).tuples())
    counts: dict[int, int] = {}
    for case_id, _advice_id in rows:
        counts[case_id] = counts.get(case_id, 0) + 1
    return counts


def who_asked(row: Advice) -> str:
    """'Wijkteam Noord · Sanne de Vries', or the name typed."""
    if row.asked_by_partner_id:
        name = row.asked_by_partner.name
        if row.asked_by_contact_id:
            name += f" · {row.asked_by_contact.name}"
        return name + (f" ({row.asked_by})" if row.asked_by else "")
    return row.asked_by


def regie_stays_with(row: Advice) -> str:
    """'Wijkteam Noord · Sanne de Vries', a partner, a name, or empty."""
    parts = [row.regie_partner.name] if row.regie_partner_id else []
    if row.regie_with:
        parts.append(row.regie_with)
    return " · ".join(parts)


# -- the role of the house ------------------------------------------------------------------

def switch_role(case: Case, reason: str = "") -> Case:
    """Switch the house's role on an open case: advies -> procesregie (the reason is optional:
    advice was not enough), procesregie -> advies (a reason is required: the regie goes back to
    the local professionals). The advice rows stay; the switch is written in the journal (hat
    procesregie) and as an audit event of the case."""
    if case.phase == Phase.CLOSED.value:
        raise RuleError(M("cases.case.closed", "De casus is afgesloten; heropen hem eerst."))
    old = ZvhRole(case.zvh_role)
    new = ZvhRole.DIRECTION if old == ZvhRole.ADVICE else ZvhRole.ADVICE
    why = text.block(reason, N_("Reden"), field="role_reason", required=new == ZvhRole.ADVICE)
    # The journal line in the language the user works in (the user's own record).
    body = (_("Rol van het ZVH: {old} → {new}. Reden: {reason}") if why else
            _("Rol van het ZVH: {old} → {new}.")).format(old=old.label, new=new.label, reason=why)
    with db.atomic():
        case.zvh_role = new.value
        journal.add_entry(case, body, hat=Hat.PROCESS_DIRECTION)  # touches the case too
        audit.record("update", case=case, object_type="case", object_id=case.id,
                     detail=f"zvh_role={old.value}->{new.value}")
    return case


def switch_text(case: Case) -> tuple[str, str, bool]:
    """The switch as the dialog asks it: title, question, whether a reason is required."""
    if case.zvh_role == ZvhRole.ADVICE.value:
        return (_("Naar procesregie"), _("Het ZVH neemt de procesregie op zich. De adviesvragen "
                                          "blijven bewaard als geschiedenis. Waarom? (mag leeg)"), False)
    return (_("Terug naar advies"), _("De regie gaat terug naar de lokale professionals; het ZVH "
                                      "adviseert. Waarom? (verplicht)"), True)
