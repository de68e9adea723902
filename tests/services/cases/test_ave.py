"""The AVE model made visible (issue 15.3): a new aanmelding at 3 · proces, the triage that
places a case, the contradiction rule at its boundaries, the proposal to escalate with its
evidence, and the afschaling to the local team at closing."""

from __future__ import annotations

import datetime as dt

import pytest

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.vocab import AvePhase, Level, Phase, ReviewOutcome
from zvh_tui.services.cases import ave, escalation
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.plans import versions as plans
from zvh_tui.store.models import ActionReview, AuditEvent, Case, Escalation, utcnow

TODAY = dt.date(2026, 11, 23)


def _stored(case: Case) -> Case:
    return Case.get_by_id(case.id)


# -- where a new case starts, and the triage that places it ---------------------------------

def test_a_new_aanmelding_starts_at_ave_3_on_procesniveau(build) -> None:
    case = _stored(build.new_case())
    assert (case.ave_phase, case.level) == ("3", "process") == (ave.DEFAULT_AVE.value, ave.DEFAULT_LEVEL.value)
    assert ave.case_contradictions(case) == []
    placed = _stored(build.new_case("Ria Rood", ave_phase="4", level="management"))
    assert (placed.ave_phase, placed.level) == ("4", "management")


@pytest.mark.parametrize(("field", "changes"), [("ave_phase", {"ave_phase": "7"}), ("level", {"level": "wijk"})])
def test_an_unknown_ave_phase_or_level_is_refused_at_its_field(build, field, changes) -> None:
    with pytest.raises(ValidationError) as caught:
        build.new_case(**changes)
    assert caught.value.field == field and Case.select().count() == 0


def test_triage_places_the_case_and_says_so_in_the_log(build) -> None:
    case = build.new_case()
    cases.set_triage(case, "take_on", ave_phase="2", level="case")
    assert (_stored(case).ave_phase, _stored(case).level, _stored(case).triage_outcome) == ("2", "case", "take_on")
    assert Escalation.select().count() == 0  # placing is no op- or afschaling
    cases.set_triage(_stored(case), "take_on", "")  # None keeps the placing
    details = [e.detail for e in AuditEvent.select().where(AuditEvent.event == "triage").order_by(AuditEvent.id)]
    assert details == ["take_on,ave_phase,level", "take_on"]
    with pytest.raises(ValidationError) as caught:
        cases.set_triage(_stored(case), "take_on", level="gemeenteraad")
    assert caught.value.field == "level"


def test_a_contradictory_triage_is_stored_and_warned_about(build) -> None:
    case = build.new_case()
    cases.set_triage(case, "take_on", ave_phase="4", level="case")  # a warning, not a refusal
    assert ave.case_contradictions(_stored(case)) == [
        "AVE-fase 4 (donkerrood) op casusniveau: bij donkerrood hoort het gesprek ten minste op "
        "managementniveau. Schaal op, of kies een lagere AVE-fase.",
        "Het ZVH voert procesregie, maar de casus staat op casusniveau: procesregie hoort op "
        "procesniveau of hoger. Schaal op, of laat de regie lokaal (advies, of afsluiten met afschaling).",
    ]


# -- the contradiction rule, at its boundaries ----------------------------------------------

FITS = {  # phase -> the levels that fit (LEVEL_BAND)
    "1": {"case", "process"},
    "2": {"case", "process", "management"},
    "3": {"process", "management", "board", "lmm"},
    "4": {"management", "board", "lmm"},
}


@pytest.mark.parametrize("phase", list(FITS))
@pytest.mark.parametrize("level", [lv.value for lv in Level])
def test_every_combination_of_phase_and_level(phase: str, level: str) -> None:
    warnings = ave.contradictions(phase, level)  # without a role: the band only
    assert (warnings == []) == (level in FITS[phase]), (phase, level, warnings)
    if warnings:
        lowest = ave.LEVEL_BAND[AvePhase(phase)][0]
        below = [lv.value for lv in Level].index(level) < [lv.value for lv in Level].index(lowest.value)
        assert ("Schaal op" if below else "Schaal af") in warnings[0]


def test_the_role_rule_advice_may_sit_at_casusniveau() -> None:
    assert ave.contradictions("2", "case", "advice") == []
    assert len(ave.contradictions("2", "case", "direction")) == 1
    assert ave.contradictions("2", "process", "direction") == []
    assert ave.contradictions("1", "board")[0].startswith(
        "AVE-fase 1 (groen) op bestuursniveau: bij groen is procesniveau het hoogste dat past.")


