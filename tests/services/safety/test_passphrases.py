"""Passphrases (issue 10.7): weak ones refused with a Dutch hint, the wait after a wrong one
survives a restart and holds for the CLI, and a restore says when the backup's passphrase
applies again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from safety_helpers import TEST_PASSPHRASE, enter_passphrase
from textual.widgets import Input
from uikit import screen_text, wait_for

from zvh_tui.app import ZvhApp
from zvh_tui.core.errors import UnlockDelayed, ValidationError, WrongPassphrase
from zvh_tui.screens.shell.unlock import UnlockScreen
from zvh_tui.services.safety import unlock_delay
from zvh_tui.services.safety.profile import Profile

ZVH = Path(sys.executable).parent / "zvh"
WRONG = "niet-het-wachtwoord"
WEAK = ["12345678", "wachtwoord1", "Welkom2026!", "qwertyuiop", "01-01-1990", "aaaaaaaaaa"]


# -- weak passphrases ------------------------------------------------------------------------

@pytest.mark.parametrize("weak", WEAK)
def test_a_weak_new_passphrase_is_refused_with_a_dutch_hint(profile_dir: Path, weak: str) -> None:
    with pytest.raises(ValidationError) as caught:
        Profile.from_dir(profile_dir).create(weak, weak)
    assert caught.value.field == "passphrase"
    assert "te makkelijk te raden" in str(caught.value) and "woorden" in str(caught.value)
    assert not (profile_dir / "zvh.db").exists()


def test_changing_to_a_weak_passphrase_is_refused(profile: Profile) -> None:
    with pytest.raises(ValidationError) as caught:
        profile.change_passphrase(TEST_PASSPHRASE, "Welkom2026!", "Welkom2026!")
    assert "te makkelijk te raden" in str(caught.value)


async def test_the_first_run_screen_refuses_a_weak_passphrase(profile_dir: Path) -> None:
    new_profile = Profile.from_dir(profile_dir)
    app = ZvhApp(new_profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        app.screen.query_one("#passphrase", Input).value = "wachtwoord1"
        await pilot.press("enter")
        await wait_for(pilot, lambda: "te makkelijk te raden" in screen_text(app))
        assert app.focused is app.screen.query_one("#passphrase")
    assert not new_profile.exists


# -- the wait after a wrong passphrase ---------------------------------------------------------

def test_the_wait_after_a_wrong_passphrase_survives_a_restart(make_profile) -> None:
    first = make_profile(unlock=False)
    with pytest.raises(WrongPassphrase):
        first.unlock(WRONG)
    first.close()  # the app quits

    again = Profile.from_dir(first.paths.data)  # and is started again
    with pytest.raises(UnlockDelayed) as caught:
        again.unlock(TEST_PASSPHRASE)
    assert 0 < caught.value.seconds <= 1 and "probeer het over 1 seconde" in str(caught.value)
    assert again.unlock_delay.failures == 1

    later = time.time() + 1.0
    again.unlock_delay.clock = lambda: later
    with pytest.raises(WrongPassphrase):
        again.unlock(WRONG)
    assert again.unlock_delay.failures == 2
    assert again.unlock_delay.remaining() == pytest.approx(2.0)  # 1, 2, 4 … 30
    again.unlock_delay.clock = lambda: later + 2.0
    again.unlock(TEST_PASSPHRASE)
    assert again.unlocked
    assert not again.unlock_delay.file.exists()  # a right passphrase starts again at zero
    again.close()


@pytest.mark.parametrize("content", ["{}", "kapot", '{"failures": -1, "last": 0}',
                                     '{"failures": 0, "last": "nu"}'])
def test_an_edited_delay_file_means_the_longest_wait(tmp_path: Path, content: str) -> None:
    file = tmp_path / unlock_delay.FILENAME
    file.write_text(content, encoding="utf-8")
    delay = unlock_delay.UnlockDelay(file)
    assert delay.remaining() == pytest.approx(unlock_delay.MAX_RETRY_DELAY_SECONDS, abs=1.0)


def test_a_clock_set_back_never_stretches_the_wait(tmp_path: Path) -> None:
    now = [1_000_000.0]
    delay = unlock_delay.UnlockDelay(tmp_path / unlock_delay.FILENAME, clock=lambda: now[0])
    assert delay.failed() == 1
    now[0] -= 86_400  # the clock goes back a day
    assert delay.remaining() == 1.0


async def test_the_app_continues_the_countdown_after_a_restart(make_profile) -> None:
    profile = make_profile(unlock=False)
    app = ZvhApp(profile)
    async with app.run_test(size=(120, 40)) as pilot:
        await enter_passphrase(pilot, WRONG)
        await wait_for(pilot, lambda: "Probeer het opnieuw over" in screen_text(app))
    # The countdown must not end before a new app gets this far: hold the clock still.
    restarted = Profile.from_dir(profile.paths.data)
    stopped = time.time()
    restarted.unlock_delay.clock = lambda: stopped
    app = ZvhApp(restarted)
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: isinstance(app.screen, UnlockScreen))
        await wait_for(pilot, lambda: "Probeer het opnieuw over 1 seconde" in screen_text(app))
        assert app.screen.query_one("#passphrase", Input).disabled


def _zvh_check(data: Path, passphrase: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ZVH_PASSPHRASE": passphrase}
    return subprocess.run([str(ZVH), "--data-dir", str(data), "check"], env=env,
                          capture_output=True, text=True, timeout=120)


def test_the_cli_with_zvh_passphrase_waits_too(make_profile) -> None:
    profile = make_profile(unlock=False)
    data = profile.paths.data
    assert _zvh_check(data, WRONG).returncode == 2
    assert profile.unlock_delay.failures == 1  # the CLI counts wrong passphrases too
    # Three wrong tries just now: the next one, even with the right passphrase, waits 4 s.
    written = time.time()
    profile.unlock_delay.file.write_text(json.dumps({"failures": 3, "last": written}))
    done = _zvh_check(data, TEST_PASSPHRASE)
    waited = time.time() - written
    assert f"Controle van profiel '{data.name}'" in done.stdout, done.stderr  # it opened
    assert "Na een fout wachtwoord wacht zvh" in done.stderr
    assert waited >= 4.0
    assert not profile.unlock_delay.file.exists()


# -- restore after a passphrase change ---------------------------------------------------------

def test_restoring_a_backup_from_before_a_passphrase_change_says_which_passphrase_applies(
    make_profile, monkeypatch: pytest.MonkeyPatch
) -> None:
    from zvh_tui.services.safety import backup

    profile = make_profile()
    same = backup.make_backup(profile).info.path
    profile.change_passphrase(TEST_PASSPHRASE, "nieuw-paard-batterij-7", "nieuw-paard-batterij-7")
    after = backup.make_backup(profile).info.path
    profile.close()
    env = {key: value for key, value in os.environ.items() if key != "ZVH_PASSPHRASE"}

    def restore(backup_file: Path, passphrase: str) -> str:
        done = subprocess.run([str(ZVH), "--data-dir", str(profile.paths.data), "restore",
                               str(backup_file)], env={**env, "ZVH_PASSPHRASE": passphrase},
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    said = restore(same, TEST_PASSPHRASE)  # made before the change, under the old passphrase
    assert "Back-up teruggezet" in said
    assert "ander wachtwoord dan de database die er stond" in said
    assert "het latere wachtwoord werkt niet meer" in said
    said = restore(same, TEST_PASSPHRASE)  # the same passphrase as what is there now: no notice
    assert "Back-up teruggezet" in said and "ander wachtwoord" not in said
    assert after.exists()
