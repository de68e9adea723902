"""The shell in English: the unlock screen, F1 help, the palette, Instellingen, the dialogs and
the keys panel read in English, with no Dutch-only word on screen; and the language chosen in
Instellingen is used at once, keeps what was typed and is saved in settings.json.

The app is started with `i18n.set_language("en")` first (as `zvh --lang en` does; the root
conftest sets Dutch back after every test). Where a test opens the shell over an area, the area
is a plain screen with the shell's header and footer (`ShellOnlyApp`): the areas' own screens
are checked in English by their own tests.
"""

from __future__ import annotations

import json
from pathlib import Path

from i18nkit import dutch_words_in
from textual.app import ComposeResult
from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Select, Static
from uikit import screen_text, wait_for, wait_for_text

import zvh_tui.app
from zvh_tui.app import ZvhApp
from zvh_tui.core import i18n
from zvh_tui.screens.shell.help import HelpScreen
from zvh_tui.screens.shell.settings import SettingsScreen
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.safety.profile import Profile
from zvh_tui.widgets.dialogs import ConfirmDialog, JournalDialog
from zvh_tui.widgets.footer import QuickFooter
from zvh_tui.widgets.header import ProfileHeader

SIZE = (120, 40)
TALL = (120, 80)  # the whole of Instellingen, buttons included
MEETING_NAMES = ("Casusoverleg",)  # a setting's value (the default names of meetings): data


class PlainArea(Screen[None]):
    """An area with nothing but the shell's header and footer."""

    def compose(self) -> ComposeResult:
        yield ProfileHeader()
        yield Static("area", id="plain-area")
        yield QuickFooter()


class ShellOnlyApp(ZvhApp):
    CSS_PATH = str(Path(zvh_tui.app.__file__).with_name("app.tcss"))  # relative to this file else
    MODES = {**ZvhApp.MODES, "cases": PlainArea, "partners": PlainArea, "meetings": PlainArea}


def no_dutch(text: str, data: tuple[str, ...] = ()) -> None:
    """No Dutch-only word on screen, but for user data (`data`: stored names, as typed)."""
    assert dutch_words_in(text, data) == [], text


async def unlock_screen_ready(pilot: Pilot) -> None:
    app = pilot.app
    await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen)
                   and isinstance(app.focused, Input) and not app.focused.disabled)


def palette_text(app: ZvhApp) -> str:
    options = app.screen.query_one(CommandList).options
    return "\n".join(str(option.prompt) for option in options)


async def test_the_unlock_screen_and_its_help_are_english(profile: Profile) -> None:
    profile.lock()
    i18n.set_language("en")
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await unlock_screen_ready(pilot)
        text = await wait_for_text(pilot, "Profile locked")
        assert "Enter the passphrase to unlock the profile." in text
        assert "Passphrase" in text and "locked" in text and "Quit app" in text
        no_dutch(text)

        await pilot.press("enter")  # nothing typed
        text = await wait_for_text(pilot, "Enter the passphrase.")
        no_dutch(text)

        await pilot.press("f1")
        await wait_for(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = await wait_for_text(pilot, "What it does")
        for shown in ("Keys", "Key", "Id", "App", "Quit app", "app.quit", "Navigate",
                      "To the next / previous field", "Close window", "Esc or F1 closes this window"):
            assert shown in text
        no_dutch(text)


async def test_a_new_profile_is_asked_for_in_english(new_profile: Profile) -> None:
    i18n.set_language("en")
    app = ZvhApp(new_profile)
    async with app.run_test(size=SIZE) as pilot:
        await unlock_screen_ready(pilot)
        text = await wait_for_text(pilot, "New profile")
        assert "Choose a passphrase of at least" in text and "Repeat the passphrase" in text
        assert "Your name (may be empty; can be set later in Settings, F9)" in text
        no_dutch(text)


async def test_the_palette_speaks_english(profile: Profile) -> None:
    i18n.set_language("en")
    app = ShellOnlyApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PlainArea))
        await pilot.press("ctrl+p")
        await wait_for(pilot, lambda: isinstance(app.screen, CommandPalette))
        await wait_for(pilot, lambda: "New referral" in palette_text(app))
        shown = palette_text(app)
        for command in ("Cases", "Partners", "Meetings", "Mirror", "Quit app", "Settings",
                        "Audit log", "Destruction proposal", "Make backup", "Lock",
                        "Projector mode on", "Hide screen", "Keys", "Theme"):
            assert command in shown, command
        text = screen_text(app)
        assert "Search for a command, case or partner…" in text
        no_dutch(shown + "\n" + text)

        await pilot.press(*"zzqqxx")  # nothing is called that
        await wait_for(pilot, lambda: "No results" in screen_text(app))
        no_dutch(screen_text(app))


