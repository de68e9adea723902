"""Cases: the aanmelding, references, the phases with each blocker, closing, reopening, search."""

from __future__ import annotations

import datetime as dt

import pytest

from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.vocab import CheckStatus, ParticipantRole, Phase, TriageOutcome
from zvh_tui.services.cases import journal
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety import audit
from zvh_tui.services.shared import context
from zvh_tui.store.models import Case, CasePerson, CaseSearch, JournalEntry, Person

TODAY = dt.date(2026, 11, 23)


def _data(build, **overrides):
    referrer = build.partner("Politie Eenheid Zuid", domain="veiligheid")
    values = {
        "persons": [cases.NewPerson(name="Jan Jansen", date_of_birth="17-05-1980")],
        "referrer_partner_id": referrer.id,
        "reason": "Overlast in de buurt",
    }
    values.update(overrides)
    return cases.NewCase(**values)


def _stored(case: Case) -> Case:
    return Case.get_by_id(case.id)


# -- the aanmelding -----------------------------------------------------------------------------

def test_create_case_stores_persons_referrer_and_dates(build) -> None:
    case = cases.create_case(_data(build, referral_goal="Zicht op hulp", received_on="20-11-2026"))
    stored = _stored(case)
    assert stored.reference == "2026-0001"
    assert stored.phase == Phase.REFERRAL.value
    assert stored.title == "Jan Jansen"  # no alias: the first person's name
    assert stored.received_on == dt.date(2026, 11, 20)
    assert CasePerson.get(CasePerson.case == stored).informed is True
    [(person, role)] = cases.persons_of(stored)
    assert (person.name, person.date_of_birth, role) == ("Jan Jansen", dt.date(1980, 5, 17), "client")
    [referrer] = participants.participants_of(stored)
    assert referrer.partner.name == "Politie Eenheid Zuid"
    assert referrer.role == ParticipantRole.REFERRER.value


def test_create_case_received_on_defaults_to_today(build) -> None:
    case = cases.create_case(_data(build))
    assert _stored(case).received_on == TODAY


def test_create_case_by_citizen_has_no_referrer_participant(build) -> None:
    case = cases.create_case(_data(build, referrer_partner_id=None, referrer_citizen="Buurvrouw"))
    assert _stored(case).referrer_citizen == "Buurvrouw"
    assert participants.participants_of(case) == []


def test_create_case_not_informed_with_reason_and_review_date(build) -> None:
    """The aanmelding's one answer goes to every betrokkene (schema v6: per person)."""
    case = cases.create_case(_data(
        build, persons=[cases.NewPerson(name="Jan Jansen"), cases.NewPerson(name="Mira Jansen")],
        informed=False, not_informed_reason="Veiligheid van de melder", informed_review_on="15-01-2027"))
    links = list(CasePerson.select().where(CasePerson.case == case).order_by(CasePerson.position))
    assert [(link.informed, link.not_informed_reason, link.informed_review_on) for link in links] == [
        (False, "Veiligheid van de melder", dt.date(2027, 1, 15))] * 2


def test_create_case_informed_per_person(build) -> None:
    """Mother informed, father not: each person's own answer; the shared reason and date go to
    the one not informed."""
    case = cases.create_case(_data(
        build, persons=[cases.NewPerson(name="Moeder", role="parent", informed=True),
                        cases.NewPerson(name="Vader", role="parent", informed=False)],
        not_informed_reason="Strafrechtelijk onderzoek loopt", informed_review_on="15-01-2027"))
    links = list(CasePerson.select().where(CasePerson.case == case).order_by(CasePerson.position))
    assert [(link.informed, link.not_informed_reason, link.informed_review_on) for link in links] == [
        (True, "", None), (False, "Strafrechtelijk onderzoek loopt", dt.date(2027, 1, 15))]


