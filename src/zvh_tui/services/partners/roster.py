"""The partner roster: organisations (ketenpartners) and their contact persons.

A partner referenced by any case is deactivated, never deleted, and stays readable there.
"""

from __future__ import annotations

from peewee import IntegrityError, fn

from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.i18n import N_, M, Message, _
from zvh_tui.core.vocab import PartnerDomain
from zvh_tui.services.partners import matching
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import text, validate
from zvh_tui.services.shared.fold import fold
from zvh_tui.store.models import (
    Action,
    Agreement,
    Attendee,
    Case,
    Commitment,
    Contact,
    DirectorChange,
    ItemAttendance,
    ItemInvite,
    MeetingItem,
    MeetingNote,
    Participant,
    Partner,
    Perspective,
    Plan,
    Provision,
    db,
    utcnow,
)


def _domain(value: str | None) -> str:
    code = (value or PartnerDomain.OTHER.value).strip().lower()
    valid = {d.value for d in PartnerDomain}
    if code not in valid:
        raise ValidationError(
            M("partners.roster.domain", "Kies een domein: {choices}.",
              choices=", ".join(d.label for d in PartnerDomain)), field="domain"
        )
    return code


def check_domain(value: str | None) -> str:
    """The domain code for `value` (any case; empty means overig); raises ValidationError."""
    return _domain(value)


def get_partner(partner_id: int) -> Partner:
    partner = Partner.get_or_none(Partner.id == partner_id)
    if partner is None:
        raise NotFound(M("partners.roster.no_partner", "Deze partner bestaat niet (meer)."))
    return partner


def get_contact(contact_id: int) -> Contact:
    contact = Contact.get_or_none(Contact.id == contact_id)
    if contact is None:
        raise NotFound(M("partners.roster.no_contact", "Deze contactpersoon bestaat niet (meer)."))
    return contact


def contact_of(
    partner: Partner | None, contact_id: int, *, field: str = "contact",
    message: str | Message | None = None,
) -> Contact:
    """The contact `contact_id`, refused unless it exists and belongs to `partner`.

    The one check "this contact belongs to this partner" for every place that stores a
    partner with a contact person (participants, attendance, action owners, the referrer).
    With `partner` None only the contact's existence is checked (its own partner then counts).
    """
    contact = Contact.get_or_none(Contact.id == contact_id)
    if contact is None or (partner is not None and contact.partner_id != partner.id):
        raise ValidationError(message or M("partners.roster.contact_other_partner",
                                           "Deze contactpersoon hoort niet bij die partner."),
                              field=field)
    return contact


def own_partner() -> Partner | None:
    return Partner.get_or_none(Partner.is_own == True)  # noqa: E712


def _unique_name(name: str, exclude_id: int | None = None) -> None:
    # SQLite's lower() folds ASCII only: compare the exact name too, so a name that differs
    # from an existing one only in non-ASCII case is refused here, not by the UNIQUE index.
    query = Partner.select().where((Partner.name == name) | (fn.lower(Partner.name) == name.lower()))
    if exclude_id is not None:
        query = query.where(Partner.id != exclude_id)
    if query.exists():
        raise ValidationError(M("partners.roster.name_taken", "Er is al een partner met de naam '{name}'.",
                                name=name), field="name")


def create_partner(
    name: str, domain: str | None = None, convenant_signed: bool = False, notes: str = ""
) -> Partner:
    clean = text.line(name, _("Naam van de organisatie"), field="name", required=True)
    _unique_name(clean)
    with db.atomic():
        partner = Partner.create(
            name=clean,
            domain=_domain(domain),
            convenant_signed=bool(convenant_signed),
            notes=text.block(notes, _("Notities"), field="notes"),
        )
        audit.record("create", object_type="partner", object_id=partner.id)
    return partner


def update_partner(partner: Partner, **changes: object) -> Partner:
    clean: dict[str, object] = {}
    if "name" in changes:
        name = text.line(changes["name"], _("Naam van de organisatie"), field="name",
                         required=True)
        _unique_name(name, exclude_id=partner.id)
        clean["name"] = name
    if "domain" in changes:
        clean["domain"] = _domain(str(changes["domain"]))
    if "convenant_signed" in changes:
        clean["convenant_signed"] = bool(changes["convenant_signed"])
    if "notes" in changes:
        clean["notes"] = text.block(changes["notes"], _("Notities"), field="notes")
    for key, value in clean.items():
        setattr(partner, key, value)
    partner.updated_at = utcnow()
    with db.atomic():
        partner.save()
        audit.record(
            "update", object_type="partner", object_id=partner.id, detail=",".join(sorted(changes))
        )
    return partner


