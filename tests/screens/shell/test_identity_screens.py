"""The user's own name on screen: asked beside the new passphrase (optional), and set in
Instellingen with "namens" (issue 11, item 5)."""

from __future__ import annotations

import getpass

from textual.widgets import Input
from uikit import wait_for_text

from zvh_tui.app import LOCKED_MODE, ZvhApp
from zvh_tui.core import config
from zvh_tui.screens.shell.settings import SettingsScreen
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context, identity
from zvh_tui.store.models import AuditEvent

NEW_PASSPHRASE = "correct-paard-batterij"


async def fill_new_profile(app: ZvhApp, pilot, wait_for, name: str) -> None:
    await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
    screen = app.screen
    screen.query_one("#passphrase", Input).value = NEW_PASSPHRASE
    await pilot.press("enter")
    await wait_for(pilot, lambda: app.focused is screen.query_one("#repeat", Input))
    screen.query_one("#repeat", Input).value = NEW_PASSPHRASE
    if name:
        await pilot.press("tab")
        assert app.focused is screen.query_one("#user_name", Input)
        await pilot.press(*name)
    await pilot.press("enter")
    # unlocked, and the locked mode (its inputs held the passphrase) thrown away
    await wait_for(pilot, lambda: app.is_unlocked and app.current_mode == app.MAIN_MODE
                   and LOCKED_MODE not in app._screen_stacks)


async def test_the_first_run_asks_the_name_beside_the_passphrase(new_profile: Profile,
                                                                 screen_text, wait_for) -> None:
    app = ZvhApp(new_profile)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        shown = screen_text(app)
        assert "Uw naam (mag leeg" in shown
        assert "╰" in shown  # the whole box fits at 80x24
        await fill_new_profile(app, pilot, wait_for, "Noor Jansen")
        assert config.load(new_profile.paths.settings_file).user == "Noor Jansen"
        assert context.actor().user == "Noor Jansen"
        created = AuditEvent.get(AuditEvent.event == "profile.create")
        assert created.user == "Noor Jansen"


async def test_the_name_may_stay_empty_then_the_login_name_is_used(new_profile: Profile,
                                                                   wait_for) -> None:
    app = ZvhApp(new_profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await fill_new_profile(app, pilot, wait_for, "")
        assert new_profile.settings.user == ""
        assert context.actor().user == getpass.getuser()


async def test_instellingen_set_the_name_and_namens(profile: Profile, screen_text,
                                                    wait_for) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: app.current_mode == app.MAIN_MODE)
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        app.screen.query_one("#user", Input).focus()  # below the other settings: scrolls
        shown = await wait_for_text(pilot, "Namens (uw organisatie of team)")
        assert "Uw naam" in shown
        await pilot.press(*"Sam Bakker", "tab", *"ZVH Rotterdam", "f5")
        await wait_for(pilot, lambda: config.load(profile.paths.settings_file).user
                       == "Sam Bakker")
        saved = config.load(profile.paths.settings_file)
        assert saved.on_behalf_of == "ZVH Rotterdam"
        assert (context.actor().user, context.actor().on_behalf_of) == ("Sam Bakker",
                                                                        "ZVH Rotterdam")
        app.screen.query_one("#user", Input).value = "x" * 101
        await pilot.press("f5")
        await wait_for(pilot, lambda: "Uw naam is te lang" in screen_text(app))
        assert config.load(profile.paths.settings_file).user == "Sam Bakker"
        assert identity.USER_MAX == 100
