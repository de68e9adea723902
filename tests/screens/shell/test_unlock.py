"""The unlock screen and the app shell around it: first run, wrong passphrase, lock, crash.

Driven with Pilot at 120x40, as a user would: keys in, then what the screen shows and what is on
disk. Unlocking runs in a thread worker, so the tests wait for a condition, never a fixed time.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import ComposeResult
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static
from uikit import wait_for

from zvh_tui.app import LOCKED_MODE, ZvhApp
from zvh_tui.screens.shell.help import HelpScreen
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.safety.profile import Profile, retry_delay
from zvh_tui.store.database import SQLITE_PLAINTEXT_HEADER
from zvh_tui.store.models import Case

SIZE = (120, 40)
NEW_PASSPHRASE = "correct-paard-batterij"


def input_has_focus(app: ZvhApp) -> bool:
    """An enabled field has the focus (the screen focuses a field a moment after enabling it)."""
    return isinstance(app.focused, Input) and not app.focused.disabled


async def submit(pilot: Pilot, text: str, *, typed: bool = False) -> None:
    """Fill the focused field and press Enter. Typing key by key costs ~70 ms a key, so only
    `typed=True` presses the characters (the terminal tests type everything). Waits until a
    field has the focus first: typing before that would go nowhere."""
    await wait_for(pilot, lambda: input_has_focus(pilot.app))
    field = pilot.app.focused
    assert isinstance(field, Input)
    if typed:
        await pilot.press(*text)
    else:
        field.value = text
    await pilot.press("enter")
    await pilot.pause()


def on_main(app: ZvhApp) -> bool:
    """Unlocked, in the area shown after unlocking (whichever screen that area starts with)."""
    return app.is_unlocked and app.current_mode == app.MAIN_MODE


def on_unlock(app: ZvhApp) -> bool:
    return isinstance(app.screen, UnlockScreen)


def field_enabled(app: ZvhApp) -> bool:
    return on_unlock(app) and not app.screen.query_one("#passphrase", Input).disabled


def create_profile(folder: Path, passphrase: str) -> None:
    made = Profile.from_dir(folder)
    made.create(passphrase)
    made.close()


async def test_first_run_asks_twice_and_refuses_bad_passphrases(
    new_profile: Profile, screen_text, wait_for
) -> None:
    db_file = new_profile.paths.database
    app = ZvhApp(new_profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on_unlock(app))
        text = screen_text(app)
        assert "Nieuw profiel" in text and "Herhaal het wachtwoord" in text
        assert "vergrendeld" in text
        assert app.focused is app.screen.query_one("#passphrase")

        await submit(pilot, "")
        await wait_for(pilot, lambda: "Een leeg wachtwoord kan niet" in screen_text(app))

        await submit(pilot, "kort", typed=True)
        await wait_for(pilot, lambda: "minstens 8 tekens" in screen_text(app))

        await submit(pilot, NEW_PASSPHRASE)
        repeat = app.screen.query_one("#repeat")
        await wait_for(pilot, lambda: app.focused is repeat)  # focus moves a moment later
        await submit(pilot, "iets-heel-anders")
        await wait_for(pilot, lambda: "De twee wachtwoorden zijn niet gelijk" in screen_text(app))
        await wait_for(pilot, lambda: app.focused is repeat)
        assert not db_file.exists()

        await submit(pilot, NEW_PASSPHRASE)
        # in the main area is not yet drawn: wait for what the user sees
        await wait_for(pilot, lambda: on_main(app) and "Casussen" in screen_text(app))
        text = screen_text(app)
        assert "ontgrendeld" in text and "profiel: profiel" in text
        assert not app._screen_stacks.get(LOCKED_MODE)  # no widget kept the passphrase
    assert db_file.exists()
    assert not db_file.read_bytes().startswith(SQLITE_PLAINTEXT_HEADER[:15])
    assert not new_profile.unlocked  # quitting closed the profile


async def test_wrong_passphrase_waits_then_right_one_unlocks(
    profile_dir: Path, screen_text, wait_for
) -> None:
    create_profile(profile_dir, NEW_PASSPHRASE)
    app = ZvhApp(Profile.from_dir(profile_dir))
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on_unlock(app))
        assert "Profiel vergrendeld" in screen_text(app)
        assert not app.screen.query("#repeat")  # an existing profile asks once

        await submit(pilot, "dit-is-het-niet")
        await wait_for(pilot, lambda: "Het wachtwoord klopt niet" in screen_text(app))
        assert "Probeer het opnieuw over 1 seconde" in screen_text(app)
        assert app.screen.query_one("#passphrase", Input).disabled
        assert app.failed_unlocks == 1

        await wait_for(pilot, lambda: field_enabled(app), timeout=5)
        assert "Probeer het opnieuw" not in screen_text(app)
        await submit(pilot, NEW_PASSPHRASE)
        await wait_for(pilot, lambda: on_main(app))
        assert app.failed_unlocks == 0


def test_retry_delay_doubles_up_to_thirty_seconds() -> None:
    assert [retry_delay(n) for n in range(0, 8)] == [0, 1, 2, 4, 8, 16, 30, 30]


class CanaryScreen(Screen[None]):
    """Stands in for a screen with client data: shows every case's title."""

    def compose(self) -> ComposeResult:
        for case in Case.select():
            yield Static(case.title, markup=False)