def is_referenced(partner: Partner) -> bool:
    """Does any case, plan, meeting or action refer to this partner?"""
    checks = [
        Participant.select().where(Participant.partner == partner),
        Case.select().where(Case.referrer_partner == partner),
        Action.select().where(Action.owner_partner == partner),
        Agreement.select().where(Agreement.partner == partner),
        Perspective.select().where(Perspective.partner == partner),
        Plan.select().where(Plan.director_partner == partner),
        Attendee.select().where(Attendee.partner == partner),
        MeetingItem.select().where(MeetingItem.director_partner == partner),
        DirectorChange.select().where(DirectorChange.partner == partner),
        # the meeting mode (schema v4): invited, at the table, committed, or the source of a note
        ItemInvite.select().where(ItemInvite.partner == partner),
        ItemAttendance.select().where(ItemAttendance.partner == partner),
        Commitment.select().where(Commitment.partner == partner),
        MeetingNote.select().where(MeetingNote.source_partner == partner),
        Provision.select().where(Provision.partner == partner),  # given something (schema v5)
    ]
    return any(query.exists() for query in checks)


def deactivate_partner(partner: Partner, active: bool = False) -> Partner:
    if partner.is_own and not active:
        raise RuleError(M("partners.roster.deactivate_own",
                          "Uw eigen organisatie kan niet worden gedeactiveerd."))
    partner.active = active
    partner.updated_at = utcnow()
    with db.atomic():
        partner.save()
        audit.record(
            "deactivate" if not active else "activate", object_type="partner", object_id=partner.id
        )
    return partner


def delete_partner(partner: Partner) -> None:
    """Delete a partner nobody refers to; otherwise refuse and point to deactivating."""
    if partner.is_own:
        raise RuleError(M("partners.roster.delete_own", "Uw eigen organisatie kan niet worden verwijderd."))
    refused = RuleError(M(
        "partners.roster.delete_referenced",
        "'{name}' komt voor in casussen, plannen of overleggen en kan daarom niet "
        "worden verwijderd. Deactiveer de partner: dan blijft hij leesbaar in die casussen.",
        name=partner.name))
    if is_referenced(partner):
        raise refused
    try:
        with db.atomic():
            Contact.delete().where(Contact.partner == partner).execute()
            audit.record("delete", object_type="partner", object_id=partner.id)
            partner.delete_instance()
    except IntegrityError:  # a reference is_referenced does not know of: the schema refuses (RESTRICT)
        raise refused from None


def _contact_fields(changes: dict[str, object]) -> dict[str, object]:
    clean: dict[str, object] = {}
    if "name" in changes:
        clean["name"] = text.line(changes["name"], _("Naam"), field="name", required=True)
    for key, label in (
        ("function", N_("Functie")),
        ("phone", N_("Telefoon")),
        ("email", N_("E-mail")),
        ("availability", N_("Bereikbaarheid")),
    ):
        if key in changes:
            clean[key] = text.line(changes[key], _(label), field=key)
    if clean.get("email"):
        clean["email"] = validate.email(clean["email"], field="email")
    return clean


def check_contact_fields(changes: dict[str, object]) -> dict[str, object]:
    """Validate contact fields (name, function, phone, email, availability) without storing."""
    return _contact_fields(changes)


def add_contact(partner: Partner, name: str, **fields: object) -> Contact:
    values = _contact_fields({"name": name, **fields})
    with db.atomic():
        contact = Contact.create(partner=partner, **values)
        audit.record("create", object_type="contact", object_id=contact.id)
    return contact


def update_contact(contact: Contact, **changes: object) -> Contact:
    values = _contact_fields(changes)
    for key, value in values.items():
        setattr(contact, key, value)
    if "active" in changes:
        contact.active = bool(changes["active"])
    contact.updated_at = utcnow()
    with db.atomic():
        contact.save()
        audit.record(
            "update", object_type="contact", object_id=contact.id, detail=",".join(sorted(changes))
        )
    return contact


def list_partners(
    query: str = "", domain: str | None = None, include_inactive: bool = False
) -> list[Partner]:
    """Partners whose name, or one of whose contacts' names, holds every word of the query
    (case and accents ignored, `matching.contains_words`), by name."""
    select = Partner.select()
    if not include_inactive:
        select = select.where(Partner.active == True)  # noqa: E712
    if domain:
        select = select.where(Partner.domain == domain)
    rows = list(select.order_by(fn.lower(Partner.name)))
    words = matching.query_words(query)
    if not words:
        return rows
    # the roster is small (hundreds of partners): match in memory, where folding works
    contact_names: dict[int, list[str]] = {}
    for partner_id, name in Contact.select(Contact.partner, Contact.name).tuples():
        contact_names.setdefault(partner_id, []).append(fold(name))
    return [p for p in rows
            if matching.contains_words(words, fold(p.name), *contact_names.get(p.id, []))]


def contacts_of(partner: Partner, include_inactive: bool = False) -> list[Contact]:
    select = Contact.select().where(Contact.partner == partner)
    if not include_inactive:
        select = select.where(Contact.active == True)  # noqa: E712
    return list(select.order_by(fn.lower(Contact.name)))
