"""The installed `zvh` in English, in tmux, as a person would use it (issue 17).

An English-speaking liaison officer starts `zvh --lang en` on a demo profile: the unlock screen,
the case list, a search, the dossier, a journal note, the key help and the footer all read in
English, and the note is still there after a restart chosen by `ZVH_LANG=en` alone. `--lang nl`
wins over `ZVH_LANG`.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from i18nkit import dutch_words_in  # tests/kits is on the path
from terminal.test_case_journal import PASSPHRASE, pick_case

from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Person

pytestmark = pytest.mark.terminal

NOTE = "Phoned the neighbourhood officer [/b]; home visit planned"


def demo_names(data: Path) -> list[str]:
    """The demo's client names: user data, which stays as typed in either language."""
    profile = Profile.from_dir(data)
    profile.unlock(PASSPHRASE)
    try:
        return [name for (name,) in Person.select(Person.name).tuples()]
    finally:
        profile.close()


def english_on(screen: str, names: list[str]) -> list[str]:
    """Dutch-only words on an English screen, names (user data) left out."""
    words = [part for name in names for part in name.split() if len(part) > 2]
    return dutch_words_in(screen, allowed=words)


def test_english_from_unlock_to_journal_and_back(tmux, tmp_path: Path, zvh_command: Path,
                                                 zvh_env: dict[str, str]) -> None:
    data = tmp_path / "profiel"
    result = subprocess.run([str(zvh_command), "--lang", "en", "--data-dir", str(data), "demo"],
                            env={**zvh_env, "ZVH_PASSPHRASE": PASSPHRASE}, capture_output=True,
                            text=True, timeout=180, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert dutch_words_in(result.stdout) == [], result.stdout  # the demo's summary in English
    reference, part = pick_case(data)
    names = demo_names(data)

    tmux.start("--lang", "en", "--data-dir", str(data))
    screen = tmux.wait_for("Profile locked")
    assert "Profiel vergrendeld" not in screen and english_on(screen, names) == []
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    screen = tmux.wait_for("Cases")
    tmux.wait_for(" cases")  # the count line: "N of M cases"
    screen = tmux.capture()
    assert english_on(screen, names) == [], screen

    tmux.type("/")
    tmux.type(part)
    tmux.wait_for(f"Search:  {part}")
    screen = tmux.wait_for("1 of ")
    assert reference in screen and english_on(screen, names) == [], screen
    tmux.send_keys("Enter")
    tmux.wait_for(f"Case {reference}")

    tmux.send_keys("n")
    screen = tmux.wait_for("Journal: new note")
    assert english_on(screen, names) == [], screen
    tmux.type(NOTE)
    tmux.send_keys("F5")
    screen = tmux.wait_for(NOTE)
    assert "Traceback" not in screen

    tmux.send_keys("F1")
    screen = tmux.wait_for("Keys")
    assert "Toetsen" not in screen and english_on(screen, names) == [], screen
    tmux.send_keys("Escape")
    tmux.wait_gone("Keys")
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    # ZVH_LANG alone chooses English; the note was kept
    tmux.start("--data-dir", str(data), env={"ZVH_LANG": "en"})
    tmux.wait_for("Profile locked")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    tmux.wait_for(" cases")
    tmux.type("/")
    tmux.type(part)
    tmux.wait_for("1 of ")
    tmux.send_keys("Enter")
    tmux.wait_for(f"Case {reference}")
    tmux.send_keys("5")  # the journal section
    tmux.wait_for(NOTE)
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    # --lang wins over ZVH_LANG
    tmux.start("--lang", "nl", "--data-dir", str(data), env={"ZVH_LANG": "en"})
    screen = tmux.wait_for("Profiel vergrendeld")
    assert "Profile locked" not in screen
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0