async def test_the_keys_panel_and_the_dialogs_are_english(profile: Profile) -> None:
    i18n.set_language("en")
    app = ShellOnlyApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PlainArea))
        app.action_show_help_panel()  # the palette's "Keys"
        text = await wait_for_text(pilot, "Quit app")
        assert "Commands" in text and "Cases" in text
        no_dutch(text)
        app.action_hide_help_panel()

        answers: list[bool | None] = []
        app.push_screen(ConfirmDialog("Delete goal?", "The goal goes."), answers.append)
        text = await wait_for_text(pilot, "Delete goal?")
        assert "Yes" in text and "No" in text
        no_dutch(text)
        await pilot.press("escape")
        await wait_for(pilot, lambda: answers == [False])

        app.push_screen(JournalDialog(lambda text, hat: None))
        text = await wait_for_text(pilot, "Journal: new note")
        assert "What did you do or see?" in text and "Save (F5)" in text and "Cancel" in text
        no_dutch(text)
        await pilot.press(*"visit")
        await pilot.press("escape")  # something typed: asked first
        await wait_for(pilot, lambda: isinstance(app.screen, ConfirmDialog))
        text = await wait_for_text(pilot, "Discard?")
        assert "What you typed in this window will be lost." in text
        assert "Keep editing" in text and "Discard" in text
        no_dutch(text)


async def test_settings_in_english(profile: Profile) -> None:
    i18n.set_language("en")
    app = ShellOnlyApp(profile)
    async with app.run_test(size=TALL, notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PlainArea))
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        text = await wait_for_text(pilot, "Lock after (minutes, 1 to 15)")
        assert "Settings" in text and "Backup now (F6)" in text and "Change passphrase (F7)" in text
        assert "Dark (default)" in text and "English" in text
        no_dutch(text, MEETING_NAMES)
        assert app.screen.query_one("#language", Select).value == "en"


async def test_choosing_english_in_settings_switches_at_once_and_keeps_what_was_typed(
        profile: Profile) -> None:
    assert i18n.current() == "nl"
    app = ShellOnlyApp(profile)
    async with app.run_test(size=TALL, notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, PlainArea))
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        await wait_for_text(pilot, "Vergrendelen na (minuten, 1 tot 15)")
        screen = app.screen
        screen.query_one("#meeting_types", Input).value = "MDO, Thuisoverleg"  # not saved
        screen.query_one("#idle_lock_minutes", Input).value = "9"

        screen.query_one("#language", Select).value = "en"
        text = await wait_for_text(pilot, "The language is now")  # a notice (it wraps)
        assert i18n.current() == "en"
        assert "Lock after (minutes, 1 to 15)" in text
        assert "Vergrendelen na" not in text
        assert app.screen is screen  # the same form, built again in English
        assert screen.query_one("#meeting_types", Input).value == "MDO, Thuisoverleg"
        assert screen.query_one("#idle_lock_minutes", Input).value == "9"
        assert screen.query_one("#language", Select).value == "en"
        no_dutch(text, ("Thuisoverleg",))
        saved = json.loads(profile.paths.settings_file.read_text(encoding="utf-8"))
        assert saved["language"] == "en"
        assert profile.settings.idle_lock_minutes == 5  # the rest is saved with F5 only

        await pilot.press("escape")  # saves the form and goes back
        await wait_for(pilot, lambda: isinstance(app.screen, PlainArea))
        assert profile.settings.meeting_types == ["MDO", "Thuisoverleg"]
        assert profile.settings.idle_lock_minutes == 9
        text = await wait_for_text(pilot, "Quit app")  # the area's own footer, built again
        assert "unlocked" in text and "profile:" in text
        no_dutch(text)

        # and back: Nederlands again, the same way
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        app.screen.query_one("#language", Select).value = "nl"
        await wait_for_text(pilot, "Vergrendelen na (minuten, 1 tot 15)")
        assert i18n.current() == "nl"
        saved = json.loads(profile.paths.settings_file.read_text(encoding="utf-8"))
        assert saved["language"] == "nl"
