"""Partners and contacts: unique names, domains, delete versus deactivate, search."""

from __future__ import annotations

import datetime as dt

import pytest

from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.services.meetings import live
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety import audit
from zvh_tui.store.models import (
    AuditEvent,
    Commitment,
    Contact,
    ItemAttendance,
    ItemInvite,
    Meeting,
    MeetingItem,
    MeetingNote,
    Participant,
    Partner,
)


def _names(rows: list[Partner]) -> list[str]:
    return [p.name for p in rows]


def test_create_partner_stores_fields(profile) -> None:
    partner = partners.create_partner("  Reclassering Nederland ", "STRAF", convenant_signed=True, notes="Regio Zuid")
    stored = Partner.get_by_id(partner.id)
    assert (stored.name, stored.domain, stored.convenant_signed, stored.notes) == (
        "Reclassering Nederland", "straf", True, "Regio Zuid",
    )
    assert stored.active is True and stored.is_own is False
    assert Partner.get_by_id(partners.create_partner("Halt").id).domain == "overig"


def test_partner_names_are_unique_case_insensitive(profile) -> None:
    first = partners.create_partner("Politie", "veiligheid")
    with pytest.raises(ValidationError, match="Er is al een partner met de naam 'politie'") as info:
        partners.create_partner("politie", "veiligheid")
    assert info.value.field == "name"
    with pytest.raises(ValidationError, match="Er is al een partner met de naam"):
        partners.create_partner(" POLITIE ")
    second = partners.create_partner("GGZ", "zorg")
    with pytest.raises(ValidationError, match="Er is al een partner met de naam 'Politie'"):
        partners.update_partner(second, name="Politie")
    partners.update_partner(first, name="POLITIE")  # its own name in other capitals is fine
    assert _names(partners.list_partners(include_inactive=True)) == ["GGZ", "POLITIE", "Zorg- en Veiligheidshuis"]


def test_partner_name_required(profile) -> None:
    with pytest.raises(ValidationError, match="Naam van de organisatie is verplicht"):
        partners.create_partner("  ")


@pytest.mark.parametrize("domain", ["justitie", "police", "zorg;drop"])
def test_partner_domain_must_be_known(profile, domain) -> None:
    with pytest.raises(ValidationError, match="Kies een domein: straf, zorg, gemeente") as info:
        partners.create_partner("Iemand", domain)
    assert info.value.field == "domain"
    assert not Partner.select().where(Partner.name == "Iemand").exists()


def test_update_partner_domain_validated(profile) -> None:
    partner = partners.create_partner("Woonbron", "wonen")
    with pytest.raises(ValidationError, match="Kies een domein"):
        partners.update_partner(partner, domain="huisvesting")
    partners.update_partner(Partner.get_by_id(partner.id), domain="gemeente", convenant_signed=True)
    stored = Partner.get_by_id(partner.id)
    assert (stored.domain, stored.convenant_signed) == ("gemeente", True)


# -- delete versus deactivate -------------------------------------------------------------

def _as_participant(build, partner: Partner) -> None:
    case = build.new_case(referrer_citizen="Buurvrouw")
    participants.add_participant(case, partner.id)


def _as_action_owner(build, partner: Partner) -> None:
    case = build.new_case(referrer_citizen="Buurvrouw")
    plan = plans.start_plan(case)
    plans.add_action(plan, "Huisbezoek", owner_partner_id=partner.id)


def _as_referrer(build, partner: Partner) -> None:
    case = build.new_case(referrer=partner)
    # only the case's referrer field remains: the participant row is taken away underneath
    Participant.delete().where(Participant.case == case).execute()


def _as_agreement_partner(build, partner: Partner) -> None:
    plan = plans.start_plan(build.new_case(referrer_citizen="Buurvrouw"))
    plans.add_agreement(plan, "Belt bij incidenten", partner_id=partner.id)


def _as_attendee(build, partner: Partner) -> None:
    meeting = meetings.create_meeting("MDO", dt.date(2026, 11, 20))
    item = meetings.add_item(meeting, build.new_case(referrer_citizen="Buurvrouw"))
    live.mark(item, partner.id)


def _item(build) -> MeetingItem:
    """An agenda item written with the models (the meeting services are being rebuilt)."""
    meeting = Meeting.create(kind="MDO", held_on=dt.date(2026, 11, 20))
    return MeetingItem.create(meeting=meeting, case=build.new_case(referrer_citizen="Buurvrouw"))


def _as_invitee(build, partner: Partner) -> None:
    ItemInvite.create(item=_item(build), partner=partner)


def _as_item_attendant(build, partner: Partner) -> None:
    ItemAttendance.create(item=_item(build), partner=partner)


def _as_committed(build, partner: Partner) -> None:
    Commitment.create(item=_item(build), partner=partner)


