"""English snapshots of the shell (issue 17): the unlock screen and its F1 help, as an English
user first sees them (`zvh --lang en`). The same pictures as the Dutch ones in
test_screen_snapshots.py, in English; update them as those (`--snapshot-update`, this file)."""

from __future__ import annotations

from snapkit import ready_unlock, settled
from textual.pilot import Pilot
from uikit import wait_for

from zvh_tui.app import ZvhApp
from zvh_tui.core import i18n
from zvh_tui.screens.shell.help import HelpScreen
from zvh_tui.services.safety.profile import Profile


def test_unlock_in_english(snap_compare, profile: Profile) -> None:
    """'Profile locked' with one passphrase field, the footer 'Help' and 'Quit app'."""
    profile.lock()
    i18n.set_language("en")
    assert snap_compare(ZvhApp(profile), terminal_size=(80, 24), run_before=ready_unlock)


def test_help_in_english(snap_compare, profile: Profile) -> None:
    """F1 on the unlock screen: the keys grouped (Navigate, App), each with its id."""
    profile.lock()
    i18n.set_language("en")

    async def help_shown(pilot: Pilot) -> None:
        await ready_unlock(pilot)
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))
        await settled(pilot)

    assert snap_compare(ZvhApp(profile), terminal_size=(120, 40), run_before=help_shown)
