"""What the unlock screen does with what it finds at start (issues 9.8, 10.2, 11.7).

A database that has gone beside its backups is never "Nieuw profiel"; a passphrase typed while
the app was starting reaches the field, Enter included; settings problems are said after unlock.
"""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static
from uikit import screen_text, wait_for, wait_for_text

from zvh_tui.app import ZvhApp
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.safety import backup
from zvh_tui.services.safety.profile import Profile

SIZE = (120, 40)
PASSPHRASE = "correct-paard-batterij"


def unlocked(app: ZvhApp) -> bool:
    """Unlocked and done switching (the last step of showing the main area has run), and the
    first backup after unlock finished (the app must not close under a running backup)."""
    backup_done = backup.last_backup(app.profile.paths.backups) is not None and not any(
        w.group == "auto-backup" and not w.is_finished for w in app.workers)
    return app.is_unlocked and app.current_mode == app.MAIN_MODE and app._settings_told \
        and backup_done


def make_profile(folder: Path, *, with_backup: bool = False) -> None:
    made = Profile.from_dir(folder)
    made.create(PASSPHRASE)
    if with_backup:
        backup.make_backup(made)
    made.close()


async def test_a_gone_database_shows_the_restore_command_not_a_new_profile(
    profile_dir: Path,
) -> None:
    make_profile(profile_dir, with_backup=True)
    newest = backup.last_backup(profile_dir / "backups")
    assert newest is not None
    (profile_dir / "zvh.db").write_bytes(b"")  # emptied by a sync tool or a full disk
    app = ZvhApp(Profile.from_dir(profile_dir))
    async with app.run_test(size=(200, 40)) as pilot:
        shown = await wait_for_text(pilot, "Database ontbreekt")
        flat = " ".join(shown.replace("│", " ").split())  # the text as read, without the box
        assert "Nieuw profiel" not in shown and "Nieuw wachtwoord" not in shown
        assert "is leeg (0 bytes)" in flat
        explain = str(app.screen.query_one("#unlock-explain", Static).render())
        assert f"zvh restore {newest.path} --data-dir {profile_dir}" in explain
        assert "zvh restore" in flat
        assert not app.screen.query(Input)  # nothing to type a new passphrase into
        await pilot.press(*"geheim-wachtwoord", "enter")
        await pilot.pause()
    assert (profile_dir / "zvh.db").stat().st_size == 0
    assert [b.path for b in backup.list_backups(profile_dir / "backups")] == [newest.path]


async def test_a_passphrase_typed_during_start_unlocks(profile_dir: Path) -> None:
    make_profile(profile_dir)
    app = ZvhApp(Profile.from_dir(profile_dir), typed_ahead=PASSPHRASE + "\n")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: unlocked(app))
        assert PASSPHRASE not in screen_text(app)


async def test_a_half_typed_passphrase_waits_in_the_field(profile_dir: Path) -> None:
    make_profile(profile_dir)
    app = ZvhApp(Profile.from_dir(profile_dir), typed_ahead="correct-")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        field = app.screen.query_one("#passphrase", Input)
        await wait_for(pilot, lambda: app.focused is field)
        await pilot.press(*"paard-batterij", "enter")
        await wait_for(pilot, lambda: unlocked(app))


async def test_a_new_profile_typed_ahead_twice_is_created(profile_dir: Path) -> None:
    app = ZvhApp(Profile.from_dir(profile_dir), typed_ahead=f"{PASSPHRASE}\n{PASSPHRASE}\n")
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: unlocked(app))
    assert Profile.from_dir(profile_dir).exists


async def test_settings_problems_are_said_after_unlock(profile_dir: Path) -> None:
    make_profile(profile_dir)
    (profile_dir / "settings.json").write_text(
        '{"keymap": {"case.new": "ctrl+n"}, "idle_lock_minutes": 99}', encoding="utf-8")
    app = ZvhApp(Profile.from_dir(profile_dir))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        assert not app._notifications  # nothing about settings before unlock
        field = app.screen.query_one("#passphrase", Input)
        field.value = PASSPHRASE
        await pilot.press("enter")
        await wait_for(pilot, lambda: unlocked(app))
        shown = await wait_for_text(pilot, "onbekende toets-id")
        told = " ".join(shown.replace("▌", " ").split())
        assert "onbekende toets-id: 'case.new'" in told
        assert "Ongeldige waarde in settings.json voor 'idle_lock_minutes'" in told


async def test_unreadable_settings_are_said_after_unlock(profile_dir: Path) -> None:
    make_profile(profile_dir)
    (profile_dir / "settings.json").write_text("{niet: json", encoding="utf-8")
    app = ZvhApp(Profile.from_dir(profile_dir))
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        field = app.screen.query_one("#passphrase", Input)
        field.value = PASSPHRASE
        await pilot.press("enter")
        shown = await wait_for_text(pilot, "settings.json is niet")
        assert "geen geldige JSON" in " ".join(shown.split())
        await wait_for(pilot, lambda: unlocked(app))