def _as_note_source(build, partner: Partner) -> None:
    MeetingNote.create(item=_item(build), tag="beeld", text="Zorgen", source_partner=partner)


MEETING_MODE_REFERENCES = [_as_invitee, _as_item_attendant, _as_committed, _as_note_source]


@pytest.mark.parametrize(
    "refer", [_as_participant, _as_action_owner, _as_referrer, _as_agreement_partner, _as_attendee,
              *MEETING_MODE_REFERENCES]
)
def test_delete_refused_when_referenced(build, refer) -> None:
    partner = build.partner("Veilig Thuis")
    refer(build, partner)
    assert partners.is_referenced(partner)
    with pytest.raises(RuleError) as info:
        partners.delete_partner(partner)
    message = str(info.value)
    assert "'Veilig Thuis' komt voor in casussen" in message
    assert "Deactiveer de partner" in message
    assert Partner.get_or_none(Partner.id == partner.id) is not None


@pytest.mark.parametrize("refer", MEETING_MODE_REFERENCES)
def test_a_reference_the_check_misses_is_still_refused_in_dutch(build, refer, monkeypatch) -> None:
    """Should a later table refer to a partner and `is_referenced` not know it yet, the schema's
    RESTRICT refuses and the user reads the same Dutch message, never an IntegrityError."""
    partner = build.partner("Veilig Thuis")
    contact = partners.add_contact(partner, "Eva de Boer")
    refer(build, partner)
    monkeypatch.setattr(partners, "is_referenced", lambda _partner: False)
    events = AuditEvent.select().count()
    with pytest.raises(RuleError, match="'Veilig Thuis' komt voor in casussen.*Deactiveer de partner"):
        partners.delete_partner(partner)
    assert Partner.get_or_none(Partner.id == partner.id) is not None
    assert Contact.get_or_none(Contact.id == contact.id) is not None  # rolled back with it
    assert AuditEvent.select().count() == events  # no 'delete' event for what did not happen
    deactivated = partners.deactivate_partner(Partner.get_by_id(partner.id))
    assert Partner.get_by_id(deactivated.id).active is False


def test_delete_unreferenced_partner_removes_its_contacts(build) -> None:
    partner = build.partner("Schuldhulp")
    partners.add_contact(partner, "Eva de Boer", email="eva@schuldhulp.nl")
    partners.add_contact(partner, "Tom Smit")
    keep = build.partner("Halt")
    kept_contact = partners.add_contact(keep, "Ali Yilmaz")
    assert not partners.is_referenced(partner)
    partners.delete_partner(partner)
    assert Partner.get_or_none(Partner.id == partner.id) is None
    assert Contact.select().where(Contact.partner == partner.id).count() == 0
    assert Contact.get_by_id(kept_contact.id).name == "Ali Yilmaz"
    last = AuditEvent.select().order_by(AuditEvent.id.desc()).first()
    assert (last.event, last.object_type, last.object_id) == ("delete", "partner", partner.id)
    with pytest.raises(NotFound, match="bestaat niet"):
        partners.get_partner(partner.id)


def test_deactivated_partner_stays_readable_in_a_case(build) -> None:
    partner = build.partner("GGZ Breburg")
    case = build.new_case(referrer=partner)
    partners.deactivate_partner(partner)
    assert Partner.get_by_id(partner.id).active is False
    [row] = participants.participants_of(case)
    assert row.partner.name == "GGZ Breburg"
    assert "GGZ Breburg" not in _names(partners.list_partners())
    assert "GGZ Breburg" in _names(partners.list_partners(include_inactive=True))
    partners.deactivate_partner(Partner.get_by_id(partner.id), active=True)
    assert "GGZ Breburg" in _names(partners.list_partners())


def test_own_partner_cannot_be_deactivated_or_deleted(build) -> None:
    own = build.own()
    with pytest.raises(RuleError, match="eigen organisatie kan niet worden gedeactiveerd"):
        partners.deactivate_partner(own)
    with pytest.raises(RuleError, match="eigen organisatie kan niet worden verwijderd"):
        partners.delete_partner(own)
    stored = Partner.get_by_id(own.id)
    assert stored.active is True and stored.is_own is True
    assert partners.own_partner().id == own.id


# -- contacts -----------------------------------------------------------------------------

def test_add_contact_stores_fields(build) -> None:
    partner = build.partner("Politie")
    contact = partners.add_contact(
        partner, "Wijkagent Bakker", function="wijkagent", phone="06-12345678",
        email="bakker@politie.nl", availability="ma-do",
    )
    stored = Contact.get_by_id(contact.id)
    assert (stored.name, stored.function, stored.phone, stored.email, stored.availability) == (
        "Wijkagent Bakker", "wijkagent", "06-12345678", "bakker@politie.nl", "ma-do",
    )
    assert partners.contacts_of(partner) == [stored]


