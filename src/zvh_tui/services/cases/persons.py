"""The betrokkenen of a case after the aanmelding: add, change, remove with a reason, and
informed or not per betrokkene (schema v6: `CasePerson.informed`, not per case).

A person not informed has a reason and a review date ("heroverwegen op"); once that date has
passed, the case list's signal "heroverweeg informeren" is on for that person
(`review_due`) until the regisseur informs the person or sets a new date. Every change is
an audit event about the person (object `person`, the person's id), with the names of the
changed fields or a code as detail, never a name or a reason.
"""

from __future__ import annotations

import datetime as dt

from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.i18n import N_, M, Message, _
from zvh_tui.core.vocab import Hat, PersonRole, Phase
from zvh_tui.services.cases import journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context, dates, text
from zvh_tui.store import ids
from zvh_tui.store.models import Case, CasePerson, Person, db

REASON_MISSING = M("cases.persons.reason_missing",
                   "Waarom is de betrokkene niet geïnformeerd? Vul de reden in.")
REVIEW_MISSING = M("cases.persons.review_missing",
                   "Tot wanneer wordt de betrokkene niet geïnformeerd? Vul een heroverweegdatum in.")
REVIEW_PASSED = M("cases.persons.review_passed",
                  "De heroverweegdatum ligt in het verleden. Kies een nieuwe datum (vanaf vandaag) "
                  "waarop u opnieuw bekijkt of de betrokkene kan worden geïnformeerd.")


def review_due(link: CasePerson, today: dt.date | None = None) -> bool:
    """The signal "heroverweeg informeren": not informed, and the review date has passed."""
    day = today or context.today()
    return (not link.informed) and link.informed_review_on is not None and link.informed_review_on < day


def clean_informed(
    informed: bool,
    reason: str,
    review: str | dt.date | None,
    *,
    index: int | None = None,
    shared_reason: str = "",
    shared_review: dt.date | None = None,
    not_past: bool = False,
) -> dict[str, object]:
    """Check one person's informed answer; return the link's three values.

    Not informed needs a reason and a review date: the person's own, or else the aanmelding's
    shared ones (`shared_*`, the new-case form asks them once). With `not_past` (a change in
    the dossier) the review date may not lie before today: reconsidering means a new date.
    """
    if informed:  # what was typed for "nee" does not count (and is not checked)
        return {"informed": True, "not_informed_reason": "", "informed_review_on": None}
    prefix = f"person{index}." if index is not None else ""  # a person's own fields in a form
    own_reason = text.block(reason, N_("Reden niet geïnformeerd"), field=f"{prefix}not_informed_reason")
    own_review = review if isinstance(review, dt.date) or review is None else dates.parse_date(
        review, label=N_("Heroverweegdatum"), field=f"{prefix}informed_review_on", future=True)
    clean_reason = own_reason or shared_reason
    clean_review = own_review or shared_review
    if not clean_reason:
        raise ValidationError(REASON_MISSING, field="not_informed_reason")
    if clean_review is None:
        raise ValidationError(REVIEW_MISSING, field="informed_review_on")
    if not_past and clean_review < context.today():
        raise ValidationError(REVIEW_PASSED, field="informed_review_on")
    return {"informed": False, "not_informed_reason": clean_reason, "informed_review_on": clean_review}


# -- reading -------------------------------------------------------------------------------------

def links_of(case: Case) -> list[CasePerson]:
    """The case's persons as their links (role, informed), each with its `person`, in order."""
    return list(
        CasePerson.select(CasePerson, Person)
        .join(Person)
        .where(CasePerson.case == case)
        .order_by(CasePerson.position, CasePerson.id)
    )


def link_of(case: Case, person_id: int) -> CasePerson:
    link = (
        CasePerson.select(CasePerson, Person)
        .join(Person)
        .where((CasePerson.case == case) & (CasePerson.person == person_id))
        .first()
    )
    if link is None:
        raise NotFound(M("cases.persons.not_in_case", "Deze betrokkene hoort niet (meer) bij deze casus."))
    return link


def due_links(case: Case, today: dt.date | None = None) -> list[CasePerson]:
    """The persons of the case whose informing is to be reconsidered now."""
    return [link for link in links_of(case) if review_due(link, today)]


# -- changing ------------------------------------------------------------------------------------

def _open(case: Case, refusal: Message) -> None:
    if case.phase == Phase.CLOSED.value:
        raise RuleError(refusal)


def _role(value: object, field: str = "role") -> str:
    role = str(value or PersonRole.CLIENT.value)
    if role not in {r.value for r in PersonRole}:
        raise ValidationError(M("cases.persons.choose_role", "Kies de rol van de betrokkene in het huishouden."),
                              field=field)
    return role


def _reindex_cases_of(person_id: int) -> None:
    """A person may belong to more than one case: each case's search entry follows."""
    for link in CasePerson.select(CasePerson.case).where(CasePerson.person == person_id):
        cases.reindex(Case.get_by_id(link.case_id))


