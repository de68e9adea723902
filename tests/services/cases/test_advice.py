"""The advice track (issue 15.2): advice questions on an advice case, their checks, the follow-ups
due, the switch of the house's role with journal and audit, and an advice case that needs no
plan to reach Uitvoering or to close; the AVG export carries the rows."""

from __future__ import annotations

import datetime as dt

import pytest

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.vocab import CheckStatus, Phase, TriageOutcome
from zvh_tui.services.cases import advice, export
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases.advice import AdviceInput
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.store.models import Advice, AuditEvent, Case, JournalEntry

TODAY = dt.date(2026, 11, 23)
QUESTION = "Hoe krijgen we de moeder [/b] aan tafel zonder dat de vader het merkt?"


def _stored(case: Case) -> Case:
    return Case.get_by_id(case.id)


@pytest.fixture
def setting(build):
    team = build.partner("Wijkteam Noord", domain="gemeente")
    sanne = partners.add_contact(team, "Sanne de Vries")
    case = build.new_case(referrer=team, zvh_role="advice")
    return case, team, sanne


def _full(team, sanne, **changes) -> AdviceInput:
    values = dict(question=QUESTION, asked_by_partner_id=team.id, asked_by_contact_id=sanne.id,
                  advice="Eerst een gesprek met de moeder alleen, via de huisarts.",
                  given_to="Sanne de Vries", regie_partner_id=team.id,
                  follow_up_on=TODAY + dt.timedelta(days=14))
    values.update(changes)
    return AdviceInput(**values)  # type: ignore[arg-type]


def test_an_advice_question_with_advice_regie_and_follow_up_is_stored(setting) -> None:
    case, team, sanne = setting
    row = advice.add_advice(case, _full(team, sanne))
    stored = Advice.get_by_id(row.id)
    assert (stored.question, stored.asked_by_partner_id, stored.asked_by_contact_id) == (QUESTION, team.id, sanne.id)
    assert (stored.asked_on, stored.given_on) == (TODAY, TODAY)  # empty dates: today
    assert (stored.given_to, stored.regie_partner_id, stored.by) == ("Sanne de Vries", team.id, "tester")
    assert stored.follow_up_on == TODAY + dt.timedelta(days=14)
    assert advice.who_asked(stored) == "Wijkteam Noord · Sanne de Vries"
    assert advice.regie_stays_with(stored) == "Wijkteam Noord"
    event = AuditEvent.select().where(AuditEvent.object_type == "advice").get()
    assert (event.event, event.case_id, event.object_id) == ("create", case.id, row.id)
    assert "moeder" not in event.detail  # ids only in the log


def test_the_question_first_and_the_advice_later(setting) -> None:
    case, team, _sanne = setting
    row = advice.add_advice(case, AdviceInput(question="Mag de school meepraten?", asked_by="juf Ans",
                                              asked_on="20-11-2026"))
    assert (row.advice, row.given_on, row.asked_by_partner_id, advice.who_asked(row)) == ("", None, None, "juf Ans")
    data = advice.to_input(row)
    data.advice, data.given_to, data.regie_with = "Ja, met toestemming van de ouders.", "juf Ans", "juf Ans"
    advice.update_advice(row, data)
    stored = Advice.get_by_id(row.id)
    assert (stored.advice, stored.given_on, stored.regie_with) == ("Ja, met toestemming van de ouders.", TODAY, "juf Ans")
    update = AuditEvent.select().where((AuditEvent.object_type == "advice") & (AuditEvent.event == "update")).get()
    assert update.detail == "advice,given_on,given_to,regie_with"


@pytest.mark.parametrize(("changes", "field", "fragment"), [
    (dict(question="  "), "question", "Adviesvraag is verplicht"),
    (dict(asked_by_partner_id=None, asked_by_contact_id=None), "asked_by_partner", "Wie stelde de vraag?"),
    (dict(asked_on="morgen"), "asked_on", "vraag ligt in de toekomst"),
    (dict(given_to=""), "given_to", "Aan wie is het advies gegeven?"),
    (dict(regie_partner_id=None), "regie_partner", "Bij wie blijft de regie?"),
    (dict(asked_on="20-11-2026", given_on="19-11-2026"), "given_on", "vóór de vraag"),
    (dict(given_on="morgen"), "given_on", "advies ligt in de toekomst"),
    (dict(follow_up_on=TODAY), "follow_up_on", "na vandaag liggen"),
    (dict(follow_up_on=TODAY - dt.timedelta(days=1)), "follow_up_on", "na vandaag liggen"),
    (dict(follow_up_on="31-02-2027"), "follow_up_on", "geen datum"),
    (dict(advice="", given_to="Sanne"), "advice", "Vul het advies in"),
    (dict(regie_with="Sanne\x1b[2J"), "regie_with", "stuurteken"),
])
def test_refusals_name_their_field_and_store_nothing(setting, changes, field, fragment) -> None:
    case, team, sanne = setting
    with pytest.raises(ValidationError) as caught:
        advice.add_advice(case, _full(team, sanne, **changes))
    assert fragment in str(caught.value) and caught.value.field == field
    assert Advice.select().count() == 0


