"""The installed `zvh` in tmux: find a demo case by part of a name, write in its journal, restart.

A procesregisseur unlocks, types `/` and a few letters of a person's name, opens the case,
adds a journal entry, quits; after a restart the entry is still in the dossier.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from zvh_tui.services.cases import case_list
from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import Case, CasePerson, Person

pytestmark = pytest.mark.terminal

PASSPHRASE = "correct-paard-batterij"
NOTE = "Gebeld met de wijkagent [/b]; huisbezoek staat"


def demo_profile(zvh: Path, env: dict[str, str], data: Path) -> None:
    result = subprocess.run([str(zvh), "--data-dir", str(data), "demo"],
                            env={**env, "ZVH_PASSPHRASE": PASSPHRASE}, capture_output=True,
                            text=True, timeout=180, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr


def pick_case(data: Path) -> tuple[str, str]:
    """A case reference and part of a person's name that finds only that case."""
    profile = Profile.from_dir(data)
    profile.unlock(PASSPHRASE)
    try:
        rows = (Person.select(Person.name, Case.reference)
                .join(CasePerson).join(Case).where(Case.phase != "closed").order_by(Case.reference))
        for name, reference in rows.tuples():
            for word in name.split():
                part = word[:5]
                if len(part) == 5 and part.isalpha():
                    ids = case_list.search_ids(part)
                    if ids is not None and len(ids) == 1:
                        return reference, part
        raise AssertionError("geen demo-naam die precies één casus vindt")
    finally:
        profile.close()


def unlock(tmux) -> str:
    tmux.wait_for("Profiel vergrendeld")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    return tmux.wait_for("casussen")


def find_and_open(tmux, part: str, reference: str) -> str:
    tmux.type("/")
    tmux.type(part)
    tmux.wait_for(f"Zoeken:  {part}")
    screen = tmux.wait_for(" 1 van ")  # the count: one case found
    assert reference in screen
    tmux.send_keys("Enter")  # Enter in the search opens the case found
    return tmux.wait_for(f"Casus {reference}")


def test_find_case_write_journal_restart(tmux, tmp_path: Path, zvh_command: Path,
                                         zvh_env: dict[str, str]) -> None:
    data = tmp_path / "profiel"
    demo_profile(zvh_command, zvh_env, data)
    reference, part = pick_case(data)

    tmux.start("--data-dir", str(data))
    unlock(tmux)
    find_and_open(tmux, part, reference)
    tmux.send_keys("n")  # Notitie (j is down in lists)
    tmux.wait_for("Journaal: nieuwe notitie")
    tmux.type(NOTE)
    tmux.send_keys("F5")
    screen = tmux.wait_for(NOTE)
    assert "Traceback" not in screen
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    tmux.start("--data-dir", str(data))
    unlock(tmux)
    find_and_open(tmux, part, reference)
    tmux.send_keys("5")  # jump to the journal section
    screen = tmux.wait_for(NOTE)
    assert "Traceback" not in screen
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0
