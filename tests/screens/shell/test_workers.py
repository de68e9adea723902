"""One worker pattern (issue 12.4): a worker's failure never ends the session.

An unexpected error in a worker shows a Dutch notice with an error id, the log holds the id and
no client text, and the app goes on on the same screen; a `ZvhError` shows its own Dutch message.
"""

from __future__ import annotations

import re

import pytest
from uikit import screen_text, wait_for, wait_for_text

from zvh_tui.app import ZvhApp
from zvh_tui.core.errors import DiskFull
from zvh_tui.screens.cases.case_list import CaseListScreen
from zvh_tui.screens.shell.settings import SettingsScreen
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.cases import case_list, lifecycle
from zvh_tui.services.safety import backup
from zvh_tui.services.safety.profile import Profile
from zvh_tui.widgets.dialogs import MessageDialog

SIZE = (120, 40)
CANARY = "Kanarie-Jansen"
ERROR_ID = re.compile(r"foutcode ([0-9a-f]{8})")


def _notices(app: ZvhApp) -> list[tuple[str, str]]:
    return [(n.title, n.message) for n in app._notifications]


def _error_id(app: ZvhApp) -> str | None:
    for _title, message in _notices(app):
        found = ERROR_ID.search(message)
        if found:
            return found.group(1)
    return None


async def test_an_unexpected_error_in_a_worker_is_a_notice_with_an_error_id(
    profile: Profile, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    case = lifecycle.create_case(lifecycle.NewCase(
        persons=[lifecycle.NewPerson(name=f"{CANARY} Naam")], reason="overlast",
        referrer_citizen="buurman"))
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen) and app.screen._rows)
        screen = app.screen
        await wait_for_text(pilot, case.reference)

        def broken(**_kwargs: object) -> list[object]:
            raise RuntimeError(f"kan {CANARY} niet lezen")

        monkeypatch.setattr(case_list, "load_rows", broken)
        await pilot.press("r")  # Lijst verversen: the list loads again, in a worker
        await wait_for(pilot, lambda: _error_id(app) is not None)
        error_id = _error_id(app)
        [(title, message)] = _notices(app)
        assert title == "De casussen konden niet worden geladen"
        assert message == (
            f"Er ging iets onverwacht mis (foutcode {error_id}). Wat u had opgeslagen is bewaard "
            "en u kunt verder werken. Gebeurt dit vaker, geef dan de foutcode door aan uw "
            "beheerder. Druk r om het opnieuw te proberen.")
        # The session and the user's place survive: the same screen, its cases still shown.
        assert app.is_running and app.return_code is None and profile.unlocked
        assert app.screen is screen
        assert case.reference in screen_text(app) and CANARY in screen_text(app)

        monkeypatch.undo()  # the list loads again (r, as the notice says)
        app.clear_notifications()
        app.screen.refresh_count = 0
        await pilot.press("r")
        await wait_for(pilot, lambda: screen.refresh_count > 0)
        assert not app._notifications and app.screen is screen
    log = profile.paths.log_file.read_text(encoding="utf-8")
    assert f"crash {error_id}" in log and "builtins.RuntimeError" in log and "broken" in log
    assert CANARY not in log and "lezen" not in log
    out, err = capsys.readouterr()
    assert CANARY not in out + err and "Traceback" not in out + err


async def test_a_refusal_in_a_worker_shows_its_dutch_message(
    profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(_profile: Profile) -> object:
        raise DiskFull("De schijf is vol: de back-up is niet gemaakt. Maak ruimte vrij en probeer "
                       "het opnieuw.")

    monkeypatch.setattr(backup, "make_backup", full)
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
        await pilot.press("f9")
        await wait_for(pilot, lambda: isinstance(app.screen, SettingsScreen))
        settings = app.screen
        settings.query_one("#user").value = "Sanne"  # typed, not yet saved
        await pilot.press("f6")  # Back-up nu (settings.backup)
        text = await wait_for_text(pilot, "Back-up mislukt")
        assert isinstance(app.screen, MessageDialog)
        assert "De schijf is vol: de back-up is niet gemaakt." in text
        assert "foutcode" not in text and _error_id(app) is None
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen is settings)
        assert settings.query_one("#user").value == "Sanne"
        assert app.is_running and profile.unlocked
    assert not profile.paths.log_file.exists() or "crash" not in profile.paths.log_file.read_text()


async def test_an_unexpected_error_while_unlocking_leaves_the_unlock_screen_usable(
    profile: Profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile.lock()

    def broken(_passphrase: str) -> None:
        raise OSError("onverwacht")

    monkeypatch.setattr(profile, "unlock", broken)
    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.screen, UnlockScreen)
        screen = app.screen
        field = screen.query_one("#passphrase")
        field.value = "wat dan ook"
        await pilot.press("enter")
        await wait_for(pilot, lambda: _error_id(app) is not None)
        assert [title for title, _message in _notices(app)] == ["Ontgrendelen mislukt"]
        # Not a crash: the same unlock screen, ready for the next try; the profile stays locked.
        await wait_for(pilot, lambda: not field.disabled and app.focused is field)
        assert app.is_running and app.screen is screen and not profile.unlocked
        monkeypatch.undo()
        field.value = "nog eens"
        await pilot.press("enter")  # the real unlock now: a wrong passphrase is said as it is
        await wait_for_text(pilot, "Probeer het opnieuw over")


async def test_a_failure_whose_screen_has_gone_is_still_told_by_the_app(profile: Profile) -> None:
    from zvh_tui import workers
    from zvh_tui.screens.safety.retention import RetentionScreen

    app = ZvhApp(profile)
    async with app.run_test(size=SIZE) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, CaseListScreen))
        gone = RetentionScreen()
        await app.push_screen(gone)
        await app.pop_screen()
        await wait_for(pilot, lambda: not gone.is_attached)
        # As a worker thread does when it ends after its screen was closed (a lock, Escape).
        workers.post(gone, app, workers.WorkerFailed(RuntimeError(CANARY), "retention-destroy"))
        await wait_for(pilot, lambda: _error_id(app) is not None)
        assert [title for title, _message in _notices(app)] == ["Niet gelukt"]
        assert isinstance(app.screen, CaseListScreen) and app.is_running
    assert CANARY not in profile.paths.log_file.read_text(encoding="utf-8")
