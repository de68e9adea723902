"""A fixed, fictional world for the snapshot tests, and the waits that make a screen 'ready'.

Everything on screen must be the same on every run and on every machine: fixed names, fixed
dates (services' `context.today()` frozen at TODAY, every `updated_at` set to a fixed moment),
no clock times (no journal entries: the dossier shows their time of day) and no paths (the
profile folder is always called "profiel"; the header shows that short name only).

`build_world()` makes, through the services, a few partners with contacts and five cases in
different phases; one has a plan of approach with goals, actions (one overdue) and an
agreement, so the dossier and the plan editor have something to show.

The `ready_*` functions are `run_before` callbacks for `snap_compare`: each waits (polling,
never a fixed sleep) until the screen has drawn its data, then stops the text cursors from
blinking, so the picture does not depend on the moment it is taken.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from textual.pilot import Pilot
from textual.widgets import DataTable, Input, TextArea
from uikit import wait_for

from zvh_tui.core.vocab import CheckStatus, Phase, TriageOutcome
from zvh_tui.screens.cases.case_list import CaseListScreen
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.screens.meetings.meetings import MeetingsScreen
from zvh_tui.screens.partners.partner_roster import PartnerRosterScreen
from zvh_tui.screens.plans.plan_editor import PlanEditorScreen
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.meetings import live
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import participants
from zvh_tui.services.partners import roster as partners
from zvh_tui.services.plans import versions as plans
from zvh_tui.services.shared import context
from zvh_tui.store.models import Action, Case, Contact, Partner, Plan

TODAY = dt.date(2026, 11, 23)  # a Monday
TOUCHED = dt.datetime(2026, 11, 20, 9, 0)  # 'last changed' of every row (stored in UTC)
ACTOR = context.Actor(user="tester")
SIZES = [(80, 24), (120, 40)]
SIZE_IDS = [f"{w}x{h}" for w, h in SIZES]

RunBefore = Callable[[Pilot], Awaitable[None]]


@dataclass
class World:
    plan_case: Case  # at the meeting phase, with a plan of approach (concept, version 1)
    team: Partner
    police: Partner
    agent: Contact


def build_world() -> World:
    context.set_actor(ACTOR)  # unlocking set it from the settings (the login name)
    team = partners.create_partner("Wijkteam Noord", "gemeente", convenant_signed=True)
    police = partners.create_partner("Politie Eenheid Test", "straf", convenant_signed=True)
    ggz = partners.create_partner("GGZ Fictief FACT-team", "zorg", convenant_signed=False,
                                  notes="Bemoeizorg via de GGD")
    housing = partners.create_partner("Woonstichting Voorbeeld", "wonen", convenant_signed=True)
    agent = partners.add_contact(police, "Wim Wijkagent", function="wijkagent",
                                 phone="06 00000001")
    worker = partners.add_contact(team, "Sanne Voorbeeld", function="wijkteamlid",
                                  phone="06 00000002")
    partners.add_contact(ggz, "Dr. K. Testarts", function="psychiater")
    partners.add_contact(housing, "J. Huurder", function="wijkconsulent")

    def new_case(name: str, reason: str, received: dt.date, **extra: object) -> Case:
        return cases.create_case(cases.NewCase(
            persons=[cases.NewPerson(name=name, date_of_birth=extra.pop("born", None))],  # type: ignore[arg-type]
            reason=reason, received_on=received, **extra))  # type: ignore[arg-type]

    plan_case = new_case("Marco de Testman", "Overlast, schulden en dreigende uithuiszetting",
                         dt.date(2026, 10, 5), born=dt.date(1985, 3, 2),
                         referrer_partner_id=team.id, referrer_contact_id=worker.id)
    referrer = participants.participants_of(plan_case)[0]
    participants.set_check(referrer, CheckStatus.KNOWN, basis="convenant art. 5",
                           on=dt.date(2026, 10, 6))
    cases.move_phase(plan_case, Phase.SCREENING)
    cases.move_phase(plan_case, Phase.TRIAGE)
    cases.set_triage(plan_case, TriageOutcome.TAKE_ON)
    cases.move_phase(plan_case, Phase.ANALYSIS)
    participants.add_participant(plan_case, police.id, contact_id=agent.id)
    participants.add_participant(plan_case, housing.id)
    cases.move_phase(plan_case, Phase.MEETING)
    participants.set_director(plan_case, team.id, contact_id=worker.id)
    plan = plans.start_plan(plan_case)
    plans.update_plan(plan, shared_task="Wonen behouden en de overlast stoppen",
                      evaluation_on=dt.date(2027, 1, 18))
    home = plans.add_goal(plan, "Marco houdt zijn woning")
    plans.add_action(plan, "Betalingsregeling huurachterstand afspreken", goal=home,
                     owner_partner_id=housing.id, deadline=dt.date(2026, 11, 20))  # overdue
    plans.add_action(plan, "Aanmelding schuldhulpverlening", goal=home,
                     owner_partner_id=team.id, deadline=dt.date(2026, 12, 4))
    calm = plans.add_goal(plan, "De buren ervaren geen overlast meer")
    plans.add_action(plan, "Huisbezoek samen met de wijkagent", goal=calm,
                     owner_partner_id=police.id, owner_contact_id=agent.id,
                     deadline=dt.date(2026, 12, 1))
    plans.add_agreement(plan, "Alle partners melden nieuwe incidenten binnen een dag",
                        partner_id=team.id)

    new_case("Fatima El Fictief", "Huiselijk geweld, kinderen in beeld", dt.date(2026, 11, 2),
             referrer_partner_id=police.id, referrer_contact_id=agent.id)
    new_case("Bram Rustig", "Verward gedrag in de buurt", dt.date(2026, 11, 16),
             referrer_citizen="buurvrouw")
    screening = new_case("Priya Proefpersoon", "Terugkeer na detentie", dt.date(2026, 9, 14),
                         referrer_partner_id=ggz.id)
    cases.move_phase(screening, Phase.SCREENING)
    new_case("Kees Verzonnen", "Jongere op het randje", dt.date(2026, 11, 19),
             referrer_partner_id=team.id, informed=False, not_informed_reason="lopend onderzoek",
             informed_review_on=dt.date(2026, 12, 14))

    # The services stamp rows with the real clock: pin them, so nothing depends on the day the
    # tests run ('stil sinds …' counts from updated_at to TODAY).
    for model in (Case, Plan, Action):
        model.update(updated_at=TOUCHED).execute()
    return World(plan_case, team, police, agent)


def build_meetings(world: World) -> None:
    """For the meetings area: next Tuesday's MDO with three cases, an online ICO, and last
    week's casusoverleg (held and closed)."""
    running = [c.reference for c in Case.select().where(Case.phase != Phase.CLOSED.value)
               .order_by(Case.reference)]
    meetings.plan_meeting("MDO", dt.date(2026, 11, 24), [world.plan_case.reference, *running[1:3]],
                          start_time="09:30", location="Stadhuis, kamer 2.14", chair="Anna de Regisseur",
                          title="MDO zorg en veiligheid Noord")
    meetings.plan_meeting("ICO", dt.date(2026, 11, 26), running[3:4], start_time="14:00", online=True)
    held = meetings.create_meeting("Casusoverleg", dt.date(2026, 11, 17), start_time="13:00",
                                   location="Politiebureau Centrum")
    live.close_meeting(held, now=dt.datetime(2026, 11, 17, 15, 0))