def test_a_closed_case_warns_about_nothing(build) -> None:
    case = build.new_case(ave_phase="4", level="case")
    cases.close_case(case, "klaar", retention_years=15)
    assert ave.case_contradictions(_stored(case)) == []


@pytest.mark.parametrize(("phase", "level", "expected"), [
    ("1", "management", "2"), ("1", "board", "3"), ("3", "management", "3"), ("4", "case", "2"),
    ("2", "lmm", "3"),
])
def test_fitting_ave_goes_up_first(phase, level, expected) -> None:
    assert ave.fitting_ave(phase, level).value == expected


# -- stagnation: the proposal and its evidence ----------------------------------------------

def _in_execution(build) -> Case:
    team = build.partner("Wijkteam Noord", domain="gemeente")
    case = build.to_phase(build.new_case(referrer=team), Phase.EXECUTION)
    return case


def _late_actions(case: Case, build) -> None:
    plan = plans.current(case)
    police = build.partner("Politie")
    concept = plans.revise(plan) if plan.status != "concept" else plan
    plans.add_action(concept, "Huisbezoek afleggen", owner_partner_id=police.id, deadline=TODAY - dt.timedelta(days=12))
    plans.add_action(concept, "Schuldhulp starten", owner_partner_id=case.referrer_partner_id,
                     deadline=TODAY - dt.timedelta(days=2))
    plans.update_plan(concept, evaluation_on=TODAY + dt.timedelta(days=30))
    plans.adopt(concept)


def _quiet(case: Case, days: int) -> None:
    Case.update(updated_at=utcnow().replace(year=TODAY.year, month=TODAY.month, day=TODAY.day)
                - dt.timedelta(days=days)).where(Case.id == case.id).execute()


def test_no_proposal_for_one_signal_alone(build) -> None:
    case = _in_execution(build)
    _late_actions(case, build)
    case = _stored(case)
    assert [s.kind for s in ave.stagnation_signals(case, stagnation_days=30)] == [ave.OVERDUE]
    assert ave.proposal(case, stagnation_days=30) is None


def test_overdue_and_quiet_make_a_proposal_with_the_evidence_written_out(build) -> None:
    case = _in_execution(build)
    _late_actions(case, build)
    _quiet(case, 30)  # the boundary: 30 days with a limit of 30 counts
    proposal = ave.proposal(_stored(case), stagnation_days=30)
    assert proposal is not None
    assert (proposal.from_level, proposal.to_level, proposal.to_ave) == (Level.PROCESS, Level.MANAGEMENT, AvePhase.ORANGE)
    assert proposal.trigger == (
        "Voorstel tot opschalen: de samenwerking stagneert.\n"
        "- 2 acties te laat (Politie 1, Wijkteam Noord 1); de oudste 12 dagen over de deadline\n"
        "- stil 30 dgn: 30 dagen geen wijziging in de casus (grens 30)")
    assert proposal.summary == "opschalen naar managementniveau: 2 acties te laat · stil 30 dgn"
    _quiet(case, 29)
    assert ave.proposal(_stored(case), stagnation_days=30) is None


def _review(case: Case, day: dt.date, text: str = "Huisbezoek afleggen") -> None:
    """An action reviewed as niet opgepakt in a meeting on `day` (as live.review stores it)."""
    meeting = meetings.create_meeting("MDO", day)
    item = meetings.add_item(meeting, case)
    action = next(a for a in cases.open_actions_of(case) if a.text == text)
    ActionReview.create(item=item, action=action, outcome=ReviewOutcome.NOT_TAKEN_UP.value,
                        at=dt.datetime.combine(day, dt.time(10)))


def test_an_action_not_taken_up_twice_counts_and_its_evidence_names_it(build) -> None:
    case = _in_execution(build)
    _late_actions(case, build)
    case = _stored(case)
    _review(case, TODAY - dt.timedelta(days=20))
    assert [s.kind for s in ave.stagnation_signals(case, stagnation_days=30)] == [ave.OVERDUE]
    _review(case, TODAY - dt.timedelta(days=6))
    proposal = ave.proposal(_stored(case), stagnation_days=300)
    assert proposal is not None
    assert [s.kind for s in proposal.signals] == [ave.OVERDUE, ave.NOT_TAKEN_UP]
    assert proposal.trigger.endswith("- actie 'Huisbezoek afleggen' (Politie) 2 keer niet opgepakt")
    assert "1 actie herhaald niet opgepakt" in proposal.summary


