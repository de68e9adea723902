"""The plan editor driven by keyboard only (Pilot): what the user sees and what is stored."""

from __future__ import annotations

import datetime as dt
import stat

import pytest
from uikit import screen_text, wait_for

from zvh_tui.app import ZvhApp
from zvh_tui.core.vocab import ActionStatus, PlanStatus
from zvh_tui.screens.plans.plan_dialogs import OwnerDialog, PlanConfirm
from zvh_tui.screens.plans.plan_diff import PlanDiffScreen
from zvh_tui.screens.plans.plan_editor import PlanEditorScreen
from zvh_tui.screens.plans.plan_line_editor import PlanLineEditor
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Action, Agreement, Goal, Plan
from zvh_tui.widgets.dialogs import ChoiceDialog, MessageDialog

TODAY = dt.date(2026, 11, 23)  # a Monday, as frozen by conftest.py


def outline_text(app: ZvhApp) -> str:
    """Every line of the outline, also those scrolled out of view."""
    editor = app.screen_stack[-1] if isinstance(app.screen_stack[-1], PlanEditorScreen) else next(
        s for s in app.screen_stack if isinstance(s, PlanEditorScreen))
    return "\n".join(row.text.plain for row in editor.outline.rows)


async def type_text(pilot, text: str) -> None:
    """Type like a person: one key per character (sent in one go, then wait once)."""
    await pilot.press(*text)


async def open_plan(app: ZvhApp, pilot, case_id: int) -> PlanEditorScreen:
    await pilot.pause()
    screen = PlanEditorScreen(case_id)
    await app.push_screen(screen)
    await wait_for(pilot, lambda: screen.plan is not None and screen.outline.rows)
    return screen


async def quick_add(pilot, screen: PlanEditorScreen, line: str) -> None:
    before = Action.select().count()
    if not screen.quick.has_focus:
        await pilot.press("a")
    await type_text(pilot, line)
    await pilot.press("enter")
    await wait_for(pilot, lambda: Action.select().count() == before + 1)
    await pilot.pause()


def current_plan(case) -> Plan:
    return plans.current(case)


async def select_key(pilot, screen: PlanEditorScreen, key: tuple) -> None:
    """Move the cursor with arrow keys to `key` (as a user would; the presses sent in one go)."""
    screen.outline.focus()
    await pilot.pause()
    selectable = [row.key for row in screen.outline.rows if row.selectable]
    steps = selectable.index(key) - selectable.index(screen.outline.selected_key)
    if steps:
        await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps))
    assert screen.outline.selected_key == key


# -- writing a plan by keyboard only --------------------------------------------------------------

