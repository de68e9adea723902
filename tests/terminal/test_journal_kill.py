"""No half-typed journal note is lost: type a note in a dossier in the real terminal, kill -9 zvh
after a pause in typing (the draft was saved), restart, open the case, press j: the note is back.

Like test_new_case_kill.py, for a form of the dialog family (FormDialog, a key named by the
dossier: "journal:<case id>"). The draft is read beside the running zvh (read-only, with the
key) to know that the pause was long enough; at most what was typed after it may be missing.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from killkit import draft_field, wait_stored, zvh_pid

from zvh_tui.services.cases import lifecycle as cases
from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import drafts
from zvh_tui.store.models import JournalEntry

pytestmark = pytest.mark.terminal

PASSPHRASE = "correct-paard-batterij"
NOTE = "Gebeld met de wijkagent"
MORE = ", huisbezoek volgt"


def _open_note(tmux, reference: str) -> str:
    tmux.wait_for(reference)
    time.sleep(0.3)  # a person looks before choosing
    tmux.send_keys("Enter")
    tmux.wait_for(f"Casus {reference}")
    time.sleep(0.3)
    tmux.send_keys("n")  # Nieuwe notitie
    screen = tmux.wait_for("Journaal: nieuwe notitie")
    time.sleep(0.3)
    return screen


def test_kill_9_after_a_pause_keeps_the_journal_note(tmux, tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "profiel"
    monkeypatch.delenv("ZVH_PASSPHRASE", raising=False)
    profile = Profile.from_dir(data)
    profile.create(PASSPHRASE)
    case = cases.create_case(cases.NewCase(persons=[cases.NewPerson("Anouk Testmans")],
                                           reason="overlast", referrer_citizen="buurman"))
    reference, key = case.reference, f"journal:{case.id}"
    profile.close()
    env = {"ZVH_PASSPHRASE": PASSPHRASE}

    tmux.start("--data-dir", str(data), env=env)
    _open_note(tmux, reference)
    tmux.type(NOTE)
    wait_stored(data, PASSPHRASE, draft_field(key, "journal"), NOTE, "het concept")  # a pause in typing: kept without saving the note
    tmux.type(MORE)  # still typing when the laptop dies
    os.kill(zvh_pid(data), signal.SIGKILL)
    tmux.exit_status()

    tmux.kill()  # a new tmux server for the restart (see test_plan_kill.py)
    time.sleep(0.2)
    tmux.start("--data-dir", str(data), env=env)
    _open_note(tmux, reference)
    screen = tmux.wait_for("Concept teruggezet")
    assert NOTE in screen
    assert "Traceback" not in screen
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    monkeypatch.setenv("ZVH_PASSPHRASE", PASSPHRASE)
    profile = Profile.from_dir(data)
    assert profile.open_from_environment()
    try:
        kept = drafts.load(key)["journal"]
        assert kept.startswith(NOTE)  # saved during the pause
        assert (NOTE + MORE).startswith(kept)  # at most what came after it is short
        assert JournalEntry.select().where(JournalEntry.text.contains(NOTE)).count() == 0
    finally:
        profile.close()