def test_an_escalation_answers_the_earlier_reviews(build) -> None:
    case = _in_execution(build)
    _late_actions(case, build)
    _review(_stored(case), TODAY - dt.timedelta(days=20))
    _review(_stored(case), TODAY - dt.timedelta(days=6))
    escalation.change_level(_stored(case), to_level="management", trigger="stagnatie", decided_by="Stuurgroep",
                            decided_on=TODAY - dt.timedelta(days=3))
    kinds = [s.kind for s in ave.stagnation_signals(_stored(case), stagnation_days=30)]
    assert kinds == [ave.OVERDUE]  # the reviews before the step count no more
    assert ave.proposal(_stored(case), stagnation_days=30) is None


def test_no_proposal_at_the_top_or_when_closed(build) -> None:
    case = _in_execution(build)
    _late_actions(case, build)
    _quiet(case, 90)
    escalation.change_level(_stored(case), to_level="lmm", to_ave="4", trigger="t", decided_by="b",
                            decided_on=TODAY - dt.timedelta(days=100))
    _quiet(case, 90)
    assert ave.proposal(_stored(case), stagnation_days=30) is None  # LMM is the top rung
    case = _stored(case)
    cases.close_case(case, "klaar", retention_years=15, open_actions=cases.KEEP_OPEN_ACTIONS)
    assert ave.stagnation_signals(_stored(case), stagnation_days=30) == []


def test_a_proposal_above_the_band_raises_the_ave_phase(build) -> None:
    case = _in_execution(build)
    escalation.change_level(_stored(case), to_level="process", to_ave="1", trigger="rustig", decided_by="b",
                            decided_on=TODAY - dt.timedelta(days=60))
    _late_actions(_stored(case), build)
    _quiet(case, 40)
    proposal = ave.proposal(_stored(case), stagnation_days=30)
    assert proposal is not None and (proposal.to_level, proposal.to_ave) == (Level.MANAGEMENT, AvePhase.YELLOW)
    assert proposal.summary.startswith("opschalen naar managementniveau, AVE-fase 2 (geel): ")


# -- afschaling at closing ------------------------------------------------------------------

def test_closing_can_afschalen_to_the_local_team(build) -> None:
    case = build.new_case()
    step = cases.Afschaling(decided_by="Procesregisseur en wijkteam",
                            trigger="Situatie stabiel; het wijkteam houdt de casusregie.")
    cases.close_case(case, "doel bereikt", retention_years=15, afschaling=step)
    row = Escalation.get()
    assert (row.from_level, row.to_level, row.from_ave, row.to_ave) == ("process", "case", "3", "2")
    assert (row.decided_by, row.decided_on, row.trigger) == (
        "Procesregisseur en wijkteam", TODAY, "Situatie stabiel; het wijkteam houdt de casusregie.")
    assert not escalation.is_up(row)
    stored = _stored(case)
    assert (stored.phase, stored.level, stored.ave_phase) == ("closed", "case", "2")
    events = [e.event for e in AuditEvent.select().where(AuditEvent.case_id == case.id).order_by(AuditEvent.id)]
    assert events[-2:] == ["deescalate", "close"]


@pytest.mark.parametrize(("start", "step", "field", "fragment"), [
    (("2", "case"), dict(to_ave="2"), "afschaling_ave", "niets af te schalen"),
    (("2", "case"), dict(to_ave="3"), "afschaling_ave", "gaat de AVE-fase niet omhoog"),
    (("3", "process"), dict(to_level="management"), "afschaling_to_level", "niet hoger"),
    (("3", "process"), dict(decided_by=" "), "afschaling_decided_by", "Wie besloot is verplicht"),
    (("3", "process"), dict(trigger=""), "afschaling_trigger", "Aanleiding voor op- of afschalen is verplicht"),
])
def test_a_wrong_afschaling_closes_nothing(build, start, step, field, fragment) -> None:
    case = build.new_case(ave_phase=start[0], level=start[1])
    values = dict(decided_by="Stuurgroep", trigger="stabiel")
    values.update(step)
    with pytest.raises(ValidationError) as caught:
        cases.close_case(case, "klaar", retention_years=15, afschaling=cases.Afschaling(**values))
    assert fragment in str(caught.value) and caught.value.field == field
    stored = _stored(case)
    assert (stored.phase, stored.ave_phase, stored.level) == ("referral", start[0], start[1])
    assert Escalation.select().count() == 0


def test_a_closing_refused_for_another_reason_keeps_the_level(build) -> None:
    case = build.new_case()
    with pytest.raises(RuleError, match="bewaartermijn"):
        cases.close_case(case, "klaar", retention_years=None,
                         afschaling=cases.Afschaling(decided_by="b", trigger="t"))
    assert (_stored(case).level, Escalation.select().count()) == ("process", 0)
    assert cases.afschaling_ave(_stored(case)) == "2"
