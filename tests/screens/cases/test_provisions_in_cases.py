"""The verstrekkingenlog on the case screens (issue 14.3): the dossier's section Verstrekkingen
(key 7), and the case-list badge when a closed meeting's minutes were not sent within the term."""

from __future__ import annotations

import datetime as dt

from casekit import World, list_ready, make_case, screen_text, wait_for

from zvh_tui.core.vocab import MeetingStatus
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.services.meetings import meeting as meetings
from zvh_tui.services.partners import provisions
from zvh_tui.services.shared import context
from zvh_tui.store.models import Meeting, Partner


def _closed_meeting(case, day: dt.date) -> Meeting:
    meeting = meetings.create_meeting("MDO", day)
    meetings.add_item(meeting, case)
    Meeting.update(status=MeetingStatus.CLOSED.value, closed_at=dt.datetime(day.year, day.month, day.day, 11)).where(
        Meeting.id == meeting.id).execute()
    return Meeting.get_by_id(meeting.id)


def _row_text(screen, reference: str) -> str:
    return next(line for line in screen_text(screen.app).splitlines() if reference in line)


async def test_the_dossier_shows_what_was_given_to_whom(world: World, profile, make_app) -> None:
    case = world.overdue
    police = Partner.get(Partner.name == "Politie Eenheid Test")
    police.convenant_signed = True
    police.save()
    school = Partner.create(name="Fictieve School", domain="onderwijs", convenant_signed=False)
    provisions.record(case, "plan_partner", partner=police, basis="Wet politiegegevens art. 19")
    provisions.record(case, "plan_partner", partner=school)
    async with make_app(profile).run_test(size=(120, 60)) as pilot:
        screen = await list_ready(pilot)
        screen.open_case(case.id)
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen) and pilot.app.screen.dossier)
        await pilot.press("7")  # to the section
        await pilot.pause()
        text = screen_text(pilot.app)
        assert "7 Verstrekkingen" in text
        police_line = next(line for line in text.splitlines() if "Politie Eenheid Test  —  plan van" in line)
        assert "(versie voor de partner)" in police_line and "geen convenant" not in police_line
        assert f"grondslag: Wet politiegegevens art. 19  (door {context.actor().user})" in text
        assert "Fictieve School  —  plan van aanpak (versie voor de partner)  —  geen convenant" in text
        assert "Nog niets aan partners verstrekt." not in text


async def test_a_dossier_without_verstrekkingen_says_so(profile, make_app) -> None:
    case = make_case()
    async with make_app(profile).run_test(size=(120, 60)) as pilot:
        screen = await list_ready(pilot)
        screen.open_case(case.id)
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, DossierScreen) and pilot.app.screen.dossier)
        await pilot.press("7")
        await pilot.pause()
        assert "Nog niets aan partners verstrekt." in screen_text(pilot.app)


async def test_the_case_list_signals_minutes_not_sent_within_the_term(world: World, profile, make_app) -> None:
    today = context.today()
    monday = today - dt.timedelta(days=today.weekday())
    meeting = _closed_meeting(world.plain, monday - dt.timedelta(days=14))  # both terms passed
    profile.settings.besluitenlijst_werkdagen = 1
    profile.settings.verslag_werkdagen = 5
    async with make_app(profile).run_test(size=(160, 40)) as pilot:
        screen = await list_ready(pilot)
        assert "besluitenlijst en verslag te" in _row_text(screen, world.plain.reference)  # cut to its column
        assert "besluitenlijst en verslag te laat" in screen_text(pilot.app)  # in full below the list
        assert "besluitenlijst" not in _row_text(screen, world.overdue.reference)  # not on that agenda

        provisions.record_meeting(meeting, "besluitenlijst")  # sent (late): that signal goes
        await pilot.press("r")
        await wait_for(pilot, lambda: "besluitenlijst" not in _row_text(screen, world.plain.reference))
        assert "verslag te laat" in _row_text(screen, world.plain.reference)

        profile.settings.verslag_werkdagen = 30  # a longer term in Instellingen: not late yet
        await pilot.press("r")
        await wait_for(pilot, lambda: "verslag" not in _row_text(screen, world.plain.reference))