@pytest.mark.parametrize(
    ("overrides", "fragment", "field"),
    [
        ({"persons": []}, "minstens één betrokkene", "person0.name"),
        ({"persons": [cases.NewPerson(name="   ")]}, "Naam van de betrokkene is verplicht", "person0.name"),
        (
            {"persons": [cases.NewPerson(name="Jan Jansen", date_of_birth=dt.date(2026, 11, 24))]},
            "geboortedatum ligt in de toekomst",
            "person0.date_of_birth",
        ),
        (
            {"persons": [cases.NewPerson(name="Jan"), cases.NewPerson(name="Piet", date_of_birth="morgen")]},
            "geboortedatum ligt in de toekomst",
            "person1.date_of_birth",
        ),
        ({"persons": [cases.NewPerson(name="Jan", role="oom")]}, "Onbekende rol", "person0.role"),
        ({"reason": "  "}, "Aanleiding is verplicht", "reason"),
        ({"referrer_partner_id": None}, "Wie meldt de casus aan", "referrer"),
        ({"referrer_partner_id": 99999}, "aanmelder bestaat niet", "referrer"),
        ({"received_on": "morgen"}, "aanmelding ligt in de toekomst", "received_on"),
        ({"informed": False}, "Waarom is de betrokkene niet geïnformeerd", "not_informed_reason"),
        ({"persons": [cases.NewPerson(name="Jan"), cases.NewPerson(name="Piet", informed=False)]},
         "Waarom is de betrokkene niet geïnformeerd", "not_informed_reason"),
        (
            {"informed": False, "not_informed_reason": "Gevaar voor de melder"},
            "heroverweegdatum",
            "informed_review_on",
        ),
        ({"zvh_role": "baas"}, "procesregie of advies", "zvh_role"),
    ],
)
def test_create_case_refusals(build, overrides, fragment, field) -> None:
    data = _data(build, **overrides)
    with pytest.raises(ValidationError) as info:
        cases.create_case(data)
    assert fragment in str(info.value)
    assert info.value.field == field
    assert Case.select().count() == 0
    assert Person.select().count() == 0


def test_references_count_up_per_year(build) -> None:
    first = build.new_case("Jan Jansen")
    second = build.new_case("Piet Pietersen", referrer=first.referrer_partner)
    assert (first.reference, second.reference) == ("2026-0001", "2026-0002")
    context.set_today(dt.date(2027, 1, 2))
    third = build.new_case("Klaas Klaassen", referrer=first.referrer_partner)
    fourth = build.new_case("Anna de Vries", referrer=first.referrer_partner)
    assert (third.reference, fourth.reference) == ("2027-0001", "2027-0002")
    assert cases.next_reference(2026) == "2026-0003"


def test_get_case_and_reference_lookup(build) -> None:
    case = build.new_case()
    assert cases.get_case(case.id).reference == "2026-0001"
    assert cases.get_by_reference(" 2026-0001 ").id == case.id
    with pytest.raises(NotFound, match="bestaat niet"):
        cases.get_case(4242)
    with pytest.raises(NotFound, match="Er is geen casus met nummer '2026-9999'"):
        cases.get_by_reference("2026-9999")


def test_update_case_rules(build) -> None:
    case = build.new_case()
    cases.update_case(case, title="Familie J.", zvh_role="advice")
    stored = _stored(case)
    assert (stored.title, stored.zvh_role) == ("Familie J.", "advice")
    with pytest.raises(ValidationError, match="Aanleiding is verplicht"):
        cases.update_case(_stored(case), reason=" ")
    with pytest.raises(ValidationError, match="kan hier niet worden gewijzigd"):
        cases.update_case(_stored(case), informed=False)  # per betrokkene (services/cases/persons.py)
    with pytest.raises(ValidationError, match="kan hier niet worden gewijzigd"):
        cases.update_case(_stored(case), phase="closed")
    with pytest.raises(ValidationError, match="procesregie of advies"):
        cases.update_case(_stored(case), zvh_role="baas")
    assert _stored(case).phase == Phase.REFERRAL.value


def test_update_person_refuses_future_birth_date_and_empty_name(build) -> None:
    case = build.new_case()
    [(person, _)] = cases.persons_of(case)
    with pytest.raises(ValidationError, match="geboortedatum ligt in de toekomst"):
        cases.update_person(case, person, date_of_birth="+1d")
    with pytest.raises(ValidationError, match="Naam is verplicht"):
        cases.update_person(case, person, name="")
    assert Person.get_by_id(person.id).name == "Jan Jansen"


# -- the phases -----------------------------------------------------------------------------

def test_phases_step_by_step_to_execution(build) -> None:
    case = build.new_case()
    order = [Phase.SCREENING, Phase.TRIAGE, Phase.ANALYSIS, Phase.MEETING, Phase.PLAN, Phase.EXECUTION]
    seen = []
    for phase in order:  # fulfil only this step's condition, then move exactly one step
        if phase == Phase.TRIAGE:
            participants.set_check(build.referrer_participant(case), CheckStatus.KNOWN, basis="convenant")
        elif phase == Phase.ANALYSIS:
            cases.set_triage(case, TriageOutcome.TAKE_ON)
        elif phase == Phase.PLAN:
            participants.set_director(case, case.referrer_partner_id)
        elif phase == Phase.EXECUTION:
            plans.adopt(build.ready_plan(case))
        cases.move_phase(case, phase)
        seen.append(_stored(case).phase)
    assert seen == [p.value for p in order]


