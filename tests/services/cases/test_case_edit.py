"""The case after intake (issue 15.1): every field of the aanmelding can be changed, persons are
added, changed and removed with a reason, informed or not per betrokkene with the signal per
person; every change an audit event about the case or the person, with codes and no names."""

from __future__ import annotations

import datetime as dt

import pytest

from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.vocab import ParticipantRole
from zvh_tui.services.cases import case_list, persons, referral
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.store.models import AuditEvent, Case, CasePerson, CaseSearch, JournalEntry, Person

TODAY = dt.date(2026, 11, 23)
NAMES = ("Jan Jansen", "Mira Jansen", "Mieke de Moeder", "Vincent Vader", "Buurvrouw Bep")


def _found(query: str) -> set[int]:
    return {row.rowid for row in CaseSearch.select(CaseSearch.rowid).where(CaseSearch.match(query))}


def _events(case: Case, after: int = 0) -> list[AuditEvent]:
    return list(AuditEvent.select().where((AuditEvent.case_id == case.id) & (AuditEvent.id > after))
                .order_by(AuditEvent.id))


def _last_id() -> int:
    return AuditEvent.select().order_by(AuditEvent.id.desc()).first().id


def _no_names_in_audit() -> None:
    for event in AuditEvent.select():
        row = " ".join(str(v) for v in event.__data__.values())
        for name in NAMES:
            assert name not in row, (name, event.detail)


def _edit(case: Case, **changes: object) -> list[str]:
    data = referral.referral_of(Case.get_by_id(case.id))
    for key, value in changes.items():
        setattr(data, key, value)
    return referral.edit_referral(Case.get_by_id(case.id), data)


# -- the aanmelding ----------------------------------------------------------------------------

def test_every_field_of_the_aanmelding_can_be_changed(build) -> None:
    case = build.new_case("Jan Jansen", reason="Overlast")
    police = build.partner("Politie Zuid", domain="straf")
    agent = partners.add_contact(police, "Wim Wijkagent")
    before = _last_id()
    changed = _edit(case, title="Familie J.", reason="Huiselijk geweld", referral_goal="Veiligheid thuis",
                    received_on="20-11-2026", referrer_partner_id=police.id, referrer_contact_id=agent.id,
                    referrer_citizen="Buurvrouw Bep")
    assert changed == ["title", "reason", "referral_goal", "received_on", "referrer_partner_id",
                       "referrer_contact_id", "referrer_citizen", "on_behalf_partner_id"]  # namens follows
    stored = Case.get_by_id(case.id)
    assert (stored.title, stored.reason, stored.referral_goal, stored.received_on,
            stored.referrer_partner_id, stored.referrer_contact_id, stored.referrer_citizen) == (
        "Familie J.", "Huiselijk geweld", "Veiligheid thuis", dt.date(2026, 11, 20), police.id, agent.id,
        "Buurvrouw Bep")
    assert _found("huiselijk") == {case.id} and _found("overlast") == set()  # the index follows
    case_events = [e for e in _events(case, before) if e.object_type == "case"]
    assert [(e.event, e.object_id, e.detail) for e in case_events] == [
        ("update", case.id, ",".join(changed))]
    _no_names_in_audit()


def test_a_new_aanmelder_sits_at_the_table_and_the_old_one_stays_as_deelnemer(build) -> None:
    case = build.new_case()
    old = case.referrer_partner_id
    police = build.partner("Politie Zuid", domain="straf")
    _edit(case, referrer_partner_id=police.id)
    roles = {p.partner_id: p.role for p in participants.participants_of(case)}
    assert roles == {old: ParticipantRole.MEMBER.value, police.id: ParticipantRole.REFERRER.value}
    _edit(case, referrer_partner_id=old)  # back: the one at the table becomes aanmelder again
    roles = {p.partner_id: p.role for p in participants.participants_of(case)}
    assert roles == {old: ParticipantRole.REFERRER.value, police.id: ParticipantRole.MEMBER.value}
    _edit(case, referrer_partner_id=None, referrer_citizen="een buurman")  # a citizen now
    assert {p.role for p in participants.participants_of(case)} == {ParticipantRole.MEMBER.value}