def steady_cursors(pilot: Pilot) -> None:
    """Text cursors shown steadily (a blinking one would be on or off by chance)."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        assert isinstance(widget, (Input, TextArea))
        widget.cursor_blink = False


async def settled(pilot: Pilot) -> None:
    """After the screen's data is there: workers done, cursors steady, one more refresh."""
    await pilot.app.workers.wait_for_complete()
    steady_cursors(pilot)
    await pilot.pause()


async def _case_list(pilot: Pilot) -> CaseListScreen:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen)
                   and app.screen._rows is not None
                   and app.screen.query_one("#case-table").display)
    return app.screen  # type: ignore[return-value]


async def ready_case_list(pilot: Pilot) -> None:
    await _case_list(pilot)
    await settled(pilot)


def ready_dossier(case_id: int) -> RunBefore:
    async def run_before(pilot: Pilot) -> None:
        screen = await _case_list(pilot)
        screen.open_case(case_id)
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen)
                       and pilot.app.screen.dossier is not None)
        await settled(pilot)

    return run_before


def ready_plan_editor(case_id: int) -> RunBefore:
    async def run_before(pilot: Pilot) -> None:
        await _case_list(pilot)
        screen = PlanEditorScreen(case_id)
        await pilot.app.push_screen(screen)
        await wait_for(pilot, lambda: pilot.app.screen is screen and screen.plan is not None
                       and bool(screen.outline.rows))
        await settled(pilot)

    return run_before


