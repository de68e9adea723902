"""The user's own name in a real terminal: typed beside the new passphrase on the first run, it
is the author of a journal entry afterwards (issue 11, item 5)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import AuditEvent

pytestmark = pytest.mark.terminal

PASSPHRASE = "correct-paard-batterij"


def test_first_run_takes_the_name_beside_the_passphrase(tmux, tmp_path: Path) -> None:
    data = tmp_path / "profiel"
    tmux.start("--data-dir", str(data))
    tmux.wait_for("Uw naam (mag leeg")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    tmux.wait_for("nog een keer, ter controle")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Tab")
    tmux.wait_for("Enter maakt het profiel aan")  # the cursor is in the name field
    tmux.type("Noor Jansen")
    tmux.wait_for("Noor Jansen")
    tmux.send_keys("Enter")
    screen = tmux.wait_for("ontgrendeld")
    assert PASSPHRASE not in screen
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0

    profile = Profile.from_dir(data)
    settings = json.loads(profile.paths.settings_file.read_text(encoding="utf-8"))
    assert settings["user"] == "Noor Jansen"
    profile.unlock(PASSPHRASE)
    try:
        created = AuditEvent.get(AuditEvent.event == "profile.create")
        assert created.user == "Noor Jansen"
    finally:
        profile.close()