@pytest.mark.parametrize(
    ("start", "target", "fragment"),
    [
        (Phase.REFERRAL, Phase.TRIAGE, "stap voor stap: eerst naar Screening"),
        (Phase.REFERRAL, Phase.EXECUTION, "stap voor stap: eerst naar Screening"),
        (Phase.SCREENING, Phase.ANALYSIS, "eerst naar Triage"),
        (Phase.TRIAGE, Phase.MEETING, "eerst naar Analyse"),
    ],
)
def test_skipping_a_phase_is_refused(build, start, target, fragment) -> None:
    case = build.new_case()
    if start != Phase.REFERRAL:
        build.to_phase(case, start)
    with pytest.raises(RuleError) as info:
        cases.move_phase(case, target)
    assert fragment in str(info.value)
    assert _stored(case).phase == start.value


def test_moving_to_the_same_phase_or_to_closed_is_refused(build) -> None:
    case = build.new_case()
    with pytest.raises(RuleError, match="staat al in de fase Aanmelding"):
        cases.move_phase(case, Phase.REFERRAL)
    with pytest.raises(RuleError, match="Afsluiten"):
        cases.move_phase(case, Phase.CLOSED)
    assert _stored(case).phase == Phase.REFERRAL.value


def test_screening_needs_persons_aanleiding_and_referrer(build) -> None:
    case = build.new_case()
    CasePerson.delete().where(CasePerson.case == case).execute()
    Case.update(reason="", referrer_partner=None, referrer_citizen="").where(Case.id == case.id).execute()
    with pytest.raises(RuleError) as info:
        cases.move_phase(_stored(case), Phase.SCREENING)
    message = str(info.value)
    assert "minstens één betrokkene" in message
    assert "aanleiding" in message
    assert "wie de casus heeft aangemeld" in message
    assert _stored(case).phase == Phase.REFERRAL.value


def test_triage_needs_a_check_op_bekendheid(build) -> None:
    case = build.to_phase(build.new_case(), Phase.SCREENING)
    referrer = build.referrer_participant(case)
    participants.set_check(referrer, CheckStatus.NOT_ASKED)
    with pytest.raises(RuleError, match="check op bekendheid"):
        cases.move_phase(case, Phase.TRIAGE)
    participants.set_check(referrer, CheckStatus.ASKED, basis="art. 5 convenant")
    assert cases.move_phase(case, Phase.TRIAGE).phase == Phase.TRIAGE.value


def test_analysis_needs_triage_take_on(build) -> None:
    case = build.to_phase(build.new_case(), Phase.TRIAGE)
    with pytest.raises(RuleError, match="uitkomst van de triage"):
        cases.move_phase(case, Phase.ANALYSIS)
    cases.set_triage(case, TriageOutcome.REFER, "Past beter bij het wijkteam")
    with pytest.raises(RuleError) as info:
        cases.move_phase(case, Phase.ANALYSIS)
    assert "'doorverwijzen'" in str(info.value) and "Sluit de casus af" in str(info.value)
    cases.set_triage(case, TriageOutcome.ADVICE, "Melder kan zelf verder")
    with pytest.raises(RuleError, match="'advies aan melder'"):
        cases.move_phase(case, Phase.ANALYSIS)
    cases.set_triage(case, TriageOutcome.TAKE_ON)
    assert cases.move_phase(case, Phase.ANALYSIS).phase == Phase.ANALYSIS.value


def test_set_triage_refer_or_advice_needs_a_reason(build) -> None:
    case = build.new_case()
    for outcome in (TriageOutcome.REFER, TriageOutcome.ADVICE):
        with pytest.raises(ValidationError, match="Geef een reden"):
            cases.set_triage(case, outcome, "  ")
    assert _stored(case).triage_outcome == ""


def test_meeting_needs_a_partner_besides_our_own(build) -> None:
    case = build.new_case(referrer_citizen="Buurman")
    own = participants.add_participant(case, build.own().id).participant
    cases.move_phase(case, Phase.SCREENING)
    participants.set_check(own, CheckStatus.NOT_KNOWN, basis="eigen registratie")
    cases.move_phase(case, Phase.TRIAGE)
    cases.set_triage(case, TriageOutcome.TAKE_ON)
    cases.move_phase(case, Phase.ANALYSIS)
    with pytest.raises(RuleError, match="nog geen partner aan tafel"):
        cases.move_phase(case, Phase.MEETING)
    participants.add_participant(case, build.partner("GGZ Breburg").id)
    assert cases.move_phase(case, Phase.MEETING).phase == Phase.MEETING.value


