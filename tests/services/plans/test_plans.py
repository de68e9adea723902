"""The plan van aanpak: adoption rules, frozen versions, revising, flags, ordering and the diff."""

from __future__ import annotations

import datetime as dt

import pytest

from zvh_tui.core.errors import RuleError, ValidationError
from zvh_tui.core.vocab import ActionStatus, Phase, PlanStatus
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.partners import participants
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.shared import context
from zvh_tui.store.models import Action, Assessment, Goal, Meeting, MeetingItem, Perspective, Plan

TODAY = dt.date(2026, 11, 23)
NEXT_WEEK = TODAY + dt.timedelta(days=7)


@pytest.fixture
def case(build):
    """A case in the plan phase with the referrer (Wijkteam Noord) as casusregisseur."""
    return build.to_phase(build.new_case(), Phase.PLAN)


def _plan(plan: Plan) -> Plan:
    return Plan.get_by_id(plan.id)


def _codes(plan: Plan) -> list[str]:
    return [b.code for b in plans.adoption_blockers(_plan(plan))]


# -- start and the adoption checklist -----------------------------------------------------------

def test_start_plan_creates_version_1_concept(case) -> None:
    plan = plans.start_plan(case)
    stored = _plan(plan)
    assert (stored.version, stored.status, stored.superseded) == (1, PlanStatus.CONCEPT.value, False)
    assert stored.director_partner_id == case.referrer_partner_id  # follows the casusregisseur
    assert plans.start_plan(case).id == plan.id  # the same concept again, not a second one
    assert plans.versions(case) == [stored]
    assert plans.status_label(stored) == "versie 1 · concept"


def test_adoption_blockers_list_every_missing_piece(build) -> None:
    case = build.new_case()  # no casusregisseur yet
    plan = plans.start_plan(case)
    blockers = plans.adoption_blockers(plan)
    assert [b.code for b in blockers] == ["shared_task", "director", "actions", "agreements", "evaluation"]
    text = " ".join(b.message for b in blockers)
    assert "gezamenlijke opgave" in text
    assert "Wijs een casusregisseur aan. Wie houdt het overzicht over dit plan van aanpak" in text
    assert "minstens één concrete actie" in text
    assert "minstens één afspraak" in text
    assert "evaluatiedatum" in text

    plans.add_action(plan, "Huisbezoek plannen")  # no owner, no deadline
    blockers = plans.adoption_blockers(_plan(plan))
    assert [b.code for b in blockers] == ["shared_task", "director", "nobody", "deadline", "agreements", "evaluation"]
    messages = {b.code: b.message for b in blockers}
    assert messages["nobody"] == "1 actie is niemands taak: geef haar een eigenaar of accepteer dat bewust."
    assert messages["deadline"] == "1 actie heeft geen deadline."
    plans.add_action(plan, "Buren spreken")
    messages = {b.code: b.message for b in plans.adoption_blockers(_plan(plan))}
    assert messages["nobody"] == "2 acties zijn niemands taak: geef ze een eigenaar of accepteer dat bewust."
    assert messages["deadline"] == "2 acties hebben geen deadline."


def test_blockers_clear_one_by_one_and_adopt_then_succeeds(case) -> None:
    plan = plans.start_plan(case)
    action = plans.add_action(plan, "Huisbezoek")
    plans.update_plan(plan, shared_task="Rust in huis")
    plans.update_plan(_plan(plan), evaluation_on="15-01-2027")
    plans.add_agreement(plan, "Politie belt binnen 24 uur")
    assert _codes(plan) == ["nobody", "deadline"]
    with pytest.raises(RuleError) as info:
        plans.adopt(_plan(plan))
    assert "kan nog niet worden vastgesteld" in str(info.value)
    assert "niemands taak" in str(info.value)
    assert _plan(plan).status == PlanStatus.CONCEPT.value
    plans.accept_nobody(action)
    assert _codes(plan) == ["deadline"]
    plans.update_action(Action.get_by_id(action.id), deadline="+2w")
    assert _codes(plan) == []
    adopted = plans.adopt(_plan(plan))
    stored = _plan(adopted)
    assert (stored.status, stored.adopted_on, stored.evaluation_on) == ("adopted", TODAY, dt.date(2027, 1, 15))
    assert PlanStatus.label_of(stored.status) == "vastgesteld"
    assert plans.adoption_blockers(stored)[0].message == "Versie 1 is al vastgesteld."


