"""The case services in English (issue 17): refusals carry a message id with parameters and read
in English, and the texts the services return for display (the caseload mirror, the AVE
warnings and proposals, the case list's counts and badges) are English with the right plural,
for one and for many. Dutch stays the source: the same refusal reads in Dutch again after the
switch back."""

from __future__ import annotations

import datetime as dt

import pytest
from fixtures_domain import TODAY
from i18nkit import dutch_words_in, set_language

from zvh_tui.core.errors import NotFound, RuleError, ValidationError
from zvh_tui.core.vocab import Phase
from zvh_tui.services.cases import ave, case_list, caseload, journal, namens
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.cases import persons as person_rules
from zvh_tui.services.partners import participants
from zvh_tui.services.plans import versions as plans
from zvh_tui.store.models import Action, Case, utcnow

DAY = dt.timedelta(days=1)


def english(text: str, *allowed: str) -> str:
    """`text`, checked to hold no Dutch-only word (names of test data allowed)."""
    assert dutch_words_in(text, allowed) == [], text
    return text


def _stored(case: Case) -> Case:
    return Case.get_by_id(case.id)


# -- refusals ---------------------------------------------------------------------------------

def test_closing_without_a_retention_period_is_refused_in_english(build) -> None:
    case = build.new_case("Jan Jansen")
    set_language("en")
    with pytest.raises(RuleError) as refused:
        cases.close_case(case, "goal reached", retention_years=None)
    assert refused.value.msgid == "cases.close.no_retention"
    assert str(refused.value).startswith("The retention period has not been set yet. Fill it in under Settings")
    english(str(refused.value), "Wmo")
    set_language("nl")
    assert str(refused.value).startswith("De bewaartermijn is nog niet ingesteld.")


@pytest.mark.parametrize(("count", "expected"), [
    (1, "There is still 1 open action in the plan of approach. Choose whether it lapses or stays open."),
    (3, "There are still 3 open actions in the plan of approach. Choose whether they lapse or stay open."),
])
def test_open_actions_at_closing_in_english_plurals(build, count: int, expected: str) -> None:
    case = build.new_case("Jan Jansen")
    plan = plans.start_plan(case)
    for n in range(count):
        plans.add_action(plan, f"Actie {n}")
    set_language("en")
    with pytest.raises(RuleError) as refused:
        cases.close_case(case, "goal reached", retention_years=15)
    assert refused.value.msgid == "cases.close.open_actions"
    assert refused.value.params == {"n": count}
    assert refused.value.field == "open_actions"
    assert str(refused.value) == expected
    assert cases.open_actions_text(count) == expected.split(" in the plan")[0]


def test_a_phase_skipped_and_a_closed_case_in_english(build) -> None:
    case = build.new_case("Jan Jansen")
    set_language("en")
    with pytest.raises(RuleError) as refused:
        cases.move_phase(case, Phase.ANALYSIS)
    assert refused.value.msgid == "cases.phase.step_by_step"
    assert str(refused.value) == f"A case goes step by step: first to {Phase.SCREENING.label}."
    english(str(refused.value))
    blockers = cases.phase_blockers(case, Phase.CLOSED)
    assert blockers == ["Close a case with 'Close': that takes a reason and the retention period."]


def test_the_missing_case_director_names_the_question_in_english(build) -> None:
    case = build.to_phase(build.new_case("Jan Jansen"), Phase.MEETING)  # no casusregisseur yet
    set_language("en")
    problems = cases.phase_problems(case, Phase.PLAN)
    assert len(problems) == 1
    assert problems[0].id == "cases.phase.no_director"
    assert str(problems[0]) == ("There is no case director yet. Who keeps the overview of this plan "
                                "of approach, and may I call them to hear whether everything is "
                                "still on track?")


def test_an_unknown_reference_and_a_missing_case_in_english(build) -> None:
    set_language("en")
    with pytest.raises(NotFound) as missing:
        cases.get_by_reference("2099-9999")
    assert missing.value.msgid == "cases.case.no_such_reference"
    assert missing.value.params == {"reference": "2099-9999"}
    assert str(missing.value) == "There is no case with number '2099-9999'."
    with pytest.raises(NotFound) as gone:
        cases.get_case(987654)
    assert (gone.value.msgid, str(gone.value)) == ("cases.case.gone", "This case does not exist (any more).")