async def test_write_a_plan_with_goals_and_actions_by_keyboard_only(profile: Profile, plan_case) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        plan = current_plan(plan_case.case)
        assert (plan.version, plan.status) == (1, PlanStatus.CONCEPT.value)  # started by opening
        assert screen.outline.selected_key == ("shared_task",)

        await pilot.press("enter")  # edit the opgave in place
        await wait_for(pilot, lambda: screen.query(PlanLineEditor))
        await type_text(pilot, "Rust in huis")
        await pilot.press("enter")
        await wait_for(pilot, lambda: not screen.query(PlanLineEditor))
        assert Plan.get_by_id(plan.id).shared_task == "Rust in huis"

        await pilot.press("g")  # a goal
        await type_text(pilot, "Stabiel wonen")
        await pilot.press("enter")
        await wait_for(pilot, lambda: Goal.select().count() == 1)
        goal = Goal.get()
        assert goal.intent == "Stabiel wonen"
        assert screen.outline.selected_key == ("goal", goal.id)
        await pilot.press("l")  # its leefgebied
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("enter")  # the first: wonen
        await wait_for(pilot, lambda: Goal.get_by_id(goal.id).life_domain == "wonen")

        await quick_add(pilot, screen, "huisbezoek plannen @wijkteam vr")  # under the selected goal
        await quick_add(pilot, screen, "uitkering regelen @gemeente/Jansen +2w")

        await pilot.press("escape")  # from the quick entry back to the outline
        assert screen.outline.has_focus
        await pilot.press("A")  # an afspraak
        await wait_for(pilot, lambda: screen.query(PlanLineEditor))
        await type_text(pilot, "Politie belt bij incident")
        await pilot.press("enter")
        await wait_for(pilot, lambda: Agreement.select().count() == 1)

        screen.outline.focus()
        await pilot.press("end")  # the evaluation date is the last line
        assert screen.outline.selected_key == ("evaluation",)
        await pilot.press("enter")
        await type_text(pilot, "+6w")
        await pilot.press("enter")
        await wait_for(pilot, lambda: Plan.get_by_id(plan.id).evaluation_on == TODAY + dt.timedelta(weeks=6))

        actions = plans.actions_of(plan)
        assert [(a.text, a.goal_id, a.owner_partner_id, a.owner_contact_id, a.deadline) for a in actions] == [
            ("huisbezoek plannen", goal.id, plan_case.wijkteam.id, None, dt.date(2026, 11, 27)),
            ("uitkering regelen", goal.id, plan_case.gemeente.id, plan_case.jansen.id, dt.date(2026, 12, 7)),
        ]
        shown = outline_text(app)
        assert "Doel 1: Stabiel wonen  [wonen]" in shown
        assert "• huisbezoek plannen" in shown and "Wijkteam Noord · vr 27-11-2026 · open" in shown
        assert "Gemeente Breda / P. Jansen · ma 07-12-2026 · open" in shown
        text = screen_text(app)
        assert "✓ Alles is klaar: vaststellen met v." in text
        assert "Opgeslagen" in text


async def test_quick_entry_preview_shows_what_will_be_stored(profile: Profile, plan_case) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_plan(app, pilot, plan_case.case.id)
        await pilot.press("a")
        await type_text(pilot, "uitkering regelen @gemeente/Jansen +2w")
        await pilot.pause()
        text = screen_text(app)
        assert "→ uitkering regelen · eigenaar: Gemeente Breda / P. Jansen · deadline: ma 07-12-2026" in text


async def test_quick_entry_without_owner_asks_and_can_accept_nobody(profile: Profile, plan_case) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        await quick_add(pilot, screen, "ID-kaart aanvragen +1w")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        dialog = screen_text(app)
        assert "Wie is eigenaar van 'ID-kaart aanvragen'?" in dialog
        assert "niemands taak" in dialog and "Bewust accepteren als niemands taak" in dialog
        action = Action.get()
        assert action.owner_partner_id is None  # stored at once, as niemands taak
        await pilot.press("enter")  # the first option: accept consciously
        await wait_for(pilot, lambda: Action.get_by_id(action.id).nobody_accepted)
        assert "[niemands taak (geaccepteerd)]" in outline_text(app)


async def test_unknown_owner_is_asked_among_the_candidates(profile: Profile, plan_case) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        await quick_add(pilot, screen, "schuld bevriezen @belastingdienst morgen")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        assert "Geen partner gevonden voor '@belastingdienst'" in screen_text(app)
        await pilot.press("down", "enter")  # the second candidate: Gemeente Breda (at the table)
        await wait_for(pilot, lambda: Action.get().owner_partner_id is not None)
        action = Action.get()
        assert action.owner_partner_id == plan_case.gemeente.id
        assert (action.text, action.deadline) == ("schuld bevriezen", TODAY + dt.timedelta(days=1))


async def test_unreadable_deadline_opens_the_deadline_field(profile: Profile, plan_case) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        await quick_add(pilot, screen, "huisbezoek @politie 31-02")
        await wait_for(pilot, lambda: screen.query(PlanLineEditor))
        assert "Deadline: '31-02' is geen datum." in screen_text(app)
        assert app.focused is not None and app.focused.id == "edit-deadline"
        await type_text(pilot, "vr")
        await pilot.press("enter")
        await wait_for(pilot, lambda: Action.get().deadline == dt.date(2026, 11, 27))