def test_cancelled_actions_do_not_block_and_done_needs_no_deadline(case) -> None:
    plan = plans.start_plan(case)
    plans.update_plan(plan, shared_task="Rust", evaluation_on=NEXT_WEEK)
    plans.add_agreement(plan, "Afspraak")
    loose = plans.add_action(plan, "Zonder eigenaar")
    plans.set_action_status(loose, ActionStatus.CANCELLED)
    assert _codes(plan) == ["actions"]  # a cancelled action is not a concrete action
    done = plans.add_action(plan, "Al gedaan", owner_partner_id=case.referrer_partner_id)
    plans.set_action_status(done, ActionStatus.DONE)
    assert _codes(plan) == []


def test_accept_nobody_refused_for_an_owned_action(case) -> None:
    plan = plans.start_plan(case)
    owned = plans.add_action(plan, "Huisbezoek", owner_partner_id=case.referrer_partner_id)
    with pytest.raises(RuleError, match="heeft een eigenaar"):
        plans.accept_nobody(owned)
    loose = plans.accept_nobody(plans.add_action(plan, "Schuldhulp zoeken"))
    plans.update_action(loose, owner_partner_id=case.referrer_partner_id)
    assert Action.get_by_id(loose.id).nobody_accepted is False  # an owner ends the acceptance


def test_update_plan_refusals(case) -> None:
    plan = plans.start_plan(case)
    with pytest.raises(ValidationError, match="hoort niet bij het plan"):
        plans.update_plan(plan, status="adopted")
    with pytest.raises(ValidationError, match="geen datum"):
        plans.update_plan(_plan(plan), evaluation_on="ooit")
    assert _plan(plan).status == PlanStatus.CONCEPT.value


def test_add_action_refusals(case, build) -> None:
    plan = plans.start_plan(case)
    with pytest.raises(ValidationError, match="Actie is verplicht"):
        plans.add_action(plan, "  ")
    with pytest.raises(ValidationError, match="partner bestaat niet"):
        plans.add_action(plan, "Bellen", owner_partner_id=9999)
    other_case = build.new_case("Piet", referrer=case.referrer_partner)
    other_goal = plans.add_goal(plans.start_plan(other_case), "Ander doel")
    with pytest.raises(ValidationError, match="andere versie van het plan"):
        plans.add_action(plan, "Bellen", goal=other_goal)
    assert plans.actions_of(plan) == []


# -- adopted is frozen; revise makes version N+1 ------------------------------------------------

@pytest.fixture
def adopted(case, build):
    plan = build.ready_plan(case)
    plans.set_assessment(plan, "wonen", strengths="Eigen huurhuis", concerns="Huurachterstand")
    plans.set_perspective(plan, case.referrer_partner_id, "Zorgen om de kinderen")
    plans.add_action(plan, "Los", deadline=NEXT_WEEK)
    plans.accept_nobody(Action.get(Action.text == "Los"))
    return plans.adopt(_plan(plan))


FROZEN_EDITS = {
    "update_plan": lambda p: plans.update_plan(p, shared_task="Anders"),
    "add_goal": lambda p: plans.add_goal(p, "Nieuw doel"),
    "update_goal": lambda p: plans.update_goal(plans.goals_of(p)[0], intent="Anders"),
    "delete_goal": lambda p: plans.delete_goal(plans.goals_of(p)[0]),
    "add_action": lambda p: plans.add_action(p, "Nieuw"),
    "update_action": lambda p: plans.update_action(plans.actions_of(p)[0], text="Anders"),
    "delete_action": lambda p: plans.delete_action(plans.actions_of(p)[0]),
    "accept_nobody": lambda p: plans.accept_nobody(plans.actions_of(p)[1], False),
    "add_agreement": lambda p: plans.add_agreement(p, "Nieuw"),
    "update_agreement": lambda p: plans.update_agreement(plans.agreements_of(p)[0], body="Anders"),
    "delete_agreement": lambda p: plans.delete_agreement(plans.agreements_of(p)[0]),
    "set_assessment": lambda p: plans.set_assessment(p, "financien", concerns="Schulden"),
    "set_perspective": lambda p: plans.set_perspective(p, p.director_partner_id, "Anders"),
    "move": lambda p: plans.move(plans.actions_of(p)[0], 1),
}