def add_person(case: Case, person: cases.NewPerson) -> Person:
    """A betrokkene who turns up after the aanmelding: name, date of birth, address, role, and
    informed or not (default: informed)."""
    _open(case, M("cases.persons.closed_add",
                  "De casus is afgesloten; heropen hem om betrokkenen toe te voegen."))
    try:
        values = cases._clean_person(person, 0)
    except ValidationError as error:  # the dialog's fields are "name", "address", …
        error.field = (error.field or "").removeprefix("person0.") or None
        raise
    link = clean_informed(person.informed is not False, person.not_informed_reason,
                          person.informed_review_on, not_past=True)
    role = values.pop("role")
    with db.atomic():
        row = Person.create(id=ids.fresh_id(Person), **values)
        position = CasePerson.select().where(CasePerson.case == case).count()
        CasePerson.create(case=case, person=row, role=role, position=position, **link)
        cases.touch(case)
        cases.reindex(case)
        audit.record("update", case=case, person_id=row.id, object_type="person", object_id=row.id,
                     detail="add" if link["informed"] else "add,informed=no")
    return row


PERSON_FIELDS = ("name", "date_of_birth", "address", "role")


def update_person(case: Case, person_id: int, **changes: object) -> CasePerson:
    """Change a betrokkene's name, date of birth, address and/or role in the household.

    Everything is checked first; only changed fields are written, and only a real change is
    an audit event (detail: the changed fields' names)."""
    unknown = sorted(set(changes) - set(PERSON_FIELDS))
    if unknown:
        raise ValidationError(M("cases.update.not_editable", "Het veld '{field}' kan hier niet worden gewijzigd.",
                                field=unknown[0]), field=unknown[0])
    _open(case, M("cases.persons.closed_change",
                  "De casus is afgesloten; heropen hem om betrokkenen te wijzigen."))
    link = link_of(case, person_id)
    person = link.person
    clean: dict[str, object] = {}
    if "name" in changes:
        clean["name"] = text.line(changes["name"], N_("Naam"), field="name", required=True)
    if "date_of_birth" in changes:
        raw = changes["date_of_birth"]
        born = raw if isinstance(raw, dt.date) or raw is None else dates.parse_date(
            str(raw), label=N_("Geboortedatum"), field="date_of_birth")
        if born and born > context.today():
            raise ValidationError(M("cases.person.born_in_future", "De geboortedatum ligt in de toekomst."),
                                  field="date_of_birth")
        clean["date_of_birth"] = born
    if "address" in changes:
        clean["address"] = text.line(changes["address"], N_("Adres"), field="address", max_length=300)
    role = _role(changes["role"]) if "role" in changes else link.role
    changed = sorted(key for key, value in clean.items() if getattr(person, key) != value)
    if role != link.role:
        changed.append("role")
    if not changed:
        return link
    if "name" in changed and case.title == person.name:  # the alias was this name: it follows
        case.title = clean["name"]
        changed.append("title")
    with db.atomic():
        for key in changed:
            if key == "title":
                continue
            if key != "role":
                setattr(person, key, clean[key])
        person.save()
        if role != link.role:
            link.role = role
            link.save()
        cases.touch(case)
        if "name" in changed:
            _reindex_cases_of(person.id)
        audit.record("update", case=case, person_id=person.id, object_type="person", object_id=person.id,
                     detail=",".join(sorted(changed)))
    return link


def set_informed(
    case: Case,
    person_id: int,
    informed: bool,
    reason: str = "",
    review_on: str | dt.date | None = None,
) -> CasePerson:
    """Informed or not for one betrokkene. Not informed: a reason and a review date from today
    on are required (the date is when informing is reconsidered)."""
    _open(case, M("cases.persons.closed_informed", "De casus is afgesloten; heropen hem om dit te wijzigen."))
    link = link_of(case, person_id)
    values = clean_informed(bool(informed), reason, review_on, not_past=True)
    if all(getattr(link, key) == value for key, value in values.items()):
        return link
    with db.atomic():
        for key, value in values.items():
            setattr(link, key, value)
        link.save()
        cases.touch(case)
        audit.record("update", case=case, person_id=person_id, object_type="person", object_id=person_id,
                     detail="informed=yes" if values["informed"] else "informed=no")
    return link


def remove_person(case: Case, person_id: int, reason: str) -> None:
    """Take a betrokkene out of the case, with a reason (required; it goes into the journal).

    The link goes; the person's own row goes too when it belongs to no other case (nothing of
    them is kept outside a case, so retention can destroy it). The last betrokkene of a case
    stays: a case is about someone."""
    _open(case, M("cases.persons.closed_remove",
                  "De casus is afgesloten; heropen hem om betrokkenen te verwijderen."))
    clean = text.block(reason, N_("Reden"), field="remove_reason", required=True)
    link = link_of(case, person_id)
    if CasePerson.select().where(CasePerson.case == case).count() <= 1:
        raise RuleError(M("cases.persons.last_person",
                          "Dit is de enige betrokkene van de casus. Voeg eerst een andere betrokkene "
                          "toe; een casus gaat altijd over iemand."))
    person = link.person
    label = PersonRole(link.role).label if link.role in {r.value for r in PersonRole} else link.role
    with db.atomic():
        link.delete_instance()
        for position, other in enumerate(links_of(case)):  # no gap in the order
            if other.position != position:
                other.position = position
                other.save()
        if not CasePerson.select().where(CasePerson.person == person.id).exists():
            person.delete_instance()
        # the journal keeps why (the case's own record; names belong there, not in the audit)
        # written in the language the user works in: the journal is the user's own record
        journal.add_entry(case, _("Betrokkene {name} ({role}) uit de casus gehaald: {reason}").format(
                              name=person.name, role=label, reason=clean),
                          hat=Hat.PROCESS_DIRECTION.value)
        cases.touch(case)
        cases.reindex(case)
        audit.record("update", case=case, person_id=person_id, object_type="person", object_id=person_id,
                     detail="remove")