# -- rules visible and refusals explained ------------------------------------------------------------

async def test_adopt_refused_with_the_list_then_allowed(profile: Profile, plan_case) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        await pilot.press("v")
        await wait_for(pilot, lambda: "Nog niet vast te stellen" in screen_text(app))
        text = screen_text(app)
        assert "Formuleer de gezamenlijke opgave." in text
        assert "Leg minstens één afspraak vast" in text
        assert current_plan(plan_case.case).status == PlanStatus.CONCEPT.value
        assert isinstance(app.screen, MessageDialog)  # a refusal stays until read (issue 11.21)
        assert not app._notifications
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is screen)

        plan = current_plan(plan_case.case)  # the rest through the services, to keep this test short
        plans.update_plan(plan, shared_task="Rust in huis", evaluation_on=TODAY + dt.timedelta(days=40))
        plans.add_action(plan, "Huisbezoek", owner_partner_id=plan_case.wijkteam.id, deadline=TODAY)
        plans.add_agreement(plan, "Politie belt de casusregisseur")
        screen.refresh_plan()
        await pilot.pause()
        assert "✓ Alles is klaar" in screen_text(app)

        await pilot.press("v")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanConfirm))
        assert "vaststellen?" in screen_text(app)
        await pilot.press("j")
        await wait_for(pilot, lambda: current_plan(plan_case.case).status == PlanStatus.ADOPTED.value)
        await pilot.pause()
        assert current_plan(plan_case.case).adopted_on == TODAY
        text = screen_text(app)
        assert "versie 1 · vastgesteld op 23-11-2026" in text
        assert "liggen vast" in text


def _adopted(pc) -> Plan:
    plan = plans.start_plan(pc.case)
    plans.update_plan(plan, shared_task="Rust in huis", evaluation_on=TODAY + dt.timedelta(days=40))
    goal = plans.add_goal(plan, "Stabiel wonen", "wonen")
    plans.add_action(plan, "Huisbezoek", goal=goal, owner_partner_id=pc.wijkteam.id,
                     deadline=TODAY + dt.timedelta(days=4))
    plans.add_agreement(plan, "Politie belt de casusregisseur")
    return plans.adopt(Plan.get_by_id(plan.id))


async def test_adopted_version_refuses_edits_with_the_reason_but_allows_monitoring(profile: Profile, plan_case) -> None:
    adopted = _adopted(plan_case)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        await pilot.press("g", "A", "a", "v")  # greyed at once (issue 11.10): nothing opens
        await pilot.pause()
        assert app.screen is screen and not screen.query(PlanLineEditor)
        assert Goal.select().count() == 1 and not screen.quick.has_focus and screen.quick.disabled
        for action in ("add_goal", "add_agreement", "quick_entry", "adopt", "delete", "owner"):
            assert screen.check_action(action, ()) is None, action
        assert screen.check_action("revise", ()) is True
        assert "Bijstellen (b) maakt een nieuwe versie" in screen_text(app)
        screen.call_later(screen.action_add_goal)  # reached some other way: refused, naming the key
        await wait_for(pilot, lambda: "Druk b om bij te stellen." in screen_text(app))
        assert isinstance(app.screen, MessageDialog) and "ligt vast" in screen_text(app)
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)

        action = plans.actions_of(adopted)[0]
        await select_key(pilot, screen, ("action", action.id))
        await pilot.press("space")  # monitoring: the status may change
        await wait_for(pilot, lambda: Action.get_by_id(action.id).status == ActionStatus.BUSY.value)
        await pilot.press("t")  # and the last feedback
        await wait_for(pilot, lambda: screen.query(PlanLineEditor))
        await type_text(pilot, "Huisbezoek gepland op donderdag")
        await pilot.press("enter")
        await wait_for(pilot, lambda: Action.get_by_id(action.id).feedback == "Huisbezoek gepland op donderdag")
        assert Action.get_by_id(action.id).feedback_on == TODAY
        assert "terugkoppeling 23-11-2026: Huisbezoek gepland op donderdag" in outline_text(app)