def test_namens_follows_a_corrected_aanmelder_but_not_after_a_handover(build) -> None:
    """The house works on behalf of the aanmelder: correcting the aanmelder moves "namens" with
    it (a citizen's melding: the own house), and the audit event names the field; a case handed
    over to another partner keeps that partner."""
    from zvh_tui.services.cases import namens

    case = build.new_case()
    first = case.referrer_partner_id
    police = build.partner("Politie Zuid", domain="straf")
    assert "on_behalf_partner_id" in _edit(case, referrer_partner_id=police.id)
    assert Case.get_by_id(case.id).on_behalf_partner_id == police.id
    assert _events(case)[-1].on_behalf_of == "Politie Zuid"
    _edit(case, referrer_partner_id=None, referrer_citizen="een buurman")
    assert Case.get_by_id(case.id).on_behalf_partner_id == build.own().id
    _edit(case, referrer_partner_id=first, referrer_citizen="")
    assert Case.get_by_id(case.id).on_behalf_partner_id == first
    ggz = build.partner("GGZ Zuid")
    namens.hand_over(Case.get_by_id(case.id), ggz.id, "GGZ neemt de casus over")
    assert "on_behalf_partner_id" not in _edit(case, referrer_partner_id=police.id)
    assert Case.get_by_id(case.id).on_behalf_partner_id == ggz.id


def test_the_casusregisseur_keeps_its_role_when_it_becomes_aanmelder(build) -> None:
    case = build.new_case()
    ggz = build.partner("GGZ")
    participants.set_director(case, ggz.id)
    _edit(case, referrer_partner_id=ggz.id)
    assert cases.director_of(case).partner_id == ggz.id


@pytest.mark.parametrize(
    ("changes", "fragment", "field"),
    [
        ({"reason": "  "}, "Aanleiding is verplicht", "reason"),
        ({"received_on": "morgen"}, "aanmelding ligt in de toekomst", "received_on"),
        ({"received_on": ""}, "Vul de datum van aanmelding in", "received_on"),
        ({"received_on": "32-13"}, "is geen datum", "received_on"),
        ({"referrer_partner_id": None}, "Wie meldt de casus aan", "referrer"),
        ({"referrer_partner_id": 99999}, "aanmelder bestaat niet", "referrer"),
        ({"title": "x" * 201}, "Naam of alias", "title"),
    ],
)
def test_aanmelding_refusals_in_dutch_at_their_field(build, changes, fragment, field) -> None:
    case = build.new_case(reason="Overlast")
    before = _last_id()
    with pytest.raises(ValidationError) as info:
        _edit(case, **changes)
    assert fragment in str(info.value) and info.value.field == field
    assert Case.get_by_id(case.id).reason == "Overlast"
    assert _events(case, before) == []


def test_a_contact_of_another_partner_and_a_deactivated_partner_are_refused(build) -> None:
    case = build.new_case()
    police = build.partner("Politie Zuid", domain="straf")
    other = partners.add_contact(build.partner("GGZ"), "Dr. Test")
    with pytest.raises(ValidationError, match="hoort niet bij de aanmelder"):
        _edit(case, referrer_partner_id=police.id, referrer_contact_id=other.id)
    partners.deactivate_partner(police)
    with pytest.raises(ValidationError, match="gedeactiveerd"):
        _edit(case, referrer_partner_id=police.id)


def test_empty_alias_is_the_first_persons_name_and_nothing_changed_writes_nothing(build) -> None:
    case = build.new_case("Jan Jansen")
    before = _last_id()
    assert _edit(case) == []
    assert _events(case, before) == []
    _edit(case, title="Alias")
    assert _edit(case, title="") == ["title"]
    assert Case.get_by_id(case.id).title == "Jan Jansen"


def test_a_closed_case_is_reopened_before_its_aanmelding_changes(build) -> None:
    case = build.new_case()
    cases.close_case(case, "Klaar", retention_years=15)
    with pytest.raises(RuleError, match="heropen"):
        _edit(case, reason="Anders")
    with pytest.raises(RuleError, match="heropen"):
        persons.add_person(Case.get_by_id(case.id), cases.NewPerson(name="Mira Jansen"))


# -- the persons -------------------------------------------------------------------------------

