"""The installed `zvh` in a real terminal: first run, restart, wrong passphrase, `zvh check`.

What a procesregisseur does on day one, typed key by key into tmux; afterwards the database on
disk must exist, be encrypted, and nothing but a clean prompt may remain on the terminal.
"""

from __future__ import annotations

import stat
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.terminal

PASSPHRASE = "correct-paard-batterij"
PLAINTEXT_HEADER = b"SQLite format 3\x00"


def run_zvh(zvh: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(zvh), *args], env=env, capture_output=True, text=True,
                          timeout=60, stdin=subprocess.DEVNULL)


def assert_encrypted(db_file: Path) -> None:
    assert db_file.exists()
    assert not db_file.read_bytes()[:16] == PLAINTEXT_HEADER
    assert stat.S_IMODE(db_file.stat().st_mode) == 0o600


def test_first_run_sets_passphrase_then_restart_unlocks(tmux, tmp_path: Path) -> None:
    data = tmp_path / "profiel"
    tmux.start("--data-dir", str(data))
    tmux.wait_for("Nieuw profiel")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    # Keys typed ahead go to the field that has the cursor when they arrive: wait for the
    # cursor to move to the second field, as a person would look up.
    tmux.wait_for("nog een keer, ter controle")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    screen = tmux.wait_for("ontgrendeld")
    assert "Casussen" in screen and "profiel: profiel" in screen
    assert PASSPHRASE not in screen and str(tmp_path) not in screen

    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0
    left = tmux.capture()
    assert "Casussen" not in left and "Traceback" not in left
    assert_encrypted(data / "zvh.db")

    tmux.start("--data-dir", str(data))
    tmux.wait_for("Profiel vergrendeld")
    tmux.type("dit-is-het-niet")
    tmux.send_keys("Enter")
    tmux.wait_for("Het wachtwoord klopt niet")
    tmux.wait_gone("Probeer het opnieuw")  # typing during the wait would be ignored
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    screen = tmux.wait_for("ontgrendeld")
    assert "Casussen" in screen
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0


def test_passphrase_from_environment_opens_main_screen_and_lock_works(
    tmux, tmp_path: Path, zvh_command: Path, zvh_env: dict[str, str]
) -> None:
    data = tmp_path / "profiel"
    tmux.start("--data-dir", str(data), env={"ZVH_PASSPHRASE": PASSPHRASE})
    screen = tmux.wait_for("ontgrendeld")
    assert "Wachtwoord" not in screen and "Casussen" in screen

    second = run_zvh(zvh_command, {**zvh_env, "ZVH_PASSPHRASE": PASSPHRASE},
                     "--data-dir", str(data), "check")
    assert second.returncode == 2 and "al geopend" in second.stderr  # one instance at a time

    tmux.send_keys("C-l")
    tmux.wait_for("Profiel vergrendeld")
    # tmux may be caught between two halves of a redraw: allow the frame to finish.
    tmux.wait_gone("Casussen")
    tmux.type(PASSPHRASE)
    tmux.send_keys("Enter")
    tmux.wait_for("ontgrendeld")
    tmux.send_keys("C-q")
    assert tmux.exit_status() == 0
    assert_encrypted(data / "zvh.db")


def test_check_reports_in_order_and_refuses_wrong_passphrase(
    zvh_command: Path, zvh_env: dict[str, str], tmp_path: Path
) -> None:
    data = str(tmp_path / "profiel")
    env = {**zvh_env, "ZVH_PASSPHRASE": PASSPHRASE}

    # `zvh backup` no longer creates a profile on a new folder: `zvh init` does (issue 9.6).
    refused = run_zvh(zvh_command, env, "backup", "--data-dir", data)
    assert refused.returncode == 2 and "Er is geen profiel in" in refused.stderr
    assert not Path(data).exists()
    made = run_zvh(zvh_command, env, "init", "--data-dir", data)
    assert made.returncode == 0, made.stderr
    made = run_zvh(zvh_command, env, "backup", "--data-dir", data)
    assert made.returncode == 0, made.stderr

    first = run_zvh(zvh_command, env, "check", "--data-dir", data)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "Alles in orde" in first.stdout and "Auditlog: in orde" in first.stdout

    again = run_zvh(zvh_command, env, "--data-dir", data, "check")  # --data-dir before the subcommand too
    assert again.returncode == 0, again.stderr
    assert "in orde" in again.stdout

    wrong = run_zvh(zvh_command, {**zvh_env, "ZVH_PASSPHRASE": "dit-is-het-niet"}, "--data-dir", data, "check")
    assert wrong.returncode == 2
    assert "Het wachtwoord klopt niet" in wrong.stderr
    assert "Traceback" not in wrong.stderr + wrong.stdout
    assert_encrypted(Path(data) / "zvh.db")
