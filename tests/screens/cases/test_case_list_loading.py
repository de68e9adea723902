"""Loading the case list fast (issue 16): the first screenful before the whole list, the
database check after the first rows (a failure still locks and is said in Dutch), and F2 back
from a dossier with what changed there."""

from __future__ import annotations

import re
import threading

from casekit import World, list_ready, screen_text, wait_for

from zvh_tui.screens.cases.case_list import LOADING_TEXT, CaseListScreen
from zvh_tui.screens.cases.dossier import DossierScreen
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.cases import case_list
from zvh_tui.services.cases.case_list import ListQuery
from zvh_tui.services.partners import participants
from zvh_tui.store import maintenance
from zvh_tui.widgets.case_table import CaseTable


def _table_rows(app) -> list[str]:
    screen = app.screen
    if not isinstance(screen, CaseListScreen):
        return []
    return [row.reference for row in screen.query_one(CaseTable).rows]


async def test_the_first_rows_show_before_the_whole_list_is_aggregated(world: World, profile, make_app,
                                                                       monkeypatch) -> None:
    expected = [r.reference for r in case_list.filter_rows(
        case_list.sort_rows(case_list.load_rows(), "next"), ListQuery(), None)]
    release = threading.Event()
    real = case_list.load_rows

    def held(*args, case_ids=None, **kwargs):  # the whole list waits; a few rows do not
        if case_ids is None:
            assert release.wait(10)
        return real(*args, case_ids=case_ids, **kwargs)

    monkeypatch.setattr(case_list, "load_rows", held)
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        app = pilot.app
        await wait_for(pilot, lambda: bool(_table_rows(app)))
        assert _table_rows(app) == expected
        text = screen_text(app)
        assert world.overdue.reference in text and LOADING_TEXT in text  # rows, still loading
        assert app.screen._rows is None
        release.set()
        await list_ready(pilot)
        text = screen_text(app)
        assert LOADING_TEXT not in text and "van 7 casussen" in text
        assert _table_rows(app) == expected


async def test_a_failed_check_after_the_first_rows_locks_and_says_why(world: World, profile, make_app,
                                                                      profile_template, monkeypatch) -> None:
    release = threading.Event()
    monkeypatch.setattr(maintenance, "quick_check_ok", lambda run: release.wait(10) and False)
    profile.lock()
    profile.check_later = True  # as `zvh` does with ZVH_PASSPHRASE
    profile.unlock_with_key(profile_template[1])
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        app = pilot.app
        await list_ready(pilot)  # the list shows while the check still runs
        assert world.plain.reference in screen_text(app)
        release.set()
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen)
                       and "beschadigd" in screen_text(app))
        text = " ".join(re.sub("[│╭╮╰╯─]", " ", screen_text(app)).split())  # the box's lines
        assert "Er is niets gewijzigd" in text and "zvh restore" in text
        assert world.plain.reference not in text
        assert not profile.unlocked


async def test_f2_back_from_a_dossier_shows_what_changed_there(world: World, profile, make_app) -> None:
    async with make_app(profile).run_test(size=(120, 40)) as pilot:
        app = pilot.app
        screen = await list_ready(pilot)
        assert "Wim Wijkagent" not in str(next(r for r in screen.query_one(CaseTable).rows
                                              if r.id == world.plain.id).director)
        screen.open_case(world.plain.id)
        await wait_for(pilot, lambda: isinstance(app.screen, DossierScreen))
        participants.add_participant(world.plain, world.partner.id, contact_id=world.contact.id)
        participants.set_director(world.plain, world.partner.id, contact_id=world.contact.id)
        await pilot.press("f2")
        await wait_for(pilot, lambda: app.screen is screen and "Wim Wijkagent" in screen_text(app))
        row = next(r for r in screen.query_one(CaseTable).rows if r.id == world.plain.id)
        assert row.director == "Politie Eenheid Test · Wim Wijkagent"
        assert screen.query_one(CaseTable).current.id == world.plain.id
        assert screen._stats == case_list.stats(screen._rows)