@pytest.mark.parametrize("edit", list(FROZEN_EDITS))
def test_adopted_plan_is_frozen(adopted, edit) -> None:
    before = (
        [(g.intent, g.position) for g in plans.goals_of(adopted)],
        [(a.text, a.position, a.nobody_accepted) for a in plans.actions_of(adopted)],
        [a.text for a in plans.agreements_of(adopted)],
        _plan(adopted).shared_task,
    )
    with pytest.raises(RuleError) as info:
        FROZEN_EDITS[edit](_plan(adopted))
    assert "Versie 1 is vastgesteld en ligt vast" in str(info.value)
    assert "Bijstellen" in str(info.value)
    after = (
        [(g.intent, g.position) for g in plans.goals_of(adopted)],
        [(a.text, a.position, a.nobody_accepted) for a in plans.actions_of(adopted)],
        [a.text for a in plans.agreements_of(adopted)],
        _plan(adopted).shared_task,
    )
    assert after == before


def test_start_plan_after_adoption_points_to_bijstellen(adopted) -> None:
    with pytest.raises(RuleError, match="Bijstellen"):
        plans.start_plan(adopted.case)


def test_revise_copies_everything_with_origin_links(adopted) -> None:
    old = _plan(adopted)
    new = plans.revise(old)
    stored = _plan(new)
    assert (stored.version, stored.status, stored.superseded) == (2, "concept", False)
    assert (stored.shared_task, stored.director_partner_id) == (old.shared_task, old.director_partner_id)
    assert stored.evaluation_on is None  # a revised plan gets its own evaluation date
    old_goals, new_goals = plans.goals_of(old), plans.goals_of(new)
    assert [g.intent for g in new_goals] == [g.intent for g in old_goals]
    assert [g.origin for g in new_goals] == [g.id for g in old_goals]
    old_actions, new_actions = plans.actions_of(old), plans.actions_of(new)
    assert [a.origin for a in new_actions] == [a.id for a in old_actions]
    assert [(a.text, a.owner_partner_id, a.deadline, a.status, a.nobody_accepted) for a in new_actions] == [
        (a.text, a.owner_partner_id, a.deadline, a.status, a.nobody_accepted) for a in old_actions
    ]
    # the action under a goal hangs under the copy of that goal
    assert new_actions[0].goal_id == new_goals[0].id
    assert [a.origin for a in plans.agreements_of(new)] == [a.id for a in plans.agreements_of(old)]
    [assessment] = plans.assessments_of(new)
    assert (assessment.life_domain, assessment.strengths, assessment.concerns) == (
        "wonen", "Eigen huurhuis", "Huurachterstand",
    )
    [perspective] = plans.perspectives_of(new)
    assert perspective.text == "Zorgen om de kinderen"
    assert Assessment.select().count() == 2 and Perspective.select().count() == 2
    assert _plan(old).status == "adopted"  # the adopted version is untouched until v2 is adopted


def test_revise_keeps_the_meeting_item_that_agreed_an_action(adopted) -> None:
    """Issue 13.6: `agreed_in` goes with the copy, so the new version still says which
    casusoverleg agreed each action; an action typed outside a meeting stays without one."""
    meeting = Meeting.create(kind="MDO", held_on=TODAY)
    item = MeetingItem.create(meeting=meeting, case=adopted.case)
    agreed = plans.actions_of(_plan(adopted))[0]
    Action.update(agreed_in=item).where(Action.id == agreed.id).execute()
    new = plans.revise(_plan(adopted))
    copies = {a.origin: a.agreed_in_id for a in plans.actions_of(new)}
    assert copies[agreed.id] == item.id
    assert [v for k, v in copies.items() if k != agreed.id] == [None] * (len(copies) - 1)
    assert len(copies) == 2
    assert Action.get_by_id(agreed.id).agreed_in_id == item.id  # the original keeps it too


def test_revise_refusals(adopted) -> None:
    new = plans.revise(_plan(adopted))
    with pytest.raises(RuleError, match="al een concept"):
        plans.revise(_plan(new))
    with pytest.raises(RuleError, match="Alleen de nieuwste versie"):
        plans.revise(_plan(adopted))
    assert [p.version for p in plans.versions(adopted.case)] == [1, 2]


def test_adopt_version_2_is_bijgesteld_and_supersedes_version_1(adopted) -> None:
    v2 = plans.revise(_plan(adopted))
    plans.update_plan(v2, evaluation_on="15-03-2027")
    plans.adopt(_plan(v2))
    v1, v2 = _plan(adopted), _plan(v2)
    assert (v1.status, v1.superseded) == ("adopted", True)
    assert (v2.status, v2.superseded) == ("revised", False)
    assert plans.status_label(v2) == "versie 2 · bijgesteld"
    assert cases.adopted_plan(v2.case).id == v2.id
    v3 = plans.revise(v2)
    plans.update_plan(v3, evaluation_on="15-06-2027")
    plans.adopt(_plan(v3))
    assert [(p.version, p.status, p.superseded) for p in plans.versions(v2.case)] == [
        (1, "adopted", True), (2, "revised", True), (3, "revised", False),
    ]


