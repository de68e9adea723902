"""The Makefile's set-up: a too old Python stops `make run` before anything is made, and the first
install shows what it does instead of a minute of silence."""

from __future__ import annotations

import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def make(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["make", "--no-print-directory", "-C", str(REPO), *args],
                          capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)


def test_make_run_with_a_too_old_python_stops_with_the_reason(tmp_path: Path) -> None:
    old = tmp_path / "python3"
    old.write_text('#!/bin/sh\n[ "$1" = --version ] && echo "Python 3.9.2" && exit 0\nexit 1\n',
                   encoding="utf-8")
    old.chmod(0o755)
    venv = tmp_path / "venv"
    result = make("run", f"PYTHON={old}", f"VENV={venv}")
    assert result.returncode != 0
    assert "needs Python 3.10 or newer" in result.stderr and "3.9.2" in result.stderr
    assert not venv.exists()


def test_first_install_shows_progress(tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    result = make("-n", "-B", f"VENV={venv}", f"{venv}/.installed")  # what make would run
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert any("Installing zvh-tui's dependencies" in line for line in lines)
    installs = [line for line in lines if "pip install" in line and "--require-hashes" in line]
    assert installs, result.stdout
    assert all("--quiet" not in line and " -q" not in line for line in installs)
    assert all("--progress-bar on" in line for line in installs)