async def test_revise_then_diff_shows_an_owner_change(profile: Profile, plan_case) -> None:
    _adopted(plan_case)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        await pilot.press("b")  # asks first (issue 11.10); Enter: Bijstellen
        await wait_for(pilot, lambda: isinstance(app.screen, PlanConfirm))
        await pilot.press("enter")
        await wait_for(pilot, lambda: current_plan(plan_case.case).version == 2)
        await pilot.pause()
        assert "versie 2 · concept" in screen_text(app)
        action = plans.actions_of(current_plan(plan_case.case))[0]
        await select_key(pilot, screen, ("action", action.id))
        await pilot.press("o")
        await wait_for(pilot, lambda: isinstance(app.screen, OwnerDialog))
        await type_text(pilot, "politie")
        await pilot.pause()
        await pilot.press("enter")
        await wait_for(pilot, lambda: Action.get_by_id(action.id).owner_partner_id == plan_case.politie.id)

        await pilot.press("c")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanDiffScreen))
        await pilot.pause()
        text = screen_text(app)
        assert "Van versie 1 · vastgesteld op 23-11-2026 naar versie 2 · concept" in text
        assert "2 wijzigingen." in text
        assert "1. Evaluatiedatum: 02-01-2027 → geen." in text  # bijstellen asks for a new date
        assert "2. Actie 'Huisbezoek': eigenaar Wijkteam Noord → Politie." in text
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.screen is screen)

        await pilot.press("w")  # the earlier version stays readable
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: screen.plan.version == 1)
        await pilot.pause()
        text = screen_text(app)
        assert "versie 1 · vastgesteld op 23-11-2026" in text and "liggen vast" in text
        assert "Wijkteam Noord" in outline_text(app)


# -- never lose a keystroke, and undo -------------------------------------------------------------------

async def test_typing_is_saved_while_typing_and_escape_cancels_only_that_edit(profile: Profile, plan_case) -> None:
    plan = plans.start_plan(plan_case.case)
    plans.update_plan(plan, shared_task="Rust in huis")
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_plan(app, pilot, plan_case.case.id)
        await pilot.press("enter")
        await type_text(pilot, " en school")
        await wait_for(pilot, lambda: Plan.get_by_id(plan.id).shared_task == "Rust in huis en school")  # no Enter
        assert "Opgeslagen" in screen_text(app)
        await pilot.press("escape")  # cancels this edit: back to what was there
        await wait_for(pilot, lambda: Plan.get_by_id(plan.id).shared_task == "Rust in huis")
        assert "Rust in huis en school" not in outline_text(app)


async def test_undo_takes_back_the_last_change(profile: Profile, plan_case) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        await quick_add(pilot, screen, "huisbezoek plannen @wijkteam vr")
        action = Action.get()
        screen.outline.focus()
        await pilot.press("space")  # open → bezig
        await wait_for(pilot, lambda: Action.get_by_id(action.id).status == ActionStatus.BUSY.value)
        await pilot.press("u")
        await wait_for(pilot, lambda: Action.get_by_id(action.id).status == ActionStatus.OPEN.value)

        await pilot.press("x")  # delete, with a typed confirmation
        await wait_for(pilot, lambda: isinstance(app.screen, PlanConfirm))
        assert "Actie 'huisbezoek plannen' verwijderen?" in screen_text(app)
        await pilot.press("n")  # no: nothing happens
        await wait_for(pilot, lambda: app.screen is screen)
        assert Action.get_or_none(Action.id == action.id) is not None
        await pilot.press("x")
        await wait_for(pilot, lambda: isinstance(app.screen, PlanConfirm))
        await pilot.press("j")
        await wait_for(pilot, lambda: Action.get_or_none(Action.id == action.id) is None)
        assert "huisbezoek plannen" not in outline_text(app)
        await pilot.press("ctrl+z")
        await wait_for(pilot, lambda: Action.get_or_none(Action.id == action.id) is not None)
        restored = Action.get_by_id(action.id)
        assert (restored.text, restored.owner_partner_id, restored.deadline) == (
            "huisbezoek plannen", plan_case.wijkteam.id, dt.date(2026, 11, 27))
        assert "huisbezoek plannen" in outline_text(app)


