"""No half-typed aanmelding is lost: type in Nieuwe aanmelding in the real terminal, kill -9 zvh
after a pause in typing (the draft was saved), restart, press n: the text is back.

The draft is read beside the running zvh (read-only, with the key) to know that the pause was
long enough; after the restart the form must show it with "Concept teruggezet", and at most what
was typed after the pause may be missing.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from killkit import draft_field, wait_stored, zvh_pid

from zvh_tui.services.safety.profile import Profile
from zvh_tui.services.shared import drafts
from zvh_tui.store.models import Case

pytestmark = pytest.mark.terminal

PASSPHRASE = "correct-paard-batterij"
NAME = "Marco de Wit"
MORE = " junior"


def _open_form(tmux) -> str:
    tmux.wait_for("Nog geen casussen")
    time.sleep(0.3)  # a person looks before typing
    tmux.send_keys("n")
    screen = tmux.wait_for("Betrokkene toevoegen")
    time.sleep(0.3)
    return screen


def test_kill_9_after_a_pause_keeps_the_aanmelding(tmux, tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "profiel"
    monkeypatch.delenv("ZVH_PASSPHRASE", raising=False)
    profile = Profile.from_dir(data)
    profile.create(PASSPHRASE)
    profile.close()
    env = {"ZVH_PASSPHRASE": PASSPHRASE}

    tmux.start("--data-dir", str(data), env=env)
    _open_form(tmux)
    tmux.type(NAME)
    wait_stored(data, PASSPHRASE, draft_field("new_case", "person0-name"), NAME,
                "het concept")  # a pause in typing: kept without saving the form
    tmux.type(MORE)  # still typing when the laptop dies
    os.kill(zvh_pid(data), signal.SIGKILL)
    tmux.exit_status()

    tmux.kill()  # a new tmux server for the restart (see test_plan_kill.py)
    time.sleep(0.2)
    tmux.start("--data-dir", str(data), env=env)
    _open_form(tmux)
    screen = tmux.wait_for("Concept teruggezet")
    assert NAME in screen
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    monkeypatch.setenv("ZVH_PASSPHRASE", PASSPHRASE)
    profile = Profile.from_dir(data)
    assert profile.open_from_environment()
    try:
        kept = drafts.load("new_case")["person0-name"]
        assert kept.startswith(NAME)  # saved during the pause
        assert (NAME + MORE).startswith(kept)  # at most what came after it is short
        assert Case.select().count() == 0  # a draft, not a case
    finally:
        profile.close()
