"""Cases (casussen): the aanmelding, the phases of the work process, closing and reopening.

Every read of a case through `get_case` and every change writes an audit event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.i18n import N_, M, Message, Mn, _, ngettext
from zvh_tui.core.vocab import (
    OPEN_ACTION_STATUSES,
    PHASE_ORDER,
    ActionStatus,
    AvePhase,
    CheckStatus,
    Level,
    ParticipantRole,
    PersonRole,
    Phase,
    PlanStatus,
    TriageOutcome,
    ZvhRole,
)
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context, dates, plurals, text
from zvh_tui.store import ids, search
from zvh_tui.store.models import (
    Action,
    Advice,
    Case,
    CasePerson,
    Contact,
    Participant,
    Partner,
    Person,
    Plan,
    db,
    utcnow,
)

# Translated where it is shown: `_(DIRECTOR_QUESTION)`.
DIRECTOR_QUESTION = N_(
    "Wie houdt het overzicht over dit plan van aanpak, en mag ik diegene bellen om te horen "
    "of alles nog loopt?"
)


# Where a new ZVH aanmelding starts (services/cases/ave.py): AVE phase 3 (oranje) on procesniveau,
# where the house's procesregie sits; the triage confirms or changes it. Never silently 1 · casus.
NEW_CASE_AVE = AvePhase.ORANGE
NEW_CASE_LEVEL = Level.PROCESS


@dataclass
class NewPerson:
    name: str
    date_of_birth: str | dt.date | None = None
    role: str = PersonRole.CLIENT.value
    address: str = ""
    # Informed or not, per betrokkene (schema v6). None: the aanmelding's answer for all
    # (`NewCase.informed`); an empty reason or review date: the aanmelding's one.
    informed: bool | None = None
    not_informed_reason: str = ""
    informed_review_on: str | dt.date | None = None


@dataclass
class NewCase:
    """The fields of an aanmelding (shared/domain.md, the work process)."""

    persons: list[NewPerson] = field(default_factory=list)
    title: str = ""
    referrer_partner_id: int | None = None
    referrer_contact_id: int | None = None
    referrer_citizen: str = ""
    reason: str = ""  # aanleiding
    referral_goal: str = ""
    received_on: str | dt.date | None = None
    # The answer for every person whose own `NewPerson.informed` is None, and the reason and
    # review date for every person not informed who has none of their own.
    informed: bool = True
    not_informed_reason: str = ""
    informed_review_on: str | dt.date | None = None
    zvh_role: str = ZvhRole.DIRECTION.value
    ave_phase: str = NEW_CASE_AVE.value
    level: str = NEW_CASE_LEVEL.value


def _coded(vocab: type, value: object, field: str):
    """A code of `vocab` (AvePhase, Level), refused in Dutch at `field`."""
    try:
        return vocab(value)
    except ValidationError as error:
        error.field = field
        raise


def _date(value: str | dt.date | None, label: str, field: str, **kwargs: object) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dates.parse_date(value, label=label, field=field, **kwargs)


def next_reference(year: int | None = None) -> str:
    """The next free reference of the year: 2026-0001, 2026-0002, …

    Numbers are never handed out twice, not even after a case is destroyed at the end of its
    retention period: the last number issued per year is kept in the profile's key/value table.
    """
    year = year or context.today().year
    return f"{year}-{ids.last_reference_number(year) + 1:04d}"


def _clean_person(person: NewPerson, index: int) -> dict[str, object]:
    label = (_("Naam van de betrokkene") if index == 0
             else _("Naam van betrokkene {number}").format(number=index + 1))
    name = text.line(person.name, label, field=f"person{index}.name", required=True)
    born = _date(person.date_of_birth, N_("Geboortedatum"), f"person{index}.date_of_birth")
    if born and born > context.today():
        raise ValidationError(M("cases.person.born_in_future", "De geboortedatum ligt in de toekomst."),
                              field=f"person{index}.date_of_birth")
    role = person.role or PersonRole.CLIENT.value
    if role not in {r.value for r in PersonRole}:
        raise ValidationError(M("cases.person.unknown_role", "Onbekende rol van de betrokkene."),
                              field=f"person{index}.role")
    address = text.line(person.address, N_("Adres"), field=f"person{index}.address", max_length=300)
    return {"name": name, "date_of_birth": born, "role": role, "address": address}


# What of a cleaned person goes on its link to the case (CasePerson), not on the Person row.
LINK_FIELDS = ("role", "informed", "not_informed_reason", "informed_review_on")


def clean_referrer(partner_id: int | None, contact_id: int | None, citizen: object, *,
                   contact_field: str) -> tuple[Partner | None, Contact | None, str]:
    """Who brought the case in, checked (at the aanmelding and when it is changed afterwards):
    a partner of the roster and optionally its contact, or a citizen as melder; the first
    problem raised at its field (a contact of another partner at `contact_field`)."""
    clean_citizen = text.line(citizen, N_("Melder (burger)"), field="referrer_citizen")
    partner = contact = None
    if partner_id:
        partner = Partner.get_or_none(Partner.id == partner_id)
        if partner is None:
            raise ValidationError(M("cases.referrer.gone", "Deze aanmelder bestaat niet (meer)."),
                                  field="referrer")
    if contact_id:
        contact = partners.contact_of(partner, contact_id, field=contact_field,
                                      message=M("cases.referrer.contact_elsewhere",
                                                "Deze contactpersoon hoort niet bij de aanmelder."))
        partner = partner or contact.partner
    if partner is None and not clean_citizen:
        raise ValidationError(M("cases.referrer.missing",
                                "Wie meldt de casus aan? Kies een partner of vul een melder in."),
                              field="referrer")
    return partner, contact, clean_citizen


def validate_new_case(data: NewCase) -> dict[str, object]:
    """Check an aanmelding completely; return the cleaned values or raise the first problem."""
    if not data.persons:
        raise ValidationError(M("cases.new.no_person", "Vul minstens één betrokkene in."), field="person0.name")
    persons = [_clean_person(p, i) for i, p in enumerate(data.persons)]
    title = text.line(data.title, N_("Naam of alias"), field="title") or str(persons[0]["name"])
    reason = text.block(data.reason, N_("Aanleiding"), field="reason", required=True)
    goal = text.block(data.referral_goal, N_("Doel van de aanmelding"), field="referral_goal")
    partner, contact, citizen = clean_referrer(data.referrer_partner_id, data.referrer_contact_id,
                                               data.referrer_citizen, contact_field="referrer_contact")
    received = _date(data.received_on, N_("Datum van aanmelding"), "received_on") or context.today()
    if received > context.today():
        raise ValidationError(_received_in_future(), field="received_on")
    from zvh_tui.services.cases import persons as person_rules  # uses this module

    shared_reason = text.block(data.not_informed_reason, N_("Reden niet geïnformeerd"),
                               field="not_informed_reason")
    shared_review = _date(data.informed_review_on, N_("Heroverweegdatum"), "informed_review_on", future=True)
    for index, (given, person) in enumerate(zip(data.persons, persons, strict=True)):
        person.update(person_rules.clean_informed(
            data.informed if given.informed is None else given.informed,
            given.not_informed_reason, given.informed_review_on, index=index,
            shared_reason=shared_reason, shared_review=shared_review))
    if data.zvh_role not in {r.value for r in ZvhRole}:
        raise ValidationError(_choose_role(), field="zvh_role")
    ave = _coded(AvePhase, data.ave_phase or NEW_CASE_AVE.value, "ave_phase")
    level = _coded(Level, data.level or NEW_CASE_LEVEL.value, "level")
    return {
        "persons": persons,
        "title": title,
        "reason": reason,
        "referral_goal": goal,
        "referrer_citizen": citizen,
        "referrer_partner": partner,
        "referrer_contact": contact,
        "received_on": received,
        "zvh_role": data.zvh_role,
        "ave_phase": ave.value,
        "level": level.value,
    }


def _received_in_future() -> Message:
    return M("cases.new.received_in_future", "De datum van aanmelding ligt in de toekomst.")


def _choose_role() -> Message:
    return M("cases.new.choose_role", "Kies de rol van het ZVH: procesregie of advies.")


def create_case(data: NewCase) -> Case:
    """Register an aanmelding: the case, its persons and the referrer at the table."""
    values = validate_new_case(data)
    persons = values.pop("persons")
    # Namens (NEN 7513): the house processes the case on behalf of the partner that brought it
    # in; a citizen's melding on behalf of the own house (services/cases/namens.py).
    own = partners.own_partner()
    on_behalf = values["referrer_partner"] or own
    with db.atomic():
        reference = next_reference()
        case = Case.create(
            id=ids.fresh_id(Case), reference=reference, phase=Phase.REFERRAL.value,
            on_behalf_partner=on_behalf, **values
        )
        ids.remember_reference(reference)
        for position, person in enumerate(persons):
            link = {key: person.pop(key) for key in LINK_FIELDS}
            row = Person.create(id=ids.fresh_id(Person), **person)
            CasePerson.create(case=case, person=row, position=position, **link)
        if case.referrer_partner_id:
            Participant.create(
                case=case,
                partner=case.referrer_partner_id,
                contact=case.referrer_contact_id,
                role=ParticipantRole.REFERRER.value,
            )
        reindex(case)
        audit.record("create", case=case, object_type="case", object_id=case.id)
    return case


def reindex(case: Case) -> None:
    """Refresh the full-text entry of a case (reference, persons' names, aanleiding)."""
    names = " ".join(
        p.name
        for p in Person.select(Person.name)
        .join(CasePerson)
        .where(CasePerson.case == case)
    )
    search.index_case(case.id, case.reference, f"{case.title} {names}", case.reason)


def get_case(case_id: int, *, audit_view: bool = True) -> Case:
    case = Case.get_or_none(Case.id == case_id)
    if case is None:
        raise NotFound(M("cases.case.gone", "Deze casus bestaat niet (meer)."))
    if audit_view:
        audit.record("view", case=case, object_type="case", object_id=case.id)
    return case


def get_by_reference(reference: str, *, audit_view: bool = True) -> Case:
    case = Case.get_or_none(Case.reference == reference.strip())
    if case is None:
        shown = text.line(reference, N_("Nummer"))[:20]
        raise NotFound(M("cases.case.no_such_reference", "Er is geen casus met nummer '{reference}'.",
                         reference=shown))
    if audit_view:
        audit.record("view", case=case, object_type="case", object_id=case.id)
    return case


def find_by_reference(reference: str) -> Case | None:
    """The case with exactly this reference, or None; not logged as a view."""
    return Case.get_or_none(Case.reference == reference)


def persons_of(case: Case) -> list[tuple[Person, str]]:
    rows = (
        CasePerson.select(CasePerson, Person)
        .join(Person)
        .where(CasePerson.case == case)
        .order_by(CasePerson.position)
    )
    return [(row.person, row.role) for row in rows]


def add_person(case: Case, person: NewPerson) -> Person:
    """Add a betrokkene to the case (services/cases/persons.py has the rules)."""
    from zvh_tui.services.cases import persons as person_rules

    return person_rules.add_person(case, person)


def update_person(case: Case, person: Person, **changes: object) -> Person:
    """Change a betrokkene's name, date of birth, address or role (services/cases/persons.py)."""
    from zvh_tui.services.cases import persons as person_rules

    person_rules.update_person(case, person.id, **changes)
    return Person.get_by_id(person.id)


EDITABLE_CASE_FIELDS = {
    "title": (N_("Naam of alias"), "line"),
    "reason": (N_("Aanleiding"), "block"),
    "referral_goal": (N_("Doel van de aanmelding"), "block"),
    "referrer_citizen": (N_("Melder (burger)"), "line"),
    "triage_reason": (N_("Reden van de triage-uitkomst"), "block"),
}


def update_case(case: Case, **changes: object) -> Case:
    """Change plain fields of a case (the aanmelding's texts and date, the role). Informed or
    not is per betrokkene (services/cases/persons.py, `set_informed`); the whole aanmelding
    with its referrer is services/cases/referral.py.

    Everything is checked first; the case is changed only when every value is valid, so a
    refused change leaves the object and the database as they were.
    """
    clean: dict[str, object] = {}
    for key, value in changes.items():
        if key in EDITABLE_CASE_FIELDS:
            label, kind = EDITABLE_CASE_FIELDS[key]
            checked = text.line(value, label, field=key) if kind == "line" else text.block(value, label, field=key)
            if key == "reason" and not checked:
                raise ValidationError(M("cases.update.reason_required", "Aanleiding is verplicht."), field=key)
            clean[key] = checked
        elif key == "received_on":
            day = _date(value, N_("Datum van aanmelding"), key)  # type: ignore[arg-type]
            if day is not None and day > context.today():
                raise ValidationError(_received_in_future(), field=key)
            clean[key] = day
        elif key == "zvh_role":
            if value not in {r.value for r in ZvhRole}:
                raise ValidationError(_choose_role(), field=key)
            clean[key] = str(value)
        else:
            raise ValidationError(M("cases.update.not_editable", "Het veld '{field}' kan hier niet worden gewijzigd.",
                                    field=key), field=key)
    for key, value in clean.items():
        setattr(case, key, value)
    with db.atomic():
        touch(case)
        reindex(case)
        audit.record("update", case=case, object_type="case", object_id=case.id, detail=",".join(sorted(changes)))
    return case


def touch(case: Case) -> None:
    case.updated_at = utcnow()
    case.save()


# -- the phases ------------------------------------------------------------------------------

def director_of(case: Case) -> Participant | None:
    """The case's casusregisseur (the participant with that role), if agreed."""
    return (
        Participant.select()
        .where((Participant.case == case) & (Participant.role == ParticipantRole.CASE_DIRECTOR.value))
        .first()
    )


def latest_plan(case: Case) -> Plan | None:
    return Plan.select().where(Plan.case == case).order_by(Plan.version.desc()).first()


def adopted_plan(case: Case) -> Plan | None:
    return (
        Plan.select()
        .where((Plan.case == case) & (Plan.status != PlanStatus.CONCEPT.value))
        .order_by(Plan.version.desc())
        .first()
    )


def phase_blockers(case: Case, target: Phase) -> list[str]:
    """What stops this case from moving to `target`, in plain words (the language of the
    moment); empty if nothing does."""
    return [str(problem) for problem in phase_problems(case, target)]


def phase_problems(case: Case, target: Phase) -> list[Message]:
    """`phase_blockers` as messages (an id and parameters each)."""
    current = Phase(case.phase)
    if current == Phase.CLOSED:
        return [M("cases.phase.closed", "De casus is afgesloten. Heropen hem eerst.")]
    if target == Phase.CLOSED:
        return [M("cases.phase.close_via_closing",
                  "Sluit een casus af met 'Afsluiten': daar horen een reden en de bewaartermijn bij.")]
    if target == current:
        return [M("cases.phase.already", "De casus staat al in de fase {phase}.", phase=current.label)]
    now, then = PHASE_ORDER.index(current), PHASE_ORDER.index(target)
    if then < now:
        return []  # going back is always allowed (for instance to redo the analyse)
    if then > now + 1:
        step = PHASE_ORDER[now + 1]
        return [M("cases.phase.step_by_step", "Een casus gaat stap voor stap: eerst naar {phase}.",
                  phase=step.label)]
    problems: list[Message] = []
    if target == Phase.SCREENING:
        if not CasePerson.select().where(CasePerson.case == case).exists():
            problems.append(M("cases.phase.no_person", "Vul eerst minstens één betrokkene in."))
        if not case.reason:
            problems.append(M("cases.phase.no_reason", "Vul eerst de aanleiding in."))
        if not case.referrer_partner_id and not case.referrer_citizen:
            problems.append(M("cases.phase.no_referrer", "Vul eerst in wie de casus heeft aangemeld."))
    elif target == Phase.TRIAGE:
        asked = Participant.select().where(
            (Participant.case == case) & (Participant.check_status != CheckStatus.NOT_ASKED.value)
        )
        if not asked.exists():
            problems.append(M(
                "cases.phase.no_check",
                "Doe eerst de check op bekendheid: vraag minstens één partner of de betrokkene bekend is."
            ))
    elif target == Phase.ANALYSIS:
        if not case.triage_outcome:
            problems.append(M("cases.phase.no_triage", "Leg eerst de uitkomst van de triage vast."))
        elif case.triage_outcome != TriageOutcome.TAKE_ON.value:
            label = TriageOutcome.label_of(case.triage_outcome)
            problems.append(M(
                "cases.phase.not_taken_on",
                "De triage-uitkomst is '{outcome}': dan pakt het ZVH de casus niet op. Sluit de casus af.",
                outcome=label))
    elif target == Phase.MEETING:
        others = Participant.select().join(Partner).where(
            (Participant.case == case) & (Partner.is_own == False)  # noqa: E712
        )
        if not others.exists():
            problems.append(M("cases.phase.no_partner",
                              "Er zit nog geen partner aan tafel. Voeg eerst partners toe."))
    elif target in (Phase.PLAN, Phase.EXECUTION) and case.zvh_role == ZvhRole.ADVICE.value:
        problems += _advice_blockers(case, target)
    elif target == Phase.PLAN:
        if director_of(case) is None:
            problems.append(M("cases.phase.no_director", "Er is nog geen casusregisseur. {question}",
                              question=_(DIRECTOR_QUESTION)))
    elif target == Phase.EXECUTION:
        if adopted_plan(case) is None:
            problems.append(M("cases.phase.no_plan", "Stel eerst het plan van aanpak vast."))
    return problems


def _advice_blockers(case: Case, target: Phase) -> list[Message]:
    """An advice case (the house advises, the regie stays local; seed 004, Fryslân) needs no
    casusregisseur of its own and no adopted plan: the advice question with whom the regie
    stays will do for Plan van aanpak, and the advice given for Uitvoering (the follow-up).
    A casusregisseur or an adopted plan, when there is one, still counts."""
    rows = Advice.select().where(Advice.case == case)
    if target == Phase.PLAN and director_of(case) is None and not rows.where(
            (Advice.regie_partner.is_null(False)) | (Advice.regie_with != "")).exists():
        return [M("cases.phase.no_advice_question",
                  "Leg eerst een adviesvraag vast, met bij wie de regie blijft (of spreek een "
                  "casusregisseur af).")]
    if target == Phase.EXECUTION and adopted_plan(case) is None and not rows.where(
            Advice.advice != "").exists():
        return [M("cases.phase.no_advice_given",
                  "Leg eerst het gegeven advies vast bij de adviesvraag (of stel een plan van aanpak vast).")]
    return []


def move_phase(case: Case, target: Phase | str) -> Case:
    target = Phase(target)
    problems = phase_problems(case, target)
    if len(problems) == 1:
        raise RuleError(problems[0])
    if problems:
        raise RuleError(" ".join(str(problem) for problem in problems))
    old = case.phase
    with db.atomic():
        case.phase = target.value
        touch(case)
        audit.record("phase", case=case, object_type="case", object_id=case.id, detail=f"{old}->{target.value}")
    return case


def set_triage(case: Case, outcome: TriageOutcome | str, reason: str = "", *,
               ave_phase: AvePhase | str | None = None, level: Level | str | None = None) -> Case:
    """The triage outcome and its reason; with it the AVE phase and level the case is placed at
    (None keeps them). Placing is no op- or afschaling: the escalation history starts from
    here. A contradictory combination is allowed (services/cases/ave.py warns about it)."""
    if case.phase == Phase.CLOSED.value:
        raise RuleError(M("cases.case.closed", "De casus is afgesloten; heropen hem eerst."))
    outcome = _coded(TriageOutcome, outcome, "triage_outcome")
    clean = text.block(reason, N_("Reden"), field="triage_reason")
    if outcome != TriageOutcome.TAKE_ON and not clean:
        raise ValidationError(M("cases.triage.reason_required", "Geef een reden bij doorverwijzen of advies."),
                              field="triage_reason")
    ave = _coded(AvePhase, ave_phase, "ave_phase").value if ave_phase else case.ave_phase
    lvl = _coded(Level, level, "level").value if level else case.level
    placed = [name for name, old, new in (("ave_phase", case.ave_phase, ave), ("level", case.level, lvl))
              if old != new]
    with db.atomic():
        case.triage_outcome = outcome.value
        case.triage_reason = clean
        case.ave_phase, case.level = ave, lvl
        touch(case)
        audit.record("triage", case=case, object_type="case", object_id=case.id,
                     detail=",".join([outcome.value, *placed]))
    return case


def set_ave(case: Case, ave_phase: AvePhase | str) -> Case:
    """Change the AVE phase without a change of level (use escalation for levels)."""
    value = AvePhase(ave_phase).value
    with db.atomic():
        case.ave_phase = value
        touch(case)
        audit.record("update", case=case, object_type="case", object_id=case.id, detail="ave_phase")
    return case


def retention_end_for(closed_on: dt.date, years: int) -> dt.date:
    return dates.add_months(closed_on, 12 * years)


# What happens to the plan's open actions when a case is closed (`close_case(open_actions=…)`).
CANCEL_OPEN_ACTIONS = "cancel"  # they get the status vervallen
KEEP_OPEN_ACTIONS = "keep"  # they stay open (and are there again when the case is reopened)
OPEN_ACTION_CHOICES = (CANCEL_OPEN_ACTIONS, KEEP_OPEN_ACTIONS)


def _open_action_rows(case: Case) -> list[Action]:
    return list(
        Action.select()
        .join(Plan)
        .where((Plan.case == case) & (Plan.superseded == False)  # noqa: E712
               & Action.status.in_(OPEN_ACTION_STATUSES))
        .order_by(Action.id)
    )


def open_actions_of(case: Case) -> list[Action]:
    """The open (open or bezig) actions of the case's plan in force.

    While a revision is being written, the adopted version and its concept both hold the action:
    it counts once (the concept's copy).
    """
    rows = _open_action_rows(case)
    copied = {row.origin for row in rows if row.origin}
    return [row for row in rows if row.id not in copied]


def open_actions_text(count: int) -> str:
    """"Er staat nog 1 open actie" / "Er staan nog 8 open acties"."""
    return ngettext("Er staat nog {n} open actie", "Er staan nog {n} open acties", count).format(
        n=plurals.number(count))


@dataclass
class Afschaling:
    """Closing with an afschaling to the local team: one Escalation row down (to casusniveau,
    by default AVE 2 geel: casusregie locally), with who decided and why."""

    decided_by: str
    trigger: str
    to_ave: str = AvePhase.YELLOW.value
    to_level: str = Level.CASE.value


def afschaling_ave(case: Case) -> str:
    """The AVE phase an afschaling at closing proposes: geel, or the case's own when lower."""
    return min(case.ave_phase, AvePhase.YELLOW.value)


def close_case(
    case: Case,
    reason: str,
    *,
    retention_years: int | None,
    informed: str = "",
    watch_until: str | dt.date | None = None,
    closed_on: dt.date | None = None,
    open_actions: str | None = None,
    afschaling: Afschaling | None = None,
) -> Case:
    """Close a case: reason, who was informed, nazorg date; computes the retention end date.

    When the plan still has open actions, `open_actions` must say what happens to them:
    `CANCEL_OPEN_ACTIONS` (they become vervallen) or `KEEP_OPEN_ACTIONS`; without it the case
    is not closed silently but refused, with the count. With `afschaling` the case is first
    afgeschaald to the local team (an escalation row down, dated the closing day); it must go
    down, never up (fields `afschaling_*`).
    """
    if case.phase == Phase.CLOSED.value:
        raise RuleError(M("cases.close.already_closed", "Deze casus is al afgesloten."))
    clean = text.block(reason, N_("Reden van afsluiten"), field="closing_reason", required=True)
    who = text.block(informed, N_("Wie is geïnformeerd"), field="closing_informed")
    if retention_years is None:
        raise RuleError(M(
            "cases.close.no_retention",
            "De bewaartermijn is nog niet ingesteld. Vul die eerst in bij Instellingen "
            "(bijvoorbeeld Wmo 15 jaar, Jeugdwet 20 jaar, volgens uw convenant)."
        ))
    if not 1 <= int(retention_years) <= 100:
        raise ValidationError(M("cases.close.retention_range", "De bewaartermijn moet tussen 1 en 100 jaar liggen."),
                              field="retention_years")
    day = closed_on or context.today()
    watch = _date(watch_until, N_("Nazorg tot"), "watch_until", future=True)
    if watch is not None and watch < day:
        raise ValidationError(M("cases.close.watch_before_close", "De nazorgdatum ligt vóór de datum van afsluiten."),
                              field="watch_until")
    if open_actions is not None and open_actions not in OPEN_ACTION_CHOICES:
        raise ValidationError(M("cases.close.choose_open_actions", "Kies wat er met de open acties gebeurt."),
                              field="open_actions")
    still_open = _open_action_rows(case)
    if still_open and open_actions is None:
        count = len(open_actions_of(case))
        raise RuleError(Mn(
            "cases.close.open_actions",
            "Er staat nog {n} open actie in het plan van aanpak. Kies of die vervalt of open "
            "blijft staan.",
            "Er staan nog {n} open acties in het plan van aanpak. Kies of ze vervallen of open "
            "blijven staan.", n=text.Number(count)), field="open_actions")
    step = _check_afschaling(case, afschaling, day) if afschaling is not None else None
    with db.atomic():
        if step is not None:
            from zvh_tui.services.cases import escalation  # escalation imports this module

            escalation.apply_change(case, step)
        old = case.phase
        case.phase = Phase.CLOSED.value
        case.closing_reason = clean
        case.closing_informed = who
        case.closed_on = day
        case.retention_end = retention_end_for(day, int(retention_years))
        case.watch_until = watch
        if open_actions == CANCEL_OPEN_ACTIONS:
            for action in still_open:
                action.status = ActionStatus.CANCELLED.value
                action.updated_at = utcnow()
                action.save()
                audit.record("update", case=case, object_type="action", object_id=action.id,
                             detail="status=cancelled (afsluiten)")  # i18n: audit code
        touch(case)
        audit.record("close", case=case, object_type="case", object_id=case.id, detail=f"{old}->closed")
    return case


def _check_afschaling(case: Case, afschaling: Afschaling, day: dt.date):
    from zvh_tui.services.cases import escalation  # escalation imports this module

    level = _coded(Level, afschaling.to_level or Level.CASE.value, "afschaling_to_level")
    ave = _coded(AvePhase, afschaling.to_ave or afschaling_ave(case), "afschaling_ave")
    order = [lv.value for lv in Level]
    if order.index(level.value) > order.index(case.level):
        raise ValidationError(M("cases.close.afschaling_up", "Afschalen gaat naar een lager niveau, niet hoger."),
                              field="afschaling_to_level")
    if int(ave.value) > int(case.ave_phase):
        raise ValidationError(
            M("cases.close.afschaling_ave_up", "Bij afschalen gaat de AVE-fase niet omhoog (nu {phase}).",
              phase=case.ave_phase), field="afschaling_ave")
    if level.value == case.level and ave.value == case.ave_phase:
        from zvh_tui.services.cases.ave import level_name  # ave imports this module

        raise ValidationError(M(
            "cases.close.afschaling_nothing",
            "De casus staat al op {level} met AVE-fase {phase}: er is niets af te "
            "schalen. Zet het vinkje uit of kies een lagere AVE-fase.",
            level=level_name(level), phase=ave.value), field="afschaling_ave")
    return escalation.check_change(case, to_level=level, to_ave=ave, trigger=afschaling.trigger,
                                   decided_by=afschaling.decided_by, decided_on=day,
                                   prefix="afschaling_")


def reopen_phase(case: Case) -> Phase:
    """Where a reopened case continues: after the furthest step it had reached."""
    if adopted_plan(case) is not None:
        return Phase.EXECUTION
    if director_of(case) is not None:
        return Phase.PLAN
    if case.triage_outcome == TriageOutcome.TAKE_ON.value:
        return Phase.ANALYSIS
    return Phase.TRIAGE if case.triage_outcome else Phase.REFERRAL


def reopen_case(case: Case, reason: str) -> Case:
    if case.phase != Phase.CLOSED.value:
        raise RuleError(M("cases.reopen.not_closed", "Alleen een afgesloten casus kan worden heropend."))
    clean = text.block(reason, N_("Reden van heropenen"), field="reopen_reason", required=True)
    from zvh_tui.services.cases import journal  # the reason goes into the journal

    with db.atomic():
        target = reopen_phase(case)
        case.phase = target.value
        case.closed_on = None
        case.retention_end = None
        case.watch_until = None
        case.closing_reason = ""
        case.closing_informed = ""
        touch(case)
        journal.add_entry(case, _("Heropend: {reason}").format(reason=clean), hat="procesregie")  # i18n: the hat's stored code
        audit.record("reopen", case=case, object_type="case", object_id=case.id, detail=target.value)
    return case