def test_add_a_person_with_address_role_and_informed_status(build) -> None:
    case = build.new_case("Jan Jansen")
    before = _last_id()
    person = persons.add_person(case, cases.NewPerson(
        name="Mira Jansen", date_of_birth="02-03-2012", address="Dorpsstraat 1, Testdorp", role="child",
        informed=False, not_informed_reason="Te jong", informed_review_on="+3m"))
    link = persons.link_of(case, person.id)
    assert (link.person.name, link.person.date_of_birth, link.person.address, link.role, link.position) == (
        "Mira Jansen", dt.date(2012, 3, 2), "Dorpsstraat 1, Testdorp", "child", 1)
    assert (link.informed, link.not_informed_reason) == (False, "Te jong")
    assert _found("mira*") == {case.id}
    [event] = _events(case, before)
    assert (event.object_type, event.object_id, event.person_id, event.detail) == (
        "person", person.id, person.id, "add,informed=no")
    _no_names_in_audit()


def test_add_a_person_refusals_name_their_dialog_field(build) -> None:
    case = build.new_case()
    with pytest.raises(ValidationError) as info:
        persons.add_person(case, cases.NewPerson(name=" "))
    assert info.value.field == "name" and "verplicht" in str(info.value)
    with pytest.raises(ValidationError) as info:
        persons.add_person(case, cases.NewPerson(name="Mira", date_of_birth="morgen"))
    assert info.value.field == "date_of_birth"
    with pytest.raises(ValidationError) as info:
        persons.add_person(case, cases.NewPerson(name="Mira", informed=False))
    assert info.value.field == "not_informed_reason"
    assert len(persons.links_of(case)) == 1


def test_edit_name_date_of_birth_address_and_role(build) -> None:
    case = build.new_case("Jan Jansen")
    [link] = persons.links_of(case)
    before = _last_id()
    persons.update_person(case, link.person_id, name="Vincent Vader", date_of_birth="01-02-1979",
                          address="Kerkstraat 5, Testdorp", role="parent")
    [link] = persons.links_of(case)
    assert (link.person.name, link.person.date_of_birth, link.person.address, link.role) == (
        "Vincent Vader", dt.date(1979, 2, 1), "Kerkstraat 5, Testdorp", "parent")
    assert _found("vincent*") == {case.id} and _found("jan*") == set()
    [event] = _events(case, before)
    assert (event.object_type, event.object_id, event.detail) == (
        "person", link.person_id, "address,date_of_birth,name,role,title")
    persons.update_person(case, link.person_id, name="Vincent Vader")  # unchanged: no event
    assert len(_events(case, before)) == 1
    _no_names_in_audit()


@pytest.mark.parametrize(
    ("changes", "fragment", "field"),
    [
        ({"name": ""}, "Naam is verplicht", "name"),
        ({"date_of_birth": "+1d"}, "geboortedatum ligt in de toekomst", "date_of_birth"),
        ({"date_of_birth": "gisteravond laat"}, "is geen datum", "date_of_birth"),
        ({"address": "a" * 301}, "Adres", "address"),
        ({"role": "oom"}, "rol van de betrokkene", "role"),
        ({"notes": "x"}, "kan hier niet worden gewijzigd", "notes"),
    ],
)
def test_edit_person_refusals(build, changes, fragment, field) -> None:
    case = build.new_case("Jan Jansen")
    [link] = persons.links_of(case)
    with pytest.raises(ValidationError) as info:
        persons.update_person(case, link.person_id, **changes)
    assert fragment in str(info.value) and info.value.field == field
    assert Person.get_by_id(link.person_id).name == "Jan Jansen"


def test_remove_a_person_needs_a_reason_and_writes_it_in_the_journal(build) -> None:
    case = build.new_case("Jan Jansen")
    mira = persons.add_person(case, cases.NewPerson(name="Mira Jansen", role="child"))
    with pytest.raises(ValidationError, match="Reden is verplicht") as info:
        persons.remove_person(case, mira.id, "  ")
    assert info.value.field == "remove_reason"
    assert len(persons.links_of(case)) == 2
    before = _last_id()
    persons.remove_person(case, mira.id, "Woont niet meer in het gezin")
    assert [link.person.name for link in persons.links_of(case)] == ["Jan Jansen"]
    assert Person.get_or_none(Person.id == mira.id) is None  # in no other case: gone
    assert _found("mira*") == set()
    entry = JournalEntry.select().where(JournalEntry.case == case).order_by(JournalEntry.id.desc()).get()
    assert entry.text == "Betrokkene Mira Jansen (kind) uit de casus gehaald: Woont niet meer in het gezin"
    person_events = [e for e in _events(case, before) if e.object_type == "person"]
    assert [(e.object_id, e.detail) for e in person_events] == [(mira.id, "remove")]
    with pytest.raises(NotFound):
        persons.remove_person(case, mira.id, "nogmaals")
    _no_names_in_audit()


