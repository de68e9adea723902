"""scripts/ensure-venv, run by every make target: a clear stop on a too old Python, and a broken
.venv made anew instead of failing for ever."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "ensure-venv"


def ensure(venv: Path, python: str | Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHON": str(python)}
    env.pop("VIRTUAL_ENV", None)
    return subprocess.run(["sh", str(SCRIPT), str(venv)], env=env, capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL)


def fake_python(folder: Path, version: str) -> Path:
    """A 'python' that says it is `version` and fails the version check, as an old one does."""
    fake = folder / "python-old"
    fake.write_text(f'#!/bin/sh\nif [ "$1" = --version ]; then echo "Python {version}"; exit 0; fi\n'
                    "exit 1\n", encoding="utf-8")
    fake.chmod(0o755)
    return fake


def pip_works(venv: Path) -> bool:
    return subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "--version"],
                          capture_output=True, timeout=60).returncode == 0


def test_too_old_python_stops_before_anything_is_made(tmp_path: Path) -> None:
    venv = tmp_path / ".venv"
    result = ensure(venv, fake_python(tmp_path, "3.8.18"))
    assert result.returncode != 0
    assert "Python 3.10 or newer" in result.stderr and "3.8.18" in result.stderr
    assert not venv.exists()


def test_missing_python_is_named(tmp_path: Path) -> None:
    result = ensure(tmp_path / ".venv", tmp_path / "no-such-python")
    assert result.returncode != 0
    assert "was not found" in result.stderr


def test_venv_without_pip_is_made_anew(tmp_path: Path) -> None:
    venv = tmp_path / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    assert not pip_works(venv)
    result = ensure(venv, sys.executable)
    assert result.returncode == 0, result.stderr
    assert "broken (it has no working pip)" in result.stdout
    assert pip_works(venv)


@pytest.mark.parametrize(("python_in_venv", "reason"), [
    ("removed", "missing, broken or older than 3.10"),  # the Python it was made with is gone
    ("3.9.1", "older than 3.10"),
])
def test_venv_with_a_gone_or_too_old_python_is_made_anew(
    tmp_path: Path, python_in_venv: str, reason: str
) -> None:
    venv = tmp_path / ".venv"
    (venv / "bin").mkdir(parents=True)
    target = (tmp_path / "removed-python" if python_in_venv == "removed"
              else fake_python(tmp_path, python_in_venv))
    (venv / "bin" / "python").symlink_to(target)
    result = ensure(venv, sys.executable)
    assert result.returncode == 0, result.stderr
    assert reason in result.stdout
    assert pip_works(venv)


def test_healthy_venv_is_kept(tmp_path: Path) -> None:
    venv = tmp_path / ".venv"
    assert ensure(venv, sys.executable).returncode == 0
    (venv / "keep-me").touch()
    again = ensure(venv, sys.executable)
    assert again.returncode == 0, again.stderr
    assert (venv / "keep-me").exists()
    assert again.stdout == ""