def test_a_contact_of_another_partner_is_refused(setting, build) -> None:
    case, team, _sanne = setting
    police = build.partner("Politie")
    agent = partners.add_contact(police, "Wim Wijkagent")
    with pytest.raises(ValidationError, match="hoort niet bij die partner"):
        advice.add_advice(case, AdviceInput(question="?", asked_by_partner_id=team.id, asked_by_contact_id=agent.id))


def test_the_follow_up_boundary_tomorrow_is_fine_and_a_passed_one_may_stay(setting) -> None:
    case, team, sanne = setting
    row = advice.add_advice(case, _full(team, sanne, follow_up_on=TODAY + dt.timedelta(days=1)))
    Advice.update(follow_up_on=TODAY - dt.timedelta(days=3)).where(Advice.id == row.id).execute()
    row = Advice.get_by_id(row.id)
    data = advice.to_input(row)
    data.question = "Aangevuld: " + QUESTION
    advice.update_advice(row, data)  # the stored, passed date may stay
    data.follow_up_on = TODAY - dt.timedelta(days=1)
    with pytest.raises(ValidationError, match="na vandaag"):
        advice.update_advice(Advice.get_by_id(row.id), data)


def test_follow_ups_due_for_the_dossier_and_the_count_for_the_case_list(setting, build) -> None:
    case, team, sanne = setting
    soon = advice.add_advice(case, _full(team, sanne, follow_up_on=TODAY + dt.timedelta(days=2)))
    advice.add_advice(case, _full(team, sanne, follow_up_on=TODAY + dt.timedelta(days=9)))
    advice.add_advice(case, _full(team, sanne, follow_up_on=None))
    other = build.new_case("Piet Ander", referrer=team, zvh_role="advice")
    advice.add_advice(other, _full(team, sanne, follow_up_on=TODAY + dt.timedelta(days=2)))
    assert advice.follow_ups_due(case) == [] and advice.due_counts() == {}
    later = TODAY + dt.timedelta(days=2)  # the day itself counts
    assert [r.id for r in advice.follow_ups_due(case, later)] == [soon.id]
    assert advice.is_due(soon, later) and not advice.is_due(soon, TODAY)
    assert advice.due_counts(TODAY + dt.timedelta(days=9)) == {case.id: 2, other.id: 1}
    cases.close_case(other, "advies volstond", retention_years=15)
    assert advice.due_counts(TODAY + dt.timedelta(days=9)) == {case.id: 2}  # closed: no signal
    assert advice.follow_ups_due(_stored(other), TODAY + dt.timedelta(days=9)) == []


def test_delete_a_mistaken_row_is_audited(setting) -> None:
    case, team, sanne = setting
    row = advice.add_advice(case, _full(team, sanne))
    advice.delete_advice(row)
    assert advice.advices_of(case) == []
    assert AuditEvent.select().where((AuditEvent.object_type == "advice") & (AuditEvent.event == "delete")
                                     & (AuditEvent.object_id == row.id)).exists()


def test_no_advice_question_on_a_procesregie_case_or_a_closed_one(build, setting) -> None:
    _case, team, sanne = setting
    directed = build.new_case("Kees Regie", referrer=team)  # procesregie, the default
    with pytest.raises(RuleError, match="Zet de rol eerst op advies"):
        advice.add_advice(directed, _full(team, sanne))
    closed = build.new_case("Els Dicht", referrer=team, zvh_role="advice")
    cases.close_case(closed, "klaar", retention_years=15)
    with pytest.raises(RuleError, match="afgesloten"):
        advice.add_advice(_stored(closed), _full(team, sanne))