def test_a_new_case_without_a_person_and_with_a_future_date_in_english(build) -> None:
    set_language("en")
    with pytest.raises(ValidationError) as refused:
        cases.create_case(cases.NewCase(persons=[]))
    assert (refused.value.msgid, refused.value.field) == ("cases.new.no_person", "person0.name")
    assert str(refused.value) == "Fill in at least one person involved."
    with pytest.raises(ValidationError) as required:
        cases.create_case(cases.NewCase(persons=[cases.NewPerson(name="Jan Jansen")], reason=""))
    assert required.value.msgid == "shared.text.required"
    assert str(required.value) == "Reason for referral is required."
    with pytest.raises(ValidationError) as future:
        cases.create_case(cases.NewCase(
            persons=[cases.NewPerson(name="Jan Jansen", date_of_birth="tomorrow")], reason="x"))
    assert future.value.msgid == "cases.person.born_in_future"
    assert str(future.value) == "The date of birth lies in the future."


def test_the_last_person_and_a_wrong_hat_in_english(build) -> None:
    case = build.new_case("Jan Jansen")
    person = cases.persons_of(case)[0][0]
    set_language("en")
    with pytest.raises(RuleError) as last:
        person_rules.remove_person(case, person.id, "wrong person")
    assert last.value.msgid == "cases.persons.last_person"
    assert str(last.value).startswith("This is the only person involved in the case.")
    with pytest.raises(ValidationError) as hat:
        journal.add_entry(case, "Called the school", hat="tovenaar")
    assert hat.value.msgid == "cases.journal.bad_hat"
    assert str(hat.value).startswith("Choose one of the six hats: ")
    english(str(hat.value))


def test_handing_over_to_the_same_partner_in_english(build) -> None:
    case = build.new_case("Jan Jansen")
    referrer = Case.get_by_id(case.id).referrer_partner
    set_language("en")
    with pytest.raises(ValidationError) as same:
        namens.hand_over(case, referrer.id, "moved")
    assert same.value.msgid == "cases.namens.already"
    assert same.value.params == {"partner": "Wijkteam Noord"}
    assert str(same.value) == "The case already runs on behalf of Wijkteam Noord."
    assert namens.of(case).label == "Wijkteam Noord (the referrer)"


# -- the caseload mirror ----------------------------------------------------------------------

def _running(build, name: str, partner=None):
    case = build.new_case(name)
    if partner is not None:
        participants.add_participant(case, partner.id)
    return case, plans.start_plan(case)


def _action(plan, owner, *, deadline=None, created=None):
    row = plans.add_action(plan, "Huisbezoek", owner_partner_id=owner.id, deadline=deadline)
    if created is not None:
        Action.update(created_at=dt.datetime.combine(created, dt.time(10))).where(Action.id == row.id).execute()
    return row


def test_the_own_load_in_english_plurals(build) -> None:
    own = build.own()
    set_language("en")
    assert caseload.mirror(TODAY).own.text() == "You carry no actions yourself"
    _first, plan = _running(build, "Eerste Casus")
    _action(plan, own)
    assert caseload.mirror(TODAY).own.text() == "You carry 1 action in 1 case yourself"
    _action(plan, own)
    _second, plan2 = _running(build, "Tweede Casus")
    _action(plan2, own)
    load = caseload.mirror(TODAY).own
    assert load.text() == "You carry 3 actions in 2 cases yourself"
    english(load.advice())
    assert load.advice().startswith("Keep direction, do not take tasks over")


def test_a_partner_note_and_proposal_in_english(build) -> None:
    ggz = build.partner("GGZ Noord")
    case, plan = _running(build, "Patroon Casus", ggz)
    _action(plan, ggz, deadline=TODAY - 5 * DAY, created=TODAY - 30 * DAY)
    set_language("en")
    found = next(p for p in caseload.mirror(TODAY).radar if p.name == "GGZ Noord")
    assert found.note() == ("Call GGZ Noord: 1 action past its deadline, 30 days without feedback — "
                            "speak to them, do not take the task over.")
    proposal = found.proposal()
    assert proposal.startswith(
        f"Escalation proposal GGZ Noord: 1 action past its deadline ({case.reference}); 1 action "
        f"has had no feedback for 21 days or longer (the longest 30 days) ({case.reference}).")
    english(proposal, "GGZ Noord")
    _action(plan, ggz, deadline=TODAY - 2 * DAY)
    found = next(p for p in caseload.mirror(TODAY).radar if p.name == "GGZ Noord")
    assert found.reasons()[0] == "2 actions past their deadline"