# -- monitoring -------------------------------------------------------------------------------

def test_status_and_feedback_allowed_on_the_adopted_plan(adopted) -> None:
    action = plans.actions_of(adopted)[0]
    plans.set_action_status(action, ActionStatus.BUSY)
    plans.set_feedback(Action.get_by_id(action.id), "Huisbezoek gedaan, vervolg volgt")
    stored = Action.get_by_id(action.id)
    assert (stored.status, stored.feedback, stored.feedback_on) == ("busy", "Huisbezoek gedaan, vervolg volgt", TODAY)
    plans.set_feedback(stored, "Later", on="20-11-2026")
    assert Action.get_by_id(action.id).feedback_on == dt.date(2026, 11, 20)
    plans.set_feedback(Action.get_by_id(action.id), "")
    assert Action.get_by_id(action.id).feedback_on is None


def test_status_and_feedback_refused_on_a_superseded_version(adopted) -> None:
    v2 = plans.revise(_plan(adopted))
    plans.update_plan(v2, evaluation_on="15-03-2027")
    plans.adopt(_plan(v2))
    old_action = plans.actions_of(adopted)[0]
    with pytest.raises(RuleError, match="vervangen"):
        plans.set_action_status(old_action, ActionStatus.DONE)
    with pytest.raises(RuleError, match="vervangen"):
        plans.set_feedback(old_action, "Te laat gemeld")
    stored = Action.get_by_id(old_action.id)
    assert (stored.status, stored.feedback) == ("open", "")
    with pytest.raises(ValidationError, match=r"'klaar' is geen status van een actie. Kies uit: open, bezig \(busy\)"):
        plans.set_action_status(plans.actions_of(v2)[0], "klaar")


def test_status_refused_in_a_closed_case(adopted) -> None:
    cases.close_case(adopted.case, "Klaar", retention_years=15, open_actions=cases.KEEP_OPEN_ACTIONS)
    with pytest.raises(RuleError, match="afgesloten"):
        plans.set_action_status(plans.actions_of(adopted)[0], ActionStatus.DONE)


# -- the flags beside an action ------------------------------------------------------------------

def test_action_flags(case, build) -> None:
    own = build.own()
    plan = plans.start_plan(case)
    nobody = plans.add_action(plan, "Niemand", deadline=NEXT_WEEK)
    mine = plans.add_action(plan, "Zelf doen", owner_partner_id=own.id, deadline=NEXT_WEEK)
    theirs = plans.add_action(plan, "Partner", owner_partner_id=case.referrer_partner_id)
    assert plans.action_flags(nobody, own.id) == ["niemands taak"]
    assert plans.action_flags(mine, own.id) == ["taak overgenomen?"]
    assert plans.action_flags(theirs, own.id) == ["geen deadline"]
    plans.accept_nobody(nobody)
    assert plans.action_flags(Action.get_by_id(nobody.id), own.id) == ["niemands taak (geaccepteerd)"]
    context.set_today(NEXT_WEEK + dt.timedelta(days=1))
    assert plans.action_flags(Action.get_by_id(mine.id), own.id) == ["taak overgenomen?", "te laat"]
    context.set_today(NEXT_WEEK)  # due today is not late
    assert plans.action_flags(Action.get_by_id(mine.id), own.id) == ["taak overgenomen?"]
    plans.set_action_status(Action.get_by_id(mine.id), ActionStatus.DONE)
    assert plans.action_flags(Action.get_by_id(mine.id), own.id) == []


def test_action_flags_finds_the_own_partner_by_itself(case, build) -> None:
    plan = plans.start_plan(case)
    mine = plans.add_action(plan, "Zelf doen", owner_partner_id=build.own().id, deadline=NEXT_WEEK)
    assert plans.action_flags(mine) == ["taak overgenomen?"]


# -- ordering and deleting ------------------------------------------------------------------------

