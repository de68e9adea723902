"""The layer rules (import-linter contracts in pyproject.toml) hold, `make lint` checks them, and
a breach is reported: a screen that imports the store, a store module that imports a service.

This test is part of `make test`, which CI runs, so a broken rule fails CI even without `make lint`.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def lint_imports(cwd: Path, pythonpath: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = str(pythonpath)
    return subprocess.run([str(LINT_IMPORTS), "--no-cache"], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL)


def test_the_layer_rules_hold() -> None:
    result = lint_imports(REPO)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
    for rule in ("Layers point down", "never import the store", "know nothing of Textual",
                 "Only the cli imports the demo builder"):
        assert rule in result.stdout, rule


def test_make_lint_runs_the_contracts() -> None:
    result = subprocess.run(["make", "--no-print-directory", "-n", "-C", str(REPO), "lint"],
                            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    commands = result.stdout.splitlines()
    assert any("ruff check" in line for line in commands), result.stdout
    assert any("lint-imports" in line for line in commands), result.stdout


def test_a_screen_importing_the_store_is_reported(tmp_path: Path) -> None:
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    package = tmp_path / "src" / "zvh_tui"
    shutil.copytree(REPO / "src" / "zvh_tui", package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (package / "screens" / "cases" / "sneaky.py").write_text(
        "from zvh_tui.store.models import Case\n", encoding="utf-8")
    (package / "store" / "upward.py").write_text(
        "from zvh_tui.services.cases import lifecycle\n", encoding="utf-8")

    result = lint_imports(tmp_path, pythonpath=tmp_path / "src")

    assert result.returncode != 0
    assert "2 broken" in result.stdout, result.stdout
    assert "zvh_tui.screens.cases.sneaky -> zvh_tui.store.models" in result.stdout
    assert "zvh_tui.store.upward -> zvh_tui.services.cases.lifecycle" in result.stdout
