"""Data safety in a real terminal: the backup at unlock and at quit, Instellingen, kill -9 while
the app runs, and `zvh check` / `zvh backup` afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
from pathlib import Path

PASSPHRASE = "terminal-wachtwoord-1"
PLAINTEXT_HEADER = b"SQLite format 3\x00"


def _zvh(zvh: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(zvh), *args], env={**env, "ZVH_PASSPHRASE": PASSPHRASE},
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                          check=False)


def _backups(data: Path) -> list[Path]:
    folder = data / "backups"
    return sorted(p for p in folder.glob("zvh-*.db")) if folder.exists() else []


def test_backup_at_unlock_settings_and_kill_9(
    tmux, tmp_path: Path, zvh_command: Path, zvh_env: dict[str, str]
) -> None:
    data = tmp_path / "profiel"
    demo = _zvh(zvh_command, zvh_env, "--data-dir", str(data), "demo")
    assert demo.returncode == 0
    # the demo profile gets the fictional convenant's bewaartermijn, and says so (issue 15.8)
    assert "Bewaartermijn ingesteld op 2 jaar" in demo.stdout

    # Unlocking by hand makes the first backup (none is younger than a day).
    tmux.start("--data-dir", str(data))
    tmux.wait_for("Profiel vergrendeld")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    tmux.wait_for("Back-up gemaakt")
    [made] = _backups(data)
    assert made.read_bytes()[:16] != PLAINTEXT_HEADER

    # Instellingen explain the bewaartermijn; the demo's term is there (not "nog niet ingesteld").
    tmux.send_keys("F9")
    screen = tmux.wait_for("Bewaartermijn na afsluiten")
    assert "Wmo 15 jaar" in screen and "Jeugdwet 20 jaar" in screen
    assert "nog niet ingesteld" not in screen
    tmux.send_keys("Escape")
    tmux.wait_gone("Bewaartermijn na afsluiten")

    # kill -9 while the app runs: the profile opens again and checks out.
    pid = int((data / "zvh.lock").read_text(encoding="utf-8"))
    os.kill(pid, signal.SIGKILL)
    tmux.exit_status()  # wait until it is gone
    check = _zvh(zvh_command, zvh_env, "--data-dir", str(data), "check")
    assert check.returncode == 0, check.stdout + check.stderr
    assert "Alles in orde." in check.stdout

    backup = _zvh(zvh_command, zvh_env, "--data-dir", str(data), "backup")
    assert backup.returncode == 0, backup.stderr
    assert len(_backups(data)) == 2