def test_move_reorders_goals_actions_and_agreements(case) -> None:
    plan = plans.start_plan(case)
    a, b, c = (plans.add_goal(plan, name) for name in ("A", "B", "C"))
    plans.move(c, -1)
    assert [g.intent for g in plans.goals_of(plan)] == ["A", "C", "B"]
    plans.move(Goal.get_by_id(a.id), -1)  # already on top: nothing changes
    plans.move(Goal.get_by_id(b.id), +1)  # already at the bottom
    assert [g.intent for g in plans.goals_of(plan)] == ["A", "C", "B"]
    plans.move(Goal.get_by_id(a.id), +1)
    assert [g.intent for g in plans.goals_of(plan)] == ["C", "A", "B"]

    x = plans.add_action(plan, "x", goal=a)
    y = plans.add_action(plan, "y", goal=a)
    other = plans.add_action(plan, "z", goal=b)
    plans.move(y, -1)
    assert [act.text for act in plans.actions_of(plan, a)] == ["y", "x"]
    assert Action.get_by_id(other.id).position == 0  # siblings under another goal untouched
    assert Action.get_by_id(x.id).position == 1

    first = plans.add_agreement(plan, "eerste")
    plans.add_agreement(plan, "tweede")
    plans.move(first, +1)
    assert [ag.text for ag in plans.agreements_of(plan)] == ["tweede", "eerste"]


def test_delete_goal_keeps_its_actions_without_goal(case) -> None:
    plan = plans.start_plan(case)
    goal = plans.add_goal(plan, "Stabiel wonen", "wonen")
    action = plans.add_action(plan, "Huurschuld regelen", goal=goal)
    plans.delete_goal(goal)
    assert Goal.get_or_none(Goal.id == goal.id) is None
    stored = Action.get_by_id(action.id)
    assert (stored.text, stored.goal_id) == ("Huurschuld regelen", None)
    assert plans.actions_of(plan, None) == [stored]


def test_delete_action_and_agreement(case) -> None:
    plan = plans.start_plan(case)
    action = plans.add_action(plan, "Weg")
    agreement = plans.add_agreement(plan, "Weg")
    plans.delete_action(action)
    plans.delete_agreement(agreement)
    assert plans.actions_of(plan) == [] and plans.agreements_of(plan) == []


def test_assessment_both_empty_removes_the_row(case) -> None:
    plan = plans.start_plan(case)
    plans.set_assessment(plan, "financien", concerns="Schulden")
    plans.set_assessment(plan, "wonen", strengths="Eigen huis")
    assert [a.life_domain for a in plans.assessments_of(plan)] == ["wonen", "financien"]
    assert plans.set_assessment(plan, "financien") is None
    assert [a.life_domain for a in plans.assessments_of(plan)] == ["wonen"]


# -- the diff ---------------------------------------------------------------------------------

def test_diff_reads_aloud_what_changed(case, build) -> None:
    police = build.partner("Politie")
    participants.add_participant(case, police.id)
    v1 = plans.start_plan(case)
    plans.update_plan(v1, shared_task="Rust in huis", evaluation_on=dt.date(2027, 1, 15))
    keep = plans.add_goal(v1, "Stabiel wonen")
    plans.add_goal(v1, "Schulden saneren")
    plans.add_action(v1, "Huisbezoek", goal=keep, owner_partner_id=case.referrer_partner_id,
                     deadline=dt.date(2026, 12, 1))
    plans.add_action(v1, "Budgetcursus", owner_partner_id=police.id, deadline=dt.date(2026, 12, 10))
    plans.add_agreement(v1, "Politie belt binnen 24 uur")
    plans.adopt(_plan(v1), taartpunten_accepted=True)  # goal 2 has no action yet

    v2 = plans.revise(_plan(v1))
    plans.update_plan(v2, evaluation_on=dt.date(2027, 1, 15))
    plans.delete_goal(plans.goals_of(v2)[1])
    plans.add_goal(v2, "Dagbesteding vinden")
    visit = plans.actions_of(v2)[0]
    plans.update_action(visit, owner_partner_id=police.id, deadline=dt.date(2026, 12, 15))
    plans.set_action_status(Action.get_by_id(visit.id), ActionStatus.BUSY)
    plans.delete_action(plans.actions_of(v2)[1])
    plans.add_action(v2, "Werkcoach zoeken", deadline=dt.date(2027, 1, 5))
    plans.add_agreement(v2, "Wijkteam doet de huisbezoeken")

    assert plans.diff(_plan(v1), _plan(v2)).lines() == [
        "Doel toegevoegd: Dagbesteding vinden",
        "Doel vervallen: Schulden saneren",
        "Afspraak toegevoegd: Wijkteam doet de huisbezoeken",
        "Actie 'Huisbezoek': eigenaar Wijkteam Noord → Politie.",
        "Actie 'Huisbezoek': deadline 01-12-2026 → 15-12-2026.",
        "Actie 'Huisbezoek': open → bezig.",
        "Nieuwe actie: Werkcoach zoeken (niemands taak, 05-01-2027).",
        "Actie vervallen: Budgetcursus.",
    ]
    # The other way round (issue 11.12: swapping the versions swaps the text): back to version 1.
    assert plans.diff(_plan(v2), _plan(v1)).lines() == [
        "Doel toegevoegd: Schulden saneren",
        "Doel vervallen: Dagbesteding vinden",
        "Afspraak vervallen: Wijkteam doet de huisbezoeken",
        "Actie 'Huisbezoek': eigenaar Politie → Wijkteam Noord.",
        "Actie 'Huisbezoek': deadline 15-12-2026 → 01-12-2026.",
        "Actie 'Huisbezoek': bezig → open.",
        "Nieuwe actie: Budgetcursus (Politie, 10-12-2026).",
        "Actie vervallen: Werkcoach zoeken.",
    ]