def test_plan_needs_a_casusregisseur(build) -> None:
    case = build.to_phase(build.new_case(), Phase.MEETING)
    with pytest.raises(RuleError) as info:
        cases.move_phase(case, Phase.PLAN)
    assert "geen casusregisseur" in str(info.value)
    assert "Wie houdt het overzicht over dit plan van aanpak" in str(info.value)
    participants.set_director(case, case.referrer_partner_id)
    assert cases.move_phase(case, Phase.PLAN).phase == Phase.PLAN.value


def test_execution_needs_an_adopted_plan(build) -> None:
    case = build.to_phase(build.new_case(), Phase.PLAN)
    with pytest.raises(RuleError, match="Stel eerst het plan van aanpak vast"):
        cases.move_phase(case, Phase.EXECUTION)
    plan = build.ready_plan(case)  # a concept is not enough
    with pytest.raises(RuleError, match="Stel eerst het plan van aanpak vast"):
        cases.move_phase(case, Phase.EXECUTION)
    plans.adopt(plan)
    assert cases.move_phase(case, Phase.EXECUTION).phase == Phase.EXECUTION.value


def test_going_back_is_allowed_and_forward_again_is_checked(build) -> None:
    case = build.to_phase(build.new_case(), Phase.MEETING)
    cases.move_phase(case, Phase.SCREENING)
    assert _stored(case).phase == Phase.SCREENING.value
    cases.move_phase(case, Phase.TRIAGE)
    cases.set_triage(case, TriageOutcome.REFER, "Toch elders")
    with pytest.raises(RuleError, match="doorverwijzen"):
        cases.move_phase(case, Phase.ANALYSIS)


def test_phase_move_writes_audit_with_old_and_new_phase(build) -> None:
    case = build.new_case()
    cases.move_phase(case, Phase.SCREENING)
    last = audit.events_for_case(case.id)[-1]
    assert (last.event, last.detail) == ("phase", "referral->screening")


# -- closing and reopening -----------------------------------------------------------------

def test_close_needs_a_retention_term(build) -> None:
    case = build.new_case()
    with pytest.raises(RuleError, match="bewaartermijn is nog niet ingesteld"):
        cases.close_case(case, "Doel bereikt", retention_years=None)
    for years in (0, 101):
        with pytest.raises(ValidationError, match="tussen 1 en 100 jaar"):
            cases.close_case(case, "Doel bereikt", retention_years=years)
    with pytest.raises(ValidationError, match="Reden van afsluiten is verplicht"):
        cases.close_case(case, "", retention_years=15)
    stored = _stored(case)
    assert (stored.phase, stored.retention_end, stored.closed_on) == ("referral", None, None)


def test_close_computes_retention_end_and_stores_closing(build) -> None:
    case = build.new_case()
    cases.close_case(case, "Doel bereikt", retention_years=15, informed="Melder en cliënt", watch_until="23-05-2027")
    stored = _stored(case)
    assert stored.phase == Phase.CLOSED.value
    assert stored.closed_on == TODAY
    assert stored.retention_end == dt.date(2041, 11, 23)
    assert stored.watch_until == dt.date(2027, 5, 23)
    assert (stored.closing_reason, stored.closing_informed) == ("Doel bereikt", "Melder en cliënt")


@pytest.mark.parametrize(("years", "end"), [(15, dt.date(2043, 2, 28)), (4, dt.date(2032, 2, 29))])
def test_retention_end_from_29_february(build, years, end) -> None:
    context.set_today(dt.date(2028, 2, 29))
    case = build.new_case()
    cases.close_case(case, "Klaar", retention_years=years)
    assert _stored(case).retention_end == end


def test_watch_date_before_closing_is_refused(build) -> None:
    case = build.new_case()
    with pytest.raises(ValidationError, match="vóór de datum van afsluiten"):
        cases.close_case(case, "Klaar", retention_years=15, watch_until=dt.date(2026, 11, 22))
    with pytest.raises(ValidationError, match="vóór de datum van afsluiten"):
        cases.close_case(case, "Klaar", retention_years=15, watch_until="01-12-2026", closed_on=dt.date(2026, 12, 5))
    assert _stored(case).phase == Phase.REFERRAL.value


def test_closed_case_cannot_close_again_or_move(build) -> None:
    case = build.new_case()
    cases.close_case(case, "Klaar", retention_years=15)
    with pytest.raises(RuleError, match="al afgesloten"):
        cases.close_case(_stored(case), "Nog eens", retention_years=15)
    with pytest.raises(RuleError, match="Heropen hem eerst"):
        cases.move_phase(_stored(case), Phase.SCREENING)