def test_the_summary_and_nazorg_signals_in_english(build) -> None:
    own, ggz = build.own(), build.partner("GGZ Noord")
    _case, plan = _running(build, "Samen Vatting", ggz)
    _action(plan, own)
    _action(plan, ggz, deadline=TODAY - DAY)
    closed = build.new_case("Bijna Klaar")
    cases.close_case(closed, "goal reached", retention_years=15, watch_until=TODAY + DAY, closed_on=TODAY)
    Case.update(watch_until=TODAY + 3 * DAY).where(Case.id == closed.id).execute()
    set_language("en")
    mirror = caseload.mirror(TODAY)
    assert mirror.summary() == (
        "You carry 1 action in 1 case yourself · 1 partner to speak to · 1 aftercare period ends")
    assert mirror.nazorg[0].signal() == "ends in 3 days"
    Case.update(watch_until=TODAY - DAY).where(Case.id == closed.id).execute()
    assert caseload.mirror(TODAY).nazorg[0].signal() == "passed, 1 day ago"
    Case.update(watch_until=TODAY).where(Case.id == closed.id).execute()
    assert caseload.mirror(TODAY).nazorg[0].signal() == "ends today"
    assert caseload.hat_totals(()) == "no notes with a hat"


# -- the AVE model ----------------------------------------------------------------------------

def test_contradictions_in_english() -> None:
    set_language("en")
    warnings = ave.contradictions("4", "case", "direction")
    assert len(warnings) == 2
    assert warnings[0].startswith("AVE phase 4 (")
    assert " at case level: " in warnings[0] and "management level" in warnings[0]
    assert warnings[1].startswith("The ZVH has process direction, but the case is at case level")
    for warning in warnings:
        english(warning)
    assert ave.level_name("lmm") == "the Maatwerkloket (LMM)"


def _quiet(case: Case, days: int) -> None:
    Case.update(updated_at=utcnow().replace(year=TODAY.year, month=TODAY.month, day=TODAY.day)
                - dt.timedelta(days=days)).where(Case.id == case.id).execute()


def test_a_proposal_in_english_with_its_plurals(build) -> None:
    team = build.partner("Wijkteam Noord", domain="gemeente")
    case = build.to_phase(build.new_case(referrer=team), Phase.EXECUTION)
    plan = plans.current(case)
    police = build.partner("Politie")
    concept = plans.revise(plan) if plan.status != "concept" else plan
    plans.add_action(concept, "Huisbezoek afleggen", owner_partner_id=police.id, deadline=TODAY - 12 * DAY)
    plans.update_plan(concept, evaluation_on=TODAY + 30 * DAY)
    plans.adopt(concept)
    _quiet(case, 30)
    set_language("en")
    proposal = ave.proposal(_stored(case), stagnation_days=30)
    assert proposal is not None
    assert proposal.trigger == (
        "Proposal to escalate: the cooperation is stuck.\n"
        "- 1 action overdue (Politie 1); the oldest 12 days past the deadline\n"
        "- quiet 30 days: 30 days without a change in the case (limit 30)")
    assert proposal.summary == "escalate to management level: 1 action overdue · quiet 30 days"
    english(proposal.trigger, "Politie")


# -- the case list ----------------------------------------------------------------------------

def test_counts_badges_and_the_sort_menu_in_english(build) -> None:
    set_language("en")
    assert case_list.count_text(1) == "1 case"
    assert case_list.count_text(1234) == "1,234 cases"
    assert case_list.count_text(12, 1234) == "12 of 1,234 cases"
    assert case_list.ave_full("3", "process").startswith("AVE phase 3 (")
    menu = dict((code, label) for _key, label, code in case_list.sort_menu())
    assert menu["days"] == "Days since change (quiet longest first)"
    for label in menu.values():
        english(label)
    case = build.new_case("Jan Jansen")
    _quiet(case, 40)
    row = next(r for r in case_list.load_rows(stagnation_days=30, today=TODAY) if r.id == case.id)
    assert "quiet 40 days" in row.badges
    english(" · ".join(row.badges))