def test_diff_of_opgave_director_and_evaluation(case, build) -> None:
    v1 = build.ready_plan(case)
    plans.adopt(v1)
    v2 = plans.revise(_plan(v1))
    plans.update_plan(v2, shared_task="Veilig thuis wonen", evaluation_on=dt.date(2027, 2, 1))
    police = build.partner("Politie")
    participants.set_director(case, police.id)
    assert plans.diff(_plan(v1), _plan(v2)).lines() == [
        "De gezamenlijke opgave is gewijzigd in: Veilig thuis wonen",
        "Casusregisseur: Wijkteam Noord → Politie.",
        "Evaluatiedatum: 04-01-2027 → 01-02-2027.",
    ]


def test_diff_follows_an_action_across_versions(case, build) -> None:
    v1 = build.ready_plan(case)
    plans.adopt(v1)
    v2 = plans.revise(_plan(v1))
    plans.update_plan(v2, evaluation_on=_plan(v1).evaluation_on)
    plans.adopt(_plan(v2))
    v3 = plans.revise(_plan(v2))
    plans.update_plan(v3, evaluation_on=_plan(v1).evaluation_on)
    plans.update_action(plans.actions_of(v3)[0], text="Huisbezoek met GGZ")
    assert plans.diff(_plan(v1), _plan(v3)).lines() == ["Actie herschreven: Huisbezoek → Huisbezoek met GGZ."]


def test_diff_of_identical_versions_says_no_changes(case, build) -> None:
    v1 = build.ready_plan(case)
    plans.adopt(v1)
    v2 = plans.revise(_plan(v1))
    plans.update_plan(v2, evaluation_on=_plan(v1).evaluation_on)
    result = plans.diff(_plan(v1), _plan(v2))
    assert result.changes == []
    assert result.lines() == ["Geen wijzigingen tussen versie 1 en versie 2."]


def test_diff_refuses_versions_of_different_cases(case, build) -> None:
    other = build.new_case("Piet", referrer=case.referrer_partner)
    with pytest.raises(ValidationError, match="verschillende casussen"):
        plans.diff(plans.start_plan(case), plans.start_plan(other))


# -- known bugs (xfail: the service must be fixed, not the test) -------------------------------

def test_update_agreement_refuses_an_unknown_partner(case) -> None:
    agreement = plans.add_agreement(plans.start_plan(case), "Belt bij incidenten")
    with pytest.raises(ValidationError, match="partner bestaat niet"):
        plans.update_agreement(agreement, partner_id=9999)


def test_adopt_refused_in_a_closed_case(case, build) -> None:
    plan = build.ready_plan(case)
    cases.close_case(case, "Klaar", retention_years=15, open_actions=cases.KEEP_OPEN_ACTIONS)
    with pytest.raises(RuleError, match="afgesloten"):
        plans.adopt(_plan(plan))


def test_a_blocker_has_a_short_checklist_line_and_the_full_refusal(build) -> None:
    plan = plans.start_plan(build.new_case())  # no casusregisseur yet
    director = next(b for b in plans.adoption_blockers(plan) if b.code == "director")
    assert director.line == "Wijs een casusregisseur aan."
    assert director.message.startswith("Wijs een casusregisseur aan. Wie houdt het overzicht")
    task = next(b for b in plans.adoption_blockers(plan) if b.code == "shared_task")
    assert task.line == task.message == "Formuleer de gezamenlijke opgave."