@pytest.mark.parametrize("email", ["bakker.politie.nl", "bak ker@politie.nl"])
def test_contact_email_is_checked(build, email) -> None:
    partner = build.partner("Politie")
    with pytest.raises(ValidationError, match="e-mailadres klopt niet") as info:
        partners.add_contact(partner, "Bakker", email=email)
    assert info.value.field == "email"
    assert Contact.select().count() == 0


def test_update_contact_checks_email_and_name(build) -> None:
    contact = partners.add_contact(build.partner("Politie"), "Bakker", email="b@politie.nl")
    with pytest.raises(ValidationError, match="e-mailadres klopt niet"):
        partners.update_contact(contact, email="geen-adres")
    with pytest.raises(ValidationError, match="Naam is verplicht"):
        partners.update_contact(Contact.get_by_id(contact.id), name="")
    partners.update_contact(Contact.get_by_id(contact.id), email="", active=False)
    stored = Contact.get_by_id(contact.id)
    assert (stored.name, stored.email, stored.active) == ("Bakker", "", False)
    assert partners.contacts_of(stored.partner) == []
    assert partners.contacts_of(stored.partner, include_inactive=True) == [stored]


def test_contact_name_required(build) -> None:
    with pytest.raises(ValidationError, match="Naam is verplicht"):
        partners.add_contact(build.partner("Politie"), " ")


# -- the roster list ----------------------------------------------------------------------

@pytest.fixture
def roster(build):
    police = build.partner("Politie Zeeland", domain="veiligheid")
    partners.add_contact(police, "Wijkagent Bakker")
    ggz = build.partner("GGZ Westelijk", domain="zorg")
    partners.add_contact(ggz, "Dr. Jansen")
    wijk = build.partner("Wijkteam Oost", domain="gemeente")
    old = build.partner("Oude Stichting", domain="zorg")
    partners.deactivate_partner(old)
    return {"police": police, "ggz": ggz, "wijk": wijk, "old": old}


def test_list_partners_searches_partner_and_contact_names(roster) -> None:
    assert _names(partners.list_partners("wijk")) == ["Politie Zeeland", "Wijkteam Oost"]  # contact, name
    assert _names(partners.list_partners("JANSEN")) == ["GGZ Westelijk"]
    assert _names(partners.list_partners("zeeland")) == ["Politie Zeeland"]
    assert _names(partners.list_partners("nergens")) == []


def test_list_partners_filters_by_domain_and_inactive(roster) -> None:
    assert _names(partners.list_partners(domain="zorg")) == ["GGZ Westelijk"]
    assert _names(partners.list_partners(domain="zorg", include_inactive=True)) == ["GGZ Westelijk", "Oude Stichting"]
    assert _names(partners.list_partners()) == [
        "GGZ Westelijk", "Politie Zeeland", "Wijkteam Oost", "Zorg- en Veiligheidshuis",
    ]
    assert _names(partners.list_partners("stichting")) == []
    assert _names(partners.list_partners("stichting", include_inactive=True)) == ["Oude Stichting"]


def test_partner_changes_are_audited_without_names(roster) -> None:
    events = [e for e in AuditEvent.select() if e.object_type in ("partner", "contact")]
    assert {e.event for e in events} >= {"create", "deactivate"}
    assert audit.verify_chain().ok
    for event in events:
        assert "Politie" not in f"{event.detail}{event.case_ref}{event.on_behalf_of}"


def test_delete_refused_for_a_former_casusregisseur(build) -> None:
    case = build.new_case()
    former, current = build.partner("GGZ"), build.partner("Politie")
    participants.set_director(case, former.id)
    participants.set_director(case, current.id)
    participants.remove_participant(Participant.get((Participant.case == case) & (Participant.partner == former)))
    with pytest.raises(RuleError, match="Deactiveer de partner"):
        partners.delete_partner(former)


def test_contact_of_is_the_one_check_that_a_contact_belongs_to_a_partner(profile) -> None:
    police = partners.create_partner("Politie Oost", "veiligheid")
    care = partners.create_partner("GGZ Oost", "zorg")
    agent = partners.add_contact(police, "Agent Bakker")
    assert partners.contact_of(police, agent.id).name == "Agent Bakker"
    assert partners.contact_of(None, agent.id).partner_id == police.id  # only that it exists
    with pytest.raises(ValidationError, match="^Deze contactpersoon hoort niet bij die partner.$") as info:
        partners.contact_of(care, agent.id)
    assert info.value.field == "contact"
    with pytest.raises(ValidationError, match="hoort niet bij de aanmelder") as info:
        partners.contact_of(care, agent.id + 999, field="referrer_contact",
                            message="Deze contactpersoon hoort niet bij de aanmelder.")
    assert info.value.field == "referrer_contact"
