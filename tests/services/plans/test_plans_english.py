"""The plan's rules and exports in English (issue 17): refusals carry a message id and read in the
language of the moment; the plan export comes out whole in the language asked for, while the
Dutch export stays as it was."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from fixtures_plans import full_plan  # tests/kits is on the path
from i18nkit import dutch_words_in

from zvh_tui.core import i18n
from zvh_tui.core.errors import NotFound, RuleError
from zvh_tui.services.plans import plan_export, plan_undo, quick_entry
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.shared import paper
from zvh_tui.store.models import Plan

TODAY = dt.date(2026, 11, 23)  # as frozen by conftest.py

# What the user typed and the names in the roster: data, shown as it was stored.
USER_DATA = (
    "Rust in huis en een dak boven het hoofd", "Wil in de wijk blijven wonen", "Risico voor de buren",
    "Patiënt die zorg mijdt", "Vaste woning", "Uithuiszetting dreigt", "Stabiel wonen", "Grip op geld",
    "Huisbezoek plannen", "Uitkering regelen", "Melding bij incident opvolgen", "ID-kaart aanvragen",
    "Bij een incident belt de politie binnen 24 uur de casusregisseur", "De gemeente informeert de buren",
    "Iedereen meldt wijzigingen aan de casusregisseur", "Wijkteam Noord", "Gemeente Breda", "P. Jansen",
    "GGZ Breburg", "Politie", "Marco de Wit",
)


@pytest.fixture
def english():
    i18n.set_language("en")
    yield
    i18n.set_language("nl")


def test_blockers_count_in_english(plan_case, english) -> None:
    plan = plans.start_plan(plan_case.case)
    plans.add_action(plan, "ID-kaart aanvragen")
    plans.add_action(plan, "Huisbezoek plannen")
    by_code = {b.code: b for b in plans.adoption_blockers(plan)}
    assert by_code["nobody"].msgid == "plans.adopt.nobody"
    assert by_code["nobody"].message == ("2 actions are nobody's task: give them an owner or accept that "
                                         "consciously.")
    assert by_code["deadline"].message == "2 actions have no deadline."


def test_an_adopted_version_refuses_changes_in_english(plan_case, english) -> None:
    plan = full_plan(plan_case)
    nobody = plans.actions_of(plan)[-1]
    plans.accept_nobody(nobody)
    plans.update_action(plans.get_action(nobody.id), deadline=TODAY + dt.timedelta(days=3))
    plans.adopt(plan, taartpunten_accepted=True)
    with pytest.raises(RuleError) as refused:
        plans.add_goal(Plan.get_by_id(plan.id), "Nog een doel")
    assert refused.value.msgid == "plans.versions.fixed"
    assert str(refused.value) == "Version 1 is adopted and fixed. Choose 'Revise' to make a new version."
    with pytest.raises(RuleError) as again:
        plans.start_plan(plan_case.case)
    assert again.value.msgid == "plans.versions.already_adopted"
    assert "There is already an adopted plan." in str(again.value)


def test_not_found_and_nothing_to_undo_in_english(profile, english) -> None:
    with pytest.raises(NotFound) as missing:
        plans.get_plan(987654)
    assert (missing.value.msgid, str(missing.value)) == (
        "plans.versions.plan_gone", "This plan does not exist (any more).")
    with pytest.raises(RuleError) as nothing:
        plan_undo.UndoHistory().undo()
    assert (nothing.value.msgid, str(nothing.value)) == ("plans.undo.nothing", "Nothing more to undo.")


def test_flags_diff_and_quick_entry_problems_in_english(plan_case, english) -> None:
    plan = full_plan(plan_case)
    nobody = plans.actions_of(plan)[-1]
    assert plans.action_flags(nobody) == ["nobody's task", "no deadline"]
    assert plans.taartpunten(plan) == []
    plans.accept_nobody(nobody)
    plans.update_action(plans.get_action(nobody.id), deadline=TODAY + dt.timedelta(days=3))
    assert plans.action_flags(plans.get_action(nobody.id)) == ["nobody's task (accepted)"]
    plans.adopt(plan, taartpunten_accepted=True)
    new = plans.revise(Plan.get_by_id(plan.id))
    plans.add_goal(new, "Werk vinden")
    lines = plans.diff(Plan.get_by_id(plan.id), new).lines()
    assert lines == ["Review date: 04/01/2027 → none.", "Goal added: Werk vinden"]
    entry = quick_entry.parse_quick_entry("Huisbezoek plannen", today=TODAY)
    assert [p.message for p in entry.problems] == [
        "This action has no owner: nobody's task. Choose an owner or accept that consciously."]
    empty = quick_entry.parse_quick_entry("@wijkteam", today=TODAY)
    assert empty.problems[0].message == "What needs to happen? Type the action first."


# -- the export --------------------------------------------------------------------------------------

def test_the_markdown_export_in_english_holds_no_dutch(plan_case) -> None:
    full_plan(plan_case)
    text = plan_export.export_plan(plan_case.case.reference, "md", language="en")
    assert i18n.current() == "nl"  # the export had its own language; the UI keeps Dutch
    assert text.startswith(f"# Plan of approach · case {plan_case.case.reference}")
    for expected in ("Version 1 · draft", "## Joint task", "## The client's view and wishes",
                     "## Perspectives of the partners", "## Strengths and concerns per life domain",
                     "### Goal 1: Stabiel wonen (housing)", "owner: Wijkteam Noord",
                     "deadline: 27/11/2026", "status: open", "[nobody's task, no deadline]",
                     "## Agreements", "(all partners)", "## Case director", "## Review", "04/01/2027"):
        assert expected in text, expected
    assert dutch_words_in(text, allowed=USER_DATA) == []


def test_the_html_export_in_english_holds_no_dutch_of_the_plan(plan_case) -> None:
    full_plan(plan_case)
    page = plan_export.export_plan(plan_case.case.reference, "html", language="en")
    assert "<h2>Goals and actions</h2>" in page and "<h2>Joint task</h2>" in page
    body = re.sub(r"<style>.*?</style>", " ", page, flags=re.S)
    body = re.sub(r"<[^>]+>", " ", body)
    # The print frame's own words are services/shared/paper.py's (translated there).
    frame = [getattr(paper, "FOOTER_NOTE", ""), getattr(paper, "CONFIDENTIAL", ""),
             *getattr(paper, "ACTION_HEADERS", ())]
    assert dutch_words_in(body, allowed=[*USER_DATA, *(text for text in frame if text)]) == []


def test_the_dutch_export_is_unchanged(plan_case) -> None:
    full_plan(plan_case)
    default = plan_export.export_plan(plan_case.case.reference, "md")
    i18n.set_language("en")  # an English UI asking for the Dutch export gets the same Dutch text
    dutch = plan_export.export_plan(plan_case.case.reference, "md", language="nl")
    assert dutch == default
    for expected in (f"# Plan van aanpak · casus {plan_case.case.reference}", "Versie 1 · concept",
                     "## Gezamenlijke opgave", "### Doel 1: Stabiel wonen (wonen)", "deadline: 27-11-2026",
                     "[niemands taak, geen deadline]", "## Afspraken", "(alle partners)", "## Evaluatie"):
        assert expected in dutch, expected


def test_a_goal_without_a_partner_is_named_in_english(plan_case, english) -> None:
    plan = full_plan(plan_case)
    lonely = plans.add_goal(plan, "Werk vinden")
    plans.add_action(plan, "Sollicitatiebrief schrijven", goal=lonely, owner_partner_id=plan_case.gemeente.id,
                     deadline=TODAY + dt.timedelta(days=9))
    plans.update_action(plans.actions_of(plan, lonely)[0], owner_partner_id=None)
    assert plans.taartpunten(plan) == ["pie slice (taartpunt) without an owner: goal 3 «Werk vinden»"]
    nobody = [a for a in plans.actions_of(plan) if a.owner_partner_id is None]
    for action in nobody:
        plans.accept_nobody(action)
        plans.update_action(plans.get_action(action.id), deadline=TODAY + dt.timedelta(days=3))
    with pytest.raises(RuleError) as refused:
        plans.adopt(Plan.get_by_id(plan.id))
    assert refused.value.msgid == "plans.adopt.taartpunten"
    assert str(refused.value).startswith("Not every goal has a partner with an action: pie slice (taartpunt)")
    assert dutch_words_in(str(refused.value), allowed=["Werk vinden"]) == []
