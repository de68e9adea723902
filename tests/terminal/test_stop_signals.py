"""Logging out (SIGTERM) and closing the terminal window (SIGHUP) lose nothing (issue 10.8).

Type into the plan's gezamenlijke opgave in the real terminal and end zvh the moment the last
keystroke shows, well inside the editor's 300 ms save delay: the stored text must be all of it,
the last audit event must be the lock, and the WAL must be checkpointed - as after Ctrl+Q.
SIGHUP is sent the way a closing terminal does: `tmux kill-session` hangs up the pane.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from killkit import zvh_pid
from test_plan_kill import PASSPHRASE, _make_profile, _open_plan

from zvh_tui.services.safety.profile import Profile
from zvh_tui.store.models import AuditEvent, Plan

pytestmark = pytest.mark.terminal

TYPED = "Rust in huis en school"


def _gone(pid: int, timeout: float = 20.0) -> None:
    """Wait until zvh has ended: no such process, or one that only waits to be reaped (its
    parent, the tmux server, does not always collect an ended pane's process at once)."""
    deadline = time.monotonic() + timeout
    status = Path(f"/proc/{pid}/status")
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
            if status.exists() and "\nState:\tZ" in status.read_text(encoding="ascii"):
                return
        except (ProcessLookupError, FileNotFoundError):
            return
        time.sleep(0.05)
    raise AssertionError(f"zvh (pid {pid}) stopte niet binnen {timeout} s")


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP"])
def test_stop_signal_saves_the_field_being_typed_and_locks(
    tmux, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    data = tmp_path / "profiel"
    reference = _make_profile(data, monkeypatch)
    exit_file = tmp_path / "exit-status"
    tmux.start("--data-dir", str(data), env={"ZVH_PASSPHRASE": PASSPHRASE},
               exit_file=exit_file if how == "SIGTERM" else None)
    _open_plan(tmux, reference)
    tmux.send_keys("Home")
    time.sleep(0.2)  # so the terminal does not read the next key with Home as one
    tmux.send_keys("Enter")  # edit the gezamenlijke opgave in place
    tmux.wait_for("Esc: annuleren")
    pid = zvh_pid(data)
    tmux.type(TYPED)
    tmux.wait_for(TYPED)  # the last keystroke has reached the app
    if how == "SIGTERM":
        os.kill(pid, signal.SIGTERM)
        assert tmux.exit_status_from(exit_file) == 128 + signal.SIGTERM
    else:
        tmux._tmux("kill-session", "-t", "zvh")  # the terminal window closes: SIGHUP
    _gone(pid)

    wal = Path(str(data / "zvh.db") + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # checkpointed, as after Ctrl+Q
    monkeypatch.setenv("ZVH_PASSPHRASE", PASSPHRASE)
    profile = Profile.from_dir(data)
    assert profile.open_from_environment()
    try:
        assert Plan.get().shared_task == TYPED  # every keystroke, none lost to the save delay
        events = [e.event for e in AuditEvent.select().order_by(AuditEvent.id)]
        assert events[-2:] == ["lock", "unlock"]  # zvh's lock, then this test's unlock
    finally:
        profile.close()