def test_reopen_only_a_closed_case(build) -> None:
    case = build.new_case()
    with pytest.raises(RuleError, match="Alleen een afgesloten casus"):
        cases.reopen_case(case, "Terugval")
    cases.close_case(case, "Klaar", retention_years=15)
    with pytest.raises(ValidationError, match="Reden van heropenen is verplicht"):
        cases.reopen_case(_stored(case), " ")
    assert _stored(case).phase == Phase.CLOSED.value


def _reached_referral(build, case) -> None:
    """Closed straight from the aanmelding."""


def _reached_triage_refer(build, case) -> None:
    build.to_phase(case, Phase.TRIAGE)
    cases.set_triage(case, TriageOutcome.REFER, "Naar wijkteam")


def _reached_analysis(build, case) -> None:
    build.to_phase(case, Phase.ANALYSIS)


def _reached_plan(build, case) -> None:
    build.to_phase(case, Phase.PLAN)


def _reached_execution(build, case) -> None:
    build.to_phase(case, Phase.EXECUTION)


@pytest.mark.parametrize(
    ("reach", "expected"),
    [
        (_reached_referral, Phase.REFERRAL),
        (_reached_triage_refer, Phase.TRIAGE),
        (_reached_analysis, Phase.ANALYSIS),
        (_reached_plan, Phase.PLAN),
        (_reached_execution, Phase.EXECUTION),
    ],
)
def test_reopen_goes_to_the_right_phase_and_clears_closing(build, reach, expected) -> None:
    case = build.new_case()
    reach(build, case)
    cases.close_case(_stored(case), "Klaar", retention_years=15, informed="Melder", watch_until="+3m",
                     open_actions=cases.KEEP_OPEN_ACTIONS)
    cases.reopen_case(_stored(case), "Terugval na verhuizing")
    stored = _stored(case)
    assert stored.phase == expected.value
    assert (stored.closed_on, stored.retention_end, stored.watch_until) == (None, None, None)
    assert (stored.closing_reason, stored.closing_informed) == ("", "")
    entry = journal.entries(stored)[0]
    assert (entry.text, entry.hat) == ("Heropend: Terugval na verhuizing", "procesregie")
    assert JournalEntry.select().where(JournalEntry.case == case).count() == 1


# -- search ---------------------------------------------------------------------------------

def _found(term: str) -> set[int]:
    return {row.rowid for row in CaseSearch.search(term)}


def test_search_finds_a_case_by_part_of_a_name(build) -> None:
    case = build.new_case("Jan Jansen")
    other = build.new_case("Fatima Özdemir", referrer=case.referrer_partner)
    assert _found("jans*") == {case.id}
    assert _found("ozdem*") == {other.id}  # diacritics removed
    assert _found("2026-0002") == {other.id}
    assert _found("overlast") == {case.id, other.id}  # the aanleiding
    assert _found("pieters*") == set()


def test_search_follows_update_and_add_person(build) -> None:
    case = build.new_case("Jan Jansen", title="Casus Noord")
    [(person, _)] = cases.persons_of(case)
    cases.update_person(case, person, name="Piet Pietersen")
    assert _found("pieters*") == {case.id}
    assert _found("jans*") == set()
    cases.add_person(case, cases.NewPerson(name="Mira Bakker", role="partner"))
    assert _found("bakk*") == {case.id}
    assert [role for _, role in cases.persons_of(case)] == ["client", "partner"]


def test_search_follows_update_case_reason(build) -> None:
    case = build.new_case(reason="Schulden")
    cases.update_case(case, reason="Huiselijk geweld")
    assert _found("huiselijk") == {case.id}
    assert _found("schulden") == set()


# -- known bugs (xfail: the service must be fixed, not the test) -------------------------------

def test_refused_update_case_does_not_leak_into_the_next_save(build) -> None:
    case = build.new_case()
    with pytest.raises(ValidationError, match="Aanleiding is verplicht"):
        cases.update_case(case, title="Nieuwe alias", reason=" ")
    cases.set_triage(case, TriageOutcome.TAKE_ON)  # the screen goes on with the same object
    stored = _stored(case)
    assert stored.title != "Nieuwe alias", "a refused change was stored by the next save"


def test_update_case_refuses_a_future_received_on(build) -> None:
    case = build.new_case()
    with pytest.raises(ValidationError, match="aanmelding ligt in de toekomst"):
        cases.update_case(case, received_on="morgen")


def test_next_reference_after_9999(build) -> None:
    Case.create(reference="2026-9999")
    assert cases.next_reference() == "2026-10000"
    Case.create(reference="2026-10000")
    assert cases.next_reference() == "2026-10001"