async def test_a_field_being_typed_is_saved_when_the_app_quits(profile: Profile, plan_case, profile_dir) -> None:
    plan = plans.start_plan(plan_case.case)
    raw_key = profile.store.raw_key
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_plan(app, pilot, plan_case.case.id)
        screen = app.screen
        await select_key(pilot, screen, ("evaluation",))
        await pilot.press("enter")
        await type_text(pilot, "15-01")  # a date field is saved when left: here, by quitting
        await pilot.press("ctrl+q")
    reopened = Profile.from_dir(profile_dir)
    reopened.unlock_with_key(raw_key)
    try:
        assert Plan.get_by_id(plan.id).evaluation_on == dt.date(2027, 1, 15)
    finally:
        reopened.close()


# -- casusregisseur, markup, export -------------------------------------------------------------------

async def test_breda_question_without_casusregisseur_and_choosing_one(profile: Profile, plan_case_without_director) -> None:
    pc = plan_case_without_director
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot, pc.case.id)
        assert "Geen casusregisseur" in screen_text(app)  # beside the outline, and in it:
        assert "Nog niet afgesproken. Wie houdt het overzicht over dit plan van aanpak" in outline_text(app)
        await select_key(pilot, screen, ("director",))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("down", "enter")  # Gemeente Breda
        await wait_for(pilot, lambda: cases.director_of(pc.case) is not None)
        assert cases.director_of(pc.case).partner_id == pc.gemeente.id
        await pilot.pause()
        assert "Geen casusregisseur" not in screen_text(app)


async def test_user_text_with_markup_is_shown_literally(profile: Profile, plan_case) -> None:
    plan = plans.start_plan(plan_case.case)
    plans.update_plan(plan, shared_task="Let op [/b] en [bold]niet vet[/bold]")
    plans.add_action(plan, "Bel [red]nu[/red]", owner_partner_id=plan_case.politie.id, deadline=TODAY)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_plan(app, pilot, plan_case.case.id)
        text = screen_text(app)
        assert "Let op [/b] en [bold]niet vet[/bold]" in text
        assert "• Bel [red]nu[/red]" in outline_text(app)


async def test_export_from_the_screen_writes_a_private_file(profile: Profile, plan_case) -> None:
    plan = plans.start_plan(plan_case.case)
    plans.add_action(plan, "Uitkering regelen", owner_partner_id=plan_case.gemeente.id, deadline=TODAY)
    plans.add_action(plan, "Huisbezoek", owner_partner_id=plan_case.wijkteam.id, deadline=TODAY)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_plan(app, pilot, plan_case.case.id)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("enter")  # HTML
        await wait_for(pilot, lambda: "Taal van het plan" in screen_text(app))
        assert "Nederlands" in screen_text(app) and "English" in screen_text(app)
        await pilot.press("enter")  # the screen's own language is where the cursor starts
        await wait_for(pilot, lambda: "Voor wie?" in screen_text(app))
        await pilot.press("down", "down", "enter")  # the second partner at the table: Gemeente Breda
        target = profile.paths.data / "exports" / f"plan-{plan_case.case.reference}-v1-gemeente-breda.html"
        await wait_for(pilot, target.exists)
        await pilot.pause()
        assert "Plan geëxporteerd" in screen_text(app)
    content = target.read_text(encoding="utf-8")
    assert "Uitkering regelen" in content and "Huisbezoek" not in content
    assert "Plan van aanpak" in content and '<html lang="nl"' in content
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


