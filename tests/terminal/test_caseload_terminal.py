"""The Spiegel in a real terminal (issue 15.6/15.7): on a demo profile, m on the case list opens
the caseload mirror, 4 goes to the nazorg watch, r reopens the watched case with a reason typed
in the dialog; the database holds the reopened case and the reason in its journal."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

import pytest

from zvh_tui.core.vocab import Phase
from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import context
from zvh_tui.store.models import Case, JournalEntry

pytestmark = pytest.mark.terminal

PASSPHRASE = "correct-paard-batterij"
REASON = "Terugval na nieuwe melding van de buren"


def watched_case(data: Path) -> str:
    """A closed case of our own whose nazorg ends in three days, the only one on the watch list."""
    profile = Profile.from_dir(data)
    profile.unlock(PASSPHRASE)
    try:
        Case.update(watch_until=None).where(Case.watch_until.is_null(False)).execute()
        case = cases.create_case(cases.NewCase(persons=[cases.NewPerson(name="Tessa Terminaltest")],
                                               reason="Schulden", referrer_citizen="buurman"))
        cases.close_case(case, "Doel bereikt", retention_years=15,
                         watch_until=context.today() + dt.timedelta(days=3))
        return case.reference
    finally:
        profile.close()


def test_open_the_mirror_and_reopen_a_nazorg_case(tmux, tmp_path: Path, zvh_command: Path,
                                                   zvh_env: dict[str, str]) -> None:
    data = tmp_path / "profiel"
    made = subprocess.run([str(zvh_command), "--data-dir", str(data), "demo"],
                          env={**zvh_env, "ZVH_PASSPHRASE": PASSPHRASE}, capture_output=True,
                          text=True, timeout=180, stdin=subprocess.DEVNULL)
    assert made.returncode == 0, made.stderr
    reference = watched_case(data)

    tmux.start("--data-dir", str(data))
    tmux.wait_for("Profiel vergrendeld")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    screen = tmux.wait_for("m Spiegel: ")
    assert "nazorgtermijn loopt af" in screen
    tmux.send_keys("m")
    tmux.wait_for("Spiegel: uw caseload")
    tmux.send_keys("4")  # Naar Nazorg
    screen = tmux.wait_for("loopt af over 3 dagen")
    assert reference in screen and "Tessa Terminaltest" in screen
    tmux.send_keys("r")
    tmux.wait_for(f"Casus {reference} heropenen")
    tmux.type(REASON)
    tmux.send_keys("F5")
    tmux.wait_for("Geen afgesloten casussen in nazorg.")
    tmux.send_keys("Escape")
    tmux.wait_for("casussen")
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    profile = Profile.from_dir(data)
    profile.unlock(PASSPHRASE)
    try:
        case = Case.get(Case.reference == reference)
        assert case.phase != Phase.CLOSED.value and case.watch_until is None
        texts = [e.text for e in JournalEntry.select().where(JournalEntry.case == case.id)]
        assert f"Heropend: {REASON}" in texts
    finally:
        profile.close()
