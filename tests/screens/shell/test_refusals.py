"""Refusals are shown the same way everywhere (issue 11 item 21): `app.show_refusal` opens a
dialog that stays until it is closed, with every character visible, and never while locked."""

from __future__ import annotations

from uikit import screen_text, wait_for, wait_for_text

from zvh_tui.app import ZvhApp
from zvh_tui.core.errors import RuleError
from zvh_tui.screens.cases.case_list import CaseListScreen
from zvh_tui.services.safety.profile import Profile
from zvh_tui.widgets.dialogs import MessageDialog

SIZE = (120, 40)


async def test_a_refusal_is_a_dialog_that_stays_and_shows_control_characters(profile: Profile) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
        app.call_later(app.show_refusal, RuleError("Partner 'Wijk\x1b[2Jteam' is gedeactiveerd."),
                       "Niet te kiezen")
        text = await wait_for_text(pilot, "Niet te kiezen")
        assert isinstance(app.screen, MessageDialog)
        assert "Partner 'Wijk␛[2Jteam' is gedeactiveerd." in text
        assert not app._notifications  # no toast that disappears: it stays until closed
        await pilot.press("enter")
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))


async def test_no_refusal_over_the_unlock_screen(profile: Profile) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
        await app.lock_now()
        await pilot.pause()
        app.show_refusal("Marco de Wit staat al aan tafel.")  # e.g. a worker that finished late
        await pilot.pause()
        assert not isinstance(app.screen, MessageDialog)
        assert "Marco de Wit" not in screen_text(app)