async def test_export_in_english_while_the_screen_stays_dutch(profile: Profile, plan_case) -> None:
    """Issue 17.5: the language is chosen per export; the app goes on in Dutch."""
    plan = plans.start_plan(plan_case.case)
    plans.add_action(plan, "Uitkering regelen", owner_partner_id=plan_case.gemeente.id, deadline=TODAY)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await open_plan(app, pilot, plan_case.case.id)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("enter")  # HTML
        await wait_for(pilot, lambda: "Taal van het plan" in screen_text(app))
        await pilot.press("e")  # English, at once
        await wait_for(pilot, lambda: "Voor wie?" in screen_text(app))
        await pilot.press("enter")  # the full plan
        await wait_for(pilot, lambda: "Plan geëxporteerd" in screen_text(app))
        assert "Plan of approach" not in screen_text(app)  # the screen itself stays Dutch
    [target] = (profile.paths.data / "exports").glob(f"plan-{plan_case.case.reference}-*.html")
    content = target.read_text(encoding="utf-8")
    assert '<html lang="en"' in content and "Plan of approach" in content
    assert "Plan van aanpak" not in content and "Uitkering regelen" in content  # user text as typed


@pytest.mark.parametrize("key", ["space", "o", "l", "x"])
async def test_keys_that_do_not_apply_are_greyed_not_run(profile: Profile, plan_case, key: str) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        assert screen.outline.selected_key == ("shared_task",)
        await pilot.press(key)
        await pilot.pause()
        assert app.screen is screen and not screen.query(PlanLineEditor)
        action = {"space": "cycle_status", "o": "owner", "l": "life_domain", "x": "delete"}[key]
        assert screen.check_action(action, ()) is None


async def test_krachten_zorgen_and_a_perspective_by_keyboard(profile: Profile, plan_case) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        plan = current_plan(plan_case.case)
        await select_key(pilot, screen, ("add_assessment",))
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, ChoiceDialog))
        await pilot.press("down", "enter")  # financiën
        await wait_for(pilot, lambda: screen.query(PlanLineEditor))
        await type_text(pilot, "Vast werk")
        await pilot.press("tab")  # to the second field of the same editor
        await type_text(pilot, "Schuld 38.000")
        await pilot.press("enter")
        await wait_for(pilot, lambda: not screen.query(PlanLineEditor))
        rows = {a.life_domain: (a.strengths, a.concerns) for a in plans.assessments_of(plan)}
        assert rows == {"financien": ("Vast werk", "Schuld 38.000")}
        assert "financiën: krachten: Vast werk · zorgen: Schuld 38.000" in outline_text(app)

        await select_key(pilot, screen, ("perspective", plan_case.politie.id))
        await pilot.press("enter")
        await type_text(pilot, "Risico voor de buren")
        await pilot.press("enter")
        await wait_for(pilot, lambda: [p.text for p in plans.perspectives_of(plan)] == ["Risico voor de buren"])
        assert "Politie: Risico voor de buren" in outline_text(app)


async def test_move_a_goal_up_with_shift_arrow(profile: Profile, plan_case) -> None:
    plan = plans.start_plan(plan_case.case)
    first = plans.add_goal(plan, "Stabiel wonen")
    second = plans.add_goal(plan, "Grip op geld")
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        await select_key(pilot, screen, ("goal", second.id))
        await pilot.press("shift+up")
        await wait_for(pilot, lambda: [g.id for g in plans.goals_of(plan)] == [second.id, first.id])
        assert screen.outline.selected_key == ("goal", second.id)  # the cursor moves along
        assert "Doel 1: Grip op geld" in outline_text(app)
        await pilot.press("u")
        await wait_for(pilot, lambda: [g.id for g in plans.goals_of(plan)] == [first.id, second.id])


async def test_keys_asked_while_the_editor_is_taken_down_do_not_crash(profile: Profile, plan_case) -> None:
    """Under load the footer asked the plan editor for its keys after the outline was already
    removed (leaving with d/F2): check_action raised NoMatches and the app crashed."""
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_plan(app, pilot, plan_case.case.id)
        await screen.outline.remove()
        assert screen._kind() is None
        assert screen.active_bindings  # what the footer asks: answers, does not raise
        await app.pop_screen()
        await wait_for(pilot, lambda: not isinstance(app.screen, PlanEditorScreen))
    assert app.return_code in (None, 0)