async def ready_partner_roster(pilot: Pilot) -> None:
    await _case_list(pilot)
    await pilot.press("f3")  # as a user goes there: the partners area
    app = pilot.app

    def shown() -> bool:
        screen = app.screen
        return (isinstance(screen, PartnerRosterScreen) and bool(screen.shown)
                and screen.query_one("#roster-table", DataTable).row_count == len(screen.shown))

    await wait_for(pilot, shown)
    await settled(pilot)


async def ready_meetings(pilot: Pilot) -> None:
    await _case_list(pilot)
    await pilot.press("f4")  # as a user goes there: the meetings area
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, MeetingsScreen) and bool(app.screen.rows))
    await settled(pilot)


async def ready_unlock(pilot: Pilot) -> None:
    app = pilot.app

    def waiting_for_passphrase() -> bool:
        screen = app.screen
        return (isinstance(screen, UnlockScreen) and isinstance(app.focused, Input)
                and not app.focused.disabled)

    await wait_for(pilot, waiting_for_passphrase)
    await settled(pilot)


# -- the live meeting (issue 13) --------------------------------------------------------------
LIVE_NOW = dt.datetime(2026, 11, 23, 8, 30)  # naive UTC, as stored: 09:30 in Amsterdam
LIVE_LINES = ("/aanwezig politie", "/aanwezig wijkteam", "/herinnering",
              "n @politie Buren melden minder overlast sinds de zomer",
              "b Huisbezoek samen met de woonstichting")


def live_meeting(world: World) -> int:
    """An MDO today at 09:30 with three cases (the plan case first), slots of 15/20/10 min."""
    from zvh_tui.services.meetings import meeting as meetings

    meeting = meetings.create_meeting("MDO", TODAY, start_time="09:30", location="Stadskantoor")
    others = Case.select().where(Case.id != world.plan_case.id).order_by(Case.id).limit(2)
    for case, minutes in zip([world.plan_case, *others], (15, 20, 10), strict=True):
        meetings.add_item(meeting, case, slot_minutes=minutes)
    return meeting.id


def ready_live_meeting(meeting_id: int) -> RunBefore:
    """The live screen on its first item, a clock that stands still, a few lines typed."""
    from zvh_tui.screens.meetings.live import LiveMeetingScreen

    async def run_before(pilot: Pilot) -> None:
        await _case_list(pilot)
        screen = LiveMeetingScreen(meeting_id, now=lambda: LIVE_NOW)
        await pilot.app.push_screen(screen)
        await wait_for(pilot, lambda: screen.item is not None and screen.capture_line.input.has_focus)
        for line in LIVE_LINES:
            await pilot.press(*line, "enter")
            await wait_for(pilot, lambda: screen.capture_line.input.value == "")
        await settled(pilot)

    return run_before