def test_the_last_person_stays_and_a_person_of_two_cases_keeps_their_row(build) -> None:
    case = build.new_case("Jan Jansen")
    [link] = persons.links_of(case)
    with pytest.raises(RuleError, match="enige betrokkene"):
        persons.remove_person(case, link.person_id, "vergissing")
    other = build.new_case("Mira Jansen")
    CasePerson.create(case=other, person=link.person_id, position=1)
    persons.remove_person(other, link.person_id, "hoort niet in deze casus")
    assert Person.get_or_none(Person.id == link.person_id) is not None


# -- informed per betrokkene -------------------------------------------------------------------

def test_mother_informed_father_not(build) -> None:
    case = build.new_case("Mieke de Moeder")
    [mother] = persons.links_of(case)
    father = persons.add_person(case, cases.NewPerson(name="Vincent Vader", role="parent"))
    before = _last_id()
    persons.set_informed(case, father.id, False, "Strafrechtelijk onderzoek loopt", "+6w")
    links = {link.person.name: link for link in persons.links_of(case)}
    assert links["Mieke de Moeder"].informed is True
    dad = links["Vincent Vader"]
    assert (dad.informed, dad.not_informed_reason, dad.informed_review_on) == (
        False, "Strafrechtelijk onderzoek loopt", TODAY + dt.timedelta(weeks=6))
    [event] = _events(case, before)
    assert (event.object_type, event.object_id, event.detail) == ("person", father.id, "informed=no")
    persons.set_informed(case, father.id, True)  # informed now: reason and date go
    dad = persons.link_of(case, father.id)
    assert (dad.informed, dad.not_informed_reason, dad.informed_review_on) == (True, "", None)
    assert _events(case, before)[-1].detail == "informed=yes"
    assert persons.link_of(case, mother.person_id).informed is True
    _no_names_in_audit()


@pytest.mark.parametrize(
    ("reason", "review", "fragment", "field"),
    [
        ("", "+2w", "Waarom is de betrokkene niet geïnformeerd", "not_informed_reason"),
        ("Onderzoek", "", "Vul een heroverweegdatum in", "informed_review_on"),
        ("Onderzoek", "gisteren", "ligt in het verleden", "informed_review_on"),
        ("Onderzoek", "vrijdag de dertiende", "is geen datum", "informed_review_on"),
    ],
)
def test_not_informed_needs_a_reason_and_a_review_date_from_today(build, reason, review, fragment, field) -> None:
    case = build.new_case()
    [link] = persons.links_of(case)
    with pytest.raises(ValidationError) as info:
        persons.set_informed(case, link.person_id, False, reason, review)
    assert fragment in str(info.value) and info.value.field == field
    assert persons.link_of(case, link.person_id).informed is True


def test_heroverweeg_informeren_is_per_person_and_clears_when_reconsidered(build) -> None:
    case = build.new_case("Mieke de Moeder")
    father = persons.add_person(case, cases.NewPerson(name="Vincent Vader", role="parent"))
    persons.set_informed(case, father.id, False, "Onderzoek", "+1w")

    def signalled() -> bool:
        [row] = [r for r in case_list.load_rows() if r.id == case.id]
        return "heroverweeg informeren" in row.badges

    assert not signalled() and persons.due_links(case) == []
    later = TODAY + dt.timedelta(weeks=2)
    [due] = persons.due_links(case, later)
    assert due.person_id == father.id
    assert not persons.review_due(persons.links_of(case)[0], later)  # the mother: informed
    from zvh_tui.services.shared import context

    context.set_today(later)
    assert signalled()
    persons.set_informed(case, father.id, False, "Onderzoek loopt nog", "+4w")  # a new date
    assert not signalled()