def test_switch_to_procesregie_and_back_keeps_the_history(setting) -> None:
    case, team, sanne = setting
    row = advice.add_advice(case, _full(team, sanne))
    advice.switch_role(case)  # to procesregie: a reason may be left out
    assert _stored(case).zvh_role == "direction"
    with pytest.raises(ValidationError) as caught:
        advice.switch_role(_stored(case), "  ")  # back to advies: a reason is required
    assert caught.value.field == "role_reason" and _stored(case).zvh_role == "direction"
    advice.switch_role(_stored(case), "Het wijkteam kan het weer alleen")
    assert _stored(case).zvh_role == "advice"
    assert [r.id for r in advice.advices_of(case)] == [row.id]  # the rows stay
    texts = [(e.text, e.hat) for e in JournalEntry.select().order_by(JournalEntry.id)]
    assert texts == [("Rol van het ZVH: advies → procesregie.", "procesregie"),
                     ("Rol van het ZVH: procesregie → advies. Reden: Het wijkteam kan het weer alleen",
                      "procesregie")]
    events = [e.detail for e in AuditEvent.select().where((AuditEvent.object_type == "case")
                                                          & AuditEvent.detail.startswith("zvh_role"))]
    assert events == ["zvh_role=advice->direction", "zvh_role=direction->advice"]
    assert advice.switch_text(_stored(case))[0] == "Naar procesregie"


def test_a_closed_case_keeps_its_role(setting) -> None:
    case, _team, _sanne = setting
    cases.close_case(case, "klaar", retention_years=15)
    with pytest.raises(RuleError, match="afgesloten"):
        advice.switch_role(_stored(case), "toch regie")


def _to_triage_done(build, case: Case) -> Case:
    participants.set_check(build.referrer_participant(case), CheckStatus.KNOWN, basis="convenant art. 5")
    for step in (Phase.SCREENING, Phase.TRIAGE):
        cases.move_phase(case, step)
    cases.set_triage(case, TriageOutcome.TAKE_ON)
    for step in (Phase.ANALYSIS, Phase.MEETING):
        cases.move_phase(case, step)
    return case


def test_an_advice_case_reaches_uitvoering_and_closes_without_a_plan(setting, build) -> None:
    case, team, sanne = setting
    _to_triage_done(build, case)
    assert cases.phase_blockers(case, Phase.PLAN) == [
        "Leg eerst een adviesvraag vast, met bij wie de regie blijft (of spreek een casusregisseur af)."]
    row = advice.add_advice(case, AdviceInput(question=QUESTION, asked_by_partner_id=team.id,
                                              regie_partner_id=team.id))
    cases.move_phase(case, Phase.PLAN)  # no casusregisseur: the regie stays with the wijkteam
    assert cases.phase_blockers(case, Phase.EXECUTION) == [
        "Leg eerst het gegeven advies vast bij de adviesvraag (of stel een plan van aanpak vast)."]
    data = advice.to_input(row)
    data.advice, data.given_to = "Gesprek met de moeder alleen", "Sanne de Vries"
    advice.update_advice(row, data)
    cases.move_phase(case, Phase.EXECUTION)  # no adopted plan needed
    assert cases.adopted_plan(case) is None
    cases.close_case(case, "Advies opgevolgd; lokaal loopt het", retention_years=15)
    assert _stored(case).phase == "closed"


def test_procesregie_still_needs_its_casusregisseur_and_plan(build) -> None:
    team = build.partner("Wijkteam Noord", domain="gemeente")
    case = _to_triage_done(build, build.new_case(referrer=team))
    assert cases.phase_blockers(case, Phase.PLAN)[0].startswith("Er is nog geen casusregisseur.")
    participants.set_director(case, team.id)
    cases.move_phase(case, Phase.PLAN)
    assert cases.phase_blockers(case, Phase.EXECUTION) == ["Stel eerst het plan van aanpak vast."]


def test_the_case_export_carries_the_advice_rows(setting) -> None:
    case, team, sanne = setting
    advice.add_advice(case, _full(team, sanne, regie_with="Sanne de Vries"))
    rows = export.export_case(case)["advices"]
    assert rows == [{
        "asked_on": "2026-11-23",
        "asked_by": {"partner": "Wijkteam Noord", "contact": "Sanne de Vries", "name": ""},
        "question": QUESTION,
        "advice": "Eerst een gesprek met de moeder alleen, via de huisarts.",
        "given_to": "Sanne de Vries",
        "given_on": "2026-11-23",
        "regie_stays_with": {"partner": "Wijkteam Noord", "name": "Sanne de Vries"},
        "follow_up_on": "2026-12-07",
        "by": "tester",
        "created_at": rows[0]["created_at"],
        "updated_at": rows[0]["updated_at"],
    }]