async def test_lock_removes_client_data_and_unlock_returns(
    profile: Profile, test_passphrase: str, screen_text, wait_for
) -> None:
    Case.create(reference="2026-0001", title="Canary-Jansen")
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on_main(app))
        await app.push_screen(CanaryScreen())
        await pilot.pause()
        app.notify("Canary-Jansen opgeslagen", markup=False)
        await wait_for(pilot, lambda: "Canary-Jansen" in screen_text(app))

        await pilot.press("ctrl+l")
        await wait_for(pilot, lambda: on_unlock(app) and not app.is_unlocked)
        text = screen_text(app)
        assert "Canary-Jansen" not in text
        assert "Profiel vergrendeld" in text and "vergrendeld" in text
        assert not profile.unlocked
        screens = [screen for stack in app._screen_stacks.values() for screen in stack]
        assert not any(isinstance(s, CanaryScreen) for s in screens)
        assert all(not app._screen_stacks.get(mode) for mode in app.data_modes)

        await pilot.press("ctrl+p")  # no command palette (its providers search client data)
        await pilot.pause()
        assert on_unlock(app)

        await submit(pilot, test_passphrase)
        await wait_for(pilot, lambda: on_main(app))
        assert app.screen is not None and not isinstance(app.screen, CanaryScreen)


async def test_idle_time_locks(profile: Profile, wait_for) -> None:
    now = [1000.0]
    app = ZvhApp(profile, clock=lambda: now[0])
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on_main(app))
        now[0] += 60 * profile.settings.idle_lock_minutes - 1
        app.check_idle_lock()
        await pilot.pause()
        assert on_main(app)
        now[0] += 1
        app.check_idle_lock()
        await wait_for(pilot, lambda: on_unlock(app) and not profile.unlocked)


async def test_help_lists_keys_in_dutch(profile: Profile, screen_text, wait_for) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on_main(app))
        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen) and "Toetsen" in screen_text(app))
        table = app.screen.query_one("#help-keys")
        text = " ".join(str(cell) for i in range(table.row_count) for cell in table.get_row_at(i))
        for words in ("Vergrendel", "App afsluiten", "Ctrl+P"):  # the list scrolls: read it whole
            assert words in text
        await pilot.press("escape")
        await wait_for(pilot, lambda: on_main(app))


async def test_command_palette_is_dutch_without_screenshot(profile: Profile, wait_for) -> None:
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: on_main(app))
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Thema", "App afsluiten", "Toetsen", "Help", "Vergrendelen"} <= titles
        assert "Screenshot" not in titles and "Quit" not in titles


async def test_crash_shows_error_id_without_details(
    profile: Profile, wait_for, capsys: pytest.CaptureFixture[str]
) -> None:
    app = ZvhApp(profile)

    def explode() -> None:
        secret = "Canary-Jansen"  # a local variable Textual would have printed
        raise ValueError(f"kan {secret} niet opslaan")

    with pytest.raises(ValueError):
        async with app.run_test(size=SIZE) as pilot:
            await wait_for(pilot, lambda: on_main(app))
            app.call_later(explode)
            await pilot.pause()
    assert app.return_code == 70  # EX_SOFTWARE, as the README says
    shown = " ".join(capsys.readouterr().err.split())
    assert "onverwachte fout (foutcode " in shown and "Canary" not in shown
    log = profile.paths.log_file.read_text(encoding="utf-8")
    assert "builtins.ValueError" in log and "test_unlock.py:" in log and "explode" in log
    assert "Canary" not in log and "opslaan" not in log
    assert not profile.unlocked
